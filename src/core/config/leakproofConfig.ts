import schemaJson from '../../../media/leakproof.schema.json';
import { validateJson, type JsonSchema } from './schemaValidate';
import { compileCustomRule, type CustomRuleSpec } from './customRules';
import { compileUserRegex } from './userRegex';
import { globMatcher } from '../allowlist/paths';
import type { AllowEntry, PolicyPart, PolicyProblem } from '../allowlist/policy';

export const LEAKPROOF_CONFIG_FILE = '.leakproof.json';

const SCHEMA = schemaJson as JsonSchema;

/**
 * Parses `.leakproof.json`. Comments and trailing commas are tolerated (people edit it by hand).
 * Schema errors are reported, and every section that is well-formed still applies.
 */
export function parseLeakproofConfig(text: string, file = LEAKPROOF_CONFIG_FILE): PolicyPart {
  const problems: PolicyProblem[] = [];
  const problem = (message: string): void => { problems.push({ file, message }); };
  let data: unknown;
  try {
    data = JSON.parse(stripJsonComments(text));
  } catch (e) {
    problem(`not valid JSON: ${describeJsonError(e as Error, text)}`);
    return { problems };
  }
  for (const message of validateJson(data, SCHEMA)) problem(message);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problems };
  const cfg = data as Record<string, unknown>;

  const part: PolicyPart = { problems };
  part.exclude = strings(cfg.exclude).map(globMatcher);
  if (Array.isArray(cfg.testPaths)) part.testPaths = strings(cfg.testPaths).map(globMatcher);
  part.disabledRules = strings(cfg.disableRules);

  const allow = isObject(cfg.allow) ? cfg.allow : {};
  const valueRegexes: RegExp[] = [];
  for (const source of strings(allow.regexes)) {
    const r = compileUserRegex(source);
    if (r.ok) valueRegexes.push(r.re); else problem(`allow.regexes: ${r.message}`);
  }
  const entry: AllowEntry = {
    source: file,
    condition: 'or',
    paths: strings(allow.paths).map(globMatcher),
    valueRegexes,
    lineRegexes: [],
    stopwords: strings(allow.stopwords).map((s) => s.toLowerCase()),
  };
  part.allow = [entry];

  part.customRules = [];
  if (Array.isArray(cfg.rules)) {
    const seen = new Set<string>();
    for (const spec of cfg.rules) {
      if (!isCustomRuleSpec(spec)) continue; // already reported by the schema
      if (seen.has(spec.id)) { problem(`rule "${spec.id}": duplicate id`); continue; }
      seen.add(spec.id);
      const result = compileCustomRule(spec);
      for (const m of result.problems) problem(m);
      if (result.rule) part.customRules.push(result.rule);
    }
  }
  return part;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
}

function isCustomRuleSpec(v: unknown): v is CustomRuleSpec {
  if (!isObject(v)) return false;
  const okStrings = (x: unknown): boolean => x === undefined || (Array.isArray(x) && x.every((s) => typeof s === 'string'));
  return typeof v.id === 'string' && typeof v.title === 'string' && typeof v.pattern === 'string'
    && (v.flags === undefined || (typeof v.flags === 'string' && /^[imsu]*$/.test(v.flags)))
    && (v.confidence === undefined || v.confidence === 'high' || v.confidence === 'medium' || v.confidence === 'low')
    && (v.entropy === undefined || typeof v.entropy === 'number')
    && okStrings(v.keywords)
    && (v.examples === undefined || (isObject(v.examples) && okStrings(v.examples.positive) && okStrings(v.examples.negative)));
}

/** Removes // and /* *\/ comments and trailing commas outside strings, keeping offsets (blanks, not deletes). */
export function stripJsonComments(text: string): string {
  const out = text.split('');
  let i = 0;
  let lastSignificant = -1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      lastSignificant = i;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
    } else {
      if ((c === '}' || c === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') out[lastSignificant] = ' ';
      if (!/\s/.test(c)) lastSignificant = i;
      i++;
    }
  }
  return out.join('');
}

function describeJsonError(e: Error, text: string): string {
  const pos = /position (\d+)/.exec(e.message);
  // V8 sometimes quotes the source text in the message; drop it, it may hold a secret.
  const msg = e.message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  if (!pos) return msg;
  const offset = Number(pos[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `${msg} at line ${line}, column ${col}`;
}
