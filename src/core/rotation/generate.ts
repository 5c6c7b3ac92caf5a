// Shape-preserving secret generation: the new value keeps the old one's prefix, length, separators
// and character classes, so it fits wherever the old one did (validators, column widths, regexes).
// Randomness comes only from node:crypto.
import { randomInt } from 'node:crypto';

export type CharClass = 'lower' | 'upper' | 'digit' | 'b64' | 'b64url' | 'symbol';

export type ShapePart =
  | { readonly type: 'literal'; readonly text: string }
  | {
      readonly type: 'random';
      readonly length: number;
      readonly alphabet: string;
      /** Character sets of which at least one member must appear (the classes the old run had). */
      readonly required: readonly string[];
    };

export interface SecretShape {
  /** Kept verbatim: a known or word-like prefix such as `sk_test_`, `ghp_`, `myapp_live_`. */
  readonly prefix: string;
  readonly parts: readonly ShapePart[];
  readonly kind: 'uuid' | 'grouped' | 'plain';
  /** The provider that issues values with this prefix, when known. */
  readonly issuedBy?: string;
  /** Randomness of a generated value, in bits. */
  readonly entropyBits: number;
}

export type GenerateResult =
  | { readonly ok: true; readonly value: string; readonly shape: SecretShape; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

export interface GenerateOptions {
  /** Uniform integer in [0, max). Default `crypto.randomInt`; tests may inject a seeded one. */
  readonly randomIndex?: (max: number) => number;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGIT = '0123456789';
const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

/**
 * Prefixes that mark who issued a value (longest first wins). Provider-issued credentials can only
 * be rotated at the provider; generating one locally is for self-issued secrets and tests.
 */
const KNOWN_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['sk_test_', 'Stripe'],
  ['sk_live_', 'Stripe'],
  ['pk_test_', 'Stripe'],
  ['pk_live_', 'Stripe'],
  ['rk_test_', 'Stripe'],
  ['rk_live_', 'Stripe'],
  ['whsec_', 'Stripe'],
  ['github_pat_', 'GitHub'],
  ['ghp_', 'GitHub'],
  ['gho_', 'GitHub'],
  ['ghu_', 'GitHub'],
  ['ghs_', 'GitHub'],
  ['ghr_', 'GitHub'],
  ['glpat-', 'GitLab'],
  ['gldt-', 'GitLab'],
  ['xoxb-', 'Slack'],
  ['xoxp-', 'Slack'],
  ['xoxa-', 'Slack'],
  ['xoxe-', 'Slack'],
  ['xapp-', 'Slack'],
  ['AKIA', 'AWS'],
  ['ASIA', 'AWS'],
  ['sk-ant-api03-', 'Anthropic'],
  ['sk-proj-', 'OpenAI'],
  ['sk-', 'OpenAI'],
  ['SG.', 'SendGrid'],
  ['npm_', 'npm'],
  ['pypi-', 'PyPI'],
  ['hf_', 'Hugging Face'],
  ['dop_v1_', 'DigitalOcean'],
  ['shpat_', 'Shopify'],
  ['shpss_', 'Shopify'],
  ['AIza', 'Google'],
  ['sq0atp-', 'Square'],
];
const SORTED_PREFIXES = [...KNOWN_PREFIXES].sort((a, b) => b[0].length - a[0].length);

export function classOf(c: string): CharClass {
  if (c >= 'a' && c <= 'z') return 'lower';
  if (c >= 'A' && c <= 'Z') return 'upper';
  if (c >= '0' && c <= '9') return 'digit';
  if (c === '+' || c === '/') return 'b64';
  if (c === '-' || c === '_') return 'b64url';
  return 'symbol';
}

export function classesOf(s: string): Set<CharClass> {
  return new Set(Array.from(s, classOf));
}

const WORD_SEGMENT = /^(?:[a-z]{1,12}|[A-Z]{1,12})[0-9]{0,2}$/;

function looksRandom(s: string): boolean {
  if (s.length < 8) return false;
  const classes = classesOf(s);
  return classes.size >= 2 || new Set(s).size >= Math.min(8, s.length / 2);
}

/** The longest word-like run (`myapp_live_`) before a random-looking rest, or ''. */
function genericPrefix(value: string): string {
  let best = '';
  const re = /[_-]/g;
  let start = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const segment = value.slice(start, m.index);
    if (!WORD_SEGMENT.test(segment)) break;
    start = m.index + 1;
    if (looksRandom(value.slice(start))) best = value.slice(0, start);
  }
  return best;
}

function alphabetFor(classes: Set<CharClass>, symbols: string, hex: 'lower' | 'upper' | 'mixed' | undefined): { alphabet: string; required: string[] } {
  if (hex) {
    const required: string[] = [];
    if (classes.has('digit')) required.push(DIGIT);
    if (classes.has('lower')) required.push('abcdef');
    if (classes.has('upper')) required.push('ABCDEF');
    return { alphabet: hex === 'lower' ? HEX_LOWER : hex === 'upper' ? HEX_UPPER : `${DIGIT}abcdefABCDEF`, required };
  }
  const sets: Array<[CharClass, string]> = [
    ['lower', LOWER],
    ['upper', UPPER],
    ['digit', DIGIT],
    ['b64', '+/'],
    ['b64url', '-_'],
    ['symbol', symbols],
  ];
  const used = sets.filter(([c, s]) => classes.has(c) && s !== '');
  return { alphabet: used.map(([, s]) => s).join(''), required: used.map(([, s]) => s) };
}

function hexMode(s: string): 'lower' | 'upper' | 'mixed' | undefined {
  // Letters and digits both: a run of a-f letters alone is more likely a word than hex.
  if (s.length < 8 || !/^[0-9a-fA-F]+$/.test(s) || !/[a-fA-F]/.test(s) || !/[0-9]/.test(s)) return undefined;
  const lower = /[a-f]/.test(s);
  const upper = /[A-F]/.test(s);
  return lower && upper ? 'mixed' : lower ? 'lower' : 'upper';
}

function randomPart(run: string, hex: ReturnType<typeof hexMode>, symbols: string): ShapePart {
  const { alphabet, required } = alphabetFor(classesOf(run), symbols, hex);
  return { type: 'random', length: run.length, alphabet, required };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidParts(body: string): ShapePart[] {
  const hex = body === body.toUpperCase() ? HEX_UPPER : HEX_LOWER;
  const r = (length: number, alphabet = hex): ShapePart => ({ type: 'random', length, alphabet, required: [] });
  const lit = (text: string): ShapePart => ({ type: 'literal', text });
  const variant = body.charAt(19);
  // Keep the version nibble and the RFC 4122 variant bits so the result is still a valid UUID.
  const variantPart = /[89ab]/i.test(variant) ? r(1, hex === HEX_UPPER ? '89AB' : '89ab') : lit(variant);
  return [r(8), lit('-'), r(4), lit('-'), lit(body.charAt(14)), r(3), lit('-'), variantPart, r(3), lit('-'), r(12)];
}

/** Splits on fixed separators: `.` always; `-` or `_` when only one of them occurs and no group is empty. */
function groupedParts(body: string, hex: ReturnType<typeof hexMode>, symbols: string): { parts: ShapePart[]; grouped: boolean } {
  const parts: ShapePart[] = [];
  let grouped = false;
  const dotGroups = body.split('.');
  const dotsAreSeparators = dotGroups.length > 1 && dotGroups.every((g) => g !== '');
  for (const [gi, group] of (dotsAreSeparators ? dotGroups : [body]).entries()) {
    if (gi > 0) parts.push({ type: 'literal', text: '.' });
    const hasDash = group.includes('-');
    const hasUnderscore = group.includes('_');
    const sep = hasDash !== hasUnderscore ? (hasDash ? '-' : '_') : undefined;
    const subs = sep ? group.split(sep) : [group];
    const subsOk = sep !== undefined && subs.every((s) => s !== '');
    for (const [si, sub] of (subsOk ? subs : [group]).entries()) {
      if (si > 0) parts.push({ type: 'literal', text: sep as string });
      parts.push(randomPart(sub, hex, symbols));
    }
    grouped ||= subsOk || dotsAreSeparators;
  }
  return { parts, grouped };
}

/** Infers the shape of a secret value, or says why it cannot (or must not) be generated by shape. */
export function inferShape(value: string): SecretShape | { readonly error: string } {
  if (value === '') return { error: 'The old value is empty, so there is no shape to keep.' };
  if (/\s/.test(value)) return { error: 'Values with whitespace (PEM blocks, phrases) cannot be generated by shape.' };
  if (/^eyJ[A-Za-z0-9_-]+\.eyJ/.test(value)) return { error: 'This is a JWT: re-issue it (sign a new one) instead of generating random text.' };
  const known = SORTED_PREFIXES.find(([p]) => value.startsWith(p) && value.length > p.length);
  const prefix = known ? known[0] : genericPrefix(value);
  const afterPrefix = value.slice(prefix.length);
  const suffix = /=+$/.exec(afterPrefix)?.[0] ?? '';
  const body = afterPrefix.slice(0, afterPrefix.length - suffix.length);
  if (body === '') return { error: 'Nothing random left after the prefix.' };

  let parts: ShapePart[];
  let kind: SecretShape['kind'];
  if (UUID.test(body)) {
    parts = uuidParts(body);
    kind = 'uuid';
  } else {
    const randomChars = body.replace(/[.\-_]/g, '');
    const hex = hexMode(randomChars);
    const symbols = [...new Set(Array.from(body).filter((c) => classOf(c) === 'symbol' && c !== '.'))].join('');
    const g = groupedParts(body, hex, symbols);
    parts = g.parts;
    kind = g.grouped ? 'grouped' : 'plain';
  }
  const edges = (text: string): ShapePart[] => (text === '' ? [] : [{ type: 'literal', text }]);
  const all: ShapePart[] = [...edges(prefix), ...parts, ...edges(suffix)];
  const entropyBits = all.reduce((sum, p) => (p.type === 'random' ? sum + p.length * Math.log2(p.alphabet.length) : sum), 0);
  return { prefix, parts: all, kind, ...(known ? { issuedBy: known[1] } : {}), entropyBits: Math.round(entropyBits) };
}

function fillRun(part: Extract<ShapePart, { type: 'random' }>, pick: (max: number) => number): string {
  const { alphabet, length, required } = part;
  // Rejection sampling keeps the result uniform among strings that contain every required class.
  for (let attempt = 0; attempt < 64; attempt++) {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet.charAt(pick(alphabet.length));
    if (required.every((set) => Array.from(s).some((c) => set.includes(c)))) return s;
  }
  // Short runs with many classes: place one of each required class at distinct random positions.
  const chars = Array.from({ length }, () => alphabet.charAt(pick(alphabet.length)));
  const free = Array.from({ length }, (_, i) => i);
  for (const set of required.slice(0, length)) {
    const at = free.splice(pick(free.length), 1)[0] as number;
    chars[at] = set.charAt(pick(set.length));
  }
  return chars.join('');
}

export function generateFromShape(shape: SecretShape, options: GenerateOptions = {}): string {
  const pick = options.randomIndex ?? ((max: number): number => randomInt(max));
  return shape.parts.map((p) => (p.type === 'literal' ? p.text : fillRun(p, pick))).join('');
}

/** A new value in the old one's shape, never equal to it. Never throws. */
export function generateLike(oldValue: string, options: GenerateOptions = {}): GenerateResult {
  const shape = inferShape(oldValue);
  if ('error' in shape) return { ok: false, reason: shape.error };
  const warnings: string[] = [];
  if (shape.issuedBy) {
    warnings.push(`This looks like a ${shape.issuedBy} credential: only ${shape.issuedBy} can issue a working one. Rotate it there; a generated value only fits self-issued secrets and tests.`);
  }
  if (shape.entropyBits < 64) warnings.push(`The new value has only about ${shape.entropyBits} bits of randomness: consider a longer secret.`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = generateFromShape(shape, options);
    if (value !== oldValue) return { ok: true, value, shape, warnings };
  }
  return { ok: false, reason: 'This shape has too little room to produce a different value.' };
}
