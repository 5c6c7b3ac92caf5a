// Pure status logic behind the Secrets view, the status bar and the notifier (no `vscode` import,
// unit-tested in Node). A secret's state is the worse of its policy and, for a JWT value, its `exp`.
import { DAY_MS } from '../clock';
import { jwtStatus } from '../jwt/status';
import type { JwtPayload } from '../jwt/types';
import { policyStatus } from '../policy/status';
import type { Policy } from '../policy/parse';

export type SecretState = 'ok' | 'rotation-due' | 'expiring' | 'expired' | 'unknown';

export interface SecretStatus {
  readonly state: SecretState;
  readonly reason: string;
  readonly dueAt?: number;
  readonly expiresAt?: number;
}

export interface EvaluateInput {
  readonly policy: Policy;
  readonly createdAt?: number;
  readonly lastRotatedAt?: number;
  /** Set when the value is a JWT: its `exp` counts as a hard expiry. */
  readonly jwtPayload?: JwtPayload;
  readonly defaultRotateDays: number;
  readonly warningDays: number;
  readonly now: number;
}

const RANK: Readonly<Record<SecretState, number>> = { unknown: 0, ok: 1, 'rotation-due': 2, expiring: 3, expired: 4 };

export function evaluateSecret(input: EvaluateInput): SecretStatus {
  const p = policyStatus({
    policy: input.policy,
    defaultRotateDays: input.defaultRotateDays,
    warningDays: input.warningDays,
    now: input.now,
    ...(input.createdAt !== undefined ? { createdAt: input.createdAt } : {}),
    ...(input.lastRotatedAt !== undefined ? { lastRotatedAt: input.lastRotatedAt } : {}),
  });
  const policy: SecretStatus = {
    state: p.state,
    reason: p.reason,
    ...(p.dueAt !== undefined ? { dueAt: p.dueAt } : {}),
    ...(p.expiresAt !== undefined ? { expiresAt: p.expiresAt } : {}),
  };
  if (!input.jwtPayload) return policy;
  const j = jwtStatus(input.jwtPayload, input.now, Math.max(0, input.warningDays) * DAY_MS);
  if (j.expiresAt === undefined) return policy;
  const jwtState: SecretState = j.state === 'expired' ? 'expired' : j.state === 'expiring' ? 'expiring' : 'ok';
  const jwt: SecretStatus = { state: jwtState, reason: `token ${j.reason}`, expiresAt: j.expiresAt };
  // A policy with nothing to say ("no rotation interval") yields to the token's own expiry.
  if (RANK[jwtState] > RANK[policy.state] || policy.state === 'unknown') return { ...jwt, ...(policy.dueAt !== undefined ? { dueAt: policy.dueAt } : {}) };
  return policy;
}

export interface Counts {
  readonly expired: number;
  /** Expiring or due for rotation. */
  readonly due: number;
  readonly total: number;
}

export function countStates(states: Iterable<string>): Counts {
  let expired = 0;
  let due = 0;
  for (const s of states) {
    if (s === 'expired') expired++;
    else if (s === 'expiring' || s === 'rotation-due') due++;
  }
  return { expired, due, total: expired + due };
}

/** `$(shield) 2 expired · 1 due`, or undefined when nothing needs attention (the item hides). */
export function statusBarText(c: Counts): string | undefined {
  if (c.total === 0) return undefined;
  const parts: string[] = [];
  if (c.expired) parts.push(`${c.expired} expired`);
  if (c.due) parts.push(`${c.due} due`);
  return `$(shield) ${parts.join(' · ')}`;
}

export function stateLabel(state: SecretState): string {
  switch (state) {
    case 'ok': return 'ok';
    case 'rotation-due': return 'rotation due';
    case 'expiring': return 'expiring';
    case 'expired': return 'expired';
    case 'unknown': return 'no policy';
  }
}

/** Policy from SecretStorage metadata (the keychain has no comment line to hold one). */
export function policyFromMeta(meta: { readonly expires?: string; readonly rotateDays?: number; readonly rotatedAt?: number }, parseDate: (s: string) => number | undefined): Policy {
  const expires = meta.expires !== undefined ? parseDate(meta.expires) : undefined;
  return {
    ...(meta.rotateDays !== undefined ? { rotate: meta.rotateDays > 0 ? { amount: meta.rotateDays, unit: 'd' as const } : ('never' as const) } : {}),
    ...(expires !== undefined ? { expires } : {}),
    ...(meta.rotatedAt !== undefined ? { rotated: meta.rotatedAt } : {}),
  };
}

/** A rotation interval in whole days, for metadata that only holds days (months = 30, years = 365). */
export function intervalDays(rotate: Policy['rotate']): number | undefined {
  if (rotate === undefined) return undefined;
  if (rotate === 'never') return 0;
  const per = { h: 1 / 24, d: 1, w: 7, m: 30, y: 365 }[rotate.unit];
  return Math.max(1, Math.round(rotate.amount * per));
}
