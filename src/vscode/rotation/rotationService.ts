import * as vscode from 'vscode';
import { HOUR_MS } from '../../core/clock';
import type { Clock } from '../../core/clock';
import { effectiveEntries, parseDotenv } from '../../core/dotenv/parse';
import {
  createRotationState, deleteSecret, expireGrace, lapsedGraceIds, rollback, rotate, valueFingerprint,
} from '../../core/rotation/stateMachine';
import type { AuditEntry, RotationAction, RotationState } from '../../core/rotation/stateMachine';
import type { ConfigState } from '../config';
import { log } from '../log';
import type { SecretStore } from '../secretStore';
import { planRotation, policyOf } from '../../core/secrets/envSecrets';
import type { EnvPlan } from '../../core/secrets/envSecrets';
import type { SecretItem, SecretsModel } from '../sidebar/secretsModel';
import { storedSecretId } from '../sidebar/secretsModel';
import { GraceTimers } from './rotationStore';
import type { RotationStore } from './rotationStore';

/** Keychain key of the value kept for rollback during the grace period. */
export function previousKey(secretId: string): string {
  return `previous/${secretId}`;
}

export interface RotationDeps {
  readonly store: SecretStore;
  readonly rotations: RotationStore;
  readonly secrets: SecretsModel;
  readonly config: ConfigState;
  readonly clock: Clock;
  readonly refreshInjection: () => Promise<void>;
}

/** Where a secret's value lives, read fresh (never from the tree's cache) right before a change. */
type Target =
  | { readonly kind: 'env'; readonly doc: vscode.TextDocument; readonly text: string; readonly key: string; readonly value: string }
  | { readonly kind: 'stored'; readonly name: string; readonly value: string };

/**
 * Carries out the rotation state machine's actions against the real stores: the `.env` document
 * (one WorkspaceEdit, then save) or SecretStorage; the previous value in SecretStorage for the
 * grace period; a timer that drops it when the grace lapses.
 */
export class RotationService implements vscode.Disposable {
  private readonly timers: GraceTimers;
  private readonly disposables: vscode.Disposable[] = [];
  private knownStored = new Set<string>();

  constructor(private readonly deps: RotationDeps) {
    this.timers = new GraceTimers((id) => void this.expire(id).catch((e: unknown) => log()?.warn(`grace expiry: ${String(e)}`)), deps.clock);
    this.disposables.push(this.timers, deps.store.onDidChange(() => void this.observeStored()));
  }

  /** Drops previous values whose grace lapsed while VS Code was closed, and re-arms the others. */
  async start(): Promise<void> {
    const now = this.deps.clock();
    const lapsed = new Set(lapsedGraceIds(this.deps.rotations.all(), now));
    for (const id of lapsed) await this.expire(id);
    for (const s of this.deps.rotations.all()) {
      if (!lapsed.has(s.secretId) && s.previous && s.deletedAt === undefined) this.timers.schedule(s.secretId, s.previous.expiresAt);
    }
    this.knownStored = new Set(this.deps.store.list().map((m) => m.name));
    await this.observeStored();
  }

  async currentValue(secret: SecretItem): Promise<string | undefined> {
    return (await this.target(secret))?.value;
  }

  private async target(secret: SecretItem): Promise<Target | undefined> {
    if (secret.kind === 'stored') {
      const value = await this.deps.store.get(secret.name);
      return value === undefined ? undefined : { kind: 'stored', name: secret.name, value };
    }
    if (!secret.uri) return undefined;
    const doc = await vscode.workspace.openTextDocument(secret.uri);
    const text = doc.getText();
    const entry = effectiveEntries(parseDotenv(text)).get(secret.name);
    return entry ? { kind: 'env', doc, text, key: secret.name, value: entry.value } : undefined;
  }

  async rotate(secret: SecretItem, newValue: string): Promise<void> {
    const target = await this.target(secret);
    if (!target) throw new Error(`${secret.name} is not there any more.`);
    const now = this.deps.clock();
    const base = await this.baseState(secret.id, target.value, now);
    const graceMs = this.deps.config.value.gracePeriodHours * HOUR_MS;
    const t = rotate(base, valueFingerprint(newValue), now, graceMs);
    if (!t.ok) throw new Error(t.error.message);
    const plan = target.kind === 'env' ? planRotation(target.text, target.key, newValue, 'now', now) : undefined;
    if (plan && !plan.ok) throw new Error(plan.reason);
    const priorRotated = target.kind === 'env' ? policyOf(target.text, target.key).rotated : secret.meta?.rotatedAt;

    await this.run(t.actions, secret, target, {
      write: async () => {
        if (target.kind === 'env') await applyPlan(target, plan as EnvPlan & { ok: true });
        else await this.deps.store.set(target.name, newValue, { rotatedAt: now });
      },
    });
    await this.deps.rotations.setPriorRotated(secret.id, priorRotated);
    await this.deps.rotations.save(t.state, t.audit);
    log()?.info(`Rotated ${secret.name} (${secret.source}); previous value kept ${this.deps.config.value.gracePeriodHours} h for rollback.`);
    await this.afterChange();
  }

  async rollback(secret: SecretItem): Promise<void> {
    const state = this.deps.rotations.get(secret.id);
    if (!state?.previous) throw new Error(`There is no previous value of ${secret.name} to roll back to.`);
    const target = await this.target(secret);
    if (!target) throw new Error(`${secret.name} is not there any more.`);
    if (valueFingerprint(target.value) !== state.current.fingerprint) {
      throw new Error(`${secret.name} changed since its rotation; not rolling back over that change.`);
    }
    const now = this.deps.clock();
    const t = rollback(state, now);
    if (!t.ok) throw new Error(t.error.message);
    const previous = await this.deps.store.getRaw(previousKey(secret.id));
    if (previous === undefined || valueFingerprint(previous) !== state.previous.fingerprint) {
      throw new Error(`The previous value of ${secret.name} is no longer in the keychain.`);
    }
    const prior = this.deps.rotations.priorRotated(secret.id);
    const restoreRotated = prior === null ? undefined : prior;
    const currentRotated = target.kind === 'env' ? policyOf(target.text, target.key).rotated : secret.meta?.rotatedAt;
    let plan: EnvPlan | undefined;
    if (target.kind === 'env') {
      plan = planRotation(target.text, target.key, previous, restoreRotated, now);
      if (!plan.ok) throw new Error(plan.reason);
    }
    await this.run(t.actions, secret, target, {
      write: async () => {
        if (target.kind === 'env') await applyPlan(target, plan as EnvPlan & { ok: true });
        else await this.deps.store.set(target.name, previous, { rotatedAt: restoreRotated });
        // The value rolled away from becomes "previous", so the rollback can itself be undone.
        await this.deps.store.setRaw(previousKey(secret.id), target.value);
      },
    });
    await this.deps.rotations.setPriorRotated(secret.id, currentRotated);
    await this.deps.rotations.save(t.state, t.audit);
    log()?.info(`Rolled back ${secret.name} (${secret.source}).`);
    await this.afterChange();
  }

  /** The stored state, or a fresh one when the value changed outside Leakproof (stale previous dropped). */
  private async baseState(id: string, value: string, now: number): Promise<RotationState> {
    const fp = valueFingerprint(value);
    const existing = this.deps.rotations.get(id);
    if (existing && existing.current.fingerprint === fp && existing.deletedAt === undefined) return existing;
    if (existing?.previous) {
      await this.deps.store.deleteRaw(previousKey(id));
      this.timers.cancel(id);
    }
    const created = createRotationState(id, fp, now);
    const state = { ...created.state, history: [...(existing?.history ?? []), created.audit] };
    await this.deps.rotations.save(state, created.audit);
    return state;
  }

  private async run(actions: readonly RotationAction[], secret: SecretItem, target: Target, io: { write: () => Promise<void> }): Promise<void> {
    for (const a of actions) {
      switch (a.type) {
        case 'delete-previous':
          await this.deps.store.deleteRaw(previousKey(secret.id));
          break;
        case 'store-previous':
          await this.deps.store.setRaw(previousKey(secret.id), target.value);
          break;
        case 'write-value':
        case 'swap-with-previous':
          await io.write();
          break;
        case 'schedule-grace-expiry':
          this.timers.schedule(secret.id, a.at);
          break;
        case 'cancel-grace-expiry':
          this.timers.cancel(secret.id);
          break;
        case 'delete-value':
        case 'notify-terminals':
          // Deleting is the stored-secrets commands' job; terminals are told in afterChange().
          break;
      }
    }
  }

  private async afterChange(): Promise<void> {
    await this.deps.secrets.refresh();
    await this.deps.refreshInjection();
    if (vscode.window.terminals.length > 0) {
      void vscode.window.showInformationMessage('Leakproof: relaunch open terminals (and restart running programs) so they pick up the new value.');
    }
  }

  async expire(id: string): Promise<void> {
    const state = this.deps.rotations.get(id);
    if (!state) return;
    const t = expireGrace(state, this.deps.clock());
    if (!t.ok) return;
    await this.deps.store.deleteRaw(previousKey(id));
    this.timers.cancel(id);
    await this.deps.rotations.save(t.state, t.audit);
    this.deps.secrets.evaluate();
  }

  /** Audit `create`/`delete` for keychain entries that appear or disappear (moved there by quick fixes). */
  private async observeStored(): Promise<void> {
    const now = this.deps.clock();
    const names = new Set(this.deps.store.list().map((m) => m.name));
    for (const name of names) {
      const id = storedSecretId(name);
      const existing = this.deps.rotations.get(id);
      if (existing && existing.deletedAt === undefined) continue;
      const value = await this.deps.store.get(name);
      if (value === undefined) continue;
      const created = createRotationState(id, valueFingerprint(value), this.deps.store.meta(name)?.createdAt ?? now);
      await this.deps.rotations.save({ ...created.state, history: [...(existing?.history ?? []), created.audit] }, created.audit);
    }
    for (const name of this.knownStored) {
      if (names.has(name)) continue;
      const id = storedSecretId(name);
      const state = this.deps.rotations.get(id);
      if (!state || state.deletedAt !== undefined) continue;
      const t = deleteSecret(state, now);
      if (!t.ok) continue;
      if (state.previous) await this.deps.store.deleteRaw(previousKey(id));
      this.timers.cancel(id);
      await this.deps.rotations.save(t.state, t.audit);
    }
    this.knownStored = names;
  }

  auditLog(): AuditEntry[] {
    return this.deps.rotations.audit();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function applyPlan(target: Extract<Target, { kind: 'env' }>, plan: EnvPlan & { ok: true }): Promise<void> {
  const { doc } = target;
  if (doc.getText() !== target.text) throw new Error(`${vscode.workspace.asRelativePath(doc.uri)} changed while rotating; try again.`);
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${vscode.workspace.asRelativePath(doc.uri)}.`);
  if (!(await doc.save())) throw new Error(`Could not save ${vscode.workspace.asRelativePath(doc.uri)}.`);
}
