// Lossless `.env` parser that agrees with `dotenv.parse` (v17/v18 default parser) by running the very
// same line regex and value post-processing, but keeps every offset so edits can touch one span only.
// dotenv's rules are quirky (a `\s` that crosses newlines, `KEY: value`, quotes that may span lines,
// `\n`/`\r` expansion only inside double quotes, no backslash escapes otherwise); mirroring the
// regex rather than re-implementing it is what makes "our parse == dotenv.parse" hold.

export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'none';
export type QuoteChar = "'" | '"' | '`';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface DotenvComment extends Span {
  /** 0-based line. */
  readonly line: number;
  /** The comment as written, from `#` to the end of the line (no line break). */
  readonly text: string;
}

/** A `# leakproof: …` comment in the comment block directly above an entry (raw; parsed elsewhere). */
export interface PolicyCommentRef extends Span {
  /** The raw comment line(s), `#` included; several lines are joined with `\n`. */
  readonly text: string;
}

export interface DotenvEntry {
  readonly key: string;
  /** The value exactly as `dotenv.parse` returns it. */
  readonly value: string;
  /** 0-based line of the entry's first character (the `export` or the key). */
  readonly line: number;
  /** 0-based line where the entry ends (differs from `line` for multi-line values). */
  readonly endLine: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  /**
   * Span of the raw value, quotes included, surrounding whitespace excluded. For an empty value both
   * are the offset right after the separator (`=` or `:`).
   */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Start of the entry's first line. */
  readonly rawLineStart: number;
  /** End of the entry's last line, before its line break. */
  readonly rawLineEnd: number;
  /** After the last line's line break (= `rawLineEnd` on the last line of a file without one). */
  readonly nextLineStart: number;
  readonly exported: boolean;
  readonly separator: '=' | ':';
  /** The quote the value is wrapped in, if dotenv strips one. */
  readonly quote?: QuoteChar;
  /** The value starts with a quote dotenv could not match: it keeps the quote as part of the value. */
  readonly unterminatedQuote?: true;
  /** Inline comment after the value on the entry's last line. */
  readonly comment?: DotenvComment;
  readonly policyComment?: PolicyCommentRef;
}

export interface DotenvMalformed extends Span {
  readonly malformed: true;
  readonly line: number;
  /** Why dotenv ignores the line. Never contains the line's text (it may hold a secret). */
  readonly reason: string;
}

export type DotenvLineKind = 'entry' | 'continuation' | 'comment' | 'blank' | 'malformed';

export interface DotenvLine extends Span {
  readonly kind: DotenvLineKind;
  /** After the line break (= `end` on a last line without one). */
  readonly next: number;
}

export interface ParsedDotenv {
  /** In file order. A key may repeat; like dotenv, the last one wins (see `effectiveEntries`). */
  readonly entries: readonly DotenvEntry[];
  readonly comments: readonly DotenvComment[];
  readonly malformed: readonly DotenvMalformed[];
  /** One per physical line (`\r\n`, `\n` and a lone `\r` end a line, as in VS Code and dotenv); a final line break does not open an extra empty line here. */
  readonly lines: readonly DotenvLine[];
  readonly lineEnding: LineEnding;
  /** The line break to write: the file's dominant one, `\n` when there is none or a tie. */
  readonly eol: '\n' | '\r\n';
  /** True when the text is non-empty and ends with a line break. */
  readonly endsWithNewline: boolean;
}

// Copied from dotenv (lib/main.js `LINE`, unchanged from v16 to v18), plus `d` for match indices.
const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

const WS = /\s/;
const POLICY = /^\s*#\s*leakproof\s*:/i;

/** dotenv's value post-processing, applied to the raw group (quotes and whitespace included). */
export function decodeRawValue(raw: string): string {
  let value = raw.trim();
  const maybeQuote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (maybeQuote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

interface RawLine {
  start: number;
  end: number;
  next: number;
}

function splitLines(text: string): { lines: RawLine[]; lf: number; crlf: number; cr: number } {
  const lines: RawLine[] = [];
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lf++;
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    } else if (c === 13) {
      const pair = text.charCodeAt(i + 1) === 10;
      if (pair) crlf++;
      else cr++;
      lines.push({ start, end: i, next: i + (pair ? 2 : 1) });
      if (pair) i++;
      start = i + 1;
    }
  }
  if (start < text.length || lines.length === 0) lines.push({ start, end: text.length, next: text.length });
  return { lines, lf, crlf, cr };
}

/** dotenv first turns `\r\n` and `\r` into `\n`; keep a map back to the original offsets. */
function normalize(text: string): { norm: string; toOrig: (i: number) => number } {
  if (!text.includes('\r')) return { norm: text, toOrig: (i) => i };
  const map: number[] = [];
  let norm = '';
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    if (text[i] === '\r') {
      norm += '\n';
      if (text[i + 1] === '\n') i++;
    } else norm += text[i];
  }
  map.push(text.length);
  return { norm, toOrig: (i) => map[i] ?? text.length };
}

function lineIndexAt(lines: readonly RawLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as RawLine).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isQuote(c: string | undefined): c is QuoteChar {
  return c === "'" || c === '"' || c === '`';
}

function malformedReason(content: string): string {
  const t = content.trim().replace(/^export\s+/, '');
  if (isQuote(t[0])) return 'stray quoted text (an unterminated multi-line value above?)';
  const eq = t.indexOf('=');
  const colon = t.search(/:(?!\s)/);
  if (eq === -1) {
    if (colon !== -1) return "':' must be followed by whitespace (or use '=')";
    return "no '=': not a KEY=value line";
  }
  const key = t.slice(0, eq).trim();
  if (key === '') return "missing key before '='";
  if (!/^[\w.-]+$/.test(key)) return 'key has characters other than letters, digits, _ . -';
  return 'not a KEY=value line';
}

export function parseDotenv(text: string): ParsedDotenv {
  const { lines: rawLines, lf, crlf, cr } = splitLines(text);
  const { norm, toOrig } = normalize(text);
  const kinds: DotenvLineKind[] = rawLines.map(() => 'blank');
  const covered: boolean[] = rawLines.map(() => false);

  interface Draft extends Omit<DotenvEntry, 'policyComment'> {}
  const drafts: Draft[] = [];

  LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE.exec(norm)) !== null) {
    const indices = m.indices;
    const keyIdx = indices?.[1];
    if (!indices || !keyIdx) continue;
    const whole = m[0];
    const entryStartN = m.index + (whole.length - whole.trimStart().length);
    const [keyStartN, keyEndN] = keyIdx;
    let sepN = keyEndN;
    while (sepN < norm.length && WS.test(norm[sepN] as string)) sepN++;
    const separator = norm[sepN] === ':' ? ':' : '=';
    const sepEndN = sepN + 1;

    const raw = m[2] ?? '';
    const group = indices[2];
    let vStartN = sepEndN;
    let vEndN = sepEndN;
    if (group && raw.trim() !== '') {
      vStartN = group[0] + (raw.length - raw.trimStart().length);
      vEndN = group[1] - (raw.length - raw.trimEnd().length);
    }
    const rawTrimmed = norm.slice(vStartN, vEndN);
    const value = decodeRawValue(raw);
    const first = rawTrimmed[0];
    let quote: QuoteChar | undefined;
    let unterminated = false;
    if (isQuote(first)) {
      if (rawTrimmed.length >= 2 && rawTrimmed[rawTrimmed.length - 1] === first) quote = first;
      else unterminated = true;
    }

    // Inline comment: same line, after the value (or the separator when the value is empty).
    let c = vEndN;
    while (c < norm.length && norm[c] !== '\n' && WS.test(norm[c] as string)) c++;
    let comment: { start: number; end: number } | undefined;
    let lastN = vEndN;
    if (norm[c] === '#') {
      let e = c;
      while (e < norm.length && norm[e] !== '\n' && norm[e] !== '\u2028' && norm[e] !== '\u2029') e++;
      comment = { start: c, end: e };
      lastN = e;
    }

    const entryStart = toOrig(entryStartN);
    const firstLine = lineIndexAt(rawLines, entryStart);
    const lastLine = Math.max(firstLine, lineIndexAt(rawLines, toOrig(Math.max(lastN - 1, entryStartN))));
    for (let l = firstLine; l <= lastLine; l++) {
      covered[l] = true;
      kinds[l] = l === firstLine ? 'entry' : 'continuation';
    }
    const fl = rawLines[firstLine] as RawLine;
    const ll = rawLines[lastLine] as RawLine;
    const commentRef: DotenvComment | undefined = comment && {
      line: lastLine,
      start: toOrig(comment.start),
      end: toOrig(comment.end),
      text: norm.slice(comment.start, comment.end),
    };
    drafts.push({
      key: m[1] as string,
      value,
      line: firstLine,
      endLine: lastLine,
      keyStart: toOrig(keyStartN),
      keyEnd: toOrig(keyEndN),
      valueStart: toOrig(vStartN),
      valueEnd: toOrig(vEndN),
      rawLineStart: fl.start,
      rawLineEnd: ll.end,
      nextLineStart: ll.next,
      exported: entryStartN < keyStartN,
      separator,
      ...(quote ? { quote } : {}),
      ...(unterminated ? { unterminatedQuote: true as const } : {}),
      ...(commentRef ? { comment: commentRef } : {}),
    });
  }

  const comments: DotenvComment[] = [];
  const malformed: DotenvMalformed[] = [];
  rawLines.forEach((l, i) => {
    if (covered[i]) return;
    const content = text.slice(l.start, l.end);
    const trimmed = content.trim();
    if (trimmed === '') kinds[i] = 'blank';
    else if (trimmed.startsWith('#')) {
      kinds[i] = 'comment';
      const s = l.start + content.indexOf('#');
      comments.push({ line: i, start: s, end: l.end, text: text.slice(s, l.end) });
    } else {
      kinds[i] = 'malformed';
      malformed.push({ malformed: true, line: i, start: l.start, end: l.end, reason: malformedReason(content) });
    }
  });

  const commentByLine = new Map(comments.map((c) => [c.line, c]));
  const entries: DotenvEntry[] = drafts.map((d) => {
    const policy: DotenvComment[] = [];
    for (let l = d.line - 1; l >= 0 && kinds[l] === 'comment'; l--) {
      const c = commentByLine.get(l);
      if (c && POLICY.test(c.text)) policy.unshift(c);
    }
    if (policy.length === 0) return d;
    const firstPolicy = policy[0] as DotenvComment;
    const lastPolicy = policy[policy.length - 1] as DotenvComment;
    return {
      ...d,
      policyComment: {
        text: policy.map((c) => c.text).join('\n'),
        start: firstPolicy.start,
        end: lastPolicy.end,
      },
    };
  });

  const breaks = lf + crlf + cr;
  const lineEnding: LineEnding = breaks === 0 ? 'none' : crlf === breaks ? 'crlf' : lf === breaks ? 'lf' : 'mixed';
  const last = text[text.length - 1];
  return {
    entries,
    comments,
    malformed,
    lines: rawLines.map((l, i) => ({ kind: kinds[i] as DotenvLineKind, start: l.start, end: l.end, next: l.next })),
    lineEnding,
    eol: crlf > lf ? '\r\n' : '\n',
    endsWithNewline: last === '\n' || last === '\r',
  };
}

/** The entries that `dotenv.parse` would keep: the last one per key, in first-seen key order. */
export function effectiveEntries(parsed: ParsedDotenv): Map<string, DotenvEntry> {
  const out = new Map<string, DotenvEntry>();
  for (const e of parsed.entries) out.set(e.key, e);
  return out;
}

/** Same shape as `dotenv.parse`'s result (prototype-free, so a `__proto__` key is just a key). */
export function toRecord(parsed: ParsedDotenv): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const e of parsed.entries) out[e.key] = e.value;
  return out;
}

/** The keys a `.env` text defines (for `uniqueEnvName`). */
export function dotenvKeys(text: string): Set<string> {
  return new Set(parseDotenv(text).entries.map((e) => e.key));
}
