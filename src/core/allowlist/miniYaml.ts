// A deliberately small YAML reader: block mappings and sequences, `- key: value` items, flow
// sequences of scalars, quoted and plain scalars, comments. Enough for `.gitguardian.yaml`;
// anchors, tags, multi-documents and block scalars (`|`, `>`) throw a clear error instead.

interface Line {
  indent: number;
  text: string;
  readonly no: number;
}

export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

export function parseMiniYaml(source: string): YamlValue {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '' || text.trim() === '---') return;
    if (/^\s*\t/.test(raw)) throw new Error(`line ${i + 1}: tabs are not allowed for indentation`);
    lines.push({ indent: text.length - text.trimStart().length, text: text.trimStart(), no: i + 1 });
  });
  if (lines.length === 0) return null;
  const state = { i: 0 };
  const value = parseNode(lines, state, lines[0].indent);
  if (state.i < lines.length) throw new Error(`line ${lines[state.i].no}: unexpected indentation`);
  return value;
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseNode(lines: Line[], state: { i: number }, indent: number): YamlValue {
  return isSeqItem(lines[state.i].text) ? parseSequence(lines, state, indent) : parseMapping(lines, state, indent);
}

function parseMapping(lines: Line[], state: { i: number }, indent: number): YamlValue {
  const out: { [key: string]: YamlValue } = {};
  while (state.i < lines.length) {
    const line = lines[state.i];
    if (line.indent !== indent || isSeqItem(line.text)) break;
    const kv = splitKey(line.text);
    if (!kv) throw new Error(`line ${line.no}: expected "key: value"`);
    state.i++;
    out[kv.key] = kv.rest !== '' ? scalarOrFlow(kv.rest, line.no) : parseChild(lines, state, indent, true);
  }
  return out;
}

function parseSequence(lines: Line[], state: { i: number }, indent: number): YamlValue {
  const out: YamlValue[] = [];
  while (state.i < lines.length) {
    const line = lines[state.i];
    if (line.indent !== indent || !isSeqItem(line.text)) break;
    const item = line.text.slice(1).trimStart();
    if (item === '') {
      state.i++;
      out.push(parseChild(lines, state, indent, false));
    } else if (splitKey(item)) {
      // `- key: value`: the item is a mapping whose keys sit at the column of `key`.
      const column = indent + (line.text.length - item.length);
      lines[state.i] = { indent: column, text: item, no: line.no };
      out.push(parseMapping(lines, state, column));
    } else {
      state.i++;
      out.push(scalarOrFlow(item, line.no));
    }
  }
  return out;
}

/** The value under a `key:` or `-` with nothing after it. A sequence may sit at the key's own indent. */
function parseChild(lines: Line[], state: { i: number }, indent: number, allowSameIndentSeq: boolean): YamlValue {
  const next = lines[state.i];
  if (!next) return null;
  if (next.indent > indent) return parseNode(lines, state, next.indent);
  if (allowSameIndentSeq && next.indent === indent && isSeqItem(next.text)) return parseSequence(lines, state, indent);
  return null;
}

function splitKey(text: string): { key: string; rest: string } | undefined {
  let key: string;
  let after: string;
  if (text[0] === '"' || text[0] === "'") {
    const end = closingQuote(text, 0);
    if (end < 0) return undefined;
    key = unquote(text.slice(0, end + 1));
    after = text.slice(end + 1);
    if (!/^\s*:(\s|$)/.test(after)) return undefined;
    after = after.replace(/^\s*:/, '');
  } else {
    const m = /^([^:]+?)\s*:(?:\s+|$)/.exec(text);
    if (!m || /^[[{&*!|>]/.test(text)) return undefined;
    key = m[1];
    after = text.slice(m[0].length);
  }
  return { key, rest: after.trim() };
}

function scalarOrFlow(text: string, no: number): YamlValue {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new Error(`line ${no}: multi-line flow sequences are not supported`);
    const body = text.slice(1, -1).trim();
    if (body === '') return [];
    return splitFlow(body).map((s) => scalar(s.trim(), no));
  }
  if (text.startsWith('{')) throw new Error(`line ${no}: flow mappings are not supported`);
  return scalar(text, no);
}

function splitFlow(body: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ((c === '"' || c === "'") && body.slice(start, i).trim() === '') {
      const end = closingQuote(body, i);
      if (end > 0) i = end;
    } else if (c === ',') {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function scalar(text: string, no: number): YamlValue {
  if (text === '' || text === '~' || text === 'null') return null;
  if (/^[|>][-+]?\d*$/.test(text)) throw new Error(`line ${no}: block scalars (| and >) are not supported`);
  if (/^[&*!]/.test(text)) throw new Error(`line ${no}: anchors, aliases and tags are not supported`);
  if (text[0] === '"' || text[0] === "'") return unquote(text);
  return text;
}

function closingQuote(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') { i++; continue; }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return -1;
}

function unquote(text: string): string {
  if (text[0] === "'") return text.slice(1, -1).replace(/''/g, "'");
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}

function stripComment(raw: string): string {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      // Quotes only open a scalar at its start, not inside a plain word (it's).
      if (i === 0 || /[\s:\-[,]/.test(raw[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}
