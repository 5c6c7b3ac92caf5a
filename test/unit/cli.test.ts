import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/main';

const FIXTURE = join(__dirname, '..', 'fixtures', 'cli', 'project');
const KEY_A = 'AKIAQ3EGUMZ7K4HL2NFW'; // in src/settings.ts
const KEY_B = 'ASIAY34FZKBOKMUTVV7A'; // in deploy/env.sh
const KEY_C = 'AKIAMZQ4T7XRB2KLW5HD';

interface Run { code: number; out: string; err: string }

async function run(argv: string[], cwd: string, stdin?: string): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => { out += s; } },
    stderr: { write: (s: string) => { err += s; } },
    stdin,
    cwd,
    env: {},
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  return { code, out, err };
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leakproof-cli-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('cli', () => {
  const dirs: string[] = [];
  const fresh = (): string => { const d = project(); dirs.push(d); return d; };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  describe('exit codes and text output', () => {
    it('exits 1 with findings, masked, sorted, with a summary line', async () => {
      const r = await run(['scan'], fresh());
      assert.equal(r.code, 1, r.err);
      const lines = r.out.trimEnd().split('\n');
      assert.match(lines[0], /^deploy\/env\.sh:2:26 {2}aws-access-key-id {2}AWS access key ID {2}ASIA… {2}\(high\)$/);
      assert.match(lines[1], /^src\/settings\.ts:2:29 {2}aws-access-key-id .* AKIA… {2}\(high\)$/);
      assert.equal(lines[2], '2 findings in 2 files (4 files scanned, 0 skipped)');
      assert.ok(!r.out.includes(KEY_A) && !r.out.includes(KEY_B), 'raw value printed without --reveal');
      assert.ok(!r.out.includes('\x1b['), 'colour when stdout is not a TTY');
    });

    it('exits 0 on a clean tree', async () => {
      const dir = fresh();
      const r = await run(['scan', 'src/clean.ts', 'docs'], dir);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '0 findings in 0 files (2 files scanned, 0 skipped)\n');
    });

    it('exits 2 on bad usage', async () => {
      const dir = fresh();
      for (const argv of [['scan', '--bogus'], ['scan', '--format', 'xml'], ['lint'], [], ['scan', '--min-confidence', 'huge'], ['scan', '--max-file-size', 'big'], ['scan', 'no/such/path']]) {
        const r = await run(argv, dir);
        assert.equal(r.code, 2, `${argv.join(' ')} → ${r.code}`);
        assert.match(r.err, /^leakproof: /);
      }
    });

    it('prints help and version', async () => {
      const dir = fresh();
      const help = await run(['--help'], dir);
      assert.equal(help.code, 0);
      assert.match(help.out, /Usage: leakproof scan/);
      const version = await run(['--version'], dir);
      assert.match(version.out, /^\d+\.\d+\.\d+\n$/);
    });

    it('reveals raw values only with --reveal', async () => {
      const r = await run(['scan', '--reveal', 'src'], fresh());
      assert.equal(r.code, 1);
      assert.ok(r.out.includes(KEY_A));
    });

    it('honours --min-confidence, --exclude and test-path demotion', async () => {
      const dir = fresh();
      mkdirSync(join(dir, 'test'));
      writeFileSync(join(dir, 'test', 'creds.ts'), `const k = "${KEY_C}";\n`);
      const all = await run(['scan', '--format', 'json'], dir);
      const demoted = JSON.parse(all.out).find((f: { path: string }) => f.path === 'test/creds.ts');
      assert.equal(demoted.confidence, 'medium');
      assert.equal(demoted.demoted, true);
      const high = await run(['scan', '--format', 'json', '--min-confidence', 'high'], dir);
      assert.deepEqual(JSON.parse(high.out).map((f: { path: string }) => f.path), ['deploy/env.sh', 'src/settings.ts']);
      const excluded = await run(['scan', '--exclude', 'deploy', '--exclude', '*.ts', '--verbose'], dir);
      assert.equal(excluded.code, 0, excluded.out);
      assert.match(excluded.err, /skipped deploy\/: excluded/);
    });
  });

  describe('formats', () => {
    it('json: one object per finding, masked by default', async () => {
      const r = await run(['scan', '--format', 'json'], fresh());
      assert.equal(r.code, 1);
      const items = JSON.parse(r.out) as Array<Record<string, unknown>>;
      assert.equal(items.length, 2);
      assert.deepEqual(Object.keys(items[1]).sort(), ['column', 'confidence', 'endColumn', 'endLine', 'fingerprint', 'line', 'path', 'preview', 'provider', 'ruleId', 'title'].sort());
      assert.deepEqual(
        { path: items[1].path, line: items[1].line, column: items[1].column, endLine: items[1].endLine, endColumn: items[1].endColumn, preview: items[1].preview },
        { path: 'src/settings.ts', line: 2, column: 29, endLine: 2, endColumn: 49, preview: 'AKIA…' },
      );
      assert.match(items[1].fingerprint as string, /^[0-9a-f]{64}$/);
      assert.ok(!r.out.includes(KEY_A));
      const revealed = JSON.parse((await run(['scan', '--format', 'json', '--reveal', 'src'], fresh())).out);
      assert.equal(revealed[0].value, KEY_A);
    });

    it('sarif: 2.1.0 with rules, levels, regions and fingerprints', async () => {
      const r = await run(['scan', '--format', 'sarif'], fresh());
      assert.equal(r.code, 1);
      assert.ok(!r.out.includes(KEY_A) && !r.out.includes(KEY_B));
      const log = JSON.parse(r.out);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif/);
      const runObj = log.runs[0];
      assert.equal(runObj.tool.driver.name, 'Leakproof');
      assert.match(runObj.tool.driver.version, /^\d+\.\d+\.\d+/);
      assert.ok(runObj.tool.driver.informationUri);
      const rule = runObj.tool.driver.rules[0];
      assert.equal(rule.id, 'aws-access-key-id');
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.helpUri);
      assert.equal(rule.defaultConfiguration.level, 'error');
      assert.ok(rule.properties.tags.includes('security'));
      assert.equal(runObj.results.length, 2);
      const res = runObj.results.find((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri === 'src/settings.ts');
      assert.equal(res.ruleId, 'aws-access-key-id');
      assert.equal(res.level, 'error');
      assert.match(res.message.text, /AKIA…/);
      assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 2, startColumn: 29, endLine: 2, endColumn: 49 });
      assert.match(res.partialFingerprints['leakproof/v1'], /^[0-9a-f]{64}$/);
    });
  });

  describe('baselines', () => {
    it('--write-baseline then --baseline: 0 findings; new secrets still reported', async () => {
      const dir = fresh();
      const w = await run(['scan', '--write-baseline', 'accepted.json'], dir);
      assert.equal(w.code, 0, w.err);
      assert.match(w.err, /wrote 2 fingerprints to accepted\.json/);
      const text = readFileSync(join(dir, 'accepted.json'), 'utf8');
      assert.ok(!text.includes(KEY_A) && !text.includes(KEY_B), 'baseline must not hold values');
      const doc = JSON.parse(text);
      assert.equal(doc.version, 1);
      const entries = Object.values(doc.fingerprints) as Array<{ ruleId: string; added: string }>;
      assert.deepEqual(entries.map((e) => [e.ruleId, e.added]), [['aws-access-key-id', '2026-01-02'], ['aws-access-key-id', '2026-01-02']]);

      const clean = await run(['scan', '--baseline', 'accepted.json'], dir);
      assert.equal(clean.code, 0, clean.out);
      // Content fingerprints: moving the secret to another line keeps it baselined.
      writeFileSync(join(dir, 'src', 'settings.ts'), `\n\n// moved\nexport const accessKeyId = "${KEY_A}";\n`);
      assert.equal((await run(['scan', '--baseline', 'accepted.json'], dir)).code, 0);
      writeFileSync(join(dir, 'src', 'new.ts'), `const k = "${KEY_C}";\n`);
      const again = await run(['scan', '--baseline', 'accepted.json'], dir);
      assert.equal(again.code, 1);
      assert.match(again.out, /^src\/new\.ts:1:12 /);
    });

    it('.leakproof-baseline.json at the root applies without flags, and rewriting it keeps its notes', async () => {
      const dir = fresh();
      await run(['scan', '--write-baseline', '.leakproof-baseline.json'], dir);
      assert.equal((await run(['scan'], dir)).code, 0);
      const path = join(dir, '.leakproof-baseline.json');
      const doc = JSON.parse(readFileSync(path, 'utf8'));
      const first = Object.keys(doc.fingerprints)[0];
      doc.fingerprints[first].note = 'rotated, kept for the demo';
      writeFileSync(path, JSON.stringify(doc));
      await run(['scan', '--write-baseline', '.leakproof-baseline.json'], dir);
      const rewritten = JSON.parse(readFileSync(path, 'utf8'));
      assert.equal(Object.keys(rewritten.fingerprints).length, 2, 'rewriting must not drop entries the old baseline hid');
      assert.equal(rewritten.fingerprints[first].note, 'rotated, kept for the demo');
    });
  });

  describe('inputs', () => {
    it('reads stdin for -', async () => {
      const dir = fresh();
      const r = await run(['scan', '-'], dir, `line one\nsecret = "${KEY_C}"\n`);
      assert.equal(r.code, 1);
      assert.match(r.out, /^-:2:11 {2}aws-access-key-id/);
      assert.equal((await run(['scan', '-'], dir, 'nothing here\n')).code, 0);
    });

    it('skips binary and too-large files (reason with --verbose)', async () => {
      const dir = fresh();
      writeFileSync(join(dir, 'blob.bin'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(`key=${KEY_C}`)]));
      writeFileSync(join(dir, 'big.txt'), `k = "${KEY_C}"\n` + 'a'.repeat(5000));
      const r = await run(['scan', '--verbose', '--max-file-size', '4KB'], dir);
      assert.match(r.err, /skipped blob\.bin: binary/);
      assert.match(r.err, /skipped big\.txt: too-large/);
      assert.ok(!r.out.includes('blob.bin') && !r.out.includes('big.txt'));
      assert.match(r.out, /\(4 files scanned, 2 skipped\)/);
    });

    it('never enters .git or node_modules', async () => {
      const dir = fresh();
      mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'pkg', 'index.js'), `k="${KEY_C}"`);
      const r = await run(['scan', '--format', 'json'], dir);
      assert.ok(!r.out.includes('node_modules'));
    });

    it('--pre-commit scans the staged blobs, not the working tree', async function () {
      if (spawnSync('git', ['--version']).status !== 0) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'leakproof-git-'));
      dirs.push(dir);
      const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      git('init', '-q');
      git('config', 'user.email', 't@t.invalid');
      git('config', 'user.name', 't');
      writeFileSync(join(dir, 'app.ts'), 'export const k = process.env.KEY;\n');
      git('add', 'app.ts');
      // Working tree leaks, index is clean → 0.
      writeFileSync(join(dir, 'app.ts'), `export const k = "${KEY_C}";\n`);
      let r = await run(['scan', '--pre-commit'], dir);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /\(1 file scanned/);
      // Index leaks, working tree cleaned → 1, reported at the staged position.
      git('add', 'app.ts');
      writeFileSync(join(dir, 'app.ts'), 'export const k = process.env.KEY;\n');
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'untracked.ts'), `const k = "${KEY_A}";\n`);
      r = await run(['scan', '--pre-commit'], join(dir, 'sub'));
      assert.equal(r.code, 1, r.out + r.err);
      assert.match(r.out, /^\.\.\/app\.ts:1:19 {2}aws-access-key-id/);
      assert.ok(!r.out.includes('untracked'));
    });
  });

  describe('policy files', () => {
    it('honours .gitleaks.toml, .secrets.baseline and .gitguardian.yaml at the root', async () => {
      const dir = fresh();
      writeFileSync(join(dir, '.gitleaks.toml'), "[allowlist]\ndescription = \"deploy scripts\"\npaths = ['''^deploy/''']\n");
      let r = await run(['scan', '--format', 'json'], dir);
      assert.deepEqual(JSON.parse(r.out).map((f: { path: string }) => f.path), ['src/settings.ts']);

      const { createHash } = await import('node:crypto');
      const sha1 = createHash('sha1').update(KEY_A).digest('hex');
      writeFileSync(join(dir, '.secrets.baseline'), JSON.stringify({ version: '1.5.0', results: { 'src/settings.ts': [{ type: 'AWS Access Key', filename: 'src/settings.ts', hashed_secret: sha1, is_verified: false, line_number: 2 }] } }));
      r = await run(['scan'], dir);
      assert.equal(r.code, 0, r.out);

      // The same value in another file is not covered by detect-secrets' per-file baseline…
      writeFileSync(join(dir, 'src', 'copy.ts'), `const k = "${KEY_A}";\n`);
      r = await run(['scan'], dir);
      assert.equal(r.code, 1);
      // …but GitGuardian's ignored_matches applies anywhere.
      const sha256 = createHash('sha256').update(KEY_A).digest('hex');
      writeFileSync(join(dir, '.gitguardian.yaml'), `version: 2\nsecret:\n  ignored_matches:\n    - name: demo key\n      match: ${sha256}\n`);
      r = await run(['scan'], dir);
      assert.equal(r.code, 0, r.out);
    });

    it('reports a malformed .leakproof.json and still scans', async () => {
      const dir = fresh();
      writeFileSync(join(dir, '.leakproof.json'), '{ "exclude": ["deploy/**"], }}');
      const r = await run(['scan'], dir);
      assert.equal(r.code, 1);
      assert.match(r.err, /warning: \.leakproof\.json: not valid JSON/);
      assert.match(r.out, /2 findings/);
    });

    it('--config points at another .leakproof.json; a ReDoS custom rule is rejected with a message', async () => {
      const dir = fresh();
      writeFileSync(join(dir, 'token.txt'), 'acme_token = acme_Zq8Rt3Lp0VwX1NcY7kMa\n');
      writeFileSync(join(dir, 'policy.json'), JSON.stringify({
        exclude: ['deploy/**', 'policy.json'],
        rules: [
          { id: 'acme-token', title: 'Acme token', pattern: '\\bacme_[A-Za-z0-9]{20}\\b', keywords: ['acme_'], confidence: 'high', examples: { positive: ['t = acme_Hq2Wt7Lp0VwX1NcY3kMb'] } },
          { id: 'slow-rule', title: 'Slow', pattern: '(\\w+\\s?)+$', examples: { positive: ['aaa'] } },
        ],
      }));
      const r = await run(['scan', '--config', 'policy.json', '--format', 'json'], dir);
      assert.match(r.err, /rule "slow-rule": pattern rejected: nested quantifier/);
      const items = JSON.parse(r.out) as Array<{ path: string; ruleId: string; preview: string }>;
      assert.deepEqual(items.map((f) => [f.path, f.ruleId]), [['src/settings.ts', 'aws-access-key-id'], ['token.txt', 'acme-token']]);
      assert.equal(items[1].preview, 'acme…');
      const sarif = JSON.parse((await run(['scan', '--config', 'policy.json', '--format', 'sarif'], dir)).out);
      assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'acme-token'));
    });
  });

  describe('bundled dist/cli.js', () => {
    it('runs as a child process with a shebang', async function () {
      this.timeout(60000);
      const out = mkdtempSync(join(tmpdir(), 'leakproof-dist-'));
      dirs.push(out);
      const cli = join(out, 'cli.js');
      // Same options as scripts/build.mjs for the CLI entry, into a temp dir so the repo's dist/ is untouched.
      const esbuild = await import('esbuild');
      await esbuild.build({
        entryPoints: [join(__dirname, '..', '..', 'src', 'cli', 'main.ts')], outfile: cli, bundle: true, platform: 'node',
        format: 'cjs', target: 'node20', logLevel: 'silent', banner: { js: '#!/usr/bin/env node' },
      });
      assert.ok(existsSync(cli));
      assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
      const dir = fresh();
      const r = spawnSync(process.execPath, [cli, 'scan', '--no-color'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /2 findings in 2 files/);
      const piped = spawnSync(process.execPath, [cli, 'scan', '-'], { cwd: dir, encoding: 'utf8', input: 'nothing\n' });
      assert.equal(piped.status, 0, piped.stderr);
      assert.equal(spawnSync(process.execPath, [cli, 'scan', '--nope'], { cwd: dir }).status, 2);
    });
  });
});
