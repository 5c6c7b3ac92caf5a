import type { Confidence, Rule } from '../types';
import { scan } from '../scan';
import { BUILTIN_RULES } from '../rules';
import { compileUserRegex } from './userRegex';
import { catastrophicBacktrackingRisk } from './redos';

/** A custom rule as written in `.leakproof.json` (already shape-checked by the schema). */
export interface CustomRuleSpec {
  readonly id: string;
  readonly title: string;
  readonly pattern: string;
  readonly flags?: string;
  readonly provider?: string;
  readonly keywords?: readonly string[];
  readonly confidence?: Confidence;
  readonly entropy?: number;
  readonly docs?: string;
  readonly advice?: string;
  readonly examples?: { readonly positive?: readonly string[]; readonly negative?: readonly string[] };
}

export type CustomRuleResult = { readonly rule: Rule; readonly problems: readonly string[] } | { readonly rule?: undefined; readonly problems: readonly string[] };

const BUILTIN_IDS = new Set(BUILTIN_RULES.map((r) => r.id));

/**
 * Compiles a user rule: rejects invalid or backtracking-prone patterns, then runs the rule's own
 * examples. A rule whose examples fail is still returned (with problems) so a typo in an example
 * does not silently turn detection off; an unusable pattern returns no rule.
 */
export function compileCustomRule(spec: CustomRuleSpec): CustomRuleResult {
  const label = `rule "${spec.id}"`;
  if (BUILTIN_IDS.has(spec.id)) return { problems: [`${label}: id clashes with a built-in rule; pick another id`] };
  const risk = catastrophicBacktrackingRisk(spec.pattern);
  if (risk) return { problems: [`${label}: pattern rejected: ${risk} (heuristic check)`] };
  const compiled = compileUserRegex(spec.pattern, spec.flags ?? '');
  if (!compiled.ok) return { problems: [`${label}: ${compiled.message}`] };
  const positive = spec.examples?.positive ?? [];
  if (positive.length === 0) return { problems: [`${label}: needs at least one positive example (examples.positive)`] };

  const rule: Rule = {
    id: spec.id,
    title: spec.title,
    provider: spec.provider ?? 'Custom',
    confidence: spec.confidence ?? 'medium',
    pattern: compiled.re,
    keywords: spec.keywords?.map((k) => k.toLowerCase()),
    minEntropy: spec.entropy,
    docs: spec.docs,
    advice: spec.advice,
    examples: { positive, negative: spec.examples?.negative ?? [] },
  };
  const problems: string[] = [];
  positive.forEach((text, i) => {
    const hits = scan(text, { extraRules: [rule] });
    if (hits.some((f) => f.ruleId === rule.id)) return;
    const other = hits.find((f) => f.start < text.length);
    problems.push(other
      ? `${label}: positive example #${i + 1} is reported by built-in rule "${other.ruleId}" instead`
      : `${label}: positive example #${i + 1} is not flagged (check the pattern, keywords, entropy and that the value is not a placeholder)`);
  });
  rule.examples.negative.forEach((text, i) => {
    if (scan(text, { extraRules: [rule] }).some((f) => f.ruleId === rule.id)) problems.push(`${label}: negative example #${i + 1} is flagged`);
  });
  return { rule, problems };
}
