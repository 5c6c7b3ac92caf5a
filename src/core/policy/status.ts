// Where a secret stands against its rotation/expiry policy, and when to bother the user about it.
import { DAY_MS, SECOND_MS } from '../clock';
import { expiryPhrase, formatDuration } from '../jwt/relativeTime';
import { addDuration } from './dates';
import type { Policy } from './parse';

export type PolicyState = 'ok' | 'rotation-due' | 'expiring' | 'expired' | 'unknown';

export interface PolicyStatus {
  readonly state: PolicyState;
  /** When rotation is (or was) due, epoch ms. */
  readonly dueAt?: number;
  /** The policy's hard expiry, epoch ms. */
  readonly expiresAt?: number;
  /** "rotation due in 5 days", "expired 3 days ago", "next rotation in 2 months". */
  readonly reason: string;
}

export interface PolicyStatusInput {
  readonly policy: Policy;
  /** Rotation interval from settings, in days; 0 or absent means no default interval. */
  readonly defaultRotateDays?: number;
  /** How many days before a deadline the state turns `rotation-due` / `expiring`. */
  readonly warningDays: number;
  /** When the secret was stored, if known outside the comment (e.g. SecretStorage metadata). */
  readonly createdAt?: number;
  /** Last rotation known outside the comment (e.g. the rotation audit log). */
  readonly lastRotatedAt?: number;
  readonly now: number;
}

function latest(...values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

function rotationDueAt(input: PolicyStatusInput): { dueAt?: number; missingBase: boolean } {
  const { policy } = input;
  if (policy.rotate === 'never') return { missingBase: false };
  const interval = policy.rotate ?? (input.defaultRotateDays ? { amount: input.defaultRotateDays, unit: 'd' as const } : undefined);
  if (!interval) return { missingBase: false };
  const base = latest(policy.rotated, input.lastRotatedAt) ?? latest(policy.created, input.createdAt);
  if (base === undefined) return { missingBase: true };
  return { dueAt: addDuration(base, interval), missingBase: false };
}

function dueReason(dueAt: number, now: number): string {
  const d = dueAt - now;
  if (Math.abs(d) < SECOND_MS) return 'rotation due now';
  return d > 0 ? `rotation due in ${formatDuration(d)}` : `rotation overdue by ${formatDuration(d)}`;
}

/**
 * Precedence: expired, expiring, rotation-due, ok, unknown. A hard expiry breaks things; an
 * overdue rotation is a risk, so expiry wins when both apply.
 */
export function policyStatus(input: PolicyStatusInput): PolicyStatus {
  const { now } = input;
  const windowMs = Math.max(0, input.warningDays) * DAY_MS;
  const expiresAt = input.policy.expires;
  const { dueAt, missingBase } = rotationDueAt(input);
  const times = { ...(dueAt !== undefined ? { dueAt } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}) };

  if (expiresAt !== undefined && expiresAt <= now) return { ...times, state: 'expired', reason: expiryPhrase(expiresAt, now) };
  if (expiresAt !== undefined && expiresAt - now <= windowMs) return { ...times, state: 'expiring', reason: expiryPhrase(expiresAt, now) };
  if (dueAt !== undefined && dueAt - now <= windowMs) return { ...times, state: 'rotation-due', reason: dueReason(dueAt, now) };
  if (dueAt !== undefined || expiresAt !== undefined) {
    const nextRotation = dueAt !== undefined ? `next rotation in ${formatDuration(dueAt - now)}` : undefined;
    const expiry = expiresAt !== undefined ? expiryPhrase(expiresAt, now) : undefined;
    // Say the nearer event first.
    const parts = dueAt !== undefined && expiresAt !== undefined && expiresAt < dueAt ? [expiry, nextRotation] : [nextRotation, expiry];
    return { ...times, state: 'ok', reason: parts.filter((p) => p !== undefined).join(', ') };
  }
  if (missingBase) return { state: 'unknown', reason: 'last rotation unknown: add rotated=YYYY-MM-DD to the policy comment' };
  return { state: 'unknown', reason: 'no rotation interval or expiry set' };
}

/** States that deserve attention, from either a policy or a JWT status. */
export type AttentionState = 'rotation-due' | 'expiring' | 'expired';

const SEVERITY: Readonly<Record<string, number>> = { 'rotation-due': 1, expiring: 2, expired: 3 };

export function needsAttention(state: string): state is AttentionState {
  return state in SEVERITY;
}

export interface AttentionCounts {
  readonly expired: number;
  readonly expiring: number;
  readonly rotationDue: number;
  /** Sum of the three. */
  readonly total: number;
  /** "2 expired, 1 expiring, 3 due for rotation", or "" when nothing needs attention. */
  readonly summary: string;
}

/** For the status bar: accepts policy and JWT states alike (`valid`, `no-expiry` count as fine). */
export function countAttention(states: Iterable<string | { readonly state: string }>): AttentionCounts {
  let expired = 0;
  let expiring = 0;
  let rotationDue = 0;
  for (const s of states) {
    const state = typeof s === 'string' ? s : s.state;
    if (state === 'expired') expired++;
    else if (state === 'expiring') expiring++;
    else if (state === 'rotation-due') rotationDue++;
  }
  const parts: string[] = [];
  if (expired) parts.push(`${expired} expired`);
  if (expiring) parts.push(`${expiring} expiring`);
  if (rotationDue) parts.push(`${rotationDue} due for rotation`);
  return { expired, expiring, rotationDue, total: expired + expiring + rotationDue, summary: parts.join(', ') };
}

export interface NotifyDecision {
  readonly secretId: string;
  readonly notify: boolean;
  readonly reason: string;
}

export interface NotifyOptions {
  /** The state at the last notification: a worse state today notifies again the same day. */
  readonly lastNotifiedState?: string;
  /** "Day" means a local calendar day; defaults to the machine's offset at `now`. */
  readonly tzOffsetMinutes?: number;
}

function localDay(ms: number, tzOffsetMinutes: number): number {
  return Math.floor((ms + tzOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * At most one notification per secret per local calendar day while it needs attention, none while
 * snoozed, and one more the same day if it gets worse (e.g. expiring → expired).
 */
export function shouldNotify(
  secretId: string,
  state: string,
  lastNotifiedAt: number | undefined,
  snoozedUntil: number | undefined,
  now: number,
  options: NotifyOptions = {},
): NotifyDecision {
  const no = (reason: string): NotifyDecision => ({ secretId, notify: false, reason });
  const yes = (reason: string): NotifyDecision => ({ secretId, notify: true, reason });
  if (!needsAttention(state)) return no('nothing to report');
  if (snoozedUntil !== undefined && now < snoozedUntil) return no('snoozed');
  if (lastNotifiedAt === undefined) return yes(`entered the ${state} window`);
  const last = options.lastNotifiedState;
  if (last !== undefined && (SEVERITY[state] ?? 0) > (SEVERITY[last] ?? 0)) return yes(`got worse: ${last} → ${state}`);
  const tz = options.tzOffsetMinutes ?? -new Date(now).getTimezoneOffset();
  if (localDay(lastNotifiedAt, tz) >= localDay(now, tz)) return no('already notified today');
  return yes('daily reminder');
}
