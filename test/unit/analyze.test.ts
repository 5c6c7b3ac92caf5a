import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyze, isPathExcluded } from '../../src/core/analyze';
import { buildPolicy } from '../../src/core/allowlist/buildPolicy';
import { emptyPolicy } from '../../src/core/allowlist/policy';
import { fingerprint } from '../../src/core/fingerprint';

const KEY = 'AKIAQ3EGUMZ7K4HL2NFW';
const KEY2 = 'AKIAMZQ4T7XRB2KLW5HD';
const TEXT = `const a = "${KEY}";\nconst b = "${KEY2}"; // sandbox account\n`;
const sha = (alg: string, v: string): string => createHash(alg).update(v).digest('hex');
const ids = (text: string, opts: Parameters<typeof analyze>[1]): string[] => analyze(text, opts).map((f) => text.slice(f.start, f.end));

describe('analyze', () => {
  it('without policy entries returns the scanner findings', () => {
    const found = analyze(TEXT, { path: 'src/a.ts', policy: emptyPolicy() });
    assert.deepEqual(found.map((f) => [f.ruleId, f.confidence, f.demoted]), [['aws-access-key-id', 'high', undefined], ['aws-access-key-id', 'high', undefined]]);
  });

  it('demotes findings in test and fixture paths one level, with a flag', () => {
    for (const path of ['test/a.ts', 'pkg/__tests__/a.ts', 'src/a.spec.js', 'x/fixtures/y.json', 'examples/demo.py', '/abs/repo/tests/a.py']) {
      const found = analyze(TEXT, { path, policy: emptyPolicy() });
      assert.deepEqual(found.map((f) => [f.confidence, f.demoted]), [['medium', true], ['medium', true]], path);
    }
    assert.deepEqual(analyze(TEXT, { path: 'test/a.ts', policy: emptyPolicy(), minConfidence: 'high' }), []);
    const custom = buildPolicy([{ name: '.leakproof.json', text: '{"testPaths": []}' }]);
    assert.equal(analyze(TEXT, { path: 'test/a.ts', policy: custom })[0].confidence, 'high');
  });

  it('matches policy globs relative to the workspace root', () => {
    const policy = buildPolicy([{ name: '.leakproof.json', text: '{"allow": {"paths": ["src/legacy/**"]}}' }]);
    assert.deepEqual(analyze(TEXT, { path: '/repo/src/legacy/a.ts', workspaceRoot: '/repo', policy }), []);
    assert.equal(analyze(TEXT, { path: '/repo/src/a.ts', workspaceRoot: '/repo', policy }).length, 2);
    assert.ok(isPathExcluded(policy, 'src/legacy/x'));
  });

  it('applies value regexes and stopwords to the value only', () => {
    const policy = buildPolicy([{ name: '.leakproof.json', text: `{"allow": {"regexes": ["^AKIAQ3"], "stopwords": ["sandbox"]}}` }]);
    // "sandbox" is in KEY2's line, not in its value: still reported.
    assert.deepEqual(ids(TEXT, { path: 'a.ts', policy }), [KEY2]);
    const byWord = buildPolicy([{ name: '.leakproof.json', text: '{"allow": {"stopwords": ["B2KLW"]}}' }]);
    assert.deepEqual(ids(TEXT, { path: 'a.ts', policy: byWord }), [KEY]);
  });

  it('drops baseline fingerprints and disabled rules', () => {
    const baseline = JSON.stringify({ version: 1, fingerprints: { [fingerprint('aws-access-key-id', KEY)]: { ruleId: 'aws-access-key-id' } } });
    assert.deepEqual(ids(TEXT, { path: 'a.ts', policy: buildPolicy([{ name: '.leakproof-baseline.json', text: baseline }]) }), [KEY2]);
    const disabled = buildPolicy([{ name: '.leakproof.json', text: '{"disableRules": ["aws-access-key-id"]}' }]);
    assert.deepEqual(analyze(TEXT, { path: 'a.ts', policy: disabled }), []);
  });

  it('honours detect-secrets hashes in their own file only', () => {
    const policy = buildPolicy([{ name: '.secrets.baseline', text: JSON.stringify({ results: { 'src/a.ts': [{ hashed_secret: sha('sha1', KEY), type: 'AWS Access Key' }] } }) }]);
    assert.deepEqual(ids(TEXT, { path: 'src/a.ts', policy }), [KEY2]);
    assert.deepEqual(ids(TEXT, { path: 'src/b.ts', policy }), [KEY, KEY2]);
  });

  it('honours GitGuardian matches by SHA-256 or by value, anywhere', () => {
    const policy = buildPolicy([{ name: '.gitguardian.yaml', text: `secret:\n  ignored_matches:\n    - match: ${sha('sha256', KEY)}\n    - match: ${KEY2}\n` }]);
    assert.deepEqual(analyze(TEXT, { path: 'any/where.ts', policy }), []);
  });

  it('honours .gitleaksignore file:rule:line entries by file and line', () => {
    const policy = buildPolicy([{ name: '.gitleaksignore', text: 'src/a.ts:aws-access-token:2\n' }]);
    assert.deepEqual(ids(TEXT, { path: 'src/a.ts', policy }), [KEY]);
    assert.equal(analyze(TEXT, { path: 'src/other.ts', policy }).length, 2);
  });

  it('gitleaks AND allowlists need every criterion; line targets see the line', () => {
    const toml = "[[allowlists]]\ncondition = 'AND'\nregexTarget = 'line'\nregexes = ['''sandbox''']\npaths = ['''^infra/''']\n";
    const policy = buildPolicy([{ name: '.gitleaks.toml', text: toml }]);
    assert.deepEqual(ids(TEXT, { path: 'infra/a.ts', policy }), [KEY]);
    assert.deepEqual(ids(TEXT, { path: 'src/a.ts', policy }), [KEY, KEY2]);
    assert.ok(!isPathExcluded(policy, 'infra/a.ts'), 'an AND entry never excludes a whole file');
  });

  it('runs custom rules from the policy and reports why findings were suppressed, without values', () => {
    const policy = buildPolicy([
      { name: '.leakproof.json', text: JSON.stringify({ rules: [{ id: 'acme-token', title: 'Acme token', pattern: '\\bacme_[A-Za-z0-9]{20}\\b', keywords: ['acme_'], examples: { positive: ['acme_Hq2Wt7Lp0VwX1NcY3kMb'] } }] }) },
      { name: '.leakproof-baseline.json', text: JSON.stringify({ version: 1, fingerprints: { [fingerprint('aws-access-key-id', KEY)]: { ruleId: 'aws-access-key-id' } } }) },
    ]);
    const reasons: string[] = [];
    const text = `${TEXT}token = acme_Zq8Rt3Lp0VwX1NcY7kMa\n`;
    const found = analyze(text, { path: 'a.ts', policy, onSuppressed: (f, why) => reasons.push(`${f.ruleId} ${f.preview} ${why}`) });
    assert.deepEqual(found.map((f) => f.ruleId), ['aws-access-key-id', 'acme-token']);
    assert.deepEqual(reasons, ['aws-access-key-id AKIA… baseline']);
  });

  it('config exclude removes the file entirely', () => {
    const policy = buildPolicy([{ name: '.leakproof.json', text: '{"exclude": ["*.lock"]}' }]);
    assert.deepEqual(analyze(TEXT, { path: 'deep/yarn.lock', policy }), []);
  });
});
