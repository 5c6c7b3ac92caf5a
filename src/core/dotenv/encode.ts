// Writing a value so that `dotenv.parse` reads back exactly that value. dotenv has no general escape
// mechanism: single quotes and backticks are fully literal (and may span lines), double quotes only
// expand `\n` and `\r` (a backslash cannot be escaped), unquoted values are trimmed and stop at `#`.
// So each style can represent only some values; we generate the styles in order of preference and
// keep those that decode back exactly, checked with our dotenv-mirroring parser.

import { parseDotenv } from './parse';

export type ValueStyle = 'plain' | 'single' | 'double' | 'backtick';

export interface EncodedValue {
  readonly style: ValueStyle;
  /** What goes after `KEY=`. */
  readonly text: string;
}

export type EncodeResult =
  | ({ readonly ok: true } & EncodedValue)
  | { readonly ok: false; readonly reason: 'unrepresentable'; readonly message: string };

// Unquoted only for characters that mean nothing to dotenv, shells (`source .env`), docker compose
// or dotenv-expand: anything else is quoted.
const PLAIN_SAFE = /^[A-Za-z0-9_\-.:/+=@%,]+$/;

// Last resort for values no quote can hold (e.g. ending in a backslash, or holding all three quote
// characters): dotenv reads an unquoted value literally as long as it has no `#`, no line break, no
// surrounding whitespace and does not start with a quote.
const LOOSE_PLAIN = /^(?!['"`])[^#\s](?:[^#\r\n\u2028\u2029]*[^#\s])?$/;

function candidate(value: string, style: ValueStyle, eol: string): EncodedValue {
  switch (style) {
    case 'plain':
      return { style, text: value };
    case 'single':
      return { style, text: `'${value.replace(/\n/g, eol)}'` };
    case 'backtick':
      return { style, text: `\`${value.replace(/\n/g, eol)}\`` };
    case 'double':
      return { style, text: `"${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"` };
  }
}

/** Decodes as `value` when written alone on a line, and cannot run on into a following line. */
function roundTrips(value: string, enc: EncodedValue, loose = false): boolean {
  if (enc.style !== 'plain') {
    const inner = enc.text.slice(1, -1);
    // dotenv would sometimes accept its own quote inside (its fallback keeps `'it's'` whole), but
    // shells, compose and other dotenv ports would not: never rely on it.
    if (inner.includes(enc.text[0] as string)) return false;
    // `\'` (or `\"`, `\``) right before the closing quote is read as an escaped quote by dotenv's
    // regex, which then hunts for a later quote in the rest of the file.
    if (inner.endsWith('\\')) return false;
  } else if (value !== '' && !(loose ? LOOSE_PLAIN : PLAIN_SAFE).test(value)) return false;
  const parsed = parseDotenv(`K=${enc.text}\n`);
  return parsed.entries.length === 1 && parsed.entries[0]?.value === value && parsed.malformed.length === 0;
}

/**
 * Every style that represents `value` exactly, best first: plain when safe; for multi-line values
 * double quotes with `\n` (one line, PEM-friendly), then literal multi-line single/backtick quotes;
 * otherwise single quotes (no expansion anywhere), then double, then backticks.
 */
export function encodeCandidates(value: string, eol: '\n' | '\r\n' = '\n'): EncodedValue[] {
  const multiLine = /[\r\n]/.test(value);
  const order: ValueStyle[] = multiLine
    ? ['double', 'single', 'backtick']
    : ['plain', 'single', 'double', 'backtick'];
  const found = order.map((s) => candidate(value, s, eol)).filter((c) => roundTrips(value, c));
  if (PLAIN_SAFE.test(value) || found.length > 0) return found;
  const loose = candidate(value, 'plain', eol);
  return roundTrips(value, loose, true) ? [loose] : [];
}

/**
 * The minimal quoting so that `dotenv.parse` reads back exactly `value`, or an error when no dotenv
 * syntax can (e.g. it holds all three quote characters, or a real newline next to a literal `\n`).
 */
export function encodeValue(value: string, eol: '\n' | '\r\n' = '\n'): EncodeResult {
  const best = encodeCandidates(value, eol)[0];
  if (best) return { ok: true, ...best };
  return {
    ok: false,
    reason: 'unrepresentable',
    message:
      'This value cannot be written to a .env file exactly: dotenv has no escape that keeps it intact ' +
      '(it mixes quote characters, or a line break with a literal \\n or \\r).',
  };
}
