import { parse as parseToml } from 'smol-toml';
import { compileUserRegex } from '../config/userRegex';
import { regexMatcher } from './paths';
import type { AllowEntry, PolicyPart, PolicyProblem } from './policy';

// `.gitleaks.toml` global allowlists: `[allowlist]` (gitleaks < 8.25) and `[[allowlists]]`.
// Honoured: paths (regexes on the path), regexes (on the secret; `regexTarget = "line"` on the
// line; "match" is approximated by the line, which contains the match), stopwords, and
// `condition = "AND"`. Not honoured: `commits` (no history in an editor), allowlists with
// `targetRules` (gitleaks rule ids, not ours: applying them to every rule would hide too much),
// per-rule allowlists and `[[rules]]`.

export const GITLEAKS_TOML_FILE = '.gitleaks.toml';

export function parseGitleaksToml(text: string, file = GITLEAKS_TOML_FILE): PolicyPart {
  const problems: PolicyProblem[] = [];
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const first = (e as Error).message.split('\n')[0];
    return { problems: [{ file, message: `not valid TOML: ${first}` }] };
  }
  const tables: Array<[string, unknown]> = [];
  if (doc.allowlist !== undefined) tables.push(['[allowlist]', doc.allowlist]);
  if (Array.isArray(doc.allowlists)) doc.allowlists.forEach((t, i) => tables.push([`[[allowlists]] #${i + 1}`, t]));

  const allow: AllowEntry[] = [];
  for (const [label, table] of tables) {
    if (!table || typeof table !== 'object' || Array.isArray(table)) {
      problems.push({ file, message: `${label}: expected a table` });
      continue;
    }
    const t = table as Record<string, unknown>;
    if (Array.isArray(t.targetRules) && t.targetRules.length > 0) {
      problems.push({ file, message: `${label}: targetRules name gitleaks rules; this allowlist is not applied` });
      continue;
    }
    const condition = String(t.condition ?? 'OR').toUpperCase() === 'AND' ? 'and' : 'or';
    const hasCommits = Array.isArray(t.commits) && t.commits.length > 0;
    if (condition === 'and' && hasCommits) {
      problems.push({ file, message: `${label}: condition AND with commits cannot hold outside git history; not applied` });
      continue;
    }
    const target = String(t.regexTarget ?? 'secret').toLowerCase();
    const regexes: RegExp[] = [];
    const paths: RegExp[] = [];
    const compileAll = (key: 'regexes' | 'paths', into: RegExp[]): void => {
      for (const src of stringList(t[key])) {
        const r = compileUserRegex(src);
        if (r.ok) into.push(r.re); else problems.push({ file, message: `${label} ${key}: ${r.message}` });
      }
    };
    compileAll('regexes', regexes);
    compileAll('paths', paths);
    const entry: AllowEntry = {
      source: file,
      condition,
      paths: paths.map(regexMatcher),
      valueRegexes: target === 'secret' ? regexes : [],
      lineRegexes: target === 'secret' ? [] : regexes,
      stopwords: stringList(t.stopwords).map((s) => s.toLowerCase()),
    };
    if (entry.paths.length + regexes.length + entry.stopwords.length > 0) allow.push(entry);
  }
  return { allow, problems };
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
}
