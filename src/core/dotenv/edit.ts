// Edit planning for `.env` files: each plan is a few `{ start, end, text }` replacements against the
// original text, so everything outside them stays byte for byte identical (a malformed file is never
// rewritten). dotenv's regex can join lines in surprising ways (`KEY:` at the end of a file swallows
// the next line as its value; an unterminated quote can reach a later one), so every plan is
// re-parsed before it is returned: all other keys must keep their values, or we try a safer layout,
// or we refuse.

import { encodeCandidates, encodeValue } from './encode';
import type { EncodedValue, ValueStyle } from './encode';
import { effectiveEntries, parseDotenv, toRecord } from './parse';
import type { DotenvEntry, ParsedDotenv } from './parse';
import { applyEdits } from './textEdit';
import type { TextEdit } from './textEdit';

export type DotenvPlanError = 'invalid-key' | 'unrepresentable' | 'unsafe' | 'not-found';

export interface DotenvPlanFailure {
  readonly kind: 'error';
  readonly reason: DotenvPlanError;
  readonly message: string;
}

export type SetVarPlan =
  | {
      readonly kind: 'append';
      readonly edits: readonly TextEdit[];
      /** The whole resulting file (convenient when `createFile`, and for previews). */
      readonly newText: string;
      /** The file did not exist: create it with `newText`. */
      readonly createFile: boolean;
      /** 0-based line of the new entry in `newText`. */
      readonly line: number;
      readonly style: ValueStyle;
    }
  /** The key is already there with exactly this value: reference it, write nothing. */
  | { readonly kind: 'reuse'; readonly entry: DotenvEntry }
  /** The key is there with another value: the adapter should ask for another name. */
  | { readonly kind: 'conflict'; readonly entry: DotenvEntry }
  | DotenvPlanFailure;

export type ReplaceValuePlan =
  | {
      readonly kind: 'replace';
      readonly edits: readonly TextEdit[];
      readonly newText: string;
      readonly entry: DotenvEntry;
      readonly style: ValueStyle;
    }
  | { readonly kind: 'unchanged'; readonly entry: DotenvEntry }
  | DotenvPlanFailure;

export type RemoveVarPlan =
  | { readonly kind: 'remove'; readonly edits: readonly TextEdit[]; readonly newText: string; readonly removed: number }
  | DotenvPlanFailure;

export type ExampleKeyPlan =
  | { readonly kind: 'append'; readonly edits: readonly TextEdit[]; readonly newText: string; readonly createFile: boolean; readonly line: number }
  | { readonly kind: 'present'; readonly entry: DotenvEntry }
  | DotenvPlanFailure;

/** The key syntax dotenv accepts. */
const KEY = /^[\w.-]+$/;

function fail(reason: DotenvPlanError, message: string): DotenvPlanFailure {
  return { kind: 'error', reason, message };
}

/** After the edit, dotenv must see exactly the old variables, except `key` which must be `expected`. */
function keepsOthers(before: Record<string, string>, after: string, key: string, expected: string | undefined): boolean {
  const now = toRecord(parseDotenv(after));
  for (const k of Object.keys(before)) {
    if (k === key) continue;
    if (now[k] !== before[k]) return false;
  }
  for (const k of Object.keys(now)) if (k !== key && !(k in before)) return false;
  return expected === undefined ? !(key in now) : now[key] === expected;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

interface Appended {
  readonly edit: TextEdit;
  readonly newText: string;
  readonly line: number;
}

/** Append `KEY=<enc>` as a new last line, trying a blank separator line if the tail would absorb it. */
function appendLine(base: string, parsed: ParsedDotenv, key: string, expected: string, encs: readonly EncodedValue[]): (Appended & { enc: EncodedValue }) | undefined {
  const before = toRecord(parsed);
  const eol = parsed.eol;
  for (const enc of encs) {
    for (const spacer of ['', eol]) {
      const line = `${key}=${enc.text}`;
      let insert: string;
      if (base === '') insert = line + eol;
      else if (parsed.endsWithNewline) insert = spacer + line + eol;
      // Keep the file's "no final newline" style: break the last line, add ours without one.
      else insert = eol + spacer + line;
      const newText = base + insert;
      if (keepsOthers(before, newText, key, expected)) {
        const lineStart = base.length + insert.indexOf(line);
        return { edit: { start: base.length, end: base.length, text: insert }, newText, line: lineOf(newText, lineStart), enc };
      }
    }
  }
  return undefined;
}

const UNSAFE_TAIL =
  'The end of this .env file would change how dotenv reads the new line (an unterminated quote or a ' +
  "'KEY:' line). Fix the last lines of the file, then try again.";

/**
 * Plan adding `key=value` to a `.env` file (`text` undefined = the file does not exist). Never
 * overwrites: an existing key yields `reuse` (same value) or `conflict` (another value).
 */
export function planSetVar(text: string | undefined, key: string, value: string): SetVarPlan {
  if (!KEY.test(key)) return fail('invalid-key', 'A .env key may only hold letters, digits, _ . and -.');
  const base = text ?? '';
  const parsed = parseDotenv(base);
  const existing = effectiveEntries(parsed).get(key);
  if (existing) return existing.value === value ? { kind: 'reuse', entry: existing } : { kind: 'conflict', entry: existing };
  const encs = encodeCandidates(value, parsed.eol);
  if (encs.length === 0) {
    const r = encodeValue(value);
    return fail('unrepresentable', r.ok ? 'unrepresentable' : r.message);
  }
  const done = appendLine(base, parsed, key, value, encs);
  if (!done) return fail('unsafe', UNSAFE_TAIL);
  return { kind: 'append', edits: [done.edit], newText: done.newText, createFile: text === undefined, line: done.line, style: done.enc.style };
}

/**
 * Plan replacing the value of `key` (the entry dotenv uses, i.e. the last one) in place, e.g. after
 * a rotation. Keeps the entry's quote style when it can still hold the value, keeps `export`, the
 * inline comment and everything else on the line.
 */
export function planReplaceValue(text: string, key: string, newValue: string): ReplaceValuePlan {
  const parsed = parseDotenv(text);
  const entry = effectiveEntries(parsed).get(key);
  if (!entry) return fail('not-found', 'This key is not in the .env file.');
  if (entry.value === newValue) return { kind: 'unchanged', entry };
  const encs = encodeCandidates(newValue, parsed.eol);
  if (encs.length === 0) {
    const r = encodeValue(newValue);
    return fail('unrepresentable', r.ok ? 'unrepresentable' : r.message);
  }
  const current: ValueStyle =
    entry.quote === "'" ? 'single' : entry.quote === '"' ? 'double' : entry.quote === '`' ? 'backtick' : 'plain';
  const ordered = [...encs.filter((e) => e.style === current), ...encs.filter((e) => e.style !== current)];
  const before = toRecord(parsed);
  const emptyColon = entry.separator === ':' && entry.valueStart === entry.valueEnd;
  for (const enc of ordered) {
    // `KEY:` needs whitespace after the colon.
    const edit: TextEdit = { start: entry.valueStart, end: entry.valueEnd, text: (emptyColon ? ' ' : '') + enc.text };
    const newText = applyEdits(text, [edit]);
    if (keepsOthers(before, newText, key, newValue)) return { kind: 'replace', edits: [edit], newText, entry, style: enc.style };
  }
  return fail('unsafe', 'Replacing this value in place would change how dotenv reads the lines around it.');
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/**
 * Plan removing every entry of `key` (removing only the last would bring an older value back),
 * together with its `# leakproof:` policy comment unless `keepPolicyComment`.
 */
export function planRemoveVar(text: string, key: string, options: { keepPolicyComment?: boolean } = {}): RemoveVarPlan {
  const parsed = parseDotenv(text);
  const targets = parsed.entries.filter((e) => e.key === key);
  if (targets.length === 0) return fail('not-found', 'This key is not in the .env file.');
  const before = toRecord(parsed);
  const whole: TextEdit[] = [];
  const blanked: TextEdit[] = [];
  for (const e of targets) {
    const start = e.policyComment && !options.keepPolicyComment ? lineStartOf(text, e.policyComment.start) : e.rawLineStart;
    if (e.nextLineStart > e.rawLineEnd || start === 0) whole.push({ start, end: e.nextLineStart, text: '' });
    // Last line without a final newline: take the line break before it instead.
    else whole.push({ start: Math.max(0, start - (text.slice(0, start).endsWith('\r\n') ? 2 : 1)), end: e.rawLineEnd, text: '' });
    blanked.push({ start, end: e.rawLineEnd, text: '' });
  }
  for (const edits of [merge(whole), merge(blanked)]) {
    const newText = applyEdits(text, edits);
    if (keepsOthers(before, newText, key, undefined)) return { kind: 'remove', edits, newText, removed: targets.length };
  }
  return fail('unsafe', 'Removing this entry would change how dotenv reads the lines around it.');
}

function merge(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, e.end), text: '' };
    else out.push(e);
  }
  return out;
}

/** Plan adding `KEY=` to `.env.example` (documenting the variable without its value) if it is missing. */
export function planExampleKey(text: string | undefined, key: string): ExampleKeyPlan {
  if (!KEY.test(key)) return fail('invalid-key', 'A .env key may only hold letters, digits, _ . and -.');
  const base = text ?? '';
  const parsed = parseDotenv(base);
  const entry = parsed.entries.find((e) => e.key === key);
  if (entry) return { kind: 'present', entry };
  const done = appendLine(base, parsed, key, '', [{ style: 'plain', text: '' }]);
  if (!done) return fail('unsafe', UNSAFE_TAIL);
  return { kind: 'append', edits: [done.edit], newText: done.newText, createFile: text === undefined, line: done.line };
}
