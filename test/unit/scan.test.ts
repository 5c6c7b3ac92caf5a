import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONFIDENCE_ORDER, type Confidence, type Finding, type Rule, type ScanOptions, type Validation } from '../../src/core/types';
import { scan } from '../../src/core/scan';
import { analyzeAnchors, KeywordAutomaton } from '../../src/core/prefilter';
import { BUILTIN_RULES } from '../../src/core/rules';
import { shannonEntropy } from '../../src/core/entropy';
import { mask } from '../../src/core/mask';
import { fingerprint } from '../../src/core/fingerprint';
import { isPlaceholder } from '../../src/core/filters/placeholder';
import { IgnoreIndex } from '../../src/core/ignoreDirectives';

// ---------------------------------------------------------------------------------------------
// Reference scanner: every (keyword-gated) rule runs on the whole text, no prefilter, no windows.
// The real scanner must return exactly what this returns, for any text.
// ---------------------------------------------------------------------------------------------
function referenceScan(text: string, options: ScanOptions = {}): Finding[] {
  const rules = options.extraRules?.length ? [...BUILTIN_RULES, ...options.extraRules] : BUILTIN_RULES;
  const min = CONFIDENCE_ORDER[options.minConfidence ?? 'low'];
  const lowerText = text.toLowerCase();
  const ignores = new IgnoreIndex(text);
  const found: Finding[] = [];
  for (const rule of rules) {
    const keywords = (rule.keywords ?? []).map((k) => k.toLowerCase());
    if (keywords.length > 0 && !keywords.some((k) => lowerText.includes(k))) continue;
    const flags = (rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g').replace('y', '');
    const re = new RegExp(rule.pattern.source, flags);
    const generic = rule.id.startsWith('generic-');
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      let value: string | undefined;
      if (m.groups && m.groups.secret !== undefined) value = m.groups.secret;
      else if (m.length > 1) { for (let i = 1; i < m.length; i++) if (m[i] !== undefined) { value = m[i]; break; } }
      else value = m[0];
      if (value === undefined || value.length === 0) continue;
      const rel = m[0].lastIndexOf(value);
      const start = m.index + rel;
      const end = start + value.length;
      if (isPlaceholder(value, generic)) continue;
      if (rule.minEntropy !== undefined && shannonEntropy(value) < rule.minEntropy) continue;
      let confidence: Confidence = rule.confidence;
      let validation: Validation | undefined;
      if (rule.validate) {
        validation = rule.validate(value, m);
        if (validation === 'reject') continue;
        if (validation === 'invalid' || validation === 'weak') confidence = confidence === 'high' ? 'medium' : 'low';
      }
      if (CONFIDENCE_ORDER[confidence] < min) continue;
      if (ignores.isIgnored(start) || ignores.isIgnored(end - 1)) continue;
      found.push({
        ruleId: rule.id, title: rule.title, provider: rule.provider, start, end, confidence,
        preview: mask(value), fingerprint: fingerprint(rule.id, value), docs: rule.docs, advice: rule.advice, validation,
      });
    }
  }
  if (found.length < 2) return found;
  const rank = (f: Finding): number =>
    (f.ruleId.startsWith('generic-') ? 0 : 100) + CONFIDENCE_ORDER[f.confidence] * 10 + Math.min(9, (f.end - f.start) / 16);
  const byRank = [...found].sort((a, b) => rank(b) - rank(a) || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of byRank) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

// Test-only rules with the shapes the prefilter has to get right (ids prefixed `t-`).
function rule(id: string, pattern: RegExp, extra: Partial<Rule> = {}): Rule {
  return { id, title: id, provider: 'Test', confidence: 'high', pattern, examples: { positive: [], negative: [] }, ...extra };
}

const SHAPES: readonly Rule[] = [
  // Literal prefix, word boundaries.
  rule('t-prefix', /\bqzt_[A-Za-z0-9]{12}\b/, { keywords: ['qzt_'] }),
  // Literal after an unbounded run of word chars (generic assignment shape), case-insensitive.
  rule('t-assign', /[\w.-]*(?:passwd|secret|tokn)[\w.-]*\s*[:=]\s*["']([^"'\s]{6,})["']/i, { keywords: ['passwd', 'secret', 'tokn'], confidence: 'medium' }),
  // Top-level alternation with different windows; lookbehind before the literal.
  rule('t-alt', /(?<![A-Za-z])vvk-[a-f0-9]{8}|[a-z]{0,5}wwk=[0-9]{6}/),
  // No usable literal: runs on the whole text, gated by a keyword.
  rule('t-hex', /\b[0-9a-f]{16}\b/, { keywords: ['hexkey'], confidence: 'low' }),
  // No literal, no keywords: always runs.
  rule('t-free', /\b[A-Z]{3}[0-9]{5}[A-Z]\b/, { confidence: 'low' }),
  // Multi-line span, literal first.
  rule('t-block', /-----BEGIN QZ KEY-----[\s\S]*?-----END QZ KEY-----/),
  // Whitespace (including newlines) allowed before the literal.
  rule('t-spaced', /\s{0,40}zzkey\s*=\s*(\w{8,})/i),
  // Overlapping candidates: sequential matching decides which ones exist.
  rule('t-overlap', /aqa[a-z]{4}/),
  // Unicode + ignoreCase: Kelvin sign and long s fold to ASCII letters.
  rule('t-unicode', /kms_sk_[0-9]{4}/iu),
  // Backreference: the literal comes after an opaque part.
  rule('t-backref', /(["'])bkr_[0-9]{5}\1/),
  // Non-ASCII chars may precede the literal.
  rule('t-nonascii', /[^\s"']{0,30}nak_[0-9]{4}/),
  // Validator that looks at the match object.
  rule('t-valid', /vld_([0-9]{6})/, { validate: (v, m) => (m.index % 2 === 0 ? 'valid' : v.endsWith('0') ? 'reject' : 'invalid') }),
  // Key run behind a negative lookbehind (only a run's first offset can start a match).
  rule('t-runstart', /(?<![\w.$-])(?<key>[A-Za-z_][\w.-]{0,30}?tokn[\w.-]{0,10}(?![\w.-]))[ \t]*=[ \t]*(?<secret>\w{6,})/i),
  // Alternatives with `\b` and `(?<![…])` starts, a command name consumed before its flag.
  rule('t-cmd', /(?:\bcmdx\b[^\n]{0,30}?[ \t]-p|(?<![\w-])--?(?=[\w-]{0,10}?sekr)[a-z][\w-]{0,20}=)(?<secret>\w{4,})/i),
  // `\b` before a non-word char: the char before must be a word char.
  rule('t-bnonword', /\b-zq[0-9]{3}/),
];

const FRAGMENTS = [
  'qzt_', 'passwd', 'PASSWD', 'secret', 'Secret', 'tokn', 'vvk-', 'wwk=', 'hexkey', 'zzkey', 'aqa', 'kms_sk_', '\u212Ams_sk_', 'km\u017f_sk_',
  'bkr_', 'vld_', '-----BEGIN QZ KEY-----', '-----END QZ KEY-----', ' = ', '=', ':', '"', "'", '\n', ' ', '\t', '\u0130', 'ghp_', 'akia', 'AKIA',
  'password', 'token', 'api_key', 'leakproof-ignore', 'gitleaks:allow', 'nak_', '\u00e9\u00e9', '\u4e2d',
  'cmdx', ' -p', '--', 'sekr', '-zq', '$', '.',
];

const textArb = (planted: readonly string[]): fc.Arbitrary<string> =>
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.\-]{0,24}$/) },
      { weight: 2, arbitrary: fc.stringMatching(/^[0-9a-f]{0,20}$/) },
      { weight: 2, arbitrary: fc.constantFrom(...planted) },
    ),
    { maxLength: 40 },
  ).map((parts) => parts.join(''));

const SHAPE_EXAMPLES = [
  'qzt_Ab3dE6fG9hJ2', 'db_passwd = "Zx9!kQ2#"', 'my.secret: \'Tr8#pL0q\'', 'vvk-0a1b2c3d', 'abwwk=123456', 'hexkey 0123abcd4567ef89',
  'QRS12345T', '-----BEGIN QZ KEY-----\nQm9vZ3Vz\n-----END QZ KEY-----', '\n  zzkey = Abcd1234Efgh', 'aqaaqaaqazz', 'KMS_SK_1234',
  '\u212Ams_sk_5678', '\u00e9t\u00e9nak_1234', '"bkr_12345"', "'bkr_54321'", 'vld_123450', 'vld_123451',
  'app.mytokn_x = abc123def', 'cmdx -u root -pS3cr3t', '--db-sekr=abcd1234', 'a-zq123', 'x.y-tokn= 123456',
];

describe('scan', () => {
  describe('prefilter equivalence', () => {
    it('returns exactly what a full-text run of every rule returns (shape rules, random texts)', () => {
      fc.assert(
        fc.property(textArb(SHAPE_EXAMPLES), (text) => {
          const options = { extraRules: SHAPES };
          assert.deepEqual(scan(text, options), referenceScan(text, options));
        }),
        { numRuns: 3000 },
      );
    });

    it('returns exactly what the reference returns on built-in rules\' own examples at random places', () => {
      const planted = BUILTIN_RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]);
      fc.assert(
        fc.property(textArb(planted), (text) => {
          assert.deepEqual(scan(text), referenceScan(text));
        }),
        { numRuns: 1500 },
      );
    });

    it('keeps every built-in positive example when surrounded by other text', () => {
      for (const r of BUILTIN_RULES) {
        for (const ex of r.examples.positive) {
          const text = `const a = 1;\n${ex}\nfunction f() { return 2; }\n`;
          assert.deepEqual(scan(text), referenceScan(text), `${r.id}: ${JSON.stringify(mask(ex))}`);
        }
      }
    });

    it('finds anchors case-insensitively, including Kelvin sign and long s', () => {
      const seen: [number, number][] = [];
      new KeywordAutomaton(['abc', 'kms', 'bc']).run('xABC \u212Ams km\u017f', (id, start) => seen.push([id, start]));
      assert.deepEqual(seen, [[0, 1], [2, 2], [1, 5], [1, 9]]);
    });

    it('derives literal anchors and start windows from patterns', () => {
      const a = analyzeAnchors(/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24}\b/)!;
      assert.deepEqual([...a.literals].sort(), ['rk_live_', 'rk_test_', 'sk_live_', 'sk_test_']);
      assert.equal(a.maxPre, 0);
      const g = analyzeAnchors(/[\w.-]*(?:password|secret)\s*=/i)!;
      assert.deepEqual([...g.literals].sort(), ['password', 'secret']);
      assert.equal(g.maxPre, Infinity);
      assert.equal(g.preAscii['\n'.charCodeAt(0)], 0);
      assert.equal(analyzeAnchors(/\b[0-9a-f]{40}\b/), undefined);
      assert.equal(analyzeAnchors(/(a)\1xyz/)!.maxPre, Infinity);
    });
  });

  describe('follow sets', () => {
    // Rules whose literal must be followed by particular chars: occurrences followed by anything
    // else are dropped before any window is tried.
    const FOLLOW_RULES: readonly Rule[] = [
      rule('t-fcall', /(?<![\w$])[A-Za-z_$][\w$]{0,20}(?:Kee|KEE|kee|Tkn)[ \t]*\([ \t]*["'](\w{6,})/),
      rule('t-fopt', /fwo(?:x|yz)?[=:]\s*(\d{4})/i),
      rule('t-flook', /(?=[a-z]{0,6}lkq[!?])[a-z]+lkq[!?](\d{4})/),
      rule('t-fend', /zqe[0-9]*/),
      rule('t-fgroup', /(?:qfa|qfbb)(?:-|_x)([0-9]{4})/),
      // The literal ends inside a repetition: what follows is unknown.
      rule('t-frep', /qfr(?:ab){2,3}!/),
    ];
    const FOLLOW_FRAGMENTS = [
      'kee', 'Kee', 'KEE', 'Tkn', 'tkn', '(', ' (', '\t', ' ', '"', "'", 'Qm7rT2xw9', 'fwo', 'FWO', 'x', 'yz', 'Y', '=', ':', '1234',
      'lkq', '!', '?', 'abc', 'zqe', '98', 'qfa', 'qfbb', '-', '_x', '\n', '\u212A', 'qfr', 'ab',
    ];
    const followArb = fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...FOLLOW_FRAGMENTS) },
        { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_]{0,8}$/) },
      ),
      { maxLength: 30 },
    ).map((parts) => parts.join(''));

    it('derives what may follow a literal', () => {
      const call = analyzeAnchors(/[A-Za-z]{0,20}(?:key|tok)[ \t]*\(["'](\w{8})/)!;
      const i = call.literals.indexOf('key');
      assert.ok(i >= 0);
      const f = call.follows[i]!;
      assert.deepEqual([...f.ascii.keys()].filter((c) => f.ascii[c] === 1).map((c) => String.fromCharCode(c)).sort(), ['\t', ' ', '(']);
      assert.equal(f.other, false);
      // The rest of the match may be empty: anything may follow.
      assert.equal(analyzeAnchors(/zqe[0-9]*/)!.follows[0], undefined);
    });

    it('returns exactly what the reference returns (follow-set rules, random texts)', () => {
      fc.assert(
        fc.property(followArb, (text) => {
          const options = { extraRules: FOLLOW_RULES };
          assert.deepEqual(scan(text, options), referenceScan(text, options));
        }),
        { numRuns: 2000 },
      );
    });

    it('finds matches whose literal is followed by an allowed char, and at the end of the text', () => {
      const text = 'myKee ("Qm7rT2xw9") fwoyz= 1234 ablkq!5678 qfbb_x4321 qfrabab! zqe';
      const f = scan(text, { extraRules: FOLLOW_RULES });
      assert.deepEqual(f, referenceScan(text, { extraRules: FOLLOW_RULES }));
      assert.deepEqual(f.map((x) => x.ruleId), ['t-fcall', 't-fopt', 't-flook', 't-fgroup', 't-frep', 't-fend']);
    });
  });

  describe('semantics', () => {
    const overlapRules: readonly Rule[] = [
      rule('t-specific', /\bqzk_([A-Za-z0-9]{20})\b/),
      rule('generic-t-wide', /token\s*=\s*"([^"]{8,})"/i, { confidence: 'medium' }),
    ];

    it('resolves overlaps: provider rule beats generic', () => {
      const text = 'token = "qzk_Ab3dE6fG9hJ2kL5mN8pQ"';
      const f = scan(text, { extraRules: overlapRules });
      assert.equal(f.length, 1);
      assert.equal(f[0].ruleId, 't-specific');
      assert.equal(text.slice(f[0].start, f[0].end), 'Ab3dE6fG9hJ2kL5mN8pQ');
    });

    it('takes the secret from the named group, else group 1, else the whole match', () => {
      const rules = [
        rule('t-named', /nmd=(?<pre>[a-z]+):(?<secret>[0-9]{6})/),
        rule('t-group', /grp=([A-Z]{6})/),
        rule('t-whole', /whl_[0-9]{6}/),
      ];
      const text = 'nmd=abc:482913 grp=QWERTZ whl_739164';
      const f = scan(text, { extraRules: rules });
      assert.deepEqual(f.map((x) => [x.ruleId, text.slice(x.start, x.end)]), [
        ['t-named', '482913'], ['t-group', 'QWERTZ'], ['t-whole', 'whl_739164'],
      ]);
    });

    it('lowers confidence on invalid and drops on reject', () => {
      const rules = [rule('t-check', /chk_([0-9]{6})/, { validate: (v) => (v.startsWith('1') ? 'valid' : v.startsWith('2') ? 'invalid' : 'reject') })];
      const f = scan('chk_183746 chk_283746 chk_383746', { extraRules: rules });
      assert.deepEqual(f.map((x) => [x.preview, x.confidence, x.validation]), [['1837…', 'high', 'valid'], ['2837…', 'medium', 'invalid']]);
    });

    it('drops findings below minConfidence', () => {
      const rules = [rule('t-low', /lowc_[0-9]{6}/, { confidence: 'low' }), rule('t-high', /hic_[0-9]{6}/)];
      const text = 'lowc_918273 hic_918273';
      assert.equal(scan(text, { extraRules: rules }).length, 2);
      assert.deepEqual(scan(text, { extraRules: rules, minConfidence: 'medium' }).map((x) => x.ruleId), ['t-high']);
    });

    it('honours ignore directives', () => {
      const rules = [rule('t-ign', /ign_[0-9]{6}/)];
      const text = 'a = "ign_918273" // leakproof-ignore\n// leakproof-ignore-next-line\nb = "ign_918274"\nc = "ign_918275"\n';
      assert.deepEqual(scan(text, { extraRules: rules }).map((x) => x.preview), ['ign_…']);
      assert.equal(scan(text, { extraRules: rules })[0].start, text.indexOf('ign_918275'));
    });

    it('never reports zero-length matches and does not loop on them', () => {
      const rules = [rule('t-empty', /(?:zlm_[0-9]{4})?/), rule('t-empty2', /x*/)];
      const text = 'aa zlm_1234 bb';
      const f = scan(text, { extraRules: rules });
      assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['zlm_1234']);
    });

    it('masks previews and fingerprints by content', () => {
      const rules = [rule('t-fp', /fpx_[0-9]{6}/)];
      const [a] = scan('fpx_918273', { extraRules: rules });
      const [b] = scan('\n\n  fpx_918273', { extraRules: rules });
      assert.equal(a.preview, 'fpx_…');
      assert.equal(a.fingerprint, b.fingerprint);
    });

    it('scans a large input quickly and finds planted secrets at both ends', () => {
      const rules = [rule('t-big', /\bbig_[A-Za-z0-9]{16}\b/)];
      const line = 'const value = compute(items.map((x) => x.id), options); // ordinary code\n';
      const text = 'big_Ab3dE6fG9hJ2kL5m\n' + line.repeat(60_000) + 'big_Zz9yX8wV7uT6sR5q\n';
      const t0 = performance.now();
      const f = scan(text, { extraRules: rules });
      const ms = performance.now() - t0;
      assert.deepEqual(f.map((x) => x.preview), ['big_…', 'big_…']);
      assert.ok(ms < 2000, `took ${ms} ms`);
    });
  });
});
