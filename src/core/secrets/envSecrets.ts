// Pure `.env` logic for the sidebar (no `vscode` import): entries with their policy and positions,
// and edit plans for the policy comment and for a rotation (value + `rotated=` in one plan).
import { decodeJwt } from '../jwt/decode';
import type { JwtPayload } from '../jwt/types';
import { LineIndex } from '../lineIndex';
import { findPolicyAbove, formatPolicy, markRotated } from '../policy/parse';
import type { Policy } from '../policy/parse';
import { planReplaceValue } from '../dotenv/edit';
import { effectiveEntries, parseDotenv, toRecord } from '../dotenv/parse';
import type { ParsedDotenv } from '../dotenv/parse';
import { applyEdits } from '../dotenv/textEdit';
import type { TextEdit } from '../dotenv/textEdit';

export interface LineRange {
  readonly line: number;
  readonly startChar: number;
  readonly endChar: number;
}

export interface EnvSecret {
  readonly key: string;
  /** The value as dotenv reads it. A credential: memory only, never shown. */
  readonly value: string;
  readonly keyRange: LineRange;
  readonly policy: Policy;
  readonly policyErrors: readonly string[];
  /** Where the (first) `# leakproof:` line is, for diagnostics about it. */
  readonly policyRange?: LineRange;
  readonly jwtPayload?: JwtPayload;
}

/** `.env`, `.env.local`, `.env.production`…; not `.envrc` (a shell script) or `.env.swp`-like noise. */
export function isEnvFileName(base: string): boolean {
  return base === '.env' || (base.startsWith('.env.') && !/\.(swp|bak|orig|tmp)$/i.test(base));
}

function physicalLines(text: string, parsed: ParsedDotenv): string[] {
  return parsed.lines.map((l) => text.slice(l.start, l.end));
}

/** The entries dotenv would use (last one per key), skipping empty values: nothing to track there. */
export function envSecrets(text: string): EnvSecret[] {
  const parsed = parseDotenv(text);
  const lines = physicalLines(text, parsed);
  const index = new LineIndex(text);
  const out: EnvSecret[] = [];
  for (const entry of effectiveEntries(parsed).values()) {
    if (entry.value === '') continue;
    const start = index.positionAt(entry.keyStart);
    const above = findPolicyAbove(lines, entry.line);
    const firstPolicyLine = above?.lineIndices[0];
    const decoded = decodeJwt(entry.value);
    out.push({
      key: entry.key,
      value: entry.value,
      keyRange: { line: start.line, startChar: start.character, endChar: start.character + (entry.keyEnd - entry.keyStart) },
      policy: above?.parse.policy ?? {},
      policyErrors: above?.parse.errors.map((e) => e.message) ?? [],
      ...(firstPolicyLine !== undefined ? { policyRange: { line: firstPolicyLine, startChar: 0, endChar: (lines[firstPolicyLine] ?? '').length } } : {}),
      ...(decoded.ok ? { jwtPayload: decoded.payload } : {}),
    });
  }
  return out;
}

export type EnvPlan = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly newText: string } | { readonly ok: false; readonly reason: string };

function sameExcept(before: Record<string, string>, afterText: string, key: string, expected: string): boolean {
  const after = toRecord(parseDotenv(afterText));
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) if (k !== key && before[k] !== after[k]) return false;
  return after[key] === expected;
}

/**
 * Edits that write `policy` as the one `# leakproof:` line above `key`'s entry: the first existing
 * policy line is rewritten, further ones removed; with none, a line is inserted above the entry.
 */
export function planPolicyEdits(text: string, key: string, policy: Policy): EnvPlan {
  const parsed = parseDotenv(text);
  const entry = effectiveEntries(parsed).get(key);
  if (!entry) return { ok: false, reason: `${key} is not in this .env file any more.` };
  const lines = physicalLines(text, parsed);
  const above = findPolicyAbove(lines, entry.line);
  const comment = formatPolicy(policy);
  const empty = Object.keys(policy).length === 0;
  const edits: TextEdit[] = [];
  if (!above) {
    if (empty) return { ok: true, edits: [], newText: text };
    edits.push({ start: entry.rawLineStart, end: entry.rawLineStart, text: comment + parsed.eol });
  } else {
    above.lineIndices.forEach((li, i) => {
      const l = parsed.lines[li];
      if (!l) return;
      edits.push(i === 0 && !empty ? { start: l.start, end: l.end, text: comment } : { start: l.start, end: l.next, text: '' });
    });
  }
  const newText = applyEdits(text, edits);
  if (!sameExcept(toRecord(parsed), newText, key, entry.value)) {
    return { ok: false, reason: 'Writing the policy comment here would change how dotenv reads the file.' };
  }
  return { ok: true, edits, newText };
}

/** The policy currently above `key` (empty when none). */
export function policyOf(text: string, key: string): Policy {
  const parsed = parseDotenv(text);
  const entry = effectiveEntries(parsed).get(key);
  if (!entry) return {};
  return findPolicyAbove(physicalLines(text, parsed), entry.line)?.parse.policy ?? {};
}

/**
 * One plan for a rotation: the value replaced in place and the policy's `rotated=` set. With
 * `rotated` undefined the date is removed (a rollback to a value that had none).
 */
export function planRotation(text: string, key: string, newValue: string, rotated: number | undefined | 'now', now: number): EnvPlan {
  const value = planReplaceValue(text, key, newValue);
  if (value.kind === 'error') return { ok: false, reason: value.message };
  if (value.kind === 'unchanged') return { ok: false, reason: 'The new value is the same as the current one.' };
  const current = policyOf(text, key);
  let policy: Policy;
  if (rotated === 'now') policy = markRotated(current, now);
  else {
    const { rotated: _dropped, ...rest } = current;
    policy = rotated === undefined ? rest : { ...rest, rotated };
  }
  const same = JSON.stringify(policy) === JSON.stringify(current);
  const policyPlan = same ? undefined : planPolicyEdits(text, key, policy);
  if (policyPlan && !policyPlan.ok) return policyPlan;
  const edits = [...value.edits, ...(policyPlan?.edits ?? [])];
  const newText = applyEdits(text, edits);
  if (!sameExcept(toRecord(parseDotenv(text)), newText, key, newValue)) {
    return { ok: false, reason: 'Replacing this value in place would change how dotenv reads the lines around it.' };
  }
  return { ok: true, edits, newText };
}
