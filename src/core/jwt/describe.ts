// A decoded token as rows for a tree or hover: plain data, so a tree node is a one-line mapping.
import { DAY_MS } from '../clock';
import { expiryPhrase, formatLocalTime, issuedPhrase, notBeforePhrase } from './relativeTime';
import { jwtStatus, numericDateMs } from './status';
import type { JwtStatus } from './status';
import type { JwtHeader, JwtPayload } from './types';

export interface JwtRow {
  /** Header parameter or claim name, e.g. `exp`. */
  readonly key: string;
  /** Human label, e.g. "Expires". Custom claims use their name. */
  readonly label: string;
  readonly value: string;
  /** Secondary text: local time for dates, the full JSON for truncated values. */
  readonly detail?: string;
}

export interface JwtDescription {
  readonly header: readonly JwtRow[];
  readonly claims: readonly JwtRow[];
  readonly status: JwtStatus;
  /** One line for a tree item description, e.g. "HS256 · alice · expires in 3 h". */
  readonly summary: string;
}

export interface DescribeOptions {
  readonly now: number;
  /** Below this much time left the status is `expiring`. Default 24 h. */
  readonly warningWindowMs?: number;
  /** Offset for local-time strings; defaults to the machine's. */
  readonly tzOffsetMinutes?: number;
  /** Custom claim values longer than this are cut with an ellipsis. Default 80. */
  readonly maxValueLength?: number;
}

const HEADER_LABELS: Readonly<Record<string, string>> = { alg: 'Algorithm', typ: 'Type', kid: 'Key ID', cty: 'Content type' };
const CLAIM_LABELS: Readonly<Record<string, string>> = {
  iss: 'Issuer',
  sub: 'Subject',
  aud: 'Audience',
  scope: 'Scopes',
  scp: 'Scopes',
  iat: 'Issued',
  nbf: 'Not before',
  exp: 'Expires',
  jti: 'Token ID',
};
const DATE_CLAIMS = new Set(['iat', 'nbf', 'exp']);

export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

function json(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function textRow(key: string, label: string, raw: string, max: number): JwtRow {
  const value = truncate(raw, max);
  return value === raw ? { key, label, value } : { key, label, value, detail: raw };
}

function listValue(v: unknown, sep: string): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(sep);
  return undefined;
}

function dateRow(key: string, v: unknown, opts: DescribeOptions): JwtRow {
  const label = CLAIM_LABELS[key] ?? key;
  const ms = numericDateMs(v);
  if (ms === undefined) return { key, label, value: `not a date: ${truncate(json(v), 40)}` };
  const phrase = key === 'exp' ? expiryPhrase(ms, opts.now) : key === 'iat' ? issuedPhrase(ms, opts.now) : notBeforePhrase(ms, opts.now);
  return { key, label, value: phrase, detail: formatLocalTime(ms, opts.tzOffsetMinutes) };
}

export function describeHeader(header: JwtHeader, maxValueLength = 80): JwtRow[] {
  const rows: JwtRow[] = [];
  for (const [key, v] of Object.entries(header)) {
    const label = HEADER_LABELS[key] ?? key;
    const raw = typeof v === 'string' ? v : json(v);
    if (key === 'alg' && typeof v === 'string' && v.toLowerCase() === 'none') {
      rows.push({ key, label, value: v, detail: 'unsigned token: anyone can forge it' });
    } else {
      rows.push(textRow(key, label, raw, maxValueLength));
    }
  }
  const order = (k: string): number => {
    const i = ['alg', 'typ', 'kid'].indexOf(k);
    return i === -1 ? 3 : i;
  };
  return rows.sort((a, b) => order(a.key) - order(b.key));
}

export function describeClaims(payload: JwtPayload, opts: DescribeOptions): JwtRow[] {
  const max = opts.maxValueLength ?? 80;
  const known: JwtRow[] = [];
  const custom: JwtRow[] = [];
  for (const [key, v] of Object.entries(payload)) {
    if (DATE_CLAIMS.has(key)) {
      known.push(dateRow(key, v, opts));
    } else if (key === 'aud') {
      known.push(textRow(key, CLAIM_LABELS.aud as string, listValue(v, ', ') ?? json(v), max));
    } else if (key === 'scope' || key === 'scp') {
      known.push(textRow(key, 'Scopes', listValue(v, ' ') ?? json(v), max));
    } else if (key in CLAIM_LABELS) {
      known.push(textRow(key, CLAIM_LABELS[key] as string, typeof v === 'string' ? v : json(v), max));
    } else {
      custom.push(textRow(key, key, typeof v === 'string' ? v : json(v), max));
    }
  }
  const order = Object.keys(CLAIM_LABELS);
  known.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return [...known, ...custom];
}

export function describeJwt(decoded: { readonly header: JwtHeader; readonly payload: JwtPayload }, opts: DescribeOptions): JwtDescription {
  const status = jwtStatus(decoded.payload, opts.now, opts.warningWindowMs ?? DAY_MS);
  const bits: string[] = [];
  if (typeof decoded.header.alg === 'string') bits.push(decoded.header.alg);
  const who = decoded.payload.sub ?? decoded.payload.iss;
  if (typeof who === 'string' && who !== '') bits.push(truncate(who, 32));
  bits.push(status.reason);
  return {
    header: describeHeader(decoded.header, opts.maxValueLength),
    claims: describeClaims(decoded.payload, opts),
    status,
    summary: bits.join(' · '),
  };
}
