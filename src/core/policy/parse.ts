// The policy comment above a .env entry:
//   # leakproof: rotate=90d expires=2027-01-31 rotated=2026-10-01
// Parsing collects problems instead of throwing; a bad comment must never break scanning.
import { formatDuration, formatIsoDate, parseDuration, parseIsoDate, startOfUtcDay } from './dates';
import type { PolicyDuration } from './dates';

export interface Policy {
  /** Rotation interval; `never` turns off the default interval for this entry. */
  readonly rotate?: PolicyDuration | 'never';
  /** Hard expiry, epoch ms. */
  readonly expires?: number;
  /** Last rotation, epoch ms. */
  readonly rotated?: number;
  readonly created?: number;
  /** Unknown keys, kept verbatim so rewriting the comment does not lose them. */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface PolicyIssue {
  readonly key: string;
  readonly value: string;
  readonly message: string;
}

export interface PolicyParse {
  readonly policy: Policy;
  /** Ignored input: unknown keys, stray words, duplicates. */
  readonly warnings: readonly string[];
  /** Known keys with values that could not be read; the key is left out of `policy`. */
  readonly errors: readonly PolicyIssue[];
}

const MARKER = /^\s*#\s*leakproof\s*:(.*)$/i;
const KNOWN = ['rotate', 'expires', 'rotated', 'created'] as const;
type KnownKey = (typeof KNOWN)[number];

export function isPolicyComment(line: string): boolean {
  return MARKER.test(line);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function parseInto(body: string, policy: Mutable<Policy>, extra: Record<string, string>, warnings: string[], errors: PolicyIssue[], seen: Set<string>): void {
  for (const item of body.split(/[\s,;]+/).filter((s) => s !== '')) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      warnings.push(`Ignored "${item}": expected key=value.`);
      continue;
    }
    const key = item.slice(0, eq).toLowerCase();
    const value = item.slice(eq + 1);
    if (seen.has(key)) warnings.push(`"${key}" is given more than once; the last one counts.`);
    seen.add(key);
    if (!(KNOWN as readonly string[]).includes(key)) {
      warnings.push(`Unknown key "${key}" ignored (known: ${KNOWN.join(', ')}).`);
      extra[key] = value;
      continue;
    }
    const k = key as KnownKey;
    if (k === 'rotate') {
      if (/^(never|off|none)$/i.test(value)) {
        policy.rotate = 'never';
        continue;
      }
      const d = parseDuration(value);
      if (d) policy.rotate = d;
      else {
        delete policy.rotate;
        errors.push({ key, value, message: `rotate=${value}: expected a duration like 30d, 12w, 6m, 1y, 48h, or never.` });
      }
      continue;
    }
    const ms = parseIsoDate(value);
    if (ms === undefined) {
      delete policy[k];
      errors.push({ key, value, message: `${key}=${value}: expected an ISO date like 2027-01-31 or 2027-01-31T10:00Z.` });
    } else {
      policy[k] = ms;
    }
  }
}

/** Parses one comment line; undefined when it is not a `# leakproof:` comment. */
export function parsePolicyComment(line: string): PolicyParse | undefined {
  return MARKER.test(line) ? parsePolicyLines([line]) : undefined;
}

/** Merges several `# leakproof:` lines (later keys win); other lines are skipped. */
export function parsePolicyLines(lines: readonly string[]): PolicyParse {
  const policy: Mutable<Policy> = {};
  const extra: Record<string, string> = {};
  const warnings: string[] = [];
  const errors: PolicyIssue[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const m = MARKER.exec(line);
    if (m) parseInto(m[1] as string, policy, extra, warnings, errors, seen);
  }
  if (Object.keys(extra).length > 0) policy.extra = extra;
  return { policy, warnings, errors };
}

export interface PolicyAbove {
  readonly parse: PolicyParse;
  /** 0-based indices of the `# leakproof:` lines, top to bottom (for rewriting them). */
  readonly lineIndices: readonly number[];
}

/**
 * The policy for the entry on `entryLine` (0-based): `# leakproof:` lines within the run of comment
 * lines directly above it. A blank line or another entry ends the run.
 */
export function findPolicyAbove(lines: readonly string[], entryLine: number): PolicyAbove | undefined {
  const indices: number[] = [];
  for (let i = entryLine - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (!/^\s*#/.test(line)) break;
    if (MARKER.test(line)) indices.unshift(i);
  }
  if (indices.length === 0) return undefined;
  return { parse: parsePolicyLines(indices.map((i) => lines[i] as string)), lineIndices: indices };
}

/** Canonical comment text: `# leakproof: rotate=… expires=… rotated=… created=…` then unknown keys. */
export function formatPolicy(policy: Policy): string {
  const parts: string[] = [];
  if (policy.rotate !== undefined) parts.push(`rotate=${policy.rotate === 'never' ? 'never' : formatDuration(policy.rotate)}`);
  if (policy.expires !== undefined) parts.push(`expires=${formatIsoDate(policy.expires)}`);
  if (policy.rotated !== undefined) parts.push(`rotated=${formatIsoDate(policy.rotated)}`);
  if (policy.created !== undefined) parts.push(`created=${formatIsoDate(policy.created)}`);
  for (const [k, v] of Object.entries(policy.extra ?? {})) parts.push(`${k}=${v}`);
  return `# leakproof: ${parts.join(' ')}`.trimEnd();
}

/** The policy after a rotation at `now`: `rotated=` becomes today's date (UTC). */
export function markRotated(policy: Policy, now: number): Policy {
  return { ...policy, rotated: startOfUtcDay(now) };
}
