// Test-only entry that runs the integration suites inside the real VS Code extension host.
// esbuild bundles it (with mocha) into dist/test-host.js; the extension requires it at the end of
// activate() when LEAKPROOF_TEST_RESULTS is set, and scripts/run-integration.mjs waits for the
// JSON results file it writes. The published .vsix leaves it out (.vscodeignore).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';

/**
 * Loads every suite. Adding a suite is one line here: `require('./<name>.itest');`.
 * They are require()d, not imported, on purpose: static imports run before mocha's `pre-require`
 * has defined `describe`/`it`, and esbuild still bundles each required file.
 */
function loadSuites(): void {
  require('./diagnostics.itest');
  require('./tokens.itest');
  require('./extract.itest');
  require('./policy.itest');
}

export interface HostResults {
  /** False while tests are still running: the driver then reports the run as cut short. */
  done: boolean;
  passes: { title: string; durationMs: number }[];
  failures: { title: string; error: string }[];
  pending: string[];
}

export function run(out: string): void {
  const results: HostResults = { done: false, passes: [], failures: [], pending: [] };
  // Atomic, so the driver never reads half a file.
  const write = (): void => {
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(`${out}.tmp`, JSON.stringify(results, null, 2));
      renameSync(`${out}.tmp`, out);
    } catch (e) {
      // Never let the harness break activation: the driver reports missing results itself.
      console.error(`[leakproof-test] cannot write ${out}: ${String(e)}`);
    }
  };
  const errorText = (e: unknown): string => String((e instanceof Error && e.stack) || e);
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 20000, reporter: Mocha.reporters.Base, color: false });
    mocha.suite.emit('pre-require', globalThis, 'leakproof-integration', mocha);
    loadSuites();
    write();
    mocha
      .run(() => {
        results.done = true;
        write();
      })
      .on('pass', (test) => {
        results.passes.push({ title: test.fullTitle(), durationMs: test.duration ?? 0 });
        console.log(`[leakproof-test] ✔ ${test.fullTitle()}`);
        write();
      })
      .on('fail', (test, error: unknown) => {
        results.failures.push({ title: test.fullTitle(), error: errorText(error) });
        console.log(`[leakproof-test] ✖ ${test.fullTitle()}: ${errorText(error)}`);
        write();
      })
      .on('pending', (test) => {
        results.pending.push(test.fullTitle());
        write();
      });
  } catch (e) {
    results.failures.push({ title: 'loading the integration suites', error: errorText(e) });
    results.done = true;
    write();
  }
}
