import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLeakproofConfig, stripJsonComments } from '../../src/core/config/leakproofConfig';
import { validateJson, type JsonSchema } from '../../src/core/config/schemaValidate';
import { catastrophicBacktrackingRisk } from '../../src/core/config/redos';
import { compileUserRegex } from '../../src/core/config/userRegex';
import { compileCustomRule } from '../../src/core/config/customRules';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'media', 'leakproof.schema.json'), 'utf8')) as JsonSchema;

const acme = {
  id: 'acme-token',
  title: 'Acme token',
  pattern: '\\bacme_(?<secret>[A-Za-z0-9]{20})\\b',
  keywords: ['acme_'],
  examples: { positive: ['t = acme_Hq2Wt7Lp0VwX1NcY3kMb'], negative: ['t = acme_short'] },
};

describe('config: .leakproof.json', () => {
  it('loads every section', () => {
    const part = parseLeakproofConfig(JSON.stringify({
      $schema: './node_modules/leakproof/media/leakproof.schema.json',
      exclude: ['dist/**'],
      allow: { paths: ['docs/**'], regexes: ['(?i)^sandbox_'], stopwords: ['Demo'] },
      testPaths: ['spec/**'],
      rules: [acme],
      disableRules: ['generic-password'],
    }));
    assert.deepEqual(part.problems, []);
    assert.ok(part.exclude![0].test('dist/x.js'));
    assert.ok(part.allow![0].paths[0].test('docs/a.md'));
    assert.ok(part.allow![0].valueRegexes[0].test('SANDBOX_1'));
    assert.deepEqual(part.allow![0].stopwords, ['demo']);
    assert.ok(part.testPaths![0].test('spec/a.ts'));
    assert.equal(part.customRules![0].id, 'acme-token');
    assert.equal(part.customRules![0].provider, 'Custom');
    assert.deepEqual(part.disabledRules, ['generic-password']);
  });

  it('tolerates comments and trailing commas', () => {
    const text = '{\n  // why\n  "exclude": ["a/**",], /* block */\n}';
    assert.deepEqual(JSON.parse(stripJsonComments(text)), { exclude: ['a/**'] });
    assert.deepEqual(parseLeakproofConfig(text).problems, []);
    assert.equal(stripJsonComments('{"a": "http://x//y,]"}'), '{"a": "http://x//y,]"}');
  });

  it('reports syntax errors with a position and no source text', () => {
    const part = parseLeakproofConfig('{\n  "exclude": ["AKIAQ3EGUMZ7K4HL2NFW" "x"]\n}');
    assert.equal(part.problems!.length, 1);
    assert.match(part.problems![0].message, /^not valid JSON: .*line 2, column \d+/);
    assert.ok(!part.problems![0].message.includes('AKIA'));
    assert.match(parseLeakproofConfig('{"a": }').problems![0].message, /^not valid JSON: Unexpected token/);
    assert.ok(!parseLeakproofConfig('{"a": }').problems![0].message.includes('"a"'));
  });

  it('reports schema errors precisely and keeps the valid sections', () => {
    const part = parseLeakproofConfig(JSON.stringify({
      exclud: ['x'],
      exclude: ['dist/**'],
      allow: { regexes: ['(unclosed'] },
      rules: [{ id: 'Bad Id', title: 'x', pattern: 'x', examples: { positive: [] } }, acme],
    }));
    const messages = part.problems!.map((p) => p.message);
    assert.ok(messages.some((m) => /^\/: unknown property "exclud"/.test(m)), messages.join('\n'));
    assert.ok(messages.includes('/rules/0/id: must match ^[a-z0-9]+(?:-[a-z0-9]+)*$'));
    assert.ok(messages.includes('/rules/0/examples/positive: needs at least 1 item'));
    assert.ok(messages.some((m) => /^allow\.regexes: invalid regular expression/.test(m)));
    assert.ok(part.exclude![0].test('dist/a'));
    assert.deepEqual(part.customRules!.map((r) => r.id), ['acme-token']);
  });

  it('a non-object top level is a problem', () => {
    assert.match(parseLeakproofConfig('[]').problems![0].message, /must be an object, not an array/);
  });
});

describe('config: schema file', () => {
  it('is draft-07 and validates the example config', () => {
    assert.equal((SCHEMA as { $schema?: string }).$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(validateJson({ rules: [acme], testPaths: [] }, SCHEMA), []);
    assert.deepEqual(validateJson({ rules: [{ ...acme, confidence: 'sure', entropy: 9 }] }, SCHEMA), [
      '/rules/0/confidence: must be one of "high", "medium", "low"',
      '/rules/0/entropy: must be ≤ 8',
    ]);
  });
});

describe('config: user regexes', () => {
  it('accepts Go/Python spellings', () => {
    const r = compileUserRegex('(?i)(?P<secret>abc)\\z');
    assert.ok(r.ok && r.re.flags.includes('i') && r.re.test('xABC'));
    const bad = compileUserRegex('[');
    assert.ok(!bad.ok && /invalid regular expression/.test(bad.message));
  });

  it('rejects nested quantifiers (heuristic) and accepts linear patterns', () => {
    for (const p of ['(a+)+', '(.*)*', '(\\w+\\s?)+', '(?:[a-z]+)*$', '(x{2,})+']) assert.ok(catastrophicBacktrackingRisk(p), p);
    for (const p of ['\\bacme_[A-Za-z0-9]{20}\\b', '(?:ab)+', '(?:\\d{2})+', '[(]+x', '\\(a+\\)+', '(a|b)*c', '(?<secret>[a-f0-9]{32})']) {
      assert.equal(catastrophicBacktrackingRisk(p), undefined, p);
    }
  });
});

describe('config: custom rules', () => {
  it('compiles and self-checks its examples', () => {
    const ok = compileCustomRule(acme);
    assert.ok(ok.rule);
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.rule.confidence, 'medium');
  });

  it('reports failing examples but keeps the rule', () => {
    const r = compileCustomRule({ ...acme, examples: { positive: ['nothing'], negative: ['t = acme_Hq2Wt7Lp0VwX1NcY3kMb'] } });
    assert.ok(r.rule);
    assert.deepEqual(r.problems, ['rule "acme-token": positive example #1 is not flagged (check the pattern, keywords, entropy and that the value is not a placeholder)', 'rule "acme-token": negative example #1 is flagged']);
  });

  it('rejects ReDoS patterns, invalid regexes, missing examples and built-in ids', () => {
    assert.match(compileCustomRule({ ...acme, pattern: '(a+)+b' }).problems[0], /pattern rejected: nested quantifier .* \(heuristic check\)/);
    assert.match(compileCustomRule({ ...acme, pattern: '(' }).problems[0], /invalid regular expression/);
    assert.match(compileCustomRule({ ...acme, examples: { positive: [] } }).problems[0], /needs at least one positive example/);
    assert.match(compileCustomRule({ ...acme, id: 'aws-access-key-id' }).problems[0], /clashes with a built-in rule/);
    assert.equal(compileCustomRule({ ...acme, pattern: '(a+)+b' }).rule, undefined);
  });

  it('says when a built-in rule shadows the example', () => {
    const r = compileCustomRule({ id: 'my-aws', title: 'x', pattern: 'AKIA[A-Z2-7]{16}', keywords: ['akia'], confidence: 'low', examples: { positive: ['k = "AKIAQ3EGUMZ7K4HL2NFW"'] } });
    assert.match(r.problems[0], /reported by built-in rule "aws-access-key-id" instead/);
  });
});
