// Runs inside the real extension host (see host.ts): the quick fixes that move a secret out of the
// code, asserted on disk, and the SecretStorage path with its injection into terminals and debug.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse as parseDotenv } from 'dotenv';
import { closeEverything, until, workspaceFile } from './support';

const SOURCE = 'Leakproof';

function root(): vscode.Uri {
  return workspaceFile('.');
}

function file(relative: string): string {
  return workspaceFile(relative).fsPath;
}

function read(relative: string): string {
  return readFileSync(file(relative), 'utf8');
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}


async function diagnosticsFor(relative: string): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  const uri = vscode.Uri.file(file(relative));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostic = await until(`a Leakproof diagnostic in ${relative}`, () =>
    vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE));
  return { document, diagnostic };
}

/** The quick fixes VS Code itself offers at the diagnostic (tsserver may cancel the first asks). */
async function codeActionsAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return until('code actions', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions?.filter((a) => a.title.includes('.env') || a.title.startsWith('Leakproof') || a.title.includes('keychain'));
    return mine && mine.length > 0 ? mine : undefined;
  });
}


async function runFix(action: vscode.CodeAction, options: { name: string }): Promise<void> {
  assert.ok(action.command, `${action.title} carries a command`);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), options);
}

async function fixWith(relative: string, titlePart: string, name: string): Promise<{ before: string; secret: string }> {
  const { document, diagnostic } = await diagnosticsFor(relative);
  const secret = document.getText(diagnostic.range);
  const before = document.getText();
  const actions = await codeActionsAt(document, diagnostic.range);
  const action = actions.find((a) => a.title.includes(titlePart));
  assert.ok(action, `a "${titlePart}" quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
  await runFix(action, { name });
  return { before, secret };
}

describe('quick fixes: move to .env', () => {
  const envBefore = (): string => read('.env');
  let originalEnv = '';

  before(() => {
    // A real git repository, so whether .env is ignored is asked of git itself.
    execFileSync('git', ['init', '-q'], { cwd: root().fsPath });
    originalEnv = envBefore();
  });

  after(closeEverything);

  it('JavaScript: offers the fixes, the preferred one first, and rewrites the file, .env, .env.example and .gitignore', async () => {
    const { document, diagnostic } = await diagnosticsFor('extract/billing.js');
    const actions = await codeActionsAt(document, diagnostic.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /Move .* to \.env/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => t.includes('OS keychain')), titles.join(' | '));
    assert.ok(titles.includes('Leakproof: ignore this line'), titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred && /to \.env/.test(preferred.title), 'Move to .env is the preferred fix');
    const secret = document.getText(diagnostic.range);
    await runFix(preferred, { name: 'AWS_ACCESS_KEY_ID' });

    await until('billing.js rewritten on disk', () => read('extract/billing.js').includes('process.env.AWS_ACCESS_KEY_ID') || undefined);
    const source = read('extract/billing.js');
    assert.ok(!source.includes(secret), 'the literal is gone from the source');
    assert.match(source, /const awsAccessKeyId = process\.env\.AWS_ACCESS_KEY_ID;/);

    const env = read('.env');
    assert.ok(env.startsWith(originalEnv), 'every byte of the existing .env is kept (CRLF, comments, no trailing newline)');
    const parsed = parseDotenv(env);
    assert.equal(parsed.AWS_ACCESS_KEY_ID, secret, 'dotenv reads back exactly the value');
    assert.equal(parsed.APP_MODE, 'dev');
    assert.equal(parsed.GREETING, 'hello\r\nworld'.replace(/\r\n/g, '\n'));
    assert.equal(parseDotenv(read('.env.example')).AWS_ACCESS_KEY_ID, '');
    assert.ok(!read('.env.example').includes(secret), '.env.example holds no value');
    assert.match(read('.gitignore'), /^\.env$/m);
    const ignored = execFileSync('git', ['check-ignore', '-q', '.env'], { cwd: root().fsPath, stdio: 'ignore' });
    void ignored; // throws (exit 1) when git would not ignore .env
  });

  it('Python: uses os.environ and adds import os once', async () => {
    const { secret } = await fixWith('extract/app.py', 'to .env', 'PY_AWS_KEY');
    const source = await until('app.py rewritten', () => { const s = read('extract/app.py'); return s.includes('os.environ') ? s : undefined; });
    assert.match(source, /aws_key = os\.environ\["PY_AWS_KEY"\]/);
    assert.equal(source.match(/^import os$/gm)?.length, 1, 'import os added exactly once');
    assert.ok(source.indexOf('import os') > source.indexOf('"""Fixture'), 'after the module docstring');
    assert.equal(parseDotenv(read('.env')).PY_AWS_KEY, secret);
    assert.equal(read('.gitignore').match(/^\.env$/gm)?.length, 1, '.gitignore not appended twice: git already ignores .env');
  });

  it('Go: uses os.Getenv and adds "os" to the imports', async () => {
    const { secret } = await fixWith('extract/main.go', 'to .env', 'GO_AWS_KEY');
    const source = await until('main.go rewritten', () => { const s = read('extract/main.go'); return s.includes('os.Getenv') ? s : undefined; });
    assert.match(source, /key := os\.Getenv\("GO_AWS_KEY"\)/);
    assert.match(source, /"os"/);
    assert.match(source, /"fmt"/);
    assert.equal(parseDotenv(read('.env')).GO_AWS_KEY, secret);
    assert.ok(!source.includes(secret));
  });

  it('refuses a name that already holds a different value in .env', async () => {
    const { document, diagnostic } = await diagnosticsFor('extract/keychain.js');
    const actions = await codeActionsAt(document, diagnostic.range);
    const action = actions.find((a) => a.isPreferred);
    assert.ok(action?.command);
    const before = read('extract/keychain.js');
    const envBeforeFix = read('.env');
    // The command wrapper shows the error; the files must stay as they were.
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), { name: 'PY_AWS_KEY' });
    assert.equal(read('extract/keychain.js'), before);
    assert.equal(read('.env'), envBeforeFix);
  });
});

describe('quick fixes: move to the OS keychain, injected into terminals and debug sessions', () => {
  const NAME = 'DEPLOY_KEY';
  let secret = '';

  after(async () => {
    for (const t of vscode.window.terminals) t.dispose();
    await vscode.debug.stopDebugging();
    await closeEverything();
  });

  it('stores the value in SecretStorage and replaces the literal with process.env', async () => {
    const envBefore = read('.env');
    ({ secret } = await fixWith('extract/keychain.js', 'OS keychain', NAME));
    const source = await until('keychain.js rewritten', () => { const s = read('extract/keychain.js'); return s.includes('process.env.DEPLOY_KEY') ? s : undefined; });
    assert.ok(!source.includes(secret));
    assert.equal(read('.env'), envBefore, '.env untouched by the keychain fix');
    const context = (globalThis as { leakproofTestContext?: vscode.ExtensionContext }).leakproofTestContext;
    assert.ok(context, 'test context exposed by the extension');
    const keys = Object.keys(context.workspaceState.get<Record<string, unknown>>('leakproof.secrets.meta') ?? {});
    assert.deepEqual(keys, [NAME], 'metadata (no value) kept in workspace state');
  });

  it('a new terminal sees the stored secret as an environment variable', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'leakproof-term-'));
    const out = join(outDir, 'hash');
    const terminal = vscode.window.createTerminal({ name: 'leakproof-test', cwd: root().fsPath });
    // Only a hash leaves the shell: the value itself is never written to a file.
    terminal.sendText(`printf %s "$${NAME}" | sha256sum | cut -c1-64 > ${out}`);
    const hash = await until('the terminal to write the hash', () => (existsSync(out) && statSync(out).size >= 64 ? readFileSync(out, 'utf8').trim() : undefined), 20000);
    assert.equal(hash, sha256(secret));
  });

  it('a task run in a terminal sees the stored secret', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'leakproof-task-'));
    const out = join(outDir, 'hash');
    const task = new vscode.Task({ type: 'shell' }, vscode.TaskScope.Workspace, 'leakproof-probe', 'leakproof-test',
      new vscode.ShellExecution(`printf %s "$${NAME}" | sha256sum | cut -c1-64 > ${out}`));
    await vscode.tasks.executeTask(task);
    const hash = await until('the task to write the hash', () => (existsSync(out) && statSync(out).size >= 64 ? readFileSync(out, 'utf8').trim() : undefined), 20000);
    assert.equal(hash, sha256(secret));
  });

  it('a debug session gets the stored secret in env, without overriding an explicit value', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'leakproof-debug-'));
    const out = join(outDir, 'env.json');
    const program = join(outDir, 'probe.js');
    require('node:fs').writeFileSync(program, `
      const { createHash } = require('node:crypto');
      const h = (s) => s === undefined ? null : createHash('sha256').update(s).digest('hex');
      require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ deploy: h(process.env.${NAME}), explicit: process.env.EXPLICIT_VAR }));
    `);
    const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
      type: 'node', request: 'launch', name: 'leakproof-probe', program, env: { EXPLICIT_VAR: 'kept' }, console: 'internalConsole',
    });
    assert.ok(started, 'the debug session starts');
    const result = await until('the debuggee to write its env', () => (existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined), 30000);
    assert.equal(result.deploy, sha256(secret));
    assert.equal(result.explicit, 'kept');
  });

  it('rotating the stored secret changes what new terminals see, and rollback restores it', async () => {
    type State = { secrets: Array<{ id: string; name: string; canRollback: boolean }> };
    const state = async (): Promise<State> => vscode.commands.executeCommand<State>('leakproof.test.sidebarState');
    const id = `stored:${NAME}`;
    await until('the stored secret in the Secrets view', async () => (await state()).secrets.find((s) => s.id === id));
    const terminalHash = async (label: string): Promise<string> => {
      const out = join(mkdtempSync(join(tmpdir(), `leakproof-${label}-`)), 'hash');
      const terminal = vscode.window.createTerminal({ name: `leakproof-${label}`, cwd: root().fsPath });
      terminal.sendText(`printf %s "$${NAME}" | sha256sum | cut -c1-64 > ${out}`);
      return until(`the ${label} terminal`, () => (existsSync(out) && statSync(out).size >= 64 ? readFileSync(out, 'utf8').trim() : undefined), 20000);
    };

    assert.equal(await vscode.commands.executeCommand<boolean>('leakproof.secret.rotate', id, { method: 'generate', yes: true }), true);
    await until('rollback to be offered', async () => (await state()).secrets.find((s) => s.id === id && s.canRollback));
    const rotatedHash = await terminalHash('rotated');
    assert.notEqual(rotatedHash, sha256(secret), 'a new terminal gets the rotated value');

    assert.equal(await vscode.commands.executeCommand<boolean>('leakproof.secret.rollback', id, { yes: true }), true);
    assert.equal(await terminalHash('rolled-back'), sha256(secret), 'rollback restores the original value');
  });

  it('a policy set on the stored secret lives in metadata and drives its status', async () => {
    type State = { secrets: Array<{ id: string; policy: string; state: string }> };
    const id = `stored:${NAME}`;
    assert.equal(await vscode.commands.executeCommand<boolean>('leakproof.secret.setPolicy', id, 'rotate=30d rotated=2020-01-01'), true);
    const s = await until('the stored secret with its policy', async () =>
      (await vscode.commands.executeCommand<State>('leakproof.test.sidebarState')).secrets.find((x) => x.id === id && x.policy.includes('rotate=30d')));
    assert.equal(s.state, 'rotation-due', 'rotated years ago with a 30-day interval');
  });

  it('the secret value is in no file under the workspace or the user-data folder', async () => {
    const context = (globalThis as { leakproofTestContext?: vscode.ExtensionContext }).leakproofTestContext;
    assert.ok(context);
    // globalStorageUri = <user-data>/User/globalStorage/<extension id>
    const userData = join(context.globalStorageUri.fsPath, '..', '..', '..');
    await vscode.workspace.saveAll(false);
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        let s;
        try { s = statSync(p); } catch { continue; }
        if (s.isDirectory()) { if (name !== '.git') walk(p); continue; }
        if (!s.isFile() || s.size > 20 * 1024 * 1024) continue; // sockets, pipes
        if (readFileSync(p).includes(secret)) hits.push(p);
      }
    };
    walk(root().fsPath);
    walk(userData);
    assert.deepEqual(hits, [], 'files containing the keychain secret');
  });
});

describe('quick fixes: ignore and fix all', () => {
  after(closeEverything);

  const noDiagnostics = (relative: string): Promise<true> => until(`no Leakproof diagnostics in ${relative}`, () =>
    vscode.languages.getDiagnostics(vscode.Uri.file(file(relative))).every((d) => d.source !== SOURCE) || undefined);

  it('"ignore this line" inserts a leakproof-ignore comment and the diagnostic goes away', async () => {
    const { document, diagnostic } = await diagnosticsFor('extract/ignore.js');
    const actions = await codeActionsAt(document, diagnostic.range);
    const action = actions.find((a) => a.title === 'Leakproof: ignore this line');
    assert.ok(action?.edit, 'a WorkspaceEdit on the action');
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.match(document.lineAt(diagnostic.range.start.line).text, /"; \/\/ leakproof-ignore$/);
    await noDiagnostics('extract/ignore.js');
  });

  it('"ignore this value everywhere" writes a content fingerprint (never the value) to the baseline', async () => {
    const { document, diagnostic } = await diagnosticsFor('extract/baseline.js');
    const secret = document.getText(diagnostic.range);
    const actions = await codeActionsAt(document, diagnostic.range);
    const action = actions.find((a) => a.title.includes('ignore this value everywhere'));
    assert.ok(action?.command);
    await runFix(action, { name: 'unused' });
    const baseline = JSON.parse(await until('the baseline file', () => (existsSync(file('.leakproof-baseline.json')) ? read('.leakproof-baseline.json') : undefined)));
    const entries = Object.entries(baseline.fingerprints as Record<string, { ruleId: string }>);
    assert.equal(entries.length, 1);
    assert.equal(entries[0][0], sha256(`aws-access-key-id:${secret}`));
    assert.ok(!read('.leakproof-baseline.json').includes(secret));
    await noDiagnostics('extract/baseline.js');
  });

  it('source.fixAll moves every secret of the file to .env in one edit', async () => {
    const { document } = await diagnosticsFor('extract/fixall.py');
    const found = await until('both findings', () => {
      const d = vscode.languages.getDiagnostics(document.uri).filter((x) => x.source === SOURCE);
      return d.length === 2 ? d.sort((a, b) => a.range.start.line - b.range.start.line) : undefined;
    });
    const [primary, backup] = found.map((d) => document.getText(d.range));
    const actions = await until('the fix-all action', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.leakproof');
      return all?.find((a) => a.kind?.value === 'source.fixAll.leakproof');
    });
    assert.ok(actions.command);
    await vscode.commands.executeCommand(actions.command.command, ...(actions.command.arguments ?? []));
    const source = await until('fixall.py rewritten', () => { const s = read('extract/fixall.py'); return s.includes('os.environ["PRIMARY_KEY"]') ? s : undefined; });
    assert.match(source, /backup_key = os\.environ\["BACKUP_KEY"\]/);
    assert.equal(source.match(/^import os$/gm)?.length, 1);
    const env = parseDotenv(read('.env'));
    assert.equal(env.PRIMARY_KEY, primary);
    assert.equal(env.BACKUP_KEY, backup);
    assert.ok(!source.includes(primary) && !source.includes(backup));
  });
});
