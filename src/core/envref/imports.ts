// Adding the import an env-var idiom needs, once, where a person would put it.

import type { TextEdit } from '../dotenv/textEdit';

interface Line {
  start: number;
  end: number;
  next: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ start, end: m.index, next: m.index + m[0].length, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, next: text.length, text: text.slice(start) });
  return out;
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Insert a whole line at a line boundary `at` (or at the end of a file without a final newline). */
function insertLine(text: string, at: number, line: string): TextEdit {
  const eol = eolOf(text);
  if (at === text.length && text.length > 0 && !/[\r\n]$/.test(text)) return { start: at, end: at, text: eol + line + eol };
  return { start: at, end: at, text: line + eol };
}

/** True when a top-level `import os` (or `import os.path`, `import sys, os`) binds the name `os`. */
export function pythonHasOs(text: string): boolean {
  const re = /^import[ \t]+([^\r\n#;]+)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    for (const part of (m[1] ?? '').split(',')) if (/^os(?:\.\w+)*$/.test(part.trim())) return true;
  }
  return false;
}

/**
 * `import os` after the module docstring, `from __future__` imports and the leading import block
 * (after its last import); after a shebang/encoding comment header when there is nothing else.
 */
export function planPythonImportOs(text: string): TextEdit | undefined {
  if (pythonHasOs(text)) return undefined;
  const ls = lines(text);
  let i = 0;
  let insertAt = 0;
  // Shebang, encoding line and other leading comments stay first.
  while (i < ls.length && /^\s*(?:#.*)?$/.test((ls[i] as Line).text)) {
    if ((ls[i] as Line).text.trim().startsWith('#')) insertAt = (ls[i] as Line).next;
    i++;
  }
  // Module docstring.
  const doc = i < ls.length ? /^[rRuU]?("""|'''|"|')/.exec((ls[i] as Line).text) : null;
  if (doc) {
    const q = doc[1] as string;
    const first = (ls[i] as Line).text;
    const afterOpen = first.indexOf(q) + q.length;
    let j = i;
    if (first.indexOf(q, afterOpen) === -1) {
      j++;
      while (j < ls.length && !(ls[j] as Line).text.includes(q)) j++;
    }
    if (j < ls.length) {
      insertAt = (ls[j] as Line).next;
      i = j + 1;
    }
  }
  // The import block: imports (with parenthesised or backslash continuations), blanks, comments.
  let depth = 0;
  let continued = false;
  for (; i < ls.length; i++) {
    const t = (ls[i] as Line).text;
    const inside = depth > 0 || continued;
    if (!inside && /^\s*(?:#.*)?$/.test(t)) continue;
    if (!inside && !/^(?:import|from)\s/.test(t)) break;
    const code = t.replace(/#.*$/, '');
    depth += (code.match(/\(/g) ?? []).length - (code.match(/\)/g) ?? []).length;
    continued = /\\\s*$/.test(code);
    if (depth <= 0 && !continued) {
      depth = 0;
      insertAt = (ls[i] as Line).next;
    }
  }
  return insertLine(text, insertAt, 'import os');
}

export interface GoImport {
  /** How to call into the package: `os`, an alias, or '' for a dot import. */
  readonly qualifier: string;
  readonly edit?: TextEdit;
}

/** Ensure `import "os"`: into the import block (sorted in its first group), growing a lone single import into a block. */
export function planGoImportOs(text: string): GoImport {
  const ls = lines(text);
  let blockOpen = -1;
  const singles: number[] = [];
  for (let i = 0; i < ls.length; i++) {
    const t = (ls[i] as Line).text;
    const single = /^import\s+(?:([\w.]+)\s+)?"([^"]+)"/.exec(t);
    if (single) {
      if (single[2] === 'os' && single[1] !== '_') return { qualifier: single[1] === '.' ? '' : (single[1] ?? 'os') };
      singles.push(i);
      continue;
    }
    if (/^import\s*\(/.test(t)) {
      let j = i + 1;
      for (; j < ls.length && !/^\s*\)/.test((ls[j] as Line).text); j++) {
        const m = /^\s*(?:([\w.]+)\s+)?"([^"]+)"/.exec((ls[j] as Line).text);
        if (m?.[2] === 'os' && m[1] !== '_') return { qualifier: m[1] === '.' ? '' : (m[1] ?? 'os') };
      }
      if (blockOpen === -1) blockOpen = i;
      i = j;
    }
    if (/^(?:func|type|var|const)\b/.test(t)) break;
  }
  if (blockOpen !== -1) {
    // Sorted position within the first group (gofmt keeps groups separated by blank lines).
    let at = (ls[blockOpen] as Line).next;
    let indent = '\t';
    for (let j = blockOpen + 1; j < ls.length; j++) {
      const l = ls[j] as Line;
      if (/^\s*\)/.test(l.text) || l.text.trim() === '') break;
      const m = /^(\s*)(?:[\w.]+\s+)?"([^"]+)"/.exec(l.text);
      if (!m) {
        at = l.next;
        continue;
      }
      indent = m[1] ?? '\t';
      if ((m[2] ?? '') > 'os') break;
      at = l.next;
    }
    return { qualifier: 'os', edit: insertLine(text, at, `${indent}"os"`) };
  }
  const eol = eolOf(text);
  if (singles.length === 1) {
    const l = ls[singles[0] as number] as Line;
    const spec = l.text.replace(/^import\s+/, '').trim();
    const path = /"([^"]+)"/.exec(spec)?.[1] ?? '';
    const items = path < 'os' ? [spec, '"os"'] : ['"os"', spec];
    return { qualifier: 'os', edit: { start: l.start, end: l.end, text: `import (${eol}${items.map((s) => `\t${s}`).join(eol)}${eol})` } };
  }
  if (singles.length > 1) return { qualifier: 'os', edit: insertLine(text, (ls[singles[singles.length - 1] as number] as Line).next, 'import "os"') };
  const pkg = ls.find((l) => /^package\s+\w+/.test(l.text));
  if (pkg) return { qualifier: 'os', edit: { start: pkg.end, end: pkg.end, text: `${eol}${eol}import "os"` } };
  return { qualifier: 'os', edit: { start: 0, end: 0, text: `import "os"${eol}${eol}` } };
}
