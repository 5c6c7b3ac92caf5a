#!/usr/bin/env node
// The in-host integration suite (test/integration/*.itest.ts, bundled as dist/test-host.js) on a
// desktop VS Code through @vscode/test-electron: the conventional runner, for machines with
// internet. `npm run test:electron` builds first.
//
// Offline it cannot work, and fails within seconds: test-electron downloads VS Code from
// update.code.visualstudio.com (into .vscode-test/, git-ignored) and these machines reach only
// the npm registry and Debian's mirrors. There, use scripts/run-integration.mjs (the same suite in
// code-server's extension host), which `npm test` runs. Exit codes: 0 all passed, 1 failures,
// 2 VS Code could not be downloaded or started.
//
// What it does: copies test/fixtures/workspace to a temp dir, starts VS Code (version
// LEAKPROOF_VSCODE_VERSION, default 1.100.3 like code-server 4.100.3; or the binary at
// LEAKPROOF_VSCODE_EXECUTABLE) with the repository as the extension under development, other
// extensions disabled, a fresh user-data dir, and scripts/lib/electronTestEntry.cjs as the tests
// entry, which waits for the results file the suite writes (LEAKPROOF_TEST_RESULTS). On Linux
// without a display, run it under `xvfb-run -a`.
//
// Prints one line per test and, last, `INTEGRATION_COUNTS {"passed":n,"failed":n,"skipped":n}`.
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyWorkspace, makeTempDir, readJsonIfExists, repoRoot, writeUserSettings } from './lib/codeServer.mjs';

const VERSION = process.env.LEAKPROOF_VSCODE_VERSION || '1.100.3';
const DOWNLOAD_TIMEOUT_MS = 20000;

function report(results, extraFailures) {
  const passes = results?.passes ?? [];
  const failures = [...(results?.failures ?? []), ...extraFailures];
  const pending = results?.pending ?? [];
  console.log(`Integration tests (extension host of desktop VS Code ${process.env.LEAKPROOF_VSCODE_EXECUTABLE ? '(given binary)' : VERSION}, @vscode/test-electron)`);
  for (const t of passes) console.log(`  ✔ ${t.title} (${t.durationMs} ms)`);
  for (const t of pending) console.log(`  - ${t} (skipped)`);
  for (const t of failures) console.log(`  ✖ ${t.title}\n${t.error.split('\n').map((line) => `      ${line}`).join('\n')}`);
  const counts = { passed: passes.length, failed: failures.length, skipped: pending.length };
  console.log(`INTEGRATION_COUNTS ${JSON.stringify(counts)}`);
  return counts;
}

/** Errors that mean "no VS Code to run", as opposed to a run that failed. */
function isDownloadError(e) {
  const text = `${e?.code ?? ''} ${e?.message ?? e}`;
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|TimeoutError|timed? ?out|Failed to get|download/i.test(text);
}

async function main() {
  if (!existsSync(path.join(repoRoot, 'dist', 'test-host.js'))) {
    console.error('dist/test-host.js is missing: run a non-release build first (node scripts/build.mjs)');
    process.exitCode = 2;
    return;
  }
  const tmp = makeTempDir('leakproof-electron');
  const keep = process.env.LEAKPROOF_KEEP_TMP === '1';
  const resultsFile = path.join(tmpdir(), `leakproof-electron-results-${process.pid}-${Date.now()}.json`);
  const extraFailures = [];
  let exitCode = 0;
  try {
    const workspace = copyWorkspace(path.join(repoRoot, 'test', 'fixtures', 'workspace'), path.join(tmp, 'workspace'));
    const userDataDir = path.join(tmp, 'user-data');
    writeUserSettings(userDataDir);
    const executable = process.env.LEAKPROOF_VSCODE_EXECUTABLE;
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: VERSION, timeout: DOWNLOAD_TIMEOUT_MS }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'scripts', 'lib', 'electronTestEntry.cjs'),
      launchArgs: [
        workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', userDataDir, '--extensions-dir', path.join(tmp, 'extensions'),
      ],
      extensionTestsEnv: { LEAKPROOF_TEST_RESULTS: resultsFile },
    });
  } catch (e) {
    const results = readJsonIfExists(resultsFile);
    if (!results && isDownloadError(e)) {
      console.error([
        `run-electron: could not download VS Code ${VERSION} (${e?.message ?? e}).`,
        '@vscode/test-electron needs update.code.visualstudio.com; offline, run the same suite in',
        "code-server instead: node scripts/run-integration.mjs (part of `npm test`), or point",
        'LEAKPROOF_VSCODE_EXECUTABLE at an installed VS Code.',
      ].join('\n'));
      exitCode = 2;
    } else if (!results?.failures?.length) {
      // VS Code exited badly without a failed test to show for it (crash, suite cut short).
      extraFailures.push({ title: 'VS Code (test-electron)', error: String(e?.stack ?? e) });
    }
  } finally {
    if (exitCode !== 2) {
      const results = readJsonIfExists(resultsFile);
      const counts = report(results, extraFailures);
      exitCode = counts.failed > 0 || !results?.done ? 1 : 0;
    }
    rmSync(resultsFile, { force: true });
    if (!keep) rmSync(tmp, { recursive: true, force: true });
    else console.error(`run-electron: kept ${tmp}`);
  }
  process.exitCode = exitCode;
}

await main();
