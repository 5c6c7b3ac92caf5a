import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { decodeJwt } from '../../core/jwt/decode';
import { mask } from '../../core/mask';
import { formatIsoDate } from '../../core/policy/dates';
import { formatPolicy, parsePolicyLines } from '../../core/policy/parse';
import type { Policy } from '../../core/policy/parse';
import { log } from '../log';
import type { SecretStore } from '../secretStore';
import { copyStoredSecret, revealStoredSecret } from './storedSecrets';
import { registerCommand } from './execute';
import { CommandId } from './ids';
import { showAuditLog } from '../rotation/auditLog';
import { rotateFlow } from '../rotation/rotateFlow';
import type { RotateArgs } from '../rotation/rotateFlow';
import type { RotationService } from '../rotation/rotationService';
import { planPolicyEdits } from '../../core/secrets/envSecrets';
import { intervalDays, stateLabel } from '../../core/secrets/secretStatus';
import type { SecretItem, SecretsModel } from '../sidebar/secretsModel';
import type { TokensModel } from '../sidebar/tokensModel';
import type { TokenNode } from '../sidebar/tokensTree';
import { rowDescription } from '../sidebar/tokensTree';
import { decodeJwtCommand } from '../tokens/decode';
import type { DecodeArgs } from '../tokens/decode';
import { verifyJwtCommand } from '../tokens/verify';
import type { VerifyArgs } from '../tokens/verify';
import type { ExpiryStatusBar } from '../statusBar';


export interface TokenCommandDeps {
  readonly store: SecretStore;
  readonly secrets: SecretsModel;
  readonly tokens: TokensModel;
  readonly service: RotationService;
  readonly statusBar: ExpiryStatusBar;
  readonly clock: Clock;
  readonly views: { readonly secrets: vscode.TreeView<SecretItem>; readonly tokens: vscode.TreeView<TokenNode> };
}

/** A tree element, a secret id, or nothing (then a quick pick). */
async function resolveSecret(secrets: SecretsModel, arg: unknown, placeHolder: string, filter: (s: SecretItem) => boolean = () => true): Promise<SecretItem | undefined> {
  await secrets.settled();
  const id = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'id' in arg ? String((arg as { id: unknown }).id) : undefined;
  if (id !== undefined) {
    const found = secrets.find(id);
    if (!found) throw new Error('That secret is not in the Secrets view any more.');
    return found;
  }
  const items = secrets.items.filter(filter).map((s) => ({ label: s.name, description: `${s.source} · ${stateLabel(s.status.state)}`, id: s.id }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Leakproof: no matching secret in this workspace.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(items, { placeHolder });
  return pick ? secrets.find(pick.id) : undefined;
}

async function revealEnv(deps: TokenCommandDeps, s: SecretItem): Promise<void> {
  const value = await deps.service.currentValue(s);
  if (value === undefined) throw new Error(`${s.name} has no value.`);
  const choice = await vscode.window.showInformationMessage(`${s.name} = ${mask(value)}`, 'Show full value', 'Copy');
  if (choice === 'Copy') {
    await vscode.env.clipboard.writeText(value);
    return;
  }
  if (choice !== 'Show full value') return;
  // An input box shows it without writing it to any file, log or notification history.
  await vscode.window.showInputBox({ title: `${s.name} (close with Escape)`, value });
}

async function setPolicy(deps: TokenCommandDeps, s: SecretItem, given?: string): Promise<boolean> {
  const current = formatPolicy(s.policy).replace(/^# leakproof:\s*/, '');
  const text = given ?? (await vscode.window.showInputBox({
    title: `Policy for ${s.name}`,
    prompt: 'rotate=90d (or 12w, 6m, 1y, never) expires=YYYY-MM-DD rotated=YYYY-MM-DD',
    value: current,
    validateInput: (v) => parsePolicyLines([`# leakproof: ${v}`]).errors.map((e) => e.message).join(' ') || undefined,
  }));
  if (text === undefined) return false;
  const parsed = parsePolicyLines([`# leakproof: ${text}`]);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => e.message).join(' '));
  const policy: Policy = parsed.policy;
  if (s.kind === 'stored') {
    const rotateDays = intervalDays(policy.rotate);
    await deps.store.updateMeta(s.name, {
      expires: policy.expires !== undefined ? formatIsoDate(policy.expires) : undefined,
      rotateDays,
      ...(policy.rotated !== undefined ? { rotatedAt: policy.rotated } : {}),
    });
  } else {
    if (!s.uri) return false;
    const doc = await vscode.workspace.openTextDocument(s.uri);
    const plan = planPolicyEdits(doc.getText(), s.name, policy);
    if (!plan.ok) throw new Error(plan.reason);
    const edit = new vscode.WorkspaceEdit();
    for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('Could not edit the .env file.');
    await doc.save();
  }
  await deps.secrets.refresh();
  return true;
}

function claimValue(tokens: TokensModel, node: TokenNode): string | undefined {
  if (node.kind !== 'row') return undefined;
  const text = tokens.tokenText(node.tokenId);
  const d = text !== undefined ? decodeJwt(text) : undefined;
  if (!d?.ok) return undefined;
  const v = (node.group === 'header' ? d.header : d.payload)[node.row.key];
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Plain data for the integration tests: no values, only what the views show. */
export function sidebarState(deps: TokenCommandDeps): unknown {
  const counts = deps.secrets.counts();
  return {
    secrets: deps.secrets.items.map((s) => ({
      id: s.id, name: s.name, kind: s.kind, source: s.source, state: s.status.state, reason: s.status.reason,
      isJwt: s.isJwt, canRollback: s.graceEndsAt !== undefined, policy: formatPolicy(s.policy),
      keyLine: s.keyRange?.line, uri: s.uri?.toString(),
    })),
    tokens: deps.tokens.items.map((t) => ({
      id: t.id, label: t.label, description: t.description, state: t.state, error: t.error,
      sources: t.sources.map((x) => ({ kind: x.kind, label: x.label })),
      header: t.header.map((r) => ({ key: r.key, label: r.label, value: r.value, description: rowDescription(r) })),
      claims: t.claims.map((r) => ({ key: r.key, label: r.label, value: r.value, description: rowDescription(r) })),
      verification: t.verification ? { result: t.verification.result, reason: t.verification.reason, warnings: t.verification.warnings } : undefined,
    })),
    counts,
    statusBarText: deps.statusBar.text,
    badge: deps.views.secrets.badge?.value,
    audit: deps.service.auditLog().map((e) => ({ action: e.action, secretId: e.secretId, at: e.at })),
  };
}

export function registerTokenCommands(context: vscode.ExtensionContext, deps: TokenCommandDeps): void {
  const { secrets, tokens, store, service, clock } = deps;
  registerCommand(context, CommandId.sidebarRefresh, async () => {
    await secrets.refresh();
    tokens.refresh();
  });
  registerCommand(context, CommandId.secretReveal, async (arg?: unknown) => {
    const s = await resolveSecret(secrets, arg, 'Reveal which secret?');
    if (!s) return;
    if (s.kind === 'stored') await revealStoredSecret(store, s.name);
    else await revealEnv(deps, s);
  });
  registerCommand(context, CommandId.secretCopy, async (arg?: unknown) => {
    const s = await resolveSecret(secrets, arg, 'Copy which secret?');
    if (!s) return;
    if (s.kind === 'stored') return copyStoredSecret(store, s.name);
    const value = await service.currentValue(s);
    if (value === undefined) throw new Error(`${s.name} has no value.`);
    await vscode.env.clipboard.writeText(value);
    void vscode.window.showInformationMessage(`Leakproof: ${s.name} copied to the clipboard.`);
  });
  registerCommand(context, CommandId.secretRotate, async (arg?: unknown, args?: RotateArgs) => {
    const s = await resolveSecret(secrets, arg, 'Rotate which secret?');
    return s ? rotateFlow({ store, service, clock }, s, args) : false;
  });
  registerCommand(context, CommandId.secretRollback, async (arg?: unknown, opts?: { yes?: boolean }) => {
    const s = await resolveSecret(secrets, arg, 'Roll back which secret?', (x) => x.graceEndsAt !== undefined);
    if (!s) return false;
    if (!opts?.yes) {
      const ok = await vscode.window.showWarningMessage(`Roll ${s.name} back to its previous value?`, { modal: true }, 'Roll back');
      if (ok !== 'Roll back') return false;
    }
    await service.rollback(s);
    if (!opts?.yes) void vscode.window.showInformationMessage(`Leakproof: ${s.name} rolled back. Relaunch terminals to pick up the value.`);
    return true;
  });
  registerCommand(context, CommandId.secretSetPolicy, async (arg?: unknown, policy?: string) => {
    const s = await resolveSecret(secrets, arg, 'Set the policy of which secret?');
    return s ? setPolicy(deps, s, policy) : false;
  });
  registerCommand(context, CommandId.decodeJwt, async (args?: DecodeArgs) => {
    const ids = await decodeJwtCommand(tokens, args && typeof args === 'object' && !('tokenId' in args) ? args : {});
    const first = ids[0];
    if (first !== undefined && deps.views.tokens.visible) {
      await deps.views.tokens.reveal({ kind: 'token', tokenId: first }, { select: true, focus: false, expand: true });
    }
    return ids;
  });
  registerCommand(context, CommandId.verifyJwt, (target?: unknown, args?: VerifyArgs) => verifyJwtCommand({ model: tokens, store, clock }, target, args));
  registerCommand(context, CommandId.tokenCopyClaim, async (node?: TokenNode) => {
    if (!node) return;
    const v = claimValue(tokens, node);
    if (v === undefined) return;
    await vscode.env.clipboard.writeText(v);
    void vscode.window.setStatusBarMessage(`Leakproof: copied ${node.kind === 'row' ? node.row.key : 'claim'}`, 2000);
  });
  registerCommand(context, CommandId.tokenRemove, (node?: TokenNode) => {
    if (node?.kind === 'token') tokens.remove(node.tokenId);
  });
  registerCommand(context, CommandId.showAuditLog, () => showAuditLog(service.auditLog(), log()));
  registerCommand(context, CommandId.testSidebarState, async () => {
    await secrets.settled();
    return sidebarState(deps);
  });
}
