#!/usr/bin/env node
// Runs test/integration/*.itest.ts inside a real VS Code extension host (code-server 4.100.3).
// Expects a non-release build in dist/ (dist/test-host.js included): scripts/test-all.sh builds first.
//
// How: package dist/ into a test .vsix (.vscodeignore.test keeps dist/test-host.js), install it in
// a throwaway extensions dir, start code-server on the copied fixture workspace with
// LEAKPROOF_TEST_RESULTS set (the extension then runs dist/test-host.js at the end of activate()),
// open the workbench in headless Chromium (the extension host starts only when a browser connects),
// and wait for the JSON results the host writes.
// Mocha is bundled into dist/test-host.js by esbuild, so the test .vsix is self-contained.
//
// Prints one line per test and, last, `INTEGRATION_COUNTS {"passed":n,"failed":n,"skipped":n}`.
// Exit code 0 only if the suite ran to the end without failures.
import path from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { closeBrowser, createCleanup, launchBrowser, log, readJsonIfExists, repoRoot, sleep, startSession } from './lib/codeServer.mjs';

const TIMEOUT_MS = Number(process.env.LEAKPROOF_IT_TIMEOUT_MS || 180000);

function report(results, extraFailures) {
  const passes = results?.passes ?? [];
  const failures = [...(results?.failures ?? []), ...extraFailures];
  const pending = results?.pending ?? [];
  console.log('Integration tests (extension host of VS Code 1.100.3, code-server)');
  for (const t of passes) console.log(`  ✔ ${t.title} (${t.durationMs} ms)`);
  for (const t of pending) console.log(`  - ${t} (skipped)`);
  for (const t of failures) {
    console.log(`  ✖ ${t.title}`);
    console.log(t.error.split('\n').map((line) => `      ${line}`).join('\n'));
  }
  const counts = { passed: passes.length, failed: failures.length, skipped: pending.length };
  console.log(`INTEGRATION_COUNTS ${JSON.stringify(counts)}`);
  return counts;
}

async function main() {
  const cleanup = createCleanup();
  const extraFailures = [];
  let results;
  let session;
  try {
    if (!existsSync(path.join(repoRoot, 'dist', 'test-host.js'))) {
      throw new Error('dist/test-host.js is missing: run a non-release build first (node scripts/build.mjs)');
    }
    const resultsFile = path.join(tmpdir(), `leakproof-integration-results-${process.pid}-${Date.now()}.json`);
    cleanup.add(() => rmSync(resultsFile, { force: true }));
    session = await startSession({
      cleanup, label: 'integration', ignoreFile: '.vscodeignore.test', fixture: 'test/fixtures/workspace',
      env: { LEAKPROOF_TEST_RESULTS: resultsFile },
    });

    const browser = await launchBrowser();
    cleanup.add(() => closeBrowser(browser));
    const page = await browser.newPage();
    const opened = Date.now();
    await page.goto(session.server.workbenchUrl);

    let sawStart = false;
    for (;;) {
      results = readJsonIfExists(resultsFile);
      if (results && !sawStart) { sawStart = true; log(`integration: suite started ${Date.now() - opened} ms after the workbench opened`); }
      if (results?.done) break;
      if (session.server.hasExited()) { extraFailures.push({ title: 'code-server', error: 'code-server exited while the suite ran' }); break; }
      if (Date.now() - opened > TIMEOUT_MS) {
        extraFailures.push({
          title: sawStart ? 'integration suite (cut short)' : 'integration suite (never started)',
          error: sawStart
            ? `the suite did not finish within ${TIMEOUT_MS} ms`
            : `no results from the extension host within ${TIMEOUT_MS} ms: did activate() call test-host.js's run()?`,
        });
        break;
      }
      await sleep(250);
    }
  } catch (e) {
    extraFailures.push({ title: 'integration harness', error: String(e?.stack ?? e) });
  } finally {
    const failed = extraFailures.length > 0 || (results?.failures?.length ?? 0) > 0;
    if (failed && session) session.dumpLogs();
    await cleanup.run();
  }
  const counts = report(results, extraFailures);
  process.exitCode = counts.failed > 0 || !results?.done ? 1 : 0;
}

await main();
