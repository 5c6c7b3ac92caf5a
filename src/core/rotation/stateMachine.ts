// Rotation and rollback as pure transitions. State and audit entries hold fingerprints only, never
// values; the adapter holds the values and carries out the returned actions in order.
import { sha256Hex } from '../fingerprint';

export type AuditAction = 'create' | 'rotate' | 'rollback' | 'delete' | 'grace-expired';

export interface AuditEntry {
  readonly at: number;
  readonly action: AuditAction;
  readonly secretId: string;
  /** The value this entry is about: the new current one, or the one deleted/expired. */
  readonly fingerprint: string;
}

export interface RotationState {
  readonly secretId: string;
  readonly current: { readonly fingerprint: string; readonly since: number };
  /** The value before the last rotation, kept until `expiresAt` so a rollback is possible. */
  readonly previous?: { readonly fingerprint: string; readonly expiresAt: number; readonly rotatedAt: number };
  /** Oldest first, at most MAX_HISTORY entries. */
  readonly history: readonly AuditEntry[];
  readonly deletedAt?: number;
}

/** What the adapter must do, in this order. Values are looked up by the adapter, never carried here. */
export type RotationAction =
  /** Copy the current value into the "previous" slot, to be deleted at `expiresAt`. */
  | { readonly type: 'store-previous'; readonly secretId: string; readonly fingerprint: string; readonly expiresAt: number }
  /** Write the new value (the one the adapter is rotating to) as current. */
  | { readonly type: 'write-value'; readonly secretId: string; readonly fingerprint: string }
  /** Rollback: exchange the current and previous values. `fingerprint` is the value becoming current. */
  | { readonly type: 'swap-with-previous'; readonly secretId: string; readonly fingerprint: string }
  | { readonly type: 'delete-previous'; readonly secretId: string; readonly fingerprint: string }
  | { readonly type: 'delete-value'; readonly secretId: string; readonly fingerprint: string }
  | { readonly type: 'schedule-grace-expiry'; readonly secretId: string; readonly at: number }
  | { readonly type: 'cancel-grace-expiry'; readonly secretId: string }
  /** Running terminals still hold the old value in their environment. */
  | { readonly type: 'notify-terminals'; readonly secretId: string };

export type TransitionErrorCode = 'same-value' | 'no-previous' | 'grace-lapsed' | 'grace-active' | 'deleted' | 'invalid-grace';

export interface TransitionError {
  readonly code: TransitionErrorCode;
  readonly message: string;
}

export type Transition =
  | { readonly ok: true; readonly state: RotationState; readonly actions: readonly RotationAction[]; readonly audit: AuditEntry }
  | { readonly ok: false; readonly error: TransitionError };

export const MAX_HISTORY = 100;

/** The fingerprint of a secret value for state and audit (sha256 hex). */
export function valueFingerprint(value: string): string {
  return sha256Hex(value);
}

function withAudit(state: Omit<RotationState, 'history'>, history: readonly AuditEntry[], audit: AuditEntry): RotationState {
  return { ...state, history: [...history, audit].slice(-MAX_HISTORY) };
}

function fail(code: TransitionErrorCode, message: string): Transition {
  return { ok: false, error: { code, message } };
}

export function createRotationState(secretId: string, fingerprint: string, now: number): Transition & { ok: true } {
  const audit: AuditEntry = { at: now, action: 'create', secretId, fingerprint };
  return { ok: true, state: { secretId, current: { fingerprint, since: now }, history: [audit] }, actions: [], audit };
}

/**
 * Make `newFingerprint` current. With `graceMs > 0` the old value stays as "previous" until
 * `now + graceMs` (rollback window); with 0 it is dropped at once. A still-kept older previous is
 * replaced: only one step back is possible.
 */
export function rotate(state: RotationState, newFingerprint: string, now: number, graceMs: number): Transition {
  if (state.deletedAt !== undefined) return fail('deleted', 'This secret was deleted.');
  if (!(Number.isFinite(graceMs) && graceMs >= 0)) return fail('invalid-grace', 'The grace period must be zero or more milliseconds.');
  if (newFingerprint === state.current.fingerprint) return fail('same-value', 'The new value is the same as the current one.');
  const { secretId } = state;
  const actions: RotationAction[] = [];
  if (state.previous) actions.push({ type: 'delete-previous', secretId, fingerprint: state.previous.fingerprint });
  let previous: RotationState['previous'];
  if (graceMs > 0) {
    previous = { fingerprint: state.current.fingerprint, expiresAt: now + graceMs, rotatedAt: now };
    actions.push({ type: 'store-previous', secretId, fingerprint: state.current.fingerprint, expiresAt: previous.expiresAt });
  } else if (state.previous) {
    actions.push({ type: 'cancel-grace-expiry', secretId });
  }
  actions.push({ type: 'write-value', secretId, fingerprint: newFingerprint }, { type: 'notify-terminals', secretId });
  if (previous) actions.push({ type: 'schedule-grace-expiry', secretId, at: previous.expiresAt });
  const audit: AuditEntry = { at: now, action: 'rotate', secretId, fingerprint: newFingerprint };
  const next = { secretId, current: { fingerprint: newFingerprint, since: now }, ...(previous ? { previous } : {}) };
  return { ok: true, state: withAudit(next, state.history, audit), actions, audit };
}

export function canRollback(state: RotationState, now: number): boolean {
  return state.deletedAt === undefined && state.previous !== undefined && now < state.previous.expiresAt;
}

/** Milliseconds of rollback window left, or undefined when there is no previous value. */
export function graceRemainingMs(state: RotationState, now: number): number | undefined {
  return state.previous ? Math.max(0, state.previous.expiresAt - now) : undefined;
}

/**
 * Swap back to the previous value while the grace period lasts. The value rolled away from
 * becomes "previous" with the same deadline, so a mistaken rollback can itself be undone.
 */
export function rollback(state: RotationState, now: number): Transition {
  if (state.deletedAt !== undefined) return fail('deleted', 'This secret was deleted.');
  const prev = state.previous;
  if (!prev) return fail('no-previous', 'There is no previous value to roll back to.');
  if (now >= prev.expiresAt) return fail('grace-lapsed', 'The grace period has ended; the previous value is gone.');
  const { secretId } = state;
  const audit: AuditEntry = { at: now, action: 'rollback', secretId, fingerprint: prev.fingerprint };
  const next = {
    secretId,
    current: { fingerprint: prev.fingerprint, since: now },
    previous: { fingerprint: state.current.fingerprint, expiresAt: prev.expiresAt, rotatedAt: now },
  };
  const actions: RotationAction[] = [
    { type: 'swap-with-previous', secretId, fingerprint: prev.fingerprint },
    { type: 'notify-terminals', secretId },
  ];
  return { ok: true, state: withAudit(next, state.history, audit), actions, audit };
}

/** Drop the previous value once its grace period has ended (the adapter's timer, or at startup). */
export function expireGrace(state: RotationState, now: number): Transition {
  if (state.deletedAt !== undefined) return fail('deleted', 'This secret was deleted.');
  const prev = state.previous;
  if (!prev) return fail('no-previous', 'There is no previous value to expire.');
  if (now < prev.expiresAt) return fail('grace-active', 'The grace period has not ended yet.');
  const { secretId } = state;
  const audit: AuditEntry = { at: now, action: 'grace-expired', secretId, fingerprint: prev.fingerprint };
  const next = { secretId, current: state.current };
  return { ok: true, state: withAudit(next, state.history, audit), actions: [{ type: 'delete-previous', secretId, fingerprint: prev.fingerprint }], audit };
}

export function deleteSecret(state: RotationState, now: number): Transition {
  if (state.deletedAt !== undefined) return fail('deleted', 'This secret was already deleted.');
  const { secretId } = state;
  const actions: RotationAction[] = [{ type: 'delete-value', secretId, fingerprint: state.current.fingerprint }];
  if (state.previous) {
    actions.push({ type: 'delete-previous', secretId, fingerprint: state.previous.fingerprint }, { type: 'cancel-grace-expiry', secretId });
  }
  const audit: AuditEntry = { at: now, action: 'delete', secretId, fingerprint: state.current.fingerprint };
  return { ok: true, state: withAudit({ secretId, current: state.current, deletedAt: now }, state.history, audit), actions, audit };
}

/** Secrets whose previous value should be dropped now (for a sweep at startup or on a timer). */
export function lapsedGraceIds(states: Iterable<RotationState>, now: number): string[] {
  const out: string[] = [];
  for (const s of states) if (s.deletedAt === undefined && s.previous && now >= s.previous.expiresAt) out.push(s.secretId);
  return out;
}
