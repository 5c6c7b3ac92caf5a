// The `extensionTestsPath` module of scripts/run-electron.mjs: runs inside the extension host of a
// desktop VS Code started by @vscode/test-electron, which calls run() and reports a rejection as
// a failed run.
//
// It does not call dist/test-host.js's run() straight away: the extension's activate() already
// does when LEAKPROOF_TEST_RESULTS is set (test-electron puts `extensionTestsEnv` in the extension
// host's environment), and some suites read the ExtensionContext that activate() exposes. So it
// activates the extension, calls run() itself only if activation did not start the suite, and
// resolves once the results file says done.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'leakproof-dev.leakproof';
const TIMEOUT_MS = Number(process.env.LEAKPROOF_IT_TIMEOUT_MS || 180000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // absent, or being replaced (it is written to .tmp and renamed)
  }
}

async function waitFor(probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(200);
  }
}

exports.run = async function run() {
  const out = process.env.LEAKPROOF_TEST_RESULTS;
  if (!out) throw new Error('LEAKPROOF_TEST_RESULTS is not set: start this through scripts/run-electron.mjs');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository root?`);
  await extension.activate();
  // The suite writes the file as soon as it has loaded (before the first test).
  if (!(await waitFor(() => fs.existsSync(out), 5000))) {
    require(path.join(extension.extensionPath, 'dist', 'test-host.js')).run(out);
  }
  const results = await waitFor(() => {
    const r = readResults(out);
    return r && r.done ? r : undefined;
  }, TIMEOUT_MS);
  if (!results) throw new Error(`the integration suite did not finish within ${TIMEOUT_MS} ms`);
  if (results.failures.length > 0) {
    throw new Error(`${results.failures.length} integration test(s) failed: ${results.failures.map((f) => f.title).join('; ')}`);
  }
};
