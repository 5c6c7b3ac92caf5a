import { compileUserRegex } from '../config/userRegex';
import { regexMatcher } from './paths';
import type { AllowEntry, PolicyPart, PolicyProblem } from './policy';

// detect-secrets `.secrets.baseline`. `results` maps each file to the secrets accepted in it, by
// `hashed_secret` = SHA-1 of the value. We honour a hash only in the file it was recorded for,
// as detect-secrets does: the same value pasted into another file is a new leak. Entries audited
// as real (`is_secret: true`) are still reported: the baseline accepted them, the audit did not.
// Exclusions: `exclude.files` / `exclude.lines` (0.x) and the regex filters of 1.x
// (`should_exclude_file`, `should_exclude_line`, `should_exclude_secret`).

export const DETECT_SECRETS_FILE = '.secrets.baseline';

const FILTERS: Readonly<Record<string, 'paths' | 'lines' | 'values'>> = {
  'detect_secrets.filters.regex.should_exclude_file': 'paths',
  'detect_secrets.filters.regex.should_exclude_line': 'lines',
  'detect_secrets.filters.regex.should_exclude_secret': 'values',
};

export function parseDetectSecretsBaseline(text: string, file = DETECT_SECRETS_FILE): PolicyPart {
  const problems: PolicyProblem[] = [];
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not an object');
  } catch {
    return { problems: [{ file, message: 'not a valid detect-secrets baseline (JSON object with "results")' }] };
  }
  const hashedSecrets: Array<[string, string]> = [];
  const results = doc.results;
  if (results && typeof results === 'object' && !Array.isArray(results)) {
    for (const [path, list] of Object.entries(results as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      for (const r of list as Array<Record<string, unknown>>) {
        if (!r || typeof r.hashed_secret !== 'string' || r.is_secret === true) continue;
        hashedSecrets.push([path.replace(/\\/g, '/').replace(/^\.\//, ''), r.hashed_secret]);
      }
    }
  } else if (results !== undefined) {
    problems.push({ file, message: '"results" is not an object; no hashed secrets read' });
  }

  const buckets = { paths: [] as RegExp[], lines: [] as RegExp[], values: [] as RegExp[] };
  const add = (kind: keyof typeof buckets, src: unknown, label: string): void => {
    for (const s of Array.isArray(src) ? src : [src]) {
      if (typeof s !== 'string' || s === '') continue;
      const r = compileUserRegex(s);
      if (r.ok) buckets[kind].push(r.re); else problems.push({ file, message: `${label}: ${r.message}` });
    }
  };
  const exclude = doc.exclude as Record<string, unknown> | undefined;
  if (exclude && typeof exclude === 'object') {
    add('paths', exclude.files, 'exclude.files');
    add('lines', exclude.lines, 'exclude.lines');
  }
  if (Array.isArray(doc.filters_used)) {
    for (const f of doc.filters_used as Array<Record<string, unknown>>) {
      const kind = f && typeof f.path === 'string' ? FILTERS[f.path] : undefined;
      if (kind) add(kind, f.pattern, f.path as string);
    }
  }
  const allow: AllowEntry[] = [];
  if (buckets.paths.length + buckets.lines.length + buckets.values.length > 0) {
    allow.push({ source: file, condition: 'or', paths: buckets.paths.map(regexMatcher), valueRegexes: buckets.values, lineRegexes: buckets.lines, stopwords: [] });
  }
  return { hashedSecrets, allow, problems };
}
