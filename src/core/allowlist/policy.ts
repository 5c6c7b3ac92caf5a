import type { Rule } from '../types';
import { globMatcher, type PathMatcher } from './paths';

/** A config file that could not be (fully) honoured. Never fatal: the rest of the policy loads. */
export interface PolicyProblem {
  readonly file: string;
  readonly message: string;
}

/**
 * One allowlist. With condition 'or' (the default) any one criterion suppresses a finding;
 * with 'and' (gitleaks `condition = "AND"`) every non-empty criterion must hold.
 */
export interface AllowEntry {
  /** File the entry came from, for explanations. */
  readonly source: string;
  readonly condition: 'or' | 'and';
  readonly paths: readonly PathMatcher[];
  /** Searched in the secret value. */
  readonly valueRegexes: readonly RegExp[];
  /** Searched in the whole line holding the finding's start. */
  readonly lineRegexes: readonly RegExp[];
  /** Lower-case; a value containing one is allowed. */
  readonly stopwords: readonly string[];
}

/** Everything that can suppress, demote or add findings for one workspace. Compiled once, reused per file. */
export interface LoadedPolicy {
  /** Files never scanned (`.leakproof.json` `exclude`, CLI `--exclude`). */
  readonly exclude: readonly PathMatcher[];
  readonly allow: readonly AllowEntry[];
  /** Findings in these paths are lowered one confidence level. */
  readonly testPaths: readonly PathMatcher[];
  readonly customRules: readonly Rule[];
  readonly disabledRules: ReadonlySet<string>;
  /** Leakproof content fingerprints (`Finding.fingerprint`) to suppress. */
  readonly baseline: ReadonlySet<string>;
  /** detect-secrets: root-relative path → SHA-1 hex of suppressed values in that file. */
  readonly hashedSecrets: ReadonlyMap<string, ReadonlySet<string>>;
  /** GitGuardian `ignored_matches`: SHA-256 hex of a value, or the value itself. */
  readonly ignoredMatches: ReadonlySet<string>;
  /** `.gitleaksignore`: root-relative path → 1-based lines whose findings are suppressed. */
  readonly ignoredLines: ReadonlyMap<string, ReadonlySet<number>>;
  /** Policy files that were read. */
  readonly sources: readonly string[];
  readonly problems: readonly PolicyProblem[];
}

/** What one file contributes; merged by `mergePolicy`. */
export interface PolicyPart {
  exclude?: PathMatcher[];
  allow?: AllowEntry[];
  /** When any part sets it, it replaces the defaults (so `[]` turns demotion off). */
  testPaths?: PathMatcher[];
  customRules?: Rule[];
  disabledRules?: string[];
  baseline?: string[];
  hashedSecrets?: Array<[path: string, sha1: string]>;
  ignoredMatches?: string[];
  ignoredLines?: Array<[path: string, line: number]>;
  problems?: PolicyProblem[];
}

export const DEFAULT_TEST_PATHS: readonly string[] = [
  '**/test/**', '**/tests/**', '**/__tests__/**', '**/fixtures/**', '**/*.test.*', '**/*.spec.*', '**/examples/**',
];

const DEFAULT_TEST_MATCHERS = DEFAULT_TEST_PATHS.map(globMatcher);

export function mergePolicy(parts: readonly PolicyPart[], sources: readonly string[] = []): LoadedPolicy {
  const hashed = new Map<string, Set<string>>();
  const lines = new Map<string, Set<number>>();
  let testPaths: PathMatcher[] | undefined;
  for (const p of parts) {
    for (const [path, sha] of p.hashedSecrets ?? []) getOrAdd(hashed, path, () => new Set()).add(sha.toLowerCase());
    for (const [path, line] of p.ignoredLines ?? []) getOrAdd(lines, path, () => new Set()).add(line);
    if (p.testPaths) testPaths = [...(testPaths ?? []), ...p.testPaths];
  }
  return {
    exclude: parts.flatMap((p) => p.exclude ?? []),
    allow: parts.flatMap((p) => p.allow ?? []),
    testPaths: testPaths ?? DEFAULT_TEST_MATCHERS,
    customRules: parts.flatMap((p) => p.customRules ?? []),
    disabledRules: new Set(parts.flatMap((p) => p.disabledRules ?? [])),
    baseline: new Set(parts.flatMap((p) => p.baseline ?? []).map((s) => s.toLowerCase())),
    hashedSecrets: hashed,
    ignoredMatches: new Set(parts.flatMap((p) => p.ignoredMatches ?? [])),
    ignoredLines: lines,
    sources: [...sources],
    problems: parts.flatMap((p) => p.problems ?? []),
  };
}

/** A policy with nothing but the default test paths. */
export function emptyPolicy(): LoadedPolicy {
  return mergePolicy([]);
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) { v = make(); map.set(key, v); }
  return v;
}
