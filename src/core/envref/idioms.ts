// Replacing a secret literal with the language's way of reading an environment variable. The secret
// is either the whole string (`"sk_…"` → `process.env.X`) or part of one (a password in a URL), in
// which case the rest of the string is kept with the language's interpolation or concatenation.

import type { TextEdit } from '../dotenv/textEdit';
import { planGoImportOs, planPythonImportOs } from './imports';
import { findLineLiteral, findStringLiteral } from './literal';
import type { LiteralFamily, StringLiteral, UnquotedToken } from './literal';

export interface EnvReferenceRequest {
  /** VS Code language id of the document. */
  readonly languageId: string;
  readonly text: string;
  /** The secret's span: the value inside the quotes (offsets in UTF-16 code units). */
  readonly start: number;
  readonly end: number;
  /** The environment variable name (see `suggestEnvName`). */
  readonly name: string;
  /**
   * JS/TS only: write `import.meta.env.NAME` instead of `process.env.NAME`. The adapter decides it
   * from the nearest package.json (a `vite` dependency). Vite exposes only `VITE_`-prefixed variables
   * to client code, so the adapter should also suggest a `VITE_` name then (a note says so).
   */
  readonly viteProject?: boolean;
}

export type EnvReferenceError = 'unsupported-language' | 'not-in-string' | 'unsupported-literal' | 'unsupported-context' | 'invalid-name';

export type EnvReferencePlan =
  | {
      readonly ok: true;
      /** All edits (literal replacement and any import), non-overlapping, against the original text. */
      readonly edits: readonly TextEdit[];
      /** The expression that reads the variable, e.g. `process.env.API_KEY`. */
      readonly reference: string;
      /** The import line added, if any (`import os`, `"os"`). */
      readonly addedImport?: string;
      /** Things the user should know (types change, how the variable reaches the process). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly error: EnvReferenceError; readonly message: string };

type Fail = Extract<EnvReferencePlan, { ok: false }>;

const FAMILY: Readonly<Record<string, LiteralFamily | 'shell' | 'yaml'>> = {
  javascript: 'js',
  typescript: 'js',
  javascriptreact: 'js',
  typescriptreact: 'js',
  vue: 'js',
  svelte: 'js',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'kotlin',
  csharp: 'csharp',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
  shellscript: 'shell',
  yaml: 'yaml',
  dockercompose: 'yaml',
};

const UNSUPPORTED_WHY: Readonly<Record<string, string>> = {
  dockerfile:
    'A Dockerfile bakes values into image layers. Pass the secret at build time with a BuildKit secret (`RUN --mount=type=secret,id=…`) or at run time (`docker run --env-file .env`).',
  json: 'JSON cannot reference environment variables. Move the value to .env and have the code that reads this file take it from the environment.',
  jsonc: 'JSON cannot reference environment variables. Move the value to .env and have the code that reads this file take it from the environment.',
  properties: 'How .properties values are expanded depends on the framework (Spring: `${NAME}`); edit this one by hand.',
  ini: 'INI files have no standard way to read environment variables; edit this one by hand.',
  toml: 'TOML has no standard way to read environment variables; edit this one by hand.',
};

function fail(error: EnvReferenceError, message: string): Fail {
  return { ok: false, error, message };
}

function ok(edits: TextEdit[], reference: string, notes: string[] = [], addedImport?: string): EnvReferencePlan {
  return { ok: true, edits, reference, notes, ...(addedImport ? { addedImport } : {}) };
}

interface Parts {
  lit: StringLiteral;
  whole: boolean;
  /** Raw source text of the content before / after the secret. */
  before: string;
  after: string;
}

function parts(text: string, lit: StringLiteral, start: number, end: number): Parts {
  return {
    lit,
    whole: start === lit.contentStart && end === lit.contentEnd,
    before: text.slice(lit.contentStart, start),
    after: text.slice(end, lit.contentEnd),
  };
}

/** Concatenation of the kept pieces (each in the original delimiters) and the reference. */
function concat(p: Parts, ref: string, op: string): string {
  const piece = (s: string): string => `${p.lit.prefix === '' ? '' : p.lit.prefix}${p.lit.open}${s}${p.lit.close}`;
  const items = [...(p.before ? [piece(p.before)] : []), ref, ...(p.after ? [piece(p.after)] : [])];
  return items.join(` ${op} `);
}

/** Make raw content of a `'`/`"` JS string valid inside a template literal (escapes stay as they are). */
function toTemplateContent(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\') {
      out += c + (raw[i + 1] ?? '');
      i++;
    } else if (c === '`') out += '\\`';
    else if (c === '$' && raw[i + 1] === '{') out += '\\$';
    else out += c;
  }
  return out;
}

function escapeBraces(raw: string): string {
  return raw.replace(/[{}]/g, (b) => b + b);
}

function lineBefore(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return text.slice(i, offset);
}

function planJs(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  const { name, viteProject } = req;
  const base = viteProject ? 'import.meta.env' : 'process.env';
  const ref = /^[A-Za-z_$][\w$]*$/.test(name) ? `${base}.${name}` : `${base}[${JSON.stringify(name)}]`;
  const notes: string[] = [];
  if (viteProject && !name.startsWith('VITE_')) notes.push(`Vite only exposes VITE_-prefixed variables to client code: name it VITE_${name} if this runs in the browser.`);
  if (!viteProject) notes.push('Load .env before this runs (e.g. `import "dotenv/config"` or `node --env-file=.env`).');
  if (/typescript/.test(req.languageId)) notes.push(`${ref} is typed string | undefined.`);
  // JSX attribute: `apiKey="…"` inside a tag becomes `apiKey={…}`.
  const head = lineBefore(req.text, p.lit.start);
  const jsx = /react$/.test(req.languageId) && /[\w-]=$/.test(head) && head.lastIndexOf('<') > head.lastIndexOf('>');
  const wrap = (expr: string): string => (jsx ? `{${expr}}` : expr);
  if (p.whole) return ok([{ start: p.lit.start, end: p.lit.end, text: wrap(ref) }], ref, notes);
  if (p.lit.open === '`') return ok([{ start: req.start, end: req.end, text: `\${${ref}}` }], ref, notes);
  const tpl = `\`${toTemplateContent(p.before)}\${${ref}}${toTemplateContent(p.after)}\``;
  return ok([{ start: p.lit.start, end: p.lit.end, text: wrap(tpl) }], ref, notes);
}

function planPython(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  if (p.lit.prefix.includes('b')) return fail('unsupported-literal', 'This is a bytes literal; use os.environb or encode os.environ[...] yourself.');
  const ref = `os.environ["${req.name}"]`;
  const notes = ['os.environ[...] raises KeyError when the variable is not set; load .env first (python-dotenv: load_dotenv()).'];
  const imp = planPythonImportOs(req.text);
  const withImport = (e: TextEdit): EnvReferencePlan => ok(imp ? [imp, e] : [e], ref, notes, imp ? 'import os' : undefined);
  if (p.whole) return withImport({ start: p.lit.start, end: p.lit.end, text: ref });
  // Inside an f-string the expression must not reuse the string's quote (before Python 3.12).
  const q = p.lit.open[0] === '"' ? "'" : '"';
  const inner = `{os.environ[${q}${req.name}${q}]}`;
  if (p.lit.prefix.includes('f')) return withImport({ start: req.start, end: req.end, text: inner });
  const prefix = `${p.lit.prefix.replace('u', '')}f`;
  return withImport({ start: p.lit.start, end: p.lit.end, text: `${prefix}${p.lit.open}${escapeBraces(p.before)}${inner}${escapeBraces(p.after)}${p.lit.close}` });
}

function planGo(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  const imp = planGoImportOs(req.text);
  const ref = `${imp.qualifier ? `${imp.qualifier}.` : ''}Getenv("${req.name}")`;
  const edits: TextEdit[] = [];
  const head = lineBefore(req.text, p.lit.start);
  const constDecl = /^(\s*)const(\s+\w+(?:\s+[\w.]+)?\s*=\s*)$/.exec(head);
  if (constDecl) {
    // os.Getenv is not a constant expression.
    const at = p.lit.start - head.length + (constDecl[1] ?? '').length;
    edits.push({ start: at, end: at + 'const'.length, text: 'var' });
  } else if (insideGoConstBlock(req.text, p.lit.start)) {
    return fail('unsupported-context', 'This value is in a const block; os.Getenv is not a constant. Move it to a var declaration first.');
  }
  if (imp.edit) edits.push(imp.edit);
  edits.push({ start: p.lit.start, end: p.lit.end, text: p.whole ? ref : concat(p, ref, '+') });
  return ok(edits, ref, [], imp.edit ? '"os"' : undefined);
}

function insideGoConstBlock(text: string, offset: number): boolean {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  for (let i = before.length - 2; i >= 0; i--) {
    const l = before[i] as string;
    if (/^\s*\)/.test(l) || /^(?:func|type|import|var|package)\b/.test(l)) return false;
    if (/^const\s*\(/.test(l)) return true;
  }
  return false;
}

function planJava(req: EnvReferenceRequest, p: Parts, kotlin: boolean): EnvReferencePlan {
  const ref = `System.getenv("${req.name}")`;
  const notes = ['System.getenv returns null when the variable is not set.'];
  const edits: TextEdit[] = [];
  if (kotlin) {
    const head = lineBefore(req.text, p.lit.start);
    const m = /\bconst\s+(?=val\b)/.exec(head);
    if (m) {
      const at = p.lit.start - head.length + m.index;
      edits.push({ start: at, end: at + m[0].length, text: '' });
    }
  }
  if (p.whole) edits.push({ start: p.lit.start, end: p.lit.end, text: ref });
  else if (kotlin && p.lit.open === '"') edits.push({ start: req.start, end: req.end, text: `\${${ref}}` });
  else if (p.lit.open === '"""') return fail('unsupported-literal', 'Part of a text block: split it by hand.');
  else edits.push({ start: p.lit.start, end: p.lit.end, text: concat(p, ref, '+') });
  return ok(edits, ref, notes);
}

function planCsharp(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  // `System` is imported by every classic template and by ImplicitUsings in SDK-style projects,
  // so the short name is used and no `using` is added.
  const ref = `Environment.GetEnvironmentVariable("${req.name}")`;
  const notes = ['GetEnvironmentVariable returns null when the variable is not set.'];
  const edits: TextEdit[] = [];
  const head = lineBefore(req.text, p.lit.start);
  const m = /\bconst\s+(?=[\w.<>?]+\s+\w+\s*=\s*$)/.exec(head);
  if (m) {
    // A const needs a compile-time value: a field becomes static readonly, a local a plain variable.
    const at = p.lit.start - head.length + m.index;
    const field = /\b(?:public|private|protected|internal)\b/.test(head);
    edits.push({ start: at, end: at + m[0].length, text: field ? 'static readonly ' : '' });
  }
  if (p.lit.open === '"""') {
    if (!p.whole) return fail('unsupported-literal', 'Part of a raw string literal: split it by hand.');
  }
  edits.push({ start: p.lit.start, end: p.lit.end, text: p.whole ? ref : concat(p, ref, '+') });
  return ok(edits, ref, notes);
}

/** Raw content of a Ruby single-quoted string, re-escaped for a double-quoted one. */
function rubySingleToDouble(raw: string): string {
  const value = raw.replace(/\\([\\'])/g, '$1');
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/#(?=[{@$])/g, '\\#');
}

function planRuby(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  const ref = `ENV.fetch("${req.name}")`;
  const notes = ['ENV.fetch raises KeyError when the variable is not set; load .env first (dotenv gem).'];
  if (p.whole) return ok([{ start: p.lit.start, end: p.lit.end, text: ref }], ref, notes);
  if (p.lit.open === '"') return ok([{ start: req.start, end: req.end, text: `#{${ref}}` }], ref, notes);
  const text = `"${rubySingleToDouble(p.before)}#{${ref}}${rubySingleToDouble(p.after)}"`;
  return ok([{ start: p.lit.start, end: p.lit.end, text }], ref, notes);
}

function planPhp(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  const ref = `getenv('${req.name}')`;
  const notes = ['getenv returns false when the variable is not set; load .env first (vlucas/phpdotenv).'];
  return ok([{ start: p.lit.start, end: p.lit.end, text: p.whole ? ref : concat(p, ref, '.') }], ref, notes);
}

function planRust(req: EnvReferenceRequest, p: Parts): EnvReferencePlan {
  if (p.lit.prefix.includes('b')) return fail('unsupported-literal', 'This is a byte string; read the variable with std::env::var_os and convert it yourself.');
  const head = lineBefore(req.text, p.lit.start);
  if (/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const|static)\s/.test(head)) {
    return fail('unsupported-context', 'A const or static cannot call std::env::var. Turn it into a function (or a LazyLock) first.');
  }
  const ref = `std::env::var("${req.name}").expect("${req.name} is not set")`;
  const notes = ['std::env::var returns a String (the literal was a &str): add & where a &str is expected.'];
  if (p.whole) return ok([{ start: p.lit.start, end: p.lit.end, text: ref }], ref, notes);
  if (/!\(\s*$/.test(head)) return fail('unsupported-context', 'This string is a macro format string; add the variable as an argument by hand.');
  const fmt = `${p.lit.prefix}${p.lit.open}${escapeBraces(p.before)}{}${escapeBraces(p.after)}${p.lit.close}`;
  return ok([{ start: p.lit.start, end: p.lit.end, text: `format!(${fmt}, ${ref})` }], ref, notes);
}

function planShell(req: EnvReferenceRequest, found: StringLiteral | UnquotedToken): EnvReferencePlan {
  const ref = `\${${req.name}}`;
  const notes = ['The variable must be in the environment, e.g. `set -a; . ./.env; set +a` before this runs.'];
  if ('unquoted' in found) {
    const whole = req.start === found.start && req.end === found.end;
    const edit = whole ? { start: found.start, end: found.end, text: `"${ref}"` } : { start: req.start, end: req.end, text: `"${ref}"` };
    return ok([edit], ref, notes);
  }
  if (found.prefix === '$') return fail('unsupported-literal', "ANSI-C quoted string ($'…'): edit it by hand.");
  const p = parts(req.text, found, req.start, req.end);
  if (p.whole) return ok([{ start: found.start, end: found.end, text: `"${ref}"` }], ref, notes);
  if (found.open === '"') return ok([{ start: req.start, end: req.end, text: ref }], ref, notes);
  const text = `${p.before ? `'${p.before}'` : ''}"${ref}"${p.after ? `'${p.after}'` : ''}`;
  return ok([{ start: found.start, end: found.end, text }], ref, notes);
}

function planYaml(req: EnvReferenceRequest, found: StringLiteral | UnquotedToken): EnvReferencePlan {
  const ref = `\${${req.name}}`;
  const notes =
    req.languageId === 'dockercompose'
      ? ['Docker Compose reads .env next to the compose file and expands ${NAME}.']
      : ['${NAME} is expanded by Docker Compose, Spring and many tools, not by YAML itself: check what reads this file.'];
  void found;
  // `${NAME}` is valid in plain, single- and double-quoted scalars alike.
  return ok([{ start: req.start, end: req.end, text: ref }], ref, notes);
}

/**
 * Plan replacing the secret at [start, end) with an environment variable read, in the document's
 * language, plus the import it needs. Edits are against `text`; the adapter maps them to TextEdits.
 */
export function planEnvReference(req: EnvReferenceRequest): EnvReferencePlan {
  const family = FAMILY[req.languageId];
  if (!family) {
    return fail('unsupported-language', UNSUPPORTED_WHY[req.languageId] ?? `Leakproof does not know how ${req.languageId} reads environment variables; replace the value by hand.`);
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(req.name)) return fail('invalid-name', 'Use letters, digits and _ for the variable name (not starting with a digit).');
  if (req.start < 0 || req.end > req.text.length || req.end <= req.start) return fail('not-in-string', 'The secret span is out of range.');
  if (family === 'shell' || family === 'yaml') {
    const found = findLineLiteral(family, req.text, req.start, req.end);
    if (!found) return fail('not-in-string', 'Could not find the value around this secret.');
    return family === 'shell' ? planShell(req, found) : planYaml(req, found);
  }
  const lit = findStringLiteral(family, req.text, req.start, req.end);
  if (!lit) return fail('not-in-string', 'The secret is not inside a string literal Leakproof understands; replace it by hand.');
  const p = parts(req.text, lit, req.start, req.end);
  switch (family) {
    case 'js':
      return planJs(req, p);
    case 'python':
      return planPython(req, p);
    case 'go':
      return planGo(req, p);
    case 'java':
      return planJava(req, p, false);
    case 'kotlin':
      return planJava(req, p, true);
    case 'csharp':
      return planCsharp(req, p);
    case 'ruby':
      return planRuby(req, p);
    case 'php':
      return planPhp(req, p);
    case 'rust':
      return planRust(req, p);
  }
}
