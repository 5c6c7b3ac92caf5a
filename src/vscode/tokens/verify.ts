import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Clock } from '../../core/clock';
import { verifyJwt } from '../../core/jwt/verify';
import type { VerifyOutcome } from '../../core/jwt/verify';
import type { SecretStore } from '../secretStore';
import { verificationText } from '../../core/secrets/tokenViews';
import type { TokensModel } from '../sidebar/tokensModel';
import type { TokenNode } from '../sidebar/tokensTree';

/** Key given directly, so tests (and scripts) need no prompt. Exactly one is used. */
export interface VerifyArgs {
  readonly secret?: string;
  readonly storedSecret?: string;
  readonly keyFile?: string;
}

export interface VerifyCommandResult {
  readonly result: VerifyOutcome;
  readonly reason: string;
  readonly warnings: readonly string[];
  readonly tokenId: string;
}

export interface VerifyDeps {
  readonly model: TokensModel;
  readonly store: SecretStore;
  readonly clock: Clock;
}

interface KeyChoice {
  readonly keyText: string;
  /** "stored secret JWT_SECRET", "typed secret", "file jwks.json". Never the key. */
  readonly label: string;
}

/** `target`: a tree node, a token id from the model, or a compact token (added to the view). */
function resolveToken(model: TokensModel, target: unknown): string | undefined {
  if (target && typeof target === 'object' && 'tokenId' in target) return (target as TokenNode).tokenId;
  if (typeof target === 'string' && target !== '') {
    if (model.find(target)) return target;
    return model.add(target, 'verify');
  }
  return undefined;
}

async function pickToken(model: TokensModel): Promise<string | undefined> {
  const items = model.items.filter((t) => !t.error).map((t) => ({ label: t.label, description: t.description, id: t.id }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Leakproof: no JWT to verify. Use "Decode JWT…" first.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder: 'Verify which token?' }))?.id;
}

async function readKeyFile(uri: vscode.Uri): Promise<KeyChoice> {
  return { keyText: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), label: `file ${path.posix.basename(uri.path)}` };
}

async function pickKey(store: SecretStore, args: VerifyArgs): Promise<KeyChoice | undefined> {
  if (args.secret !== undefined) return { keyText: args.secret, label: 'given secret' };
  if (args.storedSecret !== undefined) {
    const v = await store.get(args.storedSecret);
    if (v === undefined) throw new Error(`${args.storedSecret} is not in the keychain.`);
    return { keyText: v, label: `stored secret ${args.storedSecret}` };
  }
  if (args.keyFile !== undefined) return readKeyFile(vscode.Uri.file(args.keyFile));

  const stored = store.list();
  const choice = await vscode.window.showQuickPick(
    [
      ...(stored.length > 0 ? [{ label: '$(lock) Stored secret (HMAC)…', id: 'stored' }] : []),
      { label: '$(edit) Type a secret (HMAC)…', id: 'typed' },
      { label: '$(file) Key file: PEM, JWK or JWKS…', id: 'file' },
    ],
    { title: 'Verify signature with', placeHolder: 'Where is the key?' },
  );
  if (!choice) return undefined;
  if (choice.id === 'stored') {
    const pick = await vscode.window.showQuickPick(stored.map((m) => ({ label: m.name, description: m.ruleId })), { placeHolder: 'Which stored secret signs this token?' });
    if (!pick) return undefined;
    const v = await store.get(pick.label);
    if (v === undefined) throw new Error(`${pick.label} is not in the keychain any more.`);
    return { keyText: v, label: `stored secret ${pick.label}` };
  }
  if (choice.id === 'typed') {
    const v = await vscode.window.showInputBox({ title: 'HMAC secret', prompt: 'The shared secret (hidden). It is used once and not kept.', password: true, ignoreFocusOut: true });
    return v === undefined ? undefined : { keyText: v, label: 'typed secret' };
  }
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: false, openLabel: 'Verify with this key',
    filters: { Keys: ['pem', 'crt', 'cer', 'pub', 'key', 'json', 'jwk', 'jwks'], 'All files': ['*'] },
  });
  return uris?.[0] ? readKeyFile(uris[0]) : undefined;
}

/** "Verify signature…": result on the token's row and as a message; the key is never shown or kept. */
export async function verifyJwtCommand(deps: VerifyDeps, target?: unknown, args: VerifyArgs = {}): Promise<VerifyCommandResult | undefined> {
  const id = resolveToken(deps.model, target) ?? (await pickToken(deps.model));
  if (!id) return undefined;
  const token = deps.model.tokenText(id);
  if (token === undefined) throw new Error('That token is no longer in the view.');
  const key = await pickKey(deps.store, args);
  if (!key) return undefined;
  const now = deps.clock();
  const r = await verifyJwt(token, key.keyText, { now });
  deps.model.setVerification(id, { result: r.result, reason: r.reason, warnings: r.warnings, keySource: key.label, at: now });
  const interactive = args.secret === undefined && args.storedSecret === undefined && args.keyFile === undefined;
  if (interactive) {
    const label = deps.model.find(id)?.label ?? 'token';
    const text = [`Leakproof: ${label}: ${verificationText({ ...r, keySource: key.label, at: now })}. ${r.reason}`, ...r.warnings].join(' ');
    if (r.result === 'valid' && r.warnings.length === 0) void vscode.window.showInformationMessage(text);
    else if (r.result === 'valid' || r.result === 'error' || r.result === 'unsupported') void vscode.window.showWarningMessage(text);
    else void vscode.window.showErrorMessage(text);
  }
  return { result: r.result, reason: r.reason, warnings: r.warnings, tokenId: id };
}
