import { CONFIDENCE_ORDER, type Confidence, type Finding } from './types';
import { scan } from './scan';
import { sha1Hex, sha256Hex } from './fingerprint';
import { LineIndex } from './lineIndex';
import { policyPath } from './allowlist/paths';
import type { AllowEntry, LoadedPolicy } from './allowlist/policy';

/** A finding after policy: `demoted` when a test/fixture path lowered its confidence. */
export type AnalyzedFinding = Finding & { readonly demoted?: boolean };

export interface AnalyzeOptions {
  /** Path of the text, absolute or relative to `workspaceRoot`. Policy globs are matched against the relative form. */
  readonly path?: string;
  readonly workspaceRoot?: string;
  readonly policy: LoadedPolicy;
  /** Applied after test-path demotion. Default 'low'. */
  readonly minConfidence?: Confidence;
  /** Told why each finding was dropped (for `--verbose` and "why is this not flagged?"). Never given the value. */
  readonly onSuppressed?: (finding: Finding, reason: string) => void;
}

/**
 * The one entry point for a file, shared by the extension and the CLI: scan, then apply the
 * workspace policy (exclusions, allowlists, baselines, other scanners' ignores, test-path demotion).
 */
export function analyze(text: string, options: AnalyzeOptions): AnalyzedFinding[] {
  const { policy } = options;
  const rel = options.path !== undefined ? policyPath(options.path, options.workspaceRoot) : undefined;
  if (rel !== undefined && isPathExcluded(policy, rel)) return [];

  const found = scan(text, { path: options.path, extraRules: policy.customRules });
  if (found.length === 0) return [];

  // Per-file facts, computed once.
  const pathHits = policy.allow.map((e) => rel !== undefined && e.paths.some((p) => p.test(rel)));
  const hashed = rel !== undefined ? policy.hashedSecrets.get(rel) : undefined;
  const ignoredLines = rel !== undefined ? policy.ignoredLines.get(rel) : undefined;
  const inTests = rel !== undefined && policy.testPaths.some((p) => p.test(rel));
  const min = CONFIDENCE_ORDER[options.minConfidence ?? 'low'];
  let lines: LineIndex | undefined;
  const lineIndex = (): LineIndex => (lines ??= new LineIndex(text));

  const out: AnalyzedFinding[] = [];
  for (const f of found) {
    const reason = suppression(f);
    if (reason) { options.onSuppressed?.(f, reason); continue; }
    const analyzed: AnalyzedFinding = inTests ? { ...f, confidence: lower(f.confidence), demoted: true } : f;
    if (CONFIDENCE_ORDER[analyzed.confidence] < min) continue;
    out.push(analyzed);
  }
  return out;

  function suppression(f: Finding): string | undefined {
    if (policy.disabledRules.has(f.ruleId)) return 'rule disabled';
    if (policy.baseline.has(f.fingerprint)) return 'baseline';
    const value = text.slice(f.start, f.end);
    if (hashed && hashed.has(sha1Hex(value))) return 'detect-secrets baseline';
    if (policy.ignoredMatches.size > 0 && (policy.ignoredMatches.has(value) || policy.ignoredMatches.has(sha256Hex(value)))) return 'GitGuardian ignored match';
    if (ignoredLines && ignoredLines.has(lineIndex().positionAt(f.start).line + 1)) return '.gitleaksignore';
    for (let i = 0; i < policy.allow.length; i++) {
      const entry = policy.allow[i];
      if (allows(entry, pathHits[i], value, () => lineIndex().lineText(lineIndex().positionAt(f.start).line))) return `allowlist in ${entry.source}`;
    }
    return undefined;
  }
}

/** Whether no finding in this root-relative path can be reported (excluded or path-allowlisted). */
export function isPathExcluded(policy: LoadedPolicy, relPath: string): boolean {
  if (policy.exclude.some((p) => p.test(relPath))) return true;
  return policy.allow.some((e) => e.condition === 'or' && e.paths.some((p) => p.test(relPath)));
}

function allows(entry: AllowEntry, pathHit: boolean, value: string, line: () => string): boolean {
  const lowerValue = value.toLowerCase();
  const checks: Array<[boolean, () => boolean]> = [
    [entry.paths.length > 0, () => pathHit],
    [entry.valueRegexes.length > 0, () => entry.valueRegexes.some((r) => test(r, value))],
    [entry.lineRegexes.length > 0, () => { const l = line(); return entry.lineRegexes.some((r) => test(r, l)); }],
    [entry.stopwords.length > 0, () => entry.stopwords.some((w) => lowerValue.includes(w))],
  ];
  const active = checks.filter(([present]) => present);
  if (active.length === 0) return false;
  return entry.condition === 'and' ? active.every(([, hit]) => hit()) : active.some(([, hit]) => hit());
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

function lower(c: Confidence): Confidence {
  return c === 'high' ? 'medium' : 'low';
}
