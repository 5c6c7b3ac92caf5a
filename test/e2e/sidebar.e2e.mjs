#!/usr/bin/env node
// End-to-end: the Leakproof activity-bar container as a user sees it. Workspace:
// test/fixtures/e2e-sidebar, whose .env gets ACCESS_TOKEN appended before the workbench opens: an
// HS256 JWT signed with a random key at test time, expiring in 3 h 30 min, so "expires in 3 h"
// holds on any clock. Expects a build in dist/ (scripts/test-all.sh builds).
//
// Screenshots go to .test-results/e2e/; media/screenshots/sidebar.png (used by the README) is
// written when it is missing or when LEAKPROOF_UPDATE_SCREENSHOTS=1.
//
// Prints one line per test and, last, `E2E_COUNTS {"passed":n,"failed":n,"skipped":n}`.
import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { E2E_OUT_DIR, publishScreenshot, quickOpen, repoRoot, runWorkbenchTests, until } from '../../scripts/lib/codeServer.mjs';

const STEP_TIMEOUT_MS = 30000;
const README_SCREENSHOT = path.join(repoRoot, 'media', 'screenshots', 'sidebar.png');
const MINUTE_S = 60;
const CLAIMS = { sub: 'demo-user', iss: 'https://auth.example.test', aud: 'billing-api', scope: 'invoices:read invoices:write' };
/** Values of the fixture's .env that the views must never show. */
const FIXTURE_VALUES = ['lp_live_8Hq2Wv6Zt4Lm9Kx3Rb7Np1Yd', 'Vb4#Nw8Rt3Yh6Jc1'];

function base64url(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A compact HS256 JWT; the key is random and dropped, nothing here needs to verify it. */
function signJwt(payload) {
  const input = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${input}.${createHmac('sha256', randomBytes(32)).update(input).digest('base64url')}`;
}

let token = '';

function prepare(session) {
  const now = Math.floor(Date.now() / 1000);
  token = signJwt({ ...CLAIMS, iat: now - 20 * MINUTE_S, exp: now + 210 * MINUTE_S });
  appendFileSync(path.join(session.workspace, '.env'), `\n# The session token the API client sends\nACCESS_TOKEN=${token}\n`);
}

function defineTests({ page }) {
  const activityItem = page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Leakproof"]') });
  const pane = (title) => page.locator('.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  const secrets = pane('Secrets');
  const tokens = pane('Tokens');
  const row = (view, text) => view.locator('.monaco-list-row', { hasText: text });
  /** Each row as "label — description", as the tree renders them. */
  const labelsOf = (view) => view.locator('.monaco-list-row .monaco-icon-label').evaluateAll((labels) => labels.map((l) => {
    const name = l.querySelector('.label-name')?.textContent?.trim() ?? '';
    const description = l.querySelector('.label-description')?.textContent?.trim() ?? '';
    return `${name} — ${description}`;
  }));
  const noValueShown = async (view, what) => {
    const text = await view.innerText();
    for (const v of [token, token.split('.')[1], ...FIXTURE_VALUES]) {
      if (v && text.includes(v)) throw new Error(`the ${what} view shows a secret value in clear (${v.slice(0, 4)}…)`);
    }
  };

  return [
    {
      title: 'clicking Leakproof in the activity bar opens the Secrets and Tokens views',
      run: async () => {
        // An editor beside the views, as a user would have: the client that reads ACCESS_TOKEN.
        await quickOpen(page, 'session.js', { timeout: STEP_TIMEOUT_MS });
        // On the item, not its link: once the views have data, the count badge overlay covers the link.
        await activityItem.click();
        await secrets.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        await tokens.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      },
    },
    {
      title: 'Secrets lists the .env entries with their status, values hidden',
      needs: 0,
      run: async () => {
        await row(secrets, 'ACCESS_TOKEN').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        const due = row(secrets, 'PAYMENTS_API_KEY');
        await due.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        const dueText = (await labelsOf(secrets)).find((t) => t.startsWith('PAYMENTS_API_KEY — '));
        if (!/rotation overdue/.test(dueText ?? '')) throw new Error(`PAYMENTS_API_KEY (rotated 2025-01-15, rotate=90d) is not shown as overdue: ${dueText}`);
        await noValueShown(secrets, 'Secrets');
      },
    },
    {
      title: 'Tokens: expanding ACCESS_TOKEN shows its claims, exp as "expires in 3 h"',
      needs: 0,
      run: async () => {
        const tokenRow = row(tokens, 'ACCESS_TOKEN').first();
        await tokenRow.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        if ((await tokenRow.getAttribute('aria-expanded')) !== 'true') await tokenRow.click();
        const claim = (label, value) => until(`the ${label} claim row`, async () => {
          const texts = await labelsOf(tokens);
          return texts.find((t) => t.startsWith(`${label} — `) && value.test(t));
        }, STEP_TIMEOUT_MS);
        await claim('Subject', /— demo-user$/);
        await claim('Issuer', /— https:\/\/auth\.example\.test$/);
        const expires = await claim('Expires', /— expires in 3 h · /);
        if (!/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d/.test(expires)) throw new Error(`exp lacks the local time: ${expires}`);
        await noValueShown(tokens, 'Tokens');
      },
    },
    {
      title: 'screenshot of the sidebar with the decoded token',
      needs: 2,
      run: async () => {
        // Wide enough for the claims' descriptions (relative and local time) to show whole:
        // drag the sash on the side bar's right edge.
        const bar = await page.locator('.part.sidebar').boundingBox();
        if (!bar) throw new Error('no side bar');
        const edge = bar.x + bar.width;
        await page.mouse.move(edge - 1, bar.y + bar.height / 2);
        await page.mouse.down();
        await page.mouse.move(edge + 200, bar.y + bar.height / 2, { steps: 8 });
        await page.mouse.up();
        await until('the side bar to widen', async () => ((await page.locator('.part.sidebar').boundingBox())?.width ?? 0) > bar.width + 150, 5000);
        // A tidy picture: the expiry notification (2 secrets need attention) is the extension's
        // own, but it covers the editor; tsserver's "Analyzing…" is transient; focus leaves the tree.
        const toast = page.locator('.notification-toast', { hasText: 'Leakproof' });
        await toast.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
        for (const t of await toast.all()) {
          await t.hover();
          await t.locator('.codicon-notifications-clear').click();
        }
        await toast.first().waitFor({ state: 'hidden', timeout: 5000 });
        await page.locator('.statusbar-item', { hasText: 'Analyzing' }).waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
        await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
        await page.keyboard.press('Control+End');
        await page.mouse.move(1000, 600);
        await page.waitForTimeout(300);
        mkdirSync(E2E_OUT_DIR, { recursive: true });
        const shot = path.join(E2E_OUT_DIR, 'sidebar.png');
        await page.screenshot({ path: shot });
        publishScreenshot(shot, README_SCREENSHOT);
      },
    },
  ];
}

await runWorkbenchTests({
  label: 'e2e-sidebar',
  heading: 'End-to-end: the Leakproof sidebar with a decoded JWT (workbench in headless Chromium)',
  fixture: 'test/fixtures/e2e-sidebar',
  settings: { 'editor.hover.enabled': false, 'editor.minimap.enabled': false },
  stepTimeoutMs: STEP_TIMEOUT_MS,
  prepare,
  defineTests,
});
