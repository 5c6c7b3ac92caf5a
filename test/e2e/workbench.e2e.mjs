#!/usr/bin/env node
// End-to-end: what only the UI shows. Starts code-server with the release contents of the
// extension (.vscodeignore), opens the fixture workspace in headless Chromium, and checks the
// squiggle, its hover and the Problems panel. Expects a build in dist/ (scripts/test-all.sh builds).
//
// Screenshots go to .test-results/e2e/; media/screenshots/squiggle.png (used by the README) is
// written when it is missing or when LEAKPROOF_UPDATE_SCREENSHOTS=1, so test runs do not keep
// rewriting a tracked binary.
//
// Prints one line per test and, last, `E2E_COUNTS {"passed":n,"failed":n,"skipped":n}`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { closeBrowser, createCleanup, launchBrowser, repoRoot, startSession } from '../../scripts/lib/codeServer.mjs';

const KEY = 'AKIAQ3EGUMZ7K4HL2NFW';
const RULE = 'aws-access-key-id';
const STEP_TIMEOUT_MS = 30000;
const OUT_DIR = path.join(repoRoot, '.test-results', 'e2e');
const README_SCREENSHOT = path.join(repoRoot, 'media', 'screenshots', 'squiggle.png');

/**
 * For a tidy screenshot, not a test condition: hover parts arrive one provider at a time, so wait
 * (at most 6 s) until the hover's text has stayed the same for a second and no part is pending.
 */
async function settle(locator) {
  const deadline = Date.now() + 6000;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const text = await locator.innerText().catch(() => '');
    if (text !== last) { last = text; since = Date.now(); }
    else if (Date.now() - since >= 1000 && !/Checking for quick fixes|Loading/.test(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Tests run in order against one workbench; a failed step skips the ones that depend on it. */
function defineTests(page) {
  const squiggles = page.locator('.monaco-editor .squiggly-warning');
  return [
    {
      title: 'opens src/config.js through Quick Open',
      run: async () => {
        await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });
        // The Explorer lists the workspace once the file service is up: Quick Open works from then on.
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT_MS });
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: STEP_TIMEOUT_MS });
        await input.fill('config.js');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'config.js' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
        await page.keyboard.press('Enter');
        await page.locator('.tabs-container .tab.active[data-resource-name="config.js"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      },
    },
    {
      title: 'shows a warning squiggle under the fake key',
      needs: 0,
      run: async () => {
        await squiggles.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        const count = await squiggles.count();
        if (count !== 1) throw new Error(`expected 1 warning squiggle, found ${count}`);
      },
    },
    {
      title: 'hovering the squiggle shows the Leakproof finding, masked',
      needs: 1,
      run: async () => {
        const box = await squiggles.first().boundingBox();
        if (!box) throw new Error('the squiggle has no bounding box');
        // The squiggle is an overlay under the text layer: move the mouse there instead of hover().
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        const hover = page.locator('.monaco-hover:visible', { hasText: RULE }).first();
        await hover.waitFor({ timeout: STEP_TIMEOUT_MS });
        const text = await hover.innerText();
        if (text.includes(KEY)) throw new Error('the hover shows the secret in clear');
        await settle(hover);
        mkdirSync(OUT_DIR, { recursive: true });
        const shot = path.join(OUT_DIR, 'squiggle.png');
        await page.screenshot({ path: shot });
        if (!existsSync(README_SCREENSHOT) || process.env.LEAKPROOF_UPDATE_SCREENSHOTS === '1') {
          mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
          copyFileSync(shot, README_SCREENSHOT);
          console.error(`[e2e] wrote ${path.relative(repoRoot, README_SCREENSHOT)}`);
        }
      },
    },
    {
      title: 'the Problems panel lists the finding',
      needs: 0,
      run: async () => {
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first();
        await row.waitFor({ timeout: STEP_TIMEOUT_MS });
        const text = await page.locator('.markers-panel').innerText();
        if (!text.includes('config.js')) throw new Error('the Problems panel does not name config.js');
        if (text.includes(KEY)) throw new Error('the Problems panel shows the secret in clear');
        await page.screenshot({ path: path.join(OUT_DIR, 'problems.png') });
      },
    },
  ];
}

async function main() {
  const cleanup = createCleanup();
  const outcomes = [];
  let session;
  try {
    session = await startSession({
      cleanup, label: 'e2e', ignoreFile: '.vscodeignore', fixture: 'test/fixtures/workspace',
      settings: { 'editor.hover.above': false },
    });
    const browser = await launchBrowser();
    cleanup.add(() => closeBrowser(browser));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(session.server.workbenchUrl);

    for (const [index, test] of defineTests(page).entries()) {
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
        mkdirSync(OUT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(OUT_DIR, `failure-${index}.png`) }).catch(() => {});
      }
    }
  } catch (e) {
    outcomes.push({ title: 'e2e harness', state: 'failed', error: String(e?.stack ?? e) });
  } finally {
    if (session && outcomes.some((o) => o.state === 'failed')) session.dumpLogs();
    await cleanup.run();
  }

  console.log('End-to-end tests (workbench in headless Chromium)');
  for (const o of outcomes) {
    if (o.state === 'passed') console.log(`  ✔ ${o.title} (${o.ms} ms)`);
    else if (o.state === 'skipped') console.log(`  - ${o.title} (skipped: ${o.reason})`);
    else console.log(`  ✖ ${o.title}\n${o.error.split('\n').map((line) => `      ${line}`).join('\n')}`);
  }
  const count = (state) => outcomes.filter((o) => o.state === state).length;
  const counts = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  if (counts.failed > 0) console.log(`  screenshots of failures: ${path.relative(repoRoot, OUT_DIR)}/`);
  console.log(`E2E_COUNTS ${JSON.stringify(counts)}`);
  // A skipped e2e step is a failure of the layer too: it only skips when an earlier step failed.
  process.exitCode = counts.failed > 0 || counts.skipped > 0 ? 1 : 0;
}

await main();
