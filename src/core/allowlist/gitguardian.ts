import { parseMiniYaml, type YamlValue } from './miniYaml';
import { globMatcher } from './paths';
import type { AllowEntry, PolicyPart, PolicyProblem } from './policy';

// GitGuardian `.gitguardian.yaml` (ggshield). v2: `secret.ignored_matches[].match` and
// `secret.ignored_paths`; v1: top-level `matches-ignore` and `paths-ignore`.
// A `match` is the secret itself or a SHA-256 hex; we compare it with the value and with
// sha256(value). Limit: ggshield's own "ignore SHA" hashes the match together with its match
// type (`value,apikey`), so SHAs copied from ggshield output only match single-value secrets
// when they were computed from the value alone. `ignored_detectors` names GitGuardian
// detectors, not our rules, and is not applied.

export const GITGUARDIAN_FILES: readonly string[] = ['.gitguardian.yaml', '.gitguardian.yml'];

type Obj = { [key: string]: YamlValue };

function isObj(v: YamlValue | undefined): v is Obj {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

export function parseGitGuardian(text: string, file = GITGUARDIAN_FILES[0]): PolicyPart {
  const problems: PolicyProblem[] = [];
  let doc: YamlValue;
  try {
    doc = parseMiniYaml(text);
  } catch (e) {
    return { problems: [{ file, message: `could not read YAML: ${(e as Error).message}` }] };
  }
  if (doc === null) return {};
  if (!isObj(doc)) return { problems: [{ file, message: 'expected a mapping at the top level' }] };
  const secret = isObj(doc.secret) ? doc.secret : {};

  const ignoredMatches: string[] = [];
  for (const list of [secret.ignored_matches, doc['matches-ignore']]) {
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) { problems.push({ file, message: 'ignored_matches / matches-ignore must be a list' }); continue; }
    for (const item of list) {
      const match = typeof item === 'string' ? item : isObj(item) && typeof item.match === 'string' ? item.match : undefined;
      if (!match) continue;
      ignoredMatches.push(match);
      // A SHA may be pasted in upper case; sha256Hex gives lower case.
      if (/^[0-9A-F]{64}$/i.test(match)) ignoredMatches.push(match.toLowerCase());
    }
  }

  const paths: string[] = [];
  for (const list of [secret.ignored_paths, doc['paths-ignore']]) {
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) { problems.push({ file, message: 'ignored_paths / paths-ignore must be a list' }); continue; }
    for (const p of list) if (typeof p === 'string' && p !== '') paths.push(p);
  }
  const allow: AllowEntry[] = paths.length
    ? [{ source: file, condition: 'or', paths: paths.map(globMatcher), valueRegexes: [], lineRegexes: [], stopwords: [] }]
    : [];
  return { ignoredMatches, allow, problems };
}
