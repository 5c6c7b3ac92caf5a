// Where a token stands in time. Signature validity is a separate question (verify.ts).
import { expiryPhrase, notBeforePhrase } from './relativeTime';
import type { JwtPayload } from './types';

export type JwtState = 'valid' | 'expiring' | 'expired' | 'not-yet-valid' | 'no-expiry';

export interface JwtStatus {
  readonly state: JwtState;
  /** `exp` in epoch milliseconds, when the claim is a number. */
  readonly expiresAt?: number;
  /** `expiresAt - now`; negative once expired. */
  readonly msLeft?: number;
  /** `nbf` in epoch milliseconds, when the claim is a number. */
  readonly notBefore?: number;
  /** "expires in 3 h", "expired 2 days ago", "not valid for another 2 h", "no expiry". */
  readonly reason: string;
  /** Claims present but unusable, e.g. "exp is not a number". */
  readonly problems: readonly string[];
}

/** A NumericDate claim (seconds, possibly fractional) as epoch ms, or undefined if absent/garbage. */
export function numericDateMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) : undefined;
}

/**
 * `warningWindowMs`: a token with less than this left is `expiring`. A token whose `exp` equals now
 * is expired, as RFC 7519 §4.1.4 says ("on or after").
 */
export function jwtStatus(payload: JwtPayload, nowMs: number, warningWindowMs: number): JwtStatus {
  const problems: string[] = [];
  const expiresAt = numericDateMs(payload.exp);
  const notBefore = numericDateMs(payload.nbf);
  if (payload.exp !== undefined && expiresAt === undefined) problems.push('exp is not a number');
  if (payload.nbf !== undefined && notBefore === undefined) problems.push('nbf is not a number');
  const base = { problems, ...(notBefore !== undefined ? { notBefore } : {}) };

  if (expiresAt !== undefined) {
    const msLeft = expiresAt - nowMs;
    const timing = { expiresAt, msLeft };
    if (msLeft <= 0) return { ...base, ...timing, state: 'expired', reason: expiryPhrase(expiresAt, nowMs) };
    if (notBefore !== undefined && notBefore > nowMs) {
      return { ...base, ...timing, state: 'not-yet-valid', reason: notBeforePhrase(notBefore, nowMs) };
    }
    const state = msLeft <= warningWindowMs ? 'expiring' : 'valid';
    return { ...base, ...timing, state, reason: expiryPhrase(expiresAt, nowMs) };
  }
  if (notBefore !== undefined && notBefore > nowMs) {
    return { ...base, state: 'not-yet-valid', reason: notBeforePhrase(notBefore, nowMs) };
  }
  return { ...base, state: 'no-expiry', reason: problems.includes('exp is not a number') ? 'exp is not a number' : 'no expiry' };
}
