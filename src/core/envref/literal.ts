// Finding the string literal around a secret, per language. A small lexer that knows each language's
// comments and string forms (prefixes, triple quotes, raw strings, interpolation) well enough to not
// lose track of where strings start; it is not a parser, and a few exotic forms (JS regex literals,
// heredocs, Ruby %q) can confuse it: callers then get `undefined` and say so.

export interface StringLiteral {
  /** Start of the literal, prefix included (`f` of `f"…"`, `@` of `@"…"`). */
  readonly start: number;
  /** After the closing delimiter. */
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Lower-cased prefix letters/sigils: `f`, `rb`, `@`, `$`, `r#`… ('' when none). */
  readonly prefix: string;
  /** Opening delimiter without the prefix: `"`, `'`, `` ` ``, `"""`, `'''`, `"#` (Rust `r#"`)… */
  readonly open: string;
  /** Closing delimiter. */
  readonly close: string;
}

export interface UnquotedToken {
  readonly unquoted: true;
  readonly start: number;
  readonly end: number;
}

export type LiteralFamily = 'js' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php' | 'rust' | 'kotlin';

interface Opener {
  prefix: string;
  open: string;
  close: string;
  /** Backslash escapes the next character (also for termination purposes). */
  escapes: boolean;
  /** The closing quote doubled is an escaped quote (C# verbatim). */
  doubled: boolean;
  /** May span lines. */
  multiLine: boolean;
  /** Interpolation opener whose `{…}` may hold quotes. */
  interp?: '${' | '#{' | '{';
}

const IDENT = /[\p{L}\p{N}_$]/u;

function lineComments(f: LiteralFamily): string[] {
  switch (f) {
    case 'python':
    case 'ruby':
      return ['#'];
    case 'php':
      return ['//', '#'];
    default:
      return ['//'];
  }
}

const OPENER_START = new Set([...'"\'`rRbBuUfF@$']);

function openerAt(f: LiteralFamily, text: string, i: number): Opener | undefined {
  if (!OPENER_START.has(text[i] as string)) return undefined;
  const prev = text[i - 1];
  const afterIdent = prev !== undefined && IDENT.test(prev);
  const rest = text.slice(i, i + 4);
  const mk = (prefix: string, open: string, close: string, o: Partial<Opener> = {}): Opener => ({
    prefix, open, close, escapes: true, doubled: false, multiLine: false, ...o,
  });
  switch (f) {
    case 'js':
      if (rest[0] === '`') return mk('', '`', '`', { multiLine: true, interp: '${' });
      if (rest[0] === '"' || rest[0] === "'") return mk('', rest[0], rest[0]);
      return undefined;
    case 'python': {
      if (afterIdent) return undefined;
      const m = /^([rRbBuUfF]{0,2})("""|'''|"|')/.exec(text.slice(i, i + 5));
      if (!m) return undefined;
      const prefix = (m[1] ?? '').toLowerCase();
      if (prefix && !/^(?:r|u|b|f|br|rb|fr|rf)$/.test(prefix)) return undefined;
      const q = m[2] as string;
      return mk(prefix, q, q, { multiLine: q.length === 3, ...(prefix.includes('f') ? { interp: '{' as const } : {}) });
    }
    case 'go':
      if (rest[0] === '`') return mk('', '`', '`', { escapes: false, multiLine: true });
      if (rest[0] === '"') return mk('', '"', '"');
      return undefined;
    case 'java':
    case 'kotlin':
      if (rest.startsWith('"""')) return mk('', '"""', '"""', { multiLine: true, escapes: f === 'java', ...(f === 'kotlin' ? { interp: '${' as const } : {}) });
      if (rest[0] === '"') return mk('', '"', '"', f === 'kotlin' ? { interp: '${' } : {});
      return undefined;
    case 'csharp': {
      if (afterIdent) return undefined;
      const m = /^([@$]{0,3})("""|")/.exec(text.slice(i, i + 6));
      if (!m) return undefined;
      const prefix = m[1] ?? '';
      const q = m[2] as string;
      if (q === '"""') return mk(prefix, '"""', '"""', { escapes: false, multiLine: true });
      const verbatim = prefix.includes('@');
      return mk(prefix, '"', '"', { escapes: !verbatim, doubled: verbatim, multiLine: verbatim, ...(prefix.includes('$') ? { interp: '{' as const } : {}) });
    }
    case 'ruby':
      if (rest[0] === '"') return mk('', '"', '"', { multiLine: true, interp: '#{' });
      if (rest[0] === "'") return mk('', "'", "'", { multiLine: true });
      return undefined;
    case 'php':
      if (rest[0] === '"' || rest[0] === "'") return mk('', rest[0], rest[0], { multiLine: true });
      return undefined;
    case 'rust': {
      if (afterIdent) return undefined;
      const m = /^(b?r)(#*)"/.exec(text.slice(i, i + 12));
      if (m) {
        const hashes = m[2] ?? '';
        return mk(`${m[1] ?? ''}${hashes}`, `${hashes}"`.slice(hashes.length), `"${hashes}`, { escapes: false, multiLine: true });
      }
      if (rest.startsWith('b"')) return mk('b', '"', '"', { multiLine: true });
      if (rest[0] === '"') return mk('', '"', '"', { multiLine: true });
      return undefined;
    }
  }
}

/** Skip a char literal (`'a'`, `'\n'`, `'"'`) so its quote does not open a string; Rust lifetimes stay. */
function charLiteralEnd(f: LiteralFamily, text: string, i: number): number | undefined {
  if (text[i] !== "'" || f === 'js' || f === 'python' || f === 'ruby' || f === 'php') return undefined;
  const m = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u.exec(text.slice(i, i + 16));
  return m ? i + m[0].length : i + 1;
}

/** Index after the `}` closing an interpolation opened at `i` (pointing at `{`). */
function skipInterpolation(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, j + 1);
      if (close === -1) return text.length;
      j = close;
    }
  }
  return text.length;
}

/** Scan the string opened by `op` whose content starts at `from`; returns its content end. */
function contentEndOf(op: Opener, text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (op.escapes && c === '\\') {
      j++;
      continue;
    }
    if (!op.multiLine && (c === '\n' || c === '\r')) return j;
    if (op.interp && text.startsWith(op.interp, j) && !(op.interp === '{' && text[j + 1] === '{')) {
      j = skipInterpolation(text, j + op.interp.length - 1) - 1;
      continue;
    }
    if (op.interp === '{' && text.startsWith('{{', j)) {
      j++;
      continue;
    }
    if (text.startsWith(op.close, j)) {
      if (op.doubled && text[j + 1] === op.close) {
        j++;
        continue;
      }
      return j;
    }
  }
  return text.length;
}

/**
 * The string literal of `family` that contains [start, end), scanning from the top of the file so
 * comments and multi-line strings are accounted for. `undefined` when the span is not inside one.
 */
export function findStringLiteral(family: LiteralFamily, text: string, start: number, end: number): StringLiteral | undefined {
  const comments = lineComments(family);
  const block = family !== 'python' && family !== 'ruby';
  for (let i = 0; i < text.length && i <= start; i++) {
    const c = text[i];
    if ((c === '/' || c === '#') && comments.some((k) => text.startsWith(k, i))) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      if (i > start) return undefined;
      continue;
    }
    if (block && text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return undefined;
      i = close + 1;
      continue;
    }
    const charEnd = charLiteralEnd(family, text, i);
    if (charEnd !== undefined) {
      i = charEnd - 1;
      continue;
    }
    const op = openerAt(family, text, i);
    if (!op) continue;
    const contentStart = i + op.prefix.length + op.open.length;
    const contentEnd = contentEndOf(op, text, contentStart);
    const closed = text.startsWith(op.close, contentEnd);
    if (start >= contentStart && end <= contentEnd) {
      if (!closed) return undefined;
      return { start: i, end: contentEnd + op.close.length, contentStart, contentEnd, prefix: op.prefix.toLowerCase(), open: op.open, close: op.close };
    }
    i = (closed ? contentEnd + op.close.length : contentEnd) - 1;
  }
  return undefined;
}

/**
 * Line-based: the shell word or YAML scalar holding [start, end). Shell: quotes `'`/`"` or a bare
 * word; YAML: a quoted scalar (only when it starts the value) or a plain scalar.
 */
export function findLineLiteral(kind: 'shell' | 'yaml', text: string, start: number, end: number): StringLiteral | UnquotedToken | undefined {
  let ls = start;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  let le = end;
  while (le < text.length && text[le] !== '\n' && text[le] !== '\r') le++;
  const line = text.slice(ls, le);
  const s = start - ls;
  const e = end - ls;
  if (kind === 'yaml') {
    // The value: after `key:` or `- `.
    const m = /^(\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s#'"][^#]*?)\s*:(?:\s+|$))?(?:-\s+)*)/.exec(line);
    const vs = m?.[1]?.length ?? 0;
    if (s < vs) return undefined;
    const q = line[vs];
    if (q === '"' || q === "'") {
      let j = vs + 1;
      for (; j < line.length; j++) {
        if (q === '"' && line[j] === '\\') j++;
        else if (q === "'" && line[j] === "'" && line[j + 1] === "'") j++;
        else if (line[j] === q) break;
      }
      if (j >= line.length || e > j) return undefined;
      return { start: ls + vs, end: ls + j + 1, contentStart: ls + vs + 1, contentEnd: ls + j, prefix: '', open: q, close: q };
    }
    const comment = line.slice(vs).search(/\s#/);
    const ve = comment === -1 ? line.trimEnd().length : vs + comment;
    if (e > ve) return undefined;
    return { unquoted: true, start: ls + vs, end: ls + ve };
  }
  // Shell: walk words on the line.
  for (let j = 0; j < line.length; ) {
    const c = line[j] as string;
    if (c === '#' && (j === 0 || /\s/.test(line[j - 1] as string))) return undefined;
    if (c === "'" || c === '"') {
      let k = j + 1;
      for (; k < line.length; k++) {
        if (c === '"' && line[k] === '\\') k++;
        else if (line[k] === c) break;
      }
      if (s > j && e <= k) {
        if (k >= line.length) return undefined;
        const prefix = line[j - 1] === '$' ? '$' : '';
        return { start: ls + j - prefix.length, end: ls + k + 1, contentStart: ls + j + 1, contentEnd: ls + k, prefix, open: c, close: c };
      }
      j = k + 1;
      continue;
    }
    if (/\s/.test(c)) {
      j++;
      continue;
    }
    // A bare run up to whitespace or a quote.
    let k = j;
    while (k < line.length && !/[\s'"]/.test(line[k] as string)) k++;
    if (s >= j && e <= k) {
      const eq = line.slice(j, k).indexOf('=');
      // `NAME=value`: the value part is the token.
      const tokStart = eq !== -1 && /^[A-Za-z_]\w*$/.test(line.slice(j, j + eq)) && s > j + eq ? j + eq + 1 : j;
      return { unquoted: true, start: ls + tokStart, end: ls + k };
    }
    j = k;
  }
  return undefined;
}
