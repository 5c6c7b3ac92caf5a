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
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { E2E_OUT_DIR, publishScreenshot, quickOpen, repoRoot, runWorkbenchTests } from '../../scripts/lib/codeServer.mjs';

const KEY = 'AKIAQ3EGUMZ7K4HL2NFW';
const RULE = 'aws-access-key-id';
const STEP_TIMEOUT_MS = 30000;
const OUT_DIR = E2E_OUT_DIR;
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
function defineTests({ page }) {
  const squiggles = page.locator('.monaco-editor .squiggly-warning');
  return [
    {
      title: 'opens src/config.js through Quick Open',
      run: () => quickOpen(page, 'config.js', { timeout: STEP_TIMEOUT_MS }),
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
        publishScreenshot(shot, README_SCREENSHOT);
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

await runWorkbenchTests({
  label: 'e2e',
  heading: 'End-to-end tests (workbench in headless Chromium)',
  fixture: 'test/fixtures/workspace',
  settings: { 'editor.hover.above': false },
  stepTimeoutMs: STEP_TIMEOUT_MS,
  defineTests,
});
