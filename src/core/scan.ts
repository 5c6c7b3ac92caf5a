import { CONFIDENCE_ORDER, type Confidence, type Finding, type Rule, type ScanOptions, type Validation } from './types';
import { shannonEntropy } from './entropy';
import { mask } from './mask';
import { fingerprint } from './fingerprint';
import { isPlaceholder } from './filters/placeholder';
import { IgnoreIndex } from './ignoreDirectives';
import { BUILTIN_RULES } from './rules';

/** A rule prepared once: global regex, keyword list, index of the secret group. */
interface CompiledRule {
  readonly rule: Rule;
  readonly re: RegExp;
  readonly keywords: readonly string[];
  readonly generic: boolean;
}

const compiledCache = new WeakMap<readonly Rule[], CompiledRule[]>();

export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const compiled = rules.map((rule) => {
    const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g';
    return {
      rule,
      re: new RegExp(rule.pattern.source, flags.replace('y', '')),
      keywords: (rule.keywords ?? []).map((k) => k.toLowerCase()),
      generic: rule.id.startsWith('generic-'),
    };
  });
  compiledCache.set(rules, compiled);
  return compiled;
}

function secretSpan(m: RegExpExecArray): [number, number] | undefined {
  const groups = (m as RegExpExecArray & { indices?: unknown }).groups;
  let value: string | undefined;
  if (groups && groups.secret !== undefined) value = groups.secret;
  else if (m.length > 1) {
    for (let i = 1; i < m.length; i++) if (m[i] !== undefined) { value = m[i]; break; }
  } else value = m[0];
  if (value === undefined || value.length === 0) return undefined;
  // The secret group is the last occurrence of its text inside the match in all our patterns
  // (prefix context first, value last), so lastIndexOf locates it without the `d` flag's cost.
  const rel = m[0].lastIndexOf(value);
  if (rel < 0) return undefined;
  return [m.index + rel, m.index + rel + value.length];
}

function lower(c: Confidence): Confidence {
  return c === 'high' ? 'medium' : 'low';
}

/** Scan a text and return findings sorted by offset, overlaps resolved (specific rules win). */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  const rules = options.extraRules?.length ? [...BUILTIN_RULES, ...options.extraRules] : BUILTIN_RULES;
  const compiled = compileRules(rules);
  const min = CONFIDENCE_ORDER[options.minConfidence ?? 'low'];
  const lowerText = text.toLowerCase();
  const keywordHit = new Map<string, boolean>();
  const hasKeyword = (k: string): boolean => {
    let hit = keywordHit.get(k);
    if (hit === undefined) { hit = lowerText.includes(k); keywordHit.set(k, hit); }
    return hit;
  };
  const ignores = new IgnoreIndex(text);
  const found: Finding[] = [];

  for (const c of compiled) {
    if (c.keywords.length > 0 && !c.keywords.some(hasKeyword)) continue;
    const re = c.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const span = secretSpan(m);
      if (!span) continue;
      const value = text.slice(span[0], span[1]);
      if (isPlaceholder(value, c.generic)) continue;
      if (c.rule.minEntropy !== undefined && shannonEntropy(value) < c.rule.minEntropy) continue;
      let confidence = c.rule.confidence;
      let validation: Validation | undefined;
      if (c.rule.validate) {
        validation = c.rule.validate(value, m);
        if (validation === 'reject') continue;
        if (validation === 'invalid') confidence = lower(confidence);
      }
      if (CONFIDENCE_ORDER[confidence] < min) continue;
      if (ignores.isIgnored(span[0])) continue;
      found.push({
        ruleId: c.rule.id,
        title: c.rule.title,
        provider: c.rule.provider,
        start: span[0],
        end: span[1],
        confidence,
        preview: mask(value),
        fingerprint: fingerprint(c.rule.id, value),
        docs: c.rule.docs,
        advice: c.rule.advice,
        validation,
      });
    }
  }
  return resolveOverlaps(found);
}

/** Where findings overlap keep one: provider rules over generic ones, then confidence, then length. */
function resolveOverlaps(found: Finding[]): Finding[] {
  if (found.length < 2) return found;
  const rank = (f: Finding): number =>
    (f.ruleId.startsWith('generic-') ? 0 : 100) + CONFIDENCE_ORDER[f.confidence] * 10 + Math.min(9, (f.end - f.start) / 16);
  const byRank = [...found].sort((a, b) => rank(b) - rank(a) || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of byRank) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
