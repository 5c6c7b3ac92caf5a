// Shared helpers for the integration and e2e drivers: a real VS Code (code-server 4.100.3, installed
// by scripts/install-code-server.sh) with the extension installed from a freshly packaged .vsix, a
// throwaway copy of a fixture workspace, and Debian's Chromium driven by playwright-core.
// Every process we start is recorded by PID and stopped by that PID (its process group), in a
// finally block and on SIGINT/SIGTERM: nothing is ever killed by name.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CHROMIUM = process.env.LEAKPROOF_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

/** Settings every session gets; telemetry off stops offline DNS errors in the extension host. */
const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
};

export function log(...args) {
  console.error('[code-server]', ...args);
}

/**
 * Cleanups run last-in first-out, once, from the finally block or on SIGINT/SIGTERM/SIGHUP.
 * After a signal, `cancelled` is true and a task added later (a server that was still starting)
 * runs straight away, so nothing outlives the driver.
 */
export function createCleanup() {
  const tasks = [];
  let running;
  const drain = async () => {
    while (tasks.length > 0) {
      const task = tasks.pop();
      try { await task(); } catch (e) { log('cleanup failed:', e?.message ?? e); }
    }
  };
  const run = () => (running ??= drain());
  const settled = async () => {
    for (let seen; seen !== running;) { seen = running; await seen; }
  };
  const onSignal = (signal) => {
    log(`${signal}: stopping`);
    run();
    settled().finally(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, onSignal);
  return {
    add: (task) => {
      tasks.push(task);
      if (running) running = running.then(drain);
    },
    run,
    get cancelled() { return running !== undefined; },
  };
}

/** Runs the idempotent installer; returns the code-server binary's path. */
export function ensureCodeServer() {
  if (process.env.CODE_SERVER_BIN && existsSync(process.env.CODE_SERVER_BIN)) return process.env.CODE_SERVER_BIN;
  const out = execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh')], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop();
}

export function makeTempDir(prefix) {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

/**
 * Packages the already built extension (dist/) into a .vsix; vsce itself builds nothing here.
 * These packages are installed locally, never published, so vsce's secret scan is skipped: the
 * test bundle carries fixture keys, which it would otherwise refuse. README images stay relative
 * (they ship in the package), as in the release package.
 */
export function packageVsix({ ignoreFile, out }) {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const args = [
    'package', '--allow-missing-repository', '--no-dependencies', '--allow-package-all-secrets',
    '--no-rewrite-relative-links',
    '--ignoreFile', ignoreFile, '-o', out,
  ];
  try {
    execFileSync(vsce, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`vsce package failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  return out;
}

export function installExtension(bin, { vsix, extensionsDir, userDataDir }) {
  try {
    execFileSync(bin, [
      '--config', path.join(userDataDir, 'code-server.yaml'), '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir, '--install-extension', vsix, '--force',
    ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`installing ${vsix} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export function copyWorkspace(src, dest) {
  cpSync(src, dest, { recursive: true });
  return dest;
}

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...extra }, null, 2));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server in its own process group (so stop() reaches the extension host and other
 * children through the recorded PID) and resolves once it answers HTTP.
 */
export async function startCodeServer({ bin, port, userDataDir, extensionsDir, workspace, env = {}, logFile, cleanup, timeoutMs = 30000 }) {
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--config', path.join(userDataDir, 'code-server.yaml'),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, workspace,
  ];
  const logStream = logFile ? createWriteStream(logFile) : null;
  const child = spawn(bin, args, {
    detached: true,
    stdio: ['ignore', logStream ? 'pipe' : 'ignore', logStream ? 'pipe' : 'ignore'],
    env: { ...process.env, ...env },
  });
  if (logStream) { child.stdout.pipe(logStream); child.stderr.pipe(logStream); }
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  const pid = child.pid;

  let stopped = false;
  const stop = async () => {
    if (pid === undefined || stopped) return;
    stopped = true;
    if (!exited) {
      try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exitedPromise, sleep(5000)]);
    }
    // Whatever is left of its process group (extension host, file watcher) goes too.
    try { process.kill(-pid, 'SIGKILL'); } catch { /* group empty */ }
  };
  cleanup?.add(stop);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up${logFile ? `; log: ${logFile}` : ''}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer within ${timeoutMs} ms`); }
    await sleep(150);
  }
  return {
    pid, port, url,
    workbenchUrl: `${url}/?folder=${encodeURIComponent(workspace)}`,
    hasExited: () => exited,
    stop,
  };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  // Signals are ours (createCleanup): Playwright's own handlers would exit before code-server stops.
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  return browser;
}

/** Closes the browser, giving up after a few seconds (Playwright still kills it when we exit). */
export async function closeBrowser(browser) {
  await Promise.race([browser.close(), sleep(5000)]);
}

/**
 * Everything a test run needs, in one call: code-server installed, the extension packaged and
 * installed, the fixture workspace copied, settings written, the server started. Register
 * `cleanup.add` tasks are added for every resource.
 */
export async function startSession({ cleanup, label, ignoreFile, fixture, env = {}, settings = {} }) {
  const started = Date.now();
  const bin = ensureCodeServer();
  const tmp = makeTempDir(`leakproof-${label}`);
  let keep = process.env.LEAKPROOF_KEEP_TMP === '1';
  cleanup.add(() => { if (!keep) rmSync(tmp, { recursive: true, force: true }); else log(`kept ${tmp}`); });

  const vsix = packageVsix({ ignoreFile: path.join(repoRoot, ignoreFile), out: path.join(tmp, 'leakproof.vsix') });
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  installExtension(bin, { vsix, extensionsDir, userDataDir });
  const workspace = copyWorkspace(path.join(repoRoot, fixture), path.join(tmp, 'workspace'));
  writeUserSettings(userDataDir, settings);

  const logFile = path.join(tmp, 'code-server.log');
  const port = await freePort();
  if (cleanup.cancelled) throw new Error('cancelled');
  const server = await startCodeServer({
    bin, port, userDataDir, extensionsDir, workspace, env, logFile, cleanup,
  });
  if (cleanup.cancelled) throw new Error('cancelled');
  log(`${label}: packaged, installed and started in ${Date.now() - started} ms (pid ${server.pid}, ${server.url})`);
  return {
    tmp, workspace, userDataDir, server, logFile,
    keepOnExit: () => { keep = true; },
    /** Prints the end of the server and extension host logs: what CI shows when something went wrong. */
    dumpLogs: () => dumpLogs([logFile, ...findFiles(path.join(userDataDir, 'logs'), 'remoteexthost.log')]),
  };
}

function findFiles(dir, name) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((rel) => path.join(dir, String(rel)))
    .filter((file) => path.basename(file) === name);
}

function dumpLogs(files, lines = 40) {
  for (const file of files) {
    if (!existsSync(file)) continue;
    const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    console.error(`----- last ${lines} lines of ${file} -----\n${tail}\n-----`);
  }
}

/** Reads a JSON file that is written atomically (tmp + rename); undefined while it is absent. */
export function readJsonIfExists(file) {
  if (!existsSync(file)) return undefined;
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

export { sleep };

// --- e2e helpers (test/e2e/*.e2e.mjs) -----------------------------------------------------------

export const E2E_OUT_DIR = path.join(repoRoot, '.test-results', 'e2e');

/**
 * Copies a screenshot to a tracked README image when that image is missing or when
 * LEAKPROOF_UPDATE_SCREENSHOTS=1, so test runs do not keep rewriting a tracked binary.
 */
export function publishScreenshot(shot, readmeImage) {
  if (existsSync(readmeImage) && process.env.LEAKPROOF_UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(path.dirname(readmeImage), { recursive: true });
  copyFileSync(shot, readmeImage);
  console.error(`[e2e] wrote ${path.relative(repoRoot, readmeImage)}`);
}

/** Opens a workspace file through Quick Open and waits until its editor tab is the active one. */
export async function quickOpen(page, fileName, { timeout = 30000 } = {}) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  // The Explorer lists the workspace once the file service is up: Quick Open works from then on.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor({ timeout });
}

/** Polls `probe` until it returns a truthy value or throws the last reason after `timeoutMs`. */
export async function until(what, probe, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message ?? last}` : ''}`);
    await sleep(100);
  }
}

/**
 * One e2e file: a code-server session on its own fixture copy, one Chromium page, tests run in
 * order (a test with `needs: i` is skipped when test i did not pass). Prints one line per test
 * and, last, `E2E_COUNTS {"passed":n,"failed":n,"skipped":n}` (scripts/test-all.sh sums them);
 * sets a non-zero exit code on any failure or skip.
 * `prepare(session)` may change the workspace copy before the workbench opens (values that depend
 * on the time of the run); `defineTests({ page, session })` returns `[{ title, needs?, run }]`.
 */
export async function runWorkbenchTests({ label, heading, fixture, settings = {}, viewport = { width: 1280, height: 800 }, stepTimeoutMs = 30000, prepare, defineTests }) {
  const cleanup = createCleanup();
  const outcomes = [];
  let session;
  let page;
  try {
    session = await startSession({ cleanup, label, ignoreFile: '.vscodeignore', fixture, settings });
    await prepare?.(session);
    const browser = await launchBrowser();
    cleanup.add(() => closeBrowser(browser));
    page = await browser.newPage({ viewport });
    page.setDefaultTimeout(stepTimeoutMs);
    await page.goto(session.server.workbenchUrl);

    for (const [index, test] of defineTests({ page, session }).entries()) {
      const started = Date.now();
      if (test.needs !== undefined && outcomes[test.needs].state !== 'passed') {
        outcomes.push({ title: test.title, state: 'skipped', reason: `needs "${outcomes[test.needs].title}"` });
        continue;
      }
      try {
        await test.run();
        outcomes.push({ title: test.title, state: 'passed', ms: Date.now() - started });
      } catch (e) {
        outcomes.push({ title: test.title, state: 'failed', error: String(e?.stack ?? e) });
        mkdirSync(E2E_OUT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(E2E_OUT_DIR, `${label}-failure-${index}.png`) }).catch(() => {});
      }
    }
  } catch (e) {
    outcomes.push({ title: `${label} harness`, state: 'failed', error: String(e?.stack ?? e) });
  } finally {
    if (session && outcomes.some((o) => o.state === 'failed')) session.dumpLogs();
    await cleanup.run();
  }

  console.log(heading);
  for (const o of outcomes) {
    if (o.state === 'passed') console.log(`  ✔ ${o.title} (${o.ms} ms)`);
    else if (o.state === 'skipped') console.log(`  - ${o.title} (skipped: ${o.reason})`);
    else console.log(`  ✖ ${o.title}\n${o.error.split('\n').map((line) => `      ${line}`).join('\n')}`);
  }
  const count = (state) => outcomes.filter((o) => o.state === state).length;
  const counts = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  if (counts.failed > 0) console.log(`  screenshots of failures: ${path.relative(repoRoot, E2E_OUT_DIR)}/`);
  console.log(`E2E_COUNTS ${JSON.stringify(counts)}`);
  // A skipped e2e step is a failure of the layer too: it only skips when an earlier step failed.
  process.exitCode = counts.failed > 0 || counts.skipped > 0 ? 1 : 0;
  return counts;
}
