import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkIgnored, isTracked } from '../../src/core/gitignore/checkIgnored';
import { planGitignoreEntry } from '../../src/core/gitignore/plan';

describe('gitignore/plan', () => {
  it('creates the file, appends with the right line ending, or says it is there', () => {
    const created = planGitignoreEntry(undefined);
    assert.ok(created.kind === 'append' && created.createFile && created.newText === '.env\n');
    const crlf = planGitignoreEntry('node_modules\r\ndist');
    assert.ok(crlf.kind === 'append');
    assert.deepEqual(crlf.edits, [{ start: 'node_modules\r\ndist'.length, end: 'node_modules\r\ndist'.length, text: '\r\n.env\r\n' }]);
    const lf = planGitignoreEntry('node_modules/\n');
    assert.ok(lf.kind === 'append' && lf.newText === 'node_modules/\n.env\n');
    assert.deepEqual(planGitignoreEntry('dist\n/.env\n'), { kind: 'present', line: 1 });
    assert.deepEqual(planGitignoreEntry('**/.env  \n'), { kind: 'present', line: 0 });
  });

  it('does not count a commented or negated entry', () => {
    assert.equal(planGitignoreEntry('# .env\n').kind, 'append');
    assert.equal(planGitignoreEntry('.env\n!.env\n').kind, 'append');
    assert.equal(planGitignoreEntry('.env.local\n').kind, 'append');
    assert.equal(planGitignoreEntry('!.env\n.env\n').kind, 'present');
  });
});

describe('gitignore/checkIgnored (real git)', function () {
  this.timeout(20000);
  let root = '';
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'leakproof-gitignore-'));
    git('init', '-q');
    git('config', 'user.email', 't@t.invalid');
    git('config', 'user.name', 't');
    git('config', 'core.excludesFile', '/dev/null');
    git('config', 'commit.gpgsign', 'false');
    writeFileSync(join(root, '.gitignore'), '.env\n');
    mkdirSync(join(root, 'app', 'public'), { recursive: true });
    // A nested .gitignore that re-includes .env below it.
    writeFileSync(join(root, 'app', 'public', '.gitignore'), '!.env\n');
    mkdirSync(join(root, 'tracked'));
    writeFileSync(join(root, 'tracked', '.env'), 'A=1\n');
    git('add', '-f', 'tracked/.env');
    git('commit', '-q', '-m', 'x');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('answers ignored / not-ignored, honouring nested files and negation', async () => {
    assert.equal(await checkIgnored('.env', root), 'ignored');
    assert.equal(await checkIgnored('app/.env', root), 'ignored');
    assert.equal(await checkIgnored('app/public/.env', root), 'not-ignored');
    assert.equal(await checkIgnored('.env', join(root, 'app')), 'ignored');
    assert.equal(await checkIgnored('.env.example', root), 'not-ignored');
  });

  it('judges tracked files by the rules, and reports that they are tracked', async () => {
    assert.equal(await checkIgnored('tracked/.env', root), 'ignored');
    assert.equal(await isTracked('tracked/.env', root), true);
    assert.equal(await isTracked('.env', root), false);
  });

  it('reports a folder outside any repository, and a missing git', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'leakproof-norepo-'));
    try {
      assert.equal(await checkIgnored('.env', outside), 'not-a-repo');
      assert.equal(await isTracked('.env', outside), undefined);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    assert.equal(await checkIgnored('.env', root, { gitPath: '/nonexistent/git' }), 'git-unavailable');
  });
});
