import { CONFIDENCE_ORDER, type Confidence, type Finding, type Rule, type ScanOptions, type Validation } from './types';
import { shannonEntropy } from './entropy';
import { mask } from './mask';
import { fingerprint } from './fingerprint';
import { isPlaceholder } from './filters/placeholder';
import { DIRECTIVE_PIECES, IgnoreIndex } from './ignoreDirectives';
import { analyzeAnchors, KeywordAutomaton, type AnchorSpec, type FollowSet } from './prefilter';
import { BUILTIN_RULES } from './rules';

/** A rule prepared once: global and sticky regexes, keyword list, literal anchors. */
interface CompiledRule {
  readonly rule: Rule;
  readonly re: RegExp;
  readonly keywords: readonly string[];
  readonly generic: boolean;
  /** Same pattern, sticky: tried at single offsets near anchor hits. */
  readonly sticky: RegExp;
  /** Literals every match contains; undefined means the rule runs on the whole text. */
  readonly anchor: AnchorSpec | undefined;
  /** Whether the rule only runs on texts containing one of its keywords. */
  readonly gated: boolean;
  /** A keyword the automaton cannot represent (non-ASCII): the gate falls back to `includes`. */
  readonly legacyGate: boolean;
}

/** Everything the scanner needs for one rule set: compiled rules and one automaton over all their literals. */
interface ScanPlan {
  readonly compiled: CompiledRule[];
  readonly automaton: KeywordAutomaton;
  /** Per automaton pattern: rule index * 2 + (0: gate keyword, 1: anchor literal). */
  readonly targets: readonly Int32Array[];
  /** Per automaton pattern, parallel to its targets: what must follow an anchor literal (undefined: anything). */
  readonly follows: readonly (FollowSet | undefined)[][];
  readonly anyKeywords: boolean;
  /** Per automaton pattern: 1 when it is a piece every ignore directive contains. */
  readonly directive: Uint8Array;
}

// Every directive ignoreDirectives.ts recognises contains one of these (case-insensitively). The
// automaton finds them in its one pass, so texts without any skip building the ignore index, whose
// own case-insensitive search over the text costs as much as the rest of a clean scan.

const compiledCache = new WeakMap<readonly Rule[], CompiledRule[]>();
const planCache = new WeakMap<readonly Rule[], ScanPlan>();
const extraPlanCache = new WeakMap<readonly Rule[], ScanPlan>();

// Up to this many candidate offsets per window are tried one by one with the sticky regex; past
// that, when the window still has more than LONG_WINDOW offsets left, one global search takes over
// (native loop, may run past the window: still exact). Short windows are always stepped through:
// a global search for a rare match can run to the end of the text, many times per scan.
const STICKY_WINDOW = 24;
const LONG_WINDOW = 512;

export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const compiled = rules.map((rule): CompiledRule => {
    const flags = (rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g').replace('y', '');
    const keywords = (rule.keywords ?? []).map((k) => k.toLowerCase());
    return {
      rule,
      re: new RegExp(rule.pattern.source, flags),
      keywords,
      generic: rule.id.startsWith('generic-'),
      sticky: new RegExp(rule.pattern.source, flags.replace('g', '') + 'y'),
      anchor: analyzeAnchors(rule.pattern),
      // An empty keyword is contained in every text.
      gated: keywords.length > 0 && !keywords.includes(''),
      legacyGate: keywords.some((k) => /[^\x00-\x7f]/.test(k)),
    };
  });
  compiledCache.set(rules, compiled);
  return compiled;
}

function buildPlan(rules: readonly Rule[]): ScanPlan {
  const compiled = compileRules(rules);
  const patterns: string[] = [];
  const targets: number[][] = [];
  const follows: (FollowSet | undefined)[][] = [];
  const ids = new Map<string, number>();
  const add = (literal: string, target: number, follow: FollowSet | undefined): void => {
    let id = ids.get(literal);
    if (id === undefined) { id = patterns.length; ids.set(literal, id); patterns.push(literal); targets.push([]); follows.push([]); }
    if (!targets[id].includes(target)) { targets[id].push(target); follows[id].push(follow); }
  };
  compiled.forEach((c, r) => {
    if (c.gated && !c.legacyGate) for (const k of c.keywords) add(k, r * 2, undefined);
    if (c.anchor) c.anchor.literals.forEach((l, i) => add(l, r * 2 + 1, c.anchor!.follows[i]));
  });
  for (const piece of DIRECTIVE_PIECES) if (!ids.has(piece)) { ids.set(piece, patterns.length); patterns.push(piece); targets.push([]); follows.push([]); }
  const directive = new Uint8Array(patterns.length);
  for (const piece of DIRECTIVE_PIECES) directive[ids.get(piece)!] = 1;
  return {
    compiled,
    automaton: new KeywordAutomaton(patterns),
    targets: targets.map((t) => Int32Array.from(t)),
    follows,
    anyKeywords: compiled.some((c) => c.gated),
    directive,
  };
}

function planFor(extraRules: readonly Rule[] | undefined): ScanPlan {
  const cache = extraRules?.length ? extraPlanCache : planCache;
  const key = extraRules?.length ? extraRules : BUILTIN_RULES;
  let plan = cache.get(key);
  if (!plan) {
    plan = buildPlan(extraRules?.length ? [...BUILTIN_RULES, ...extraRules] : BUILTIN_RULES);
    cache.set(key, plan);
  }
  return plan;
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

/**
 * Runs a rule only in windows before its anchor hits and yields exactly the matches a global
 * search over the whole text would: every match starts in some hit's window, windows are visited
 * in order of their start, and every offset below the next reported match was tried (or proven
 * to start no match) first. `hits` are sorted literal start offsets.
 */
function windowedMatches(c: CompiledRule, anchor: AnchorSpec, text: string, hits: readonly number[], emit: (m: RegExpExecArray) => void): void {
  const { maxPre, preAscii, preOther, firstAscii, firstOther, notAfterAscii, runStartOnly } = anchor;
  const sticky = c.sticky;
  const re = c.re;
  let pos = 0;
  let tried = -1;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    if (h < pos || h <= tried) continue;
    for (;;) {
      const lo = Math.max(pos, tried + 1, h - maxPre);
      if (lo > h) break;
      let ws = h;
      while (ws > lo) {
        const ch = text.charCodeAt(ws - 1);
        if (ch < 128 ? preAscii[ch] === 0 : !preOther) break;
        ws--;
      }
      let m: RegExpExecArray | null = null;
      let attempts = 0;
      // When every char allowed before the literal also forbids a match right after it, offsets
      // past the window's first one cannot start a match.
      const end = runStartOnly ? ws : h;
      for (let s = ws; s <= end; s++) {
        // Only offsets whose char can begin a match (a regex that can match empty has an
        // all-chars first set, so its zero-length matches are still seen).
        const ch = text.charCodeAt(s);
        if (ch < 128 ? firstAscii[ch] === 0 : !firstOther) continue;
        if (notAfterAscii !== undefined && s > 0) {
          const prev = text.charCodeAt(s - 1);
          if (prev < 128 && notAfterAscii[prev] === 1) continue;
        }
        if (++attempts > STICKY_WINDOW && h - s > LONG_WINDOW) {
          // Many candidates: one native search instead. No match starts before s (offsets below
          // ws lie in no window, the rest failed), so its result is the next match overall,
          // even when it lies beyond this window.
          re.lastIndex = s;
          m = re.exec(text);
          if (m === null) return;
          break;
        }
        sticky.lastIndex = s;
        m = sticky.exec(text);
        if (m !== null) break;
      }
      if (m === null) { tried = h; break; }
      tried = m.index;
      const len = m[0].length;
      pos = len === 0 ? m.index + 1 : m.index + len;
      if (len > 0) emit(m);
      if (pos > h) break;
    }
  }
}

/** Scan a text and return findings sorted by offset, overlaps resolved (specific rules win). */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  const plan = planFor(options.extraRules);
  const compiled = plan.compiled;
  const min = CONFIDENCE_ORDER[options.minConfidence ?? 'low'];
  const n = compiled.length;

  // One pass over the text: which rules' keywords occur, and where each rule's anchors are.
  const gate = new Uint8Array(n);
  const hits: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  const unsorted = new Uint8Array(n);
  const targets = plan.targets;
  const follows = plan.follows;
  const lengths = plan.automaton.lengths;
  const textLength = text.length;
  const directive = plan.directive;
  let mayIgnore = false;
  plan.automaton.run(text, (id, start) => {
    if (directive[id] === 1) mayIgnore = true;
    const t = targets[id];
    for (let j = 0; j < t.length; j++) {
      const v = t[j];
      const r = v >> 1;
      if ((v & 1) === 0) { gate[r] = 1; continue; }
      // An occurrence followed by a char no match can have there anchors no match; at the end of
      // the text the rest of a match would be empty, which is not ruled out here.
      const f = follows[id][j];
      if (f !== undefined) {
        const at = start + lengths[id];
        if (at < textLength) {
          const ch = text.charCodeAt(at);
          if (ch < 128 ? f.ascii[ch] === 0 : !f.other) continue;
        }
      }
      const list = hits[r];
      if (list === undefined) hits[r] = [start];
      else {
        const last = list[list.length - 1];
        if (start !== last) { if (start < last) unsorted[r] = 1; list.push(start); }
      }
    }
  });
  // Keywords are matched as `text.toLowerCase().includes(k)`; two chars fold differently there
  // (U+0130 lower-cases to two chars, U+017F does not lower-case): use that definition when present.
  let lowerText: string | undefined;
  if (plan.anyKeywords && (text.indexOf('\u0130') !== -1 || text.indexOf('\u017f') !== -1)) lowerText = text.toLowerCase();

  let ignores: IgnoreIndex | undefined;
  const found: Finding[] = [];

  for (let r = 0; r < n; r++) {
    const c = compiled[r];
    if (c.gated) {
      const pass = lowerText !== undefined || c.legacyGate
        ? c.keywords.some((k) => (lowerText ??= text.toLowerCase()).includes(k))
        : gate[r] === 1;
      if (!pass) continue;
    }
    const rule = c.rule;
    const emit = (m: RegExpExecArray): void => {
      const span = secretSpan(m);
      if (!span) return;
      const value = text.slice(span[0], span[1]);
      if (isPlaceholder(value, c.generic)) return;
      if (rule.minEntropy !== undefined && shannonEntropy(value) < rule.minEntropy) return;
      let confidence = rule.confidence;
      let validation: Validation | undefined;
      if (rule.validate) {
        validation = rule.validate(value, m);
        if (validation === 'reject') return;
        if (validation === 'invalid' || validation === 'weak') confidence = lower(confidence);
      }
      if (CONFIDENCE_ORDER[confidence] < min) return;
      if (mayIgnore) {
        ignores ??= new IgnoreIndex(text);
        // A directive on the first or the last line covers a multi-line finding (a PEM block).
        if (ignores.isIgnored(span[0]) || ignores.isIgnored(span[1] - 1)) return;
      }
      found.push({
        ruleId: rule.id,
        title: rule.title,
        provider: rule.provider,
        start: span[0],
        end: span[1],
        confidence,
        preview: mask(value),
        fingerprint: fingerprint(rule.id, value),
        docs: rule.docs,
        advice: rule.advice,
        validation,
      });
    };
    if (c.anchor) {
      const list = hits[r];
      if (list === undefined) continue;
      if (unsorted[r] === 1) list.sort((a, b) => a - b);
      windowedMatches(c, c.anchor, text, list, emit);
      continue;
    }
    const re = c.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      emit(m);
    }
  }
  return resolveOverlaps(found);
}

function rank(f: Finding): number {
  return (f.ruleId.startsWith('generic-') ? 0 : 100) + CONFIDENCE_ORDER[f.confidence] * 10 + Math.min(9, (f.end - f.start) / 16);
}

/** Where findings overlap keep one: provider rules over generic ones, then confidence, then length. */
function resolveOverlaps(found: Finding[]): Finding[] {
  if (found.length < 2) return found;
  const ranks = new Map<Finding, number>();
  for (const f of found) ranks.set(f, rank(f));
  const byRank = [...found].sort((a, b) => ranks.get(b)! - ranks.get(a)! || a.start - b.start);
  // Kept spans never overlap, so sorted by start they are also sorted by end: one binary search
  // finds the only candidates that could overlap a new span.
  const kept: Finding[] = [];
  for (const f of byRank) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].end <= f.start) lo = mid + 1; else hi = mid;
    }
    if (lo < kept.length && kept[lo].start < f.end) continue;
    kept.splice(lo, 0, f);
  }
  return kept;
}
