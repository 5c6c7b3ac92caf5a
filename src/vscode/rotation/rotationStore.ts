import * as vscode from 'vscode';
import type { AuditEntry, RotationState } from '../../core/rotation/stateMachine';

const STATES_KEY = 'leakproof.rotation.states';
const AUDIT_KEY = 'leakproof.rotation.audit';
const PRIOR_KEY = 'leakproof.rotation.priorRotated';
const MAX_AUDIT = 1000;

/**
 * Rotation state per secret and the audit log, in workspace state: fingerprints and dates only,
 * never values (those live in the document or the keychain).
 */
export class RotationStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  all(): RotationState[] {
    return Object.values(this.map());
  }

  get(secretId: string): RotationState | undefined {
    return this.map()[secretId];
  }

  async save(state: RotationState, audit?: AuditEntry): Promise<void> {
    await this.memento.update(STATES_KEY, { ...this.map(), [state.secretId]: state });
    if (audit) await this.memento.update(AUDIT_KEY, [...this.audit(), audit].slice(-MAX_AUDIT));
    this.emitter.fire();
  }

  audit(): AuditEntry[] {
    return this.memento.get<AuditEntry[]>(AUDIT_KEY) ?? [];
  }

  /** The `rotated=` date the secret had before its last rotation, so a rollback restores it. */
  priorRotated(secretId: string): number | null | undefined {
    return this.memento.get<Record<string, number | null>>(PRIOR_KEY)?.[secretId];
  }

  async setPriorRotated(secretId: string, at: number | undefined): Promise<void> {
    const map = { ...this.memento.get<Record<string, number | null>>(PRIOR_KEY) };
    map[secretId] = at ?? null;
    await this.memento.update(PRIOR_KEY, map);
  }

  private map(): Record<string, RotationState> {
    return this.memento.get<Record<string, RotationState>>(STATES_KEY) ?? {};
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** One timer per secret whose previous value waits for the end of its grace period. */
export class GraceTimers implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onLapse: (secretId: string) => void, private readonly now: () => number) {}

  schedule(secretId: string, at: number): void {
    this.cancel(secretId);
    // setTimeout overflows past ~24.8 days: wake up at the cap and re-arm.
    const delay = Math.min(Math.max(0, at - this.now()), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.timers.delete(secretId);
      if (this.now() >= at) this.onLapse(secretId);
      else this.schedule(secretId, at);
    }, delay);
    this.timers.set(secretId, timer);
  }

  cancel(secretId: string): void {
    const t = this.timers.get(secretId);
    if (t) clearTimeout(t);
    this.timers.delete(secretId);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
