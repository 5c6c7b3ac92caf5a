// Human time phrases for tree rows and status reasons. `now` is always passed in: no hidden clock.
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../clock';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * An amount of time, rounded down to its largest whole unit ("3 h" for 3 h 59 min): for expiry,
 * rounding down never promises more time than is left. Seconds, minutes and hours are abbreviated
 * (no plural); days, months (30 days) and years (365 days) are spelled out.
 */
export function formatDuration(ms: number): string {
  const a = Math.abs(ms);
  if (a < SECOND_MS) return 'less than 1 s';
  if (a < MINUTE_MS) return `${Math.floor(a / SECOND_MS)} s`;
  if (a < HOUR_MS) return `${Math.floor(a / MINUTE_MS)} min`;
  if (a < DAY_MS) return `${Math.floor(a / HOUR_MS)} h`;
  const days = Math.floor(a / DAY_MS);
  if (days < 30) return plural(days, 'day');
  // 360..364 days would read "12 months" yet be under a year; cap so the next step is "1 year".
  if (days < 365) return plural(Math.min(11, Math.floor(days / 30)), 'month');
  return plural(Math.floor(days / 365), 'year');
}

/** "in 3 h", "2 days ago", or "now" within a second either way. */
export function formatRelative(targetMs: number, nowMs: number): string {
  const d = targetMs - nowMs;
  if (Math.abs(d) < SECOND_MS) return 'now';
  return d > 0 ? `in ${formatDuration(d)}` : `${formatDuration(d)} ago`;
}

function ago(d: number): string {
  return Math.abs(d) < SECOND_MS ? 'just now' : `${formatDuration(d)} ago`;
}

/** "expires in 3 h" / "expired 2 days ago". A token whose `exp` equals now is expired (RFC 7519 §4.1.4). */
export function expiryPhrase(expMs: number, nowMs: number): string {
  const d = expMs - nowMs;
  return d > 0 ? `expires in ${formatDuration(d)}` : `expired ${ago(d)}`;
}

/** "issued 5 min ago"; an `iat` in the future (clock skew, forged) is said plainly. */
export function issuedPhrase(iatMs: number, nowMs: number): string {
  const d = iatMs - nowMs;
  return d >= SECOND_MS ? `issued ${formatDuration(d)} in the future` : `issued ${ago(d)}`;
}

/** "not valid for another 2 h" / "valid since 3 days ago". */
export function notBeforePhrase(nbfMs: number, nowMs: number): string {
  const d = nbfMs - nowMs;
  return d > 0 ? `not valid for another ${formatDuration(d)}` : `valid since ${ago(d)}`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * `2027-01-31 14:05:09 UTC+01:00`. Deterministic (no Intl/ICU differences between machines);
 * the offset defaults to the machine's at that instant, tests pass one.
 */
export function formatLocalTime(ms: number, tzOffsetMinutes?: number): string {
  if (!Number.isFinite(ms)) return 'invalid date';
  const offset = tzOffsetMinutes ?? -new Date(ms).getTimezoneOffset();
  const d = new Date(ms + offset * MINUTE_MS);
  if (Number.isNaN(d.getTime())) return 'invalid date';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time} UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
