import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { reissueJwt } from '../../core/jwt/issue';
import { mask } from '../../core/mask';
import { generateLike, inferShape } from '../../core/rotation/generate';
import { BUILTIN_RULES } from '../../core/rules';
import { scan } from '../../core/scan';
import type { SecretStore } from '../secretStore';
import type { SecretItem } from '../sidebar/secretsModel';
import type { RotationService } from './rotationService';

export type RotateMethod = 'generate' | 'paste' | 'reissue';

/** Lets tests (and other commands) skip every prompt. */
export interface RotateArgs {
  readonly method?: RotateMethod;
  /** For `paste`. */
  readonly value?: string;
  /** For `reissue`: an HMAC secret or a private key PEM. */
  readonly signingKey?: string;
  /** Skip the "provider-issued credential" confirmation. */
  readonly yes?: boolean;
}

export interface RotateFlowDeps {
  readonly store: SecretStore;
  readonly service: RotationService;
  readonly clock: Clock;
}

interface MethodPick extends vscode.QuickPickItem {
  readonly method: RotateMethod;
}

/** The provider's key page for this secret, when its rule is known. */
export function docsLink(secret: SecretItem, value: string): string | undefined {
  if (secret.meta?.ruleId) return BUILTIN_RULES.find((r) => r.id === secret.meta?.ruleId)?.docs;
  return scan(`${secret.name}=${value}`).find((f) => f.docs)?.docs;
}

/** Returns true when the secret was rotated. */
export async function rotateFlow(deps: RotateFlowDeps, secret: SecretItem, args: RotateArgs = {}): Promise<boolean> {
  const old = await deps.service.currentValue(secret);
  if (old === undefined) throw new Error(`${secret.name} has no value to rotate.`);
  const method = args.method ?? (await pickMethod(secret, old));
  if (!method) return false;

  let next: string | undefined;
  if (method === 'generate') {
    const r = generateLike(old);
    if (!r.ok) throw new Error(r.reason);
    if (r.warnings.length > 0 && !args.yes) {
      const ok = await vscode.window.showWarningMessage(`Rotate ${secret.name}?`, { modal: true, detail: r.warnings.join('\n\n') }, 'Generate anyway');
      if (ok !== 'Generate anyway') return false;
    }
    next = r.value;
  } else if (method === 'paste') {
    next = args.value ?? (await pasteValue(secret, docsLink(secret, old)));
  } else {
    const key = args.signingKey ?? (await pickSigningKey(deps.store, secret));
    if (key === undefined) return false;
    const r = await reissueJwt(old, key, { now: deps.clock() });
    if (!r.ok) throw new Error(r.reason);
    for (const w of r.warnings) void vscode.window.showWarningMessage(`Leakproof: ${w}`);
    next = r.token;
  }
  if (next === undefined || next === '') return false;
  await deps.service.rotate(secret, next);
  if (!args.method) {
    void vscode.window.showInformationMessage(
      `Leakproof: ${secret.name} rotated (now ${mask(next)}). The previous value is kept for rollback during the grace period.`,
      'Roll back',
    ).then((choice) => {
      if (choice === 'Roll back') void vscode.commands.executeCommand('leakproof.secret.rollback', secret.id);
    });
  }
  return true;
}

async function pickMethod(secret: SecretItem, old: string): Promise<RotateMethod | undefined> {
  const shape = inferShape(old);
  const items: MethodPick[] = [
    {
      method: 'generate',
      label: '$(sparkle) Generate a new value',
      detail: 'error' in shape ? shape.error : `Random (CSPRNG), same shape: ${shape.prefix ? `prefix ${shape.prefix}, ` : ''}${old.length} characters, ~${shape.entropyBits} bits${shape.issuedBy ? ` — only ${shape.issuedBy} can issue a working one` : ''}`,
    },
    { method: 'paste', label: '$(clippy) Paste a new value', detail: 'Issued by the provider: revoke the old one there once everything uses the new one.' },
  ];
  if (secret.isJwt) items.push({ method: 'reissue', label: '$(key) Re-issue the JWT', detail: 'Same claims, fresh iat/exp, signed with a key you hold (stored secret or PEM file).' });
  return (await vscode.window.showQuickPick(items, { title: `Rotate ${secret.name}`, placeHolder: 'How do you want to get the new value?' }))?.method;
}

function pasteValue(secret: SecretItem, docs: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = `New value for ${secret.name}`;
    box.prompt = 'Paste the new value issued by the provider (hidden).';
    box.password = true;
    box.ignoreFocusOut = true;
    if (docs) box.buttons = [{ iconPath: new vscode.ThemeIcon('link-external'), tooltip: "Open the provider's key page" }];
    let done = false;
    const finish = (v: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(v);
      box.dispose();
    };
    box.onDidTriggerButton(() => {
      if (docs) void vscode.env.openExternal(vscode.Uri.parse(docs));
    });
    box.onDidChangeValue((v) => {
      box.validationMessage = /[\r\n]/.test(v.trim()) ? 'Paste a single-line value.' : undefined;
    });
    box.onDidAccept(() => {
      const v = box.value.trim();
      if (v !== '' && !box.validationMessage) finish(v);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

interface KeyPick extends vscode.QuickPickItem {
  readonly source: 'stored' | 'file';
  readonly name?: string;
}

async function pickSigningKey(store: SecretStore, secret: SecretItem): Promise<string | undefined> {
  const items: KeyPick[] = [
    ...store.list().filter((m) => m.name !== secret.name).map((m) => ({ source: 'stored' as const, name: m.name, label: `$(lock) ${m.name}`, description: 'stored secret (HMAC key)' })),
    { source: 'file', label: '$(file) Private key file (PEM)…' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: `Sign the new ${secret.name} with`, placeHolder: 'Signing key' });
  if (!pick) return undefined;
  if (pick.source === 'stored' && pick.name) return store.get(pick.name);
  const uris = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use this key', filters: { 'Private key': ['pem', 'key'], 'All files': ['*'] } });
  if (!uris?.[0]) return undefined;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uris[0]));
}
