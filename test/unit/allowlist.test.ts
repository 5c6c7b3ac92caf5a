import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMiniYaml } from '../../src/core/allowlist/miniYaml';
import { parseGitGuardian } from '../../src/core/allowlist/gitguardian';
import { parseGitleaksToml } from '../../src/core/allowlist/gitleaksToml';
import { parseGitleaksIgnore } from '../../src/core/allowlist/gitleaksIgnore';
import { parseDetectSecretsBaseline } from '../../src/core/allowlist/detectSecrets';
import { buildBaseline, parseBaseline } from '../../src/core/allowlist/baseline';
import { buildPolicy } from '../../src/core/allowlist/buildPolicy';
import { loadPolicy } from '../../src/core/allowlist/loadPolicy';
import { globMatcher, policyPath } from '../../src/core/allowlist/paths';

describe('allowlist: paths', () => {
  it('globs without a slash match names anywhere; folders cover their contents', () => {
    assert.ok(globMatcher('*.min.js').test('web/app.min.js'));
    assert.ok(globMatcher('vendor').test('vendor'));
    assert.ok(globMatcher('vendor').test('lib/vendor/x.js'));
    assert.ok(globMatcher('vendor/**').test('vendor'));
    assert.ok(globMatcher('docs/').test('docs/a/b.md'));
    assert.ok(globMatcher('./src/gen/*.ts').test('src/gen/a.ts'));
    assert.ok(!globMatcher('src/gen/*.ts').test('other/src/gen/a.ts'));
    assert.ok(globMatcher('**/test/**').test('.hidden/test/a.ts'));
  });

  it('policyPath is root-relative with forward slashes', () => {
    assert.equal(policyPath('/repo/src/a.ts', '/repo'), 'src/a.ts');
    assert.equal(policyPath('/repo/src/a.ts', '/repo/'), 'src/a.ts');
    assert.equal(policyPath('./src\\a.ts'), 'src/a.ts');
    assert.equal(policyPath('/elsewhere/test/a.ts', '/repo'), 'elsewhere/test/a.ts');
  });
});

describe('allowlist: mini YAML', () => {
  it('reads the .gitguardian.yaml shapes', () => {
    const doc = parseMiniYaml([
      '# comment',
      'version: 2',
      'secret:',
      '  ignored_paths:',
      "  - '**/README.md'",
      '  - doc/*  # trailing comment',
      '  ignored_matches:',
      '    - name:',
      '      match: 530e5a4a7ea00814db8845dd0cae5efaa4b974a3ce1c76d0384ba715248a5dc1',
      '    - name: "it\'s a credential"',
      "      match: 'MY_TEST_CREDENTIAL'",
      '  ignored_detectors: [Generic Password, "Other"]',
      'exit_zero: false',
    ].join('\n'));
    assert.deepEqual(doc, {
      version: '2',
      secret: {
        ignored_paths: ['**/README.md', 'doc/*'],
        ignored_matches: [
          { name: null, match: '530e5a4a7ea00814db8845dd0cae5efaa4b974a3ce1c76d0384ba715248a5dc1' },
          { name: "it's a credential", match: 'MY_TEST_CREDENTIAL' },
        ],
        ignored_detectors: ['Generic Password', 'Other'],
      },
      exit_zero: 'false',
    });
  });

  it('rejects what it does not support with a line number', () => {
    assert.throws(() => parseMiniYaml('a: |\n  text\n'), /line 1: block scalars/);
    assert.throws(() => parseMiniYaml('a: &x 1\n'), /anchors/);
  });
});

describe('allowlist: GitGuardian', () => {
  it('v2 and v1 keys; bad YAML is a problem, not a throw', () => {
    const v2 = parseGitGuardian('version: 2\nsecret:\n  ignored_paths: ["fixtures/**"]\n  ignored_matches:\n    - match: ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789\n');
    assert.ok(v2.ignoredMatches!.includes('abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789'));
    assert.ok(v2.allow![0].paths[0].test('fixtures/a.json'));
    const v1 = parseGitGuardian('paths-ignore:\n  - "*.lock"\nmatches-ignore:\n  - name: x\n    match: rawvalue123\n');
    assert.deepEqual(v1.ignoredMatches, ['rawvalue123']);
    assert.ok(v1.allow![0].paths[0].test('deep/yarn.lock'));
    const bad = parseGitGuardian('secret:\n  ignored_paths: |\n    x\n');
    assert.equal(bad.problems!.length, 1);
    assert.match(bad.problems![0].message, /could not read YAML/);
  });
});

describe('allowlist: gitleaks', () => {
  it('[allowlist] and [[allowlists]] with regexTarget, stopwords, AND, (?i)', () => {
    const part = parseGitleaksToml([
      '[extend]', 'useDefault = true',
      '[allowlist]', 'paths = [\'\'\'(?i)\\.snap$\'\'\']', "regexes = ['''^AKIA.*TEST$''']", "stopwords = ['Sandbox']",
      '[[allowlists]]', 'condition = "AND"', "regexTarget = 'line'", "regexes = ['''allow-this''']", "paths = ['''^legacy/''']",
      '[[allowlists]]', "targetRules = ['aws-access-token']", "regexes = ['''.*''']",
      '[[allowlists]]', "regexes = ['''([''']",
    ].join('\n'));
    assert.equal(part.allow!.length, 2);
    const [first, second] = part.allow!;
    assert.ok(first.paths[0].test('ui/Button.SNAP'));
    assert.ok(first.valueRegexes[0].test('AKIAFOOTEST'));
    assert.deepEqual(first.stopwords, ['sandbox']);
    assert.equal(second.condition, 'and');
    assert.equal(second.lineRegexes.length, 1);
    const messages = part.problems!.map((p) => p.message).join('\n');
    assert.match(messages, /targetRules .* not applied/);
    assert.match(messages, /invalid regular expression/);
  });

  it('invalid TOML is a problem', () => {
    const part = parseGitleaksToml('[allowlist\npaths = 1');
    assert.match(part.problems![0].message, /not valid TOML/);
  });

  it('.gitleaksignore: file:rule:line and commit:file:rule:line', () => {
    const part = parseGitleaksIgnore([
      '# comment', 'src/config.ts:aws-access-token:12',
      '0123456789abcdef0123456789abcdef01234567:deploy/env.sh:generic-api-key:3', 'garbage',
    ].join('\n'));
    assert.deepEqual(part.ignoredLines, [['src/config.ts', 12], ['deploy/env.sh', 3]]);
    assert.match(part.problems![0].message, /1 line not in the form/);
  });
});

describe('allowlist: detect-secrets', () => {
  it('hashes per file, skips audited real secrets, reads exclude regexes of 0.x and 1.x', () => {
    const part = parseDetectSecretsBaseline(JSON.stringify({
      version: '1.5.0',
      filters_used: [
        { path: 'detect_secrets.filters.regex.should_exclude_file', pattern: ['^vendor/'] },
        { path: 'detect_secrets.filters.regex.should_exclude_line', pattern: ['nosecret'] },
        { path: 'detect_secrets.filters.heuristic.is_sequential_string' },
      ],
      exclude: { files: '\\.lock$', lines: null },
      results: {
        'src/a.py': [{ type: 'Secret Keyword', hashed_secret: 'AA11', line_number: 3 }, { type: 'x', hashed_secret: 'bb22', is_secret: true }],
      },
    }));
    assert.deepEqual(part.hashedSecrets, [['src/a.py', 'AA11']]);
    const entry = part.allow![0];
    assert.deepEqual(['yarn.lock', 'vendor/x.js', 'src/vendor.js'].map((f) => entry.paths.some((p) => p.test(f))), [true, true, false]);
    assert.equal(entry.lineRegexes.length, 1);
    assert.match(parseDetectSecretsBaseline('{').problems![0].message, /not a valid detect-secrets baseline/);
  });
});

describe('allowlist: Leakproof baseline', () => {
  const fp = (c: string): string => c.repeat(64);
  it('is stable: sorted keys, fixed entry shape, notes kept, no values', () => {
    const a = buildBaseline([{ fingerprint: fp('b'), ruleId: 'r2' }, { fingerprint: fp('a'), ruleId: 'r1' }], { added: '2026-01-01' });
    const b = buildBaseline([{ fingerprint: fp('a'), ruleId: 'r1' }, { fingerprint: fp('b'), ruleId: 'r2' }], { added: '2026-01-01' });
    assert.equal(a, b);
    assert.deepEqual(Object.keys(JSON.parse(a).fingerprints), [fp('a'), fp('b')]);
    const parsed = parseBaseline(a);
    assert.deepEqual(parsed.baseline, [fp('a'), fp('b')]);
    const withNote = buildBaseline([{ fingerprint: fp('a'), ruleId: 'r1' }], {
      previous: { [fp('a')]: { ruleId: 'r1', note: 'accepted', added: '2025-05-05' } }, added: '2026-01-01',
    });
    assert.deepEqual(JSON.parse(withNote).fingerprints[fp('a')], { ruleId: 'r1', note: 'accepted', added: '2025-05-05' });
  });

  it('reports malformed files and entries', () => {
    assert.match(parseBaseline('[]').problems![0].message, /expected \{ "version": 1/);
    const bad = parseBaseline(JSON.stringify({ version: 1, fingerprints: { nothex: {}, [fp('c')]: { ruleId: 'x' } } }));
    assert.deepEqual(bad.baseline, [fp('c')]);
    assert.match(bad.problems![0].message, /1 entry is not/);
  });
});

describe('allowlist: loading', () => {
  it('buildPolicy merges every file; one broken file does not stop the others', () => {
    const policy = buildPolicy([
      { name: '.leakproof.json', text: '{ "exclude": [' },
      { name: '.gitleaks.toml', text: "[allowlist]\nstopwords = ['sandbox']" },
      { name: '.gitleaksignore', text: 'a.ts:r:1' },
      { name: 'weird.txt', text: '' },
    ]);
    assert.deepEqual(policy.problems.map((p) => p.file), ['.leakproof.json', 'weird.txt']);
    assert.equal(policy.allow.length, 1);
    assert.ok(policy.ignoredLines.get('a.ts')!.has(1));
    assert.deepEqual(policy.sources, ['.leakproof.json', '.gitleaks.toml', '.gitleaksignore']);
  });

  it('loadPolicy reads existing files only; a missing --config/--baseline is a problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakproof-policy-'));
    try {
      writeFileSync(join(dir, '.gitguardian.yml'), 'paths-ignore: ["x/**"]\n');
      const policy = await loadPolicy(dir, { baselineFiles: [join(dir, 'missing.json')] });
      assert.deepEqual(policy.sources, ['.gitguardian.yml']);
      assert.equal(policy.problems.length, 1);
      assert.match(policy.problems[0].message, /file not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
