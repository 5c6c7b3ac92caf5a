// Runs inside the real extension host (see host.ts): the Leakproof sidebar's models, commands and
// .env edits through the real VS Code API. Polls plain state with a deadline, never fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceFile } from './support';
import { SignJWT } from 'jose';

interface RowState { key: string; label: string; value: string; description: string }
interface SidebarState {
  secrets: Array<{ id: string; name: string; kind: string; source: string; state: string; reason: string; isJwt: boolean; canRollback: boolean; policy: string; uri?: string }>;
  tokens: Array<{
    id: string; label: string; description: string; state: string; error?: string;
    sources: Array<{ kind: string; label: string }>; header: RowState[]; claims: RowState[];
    verification?: { result: string; reason: string; warnings: string[] };
  }>;
  counts: { expired: number; due: number; total: number };
  statusBarText?: string;
  badge?: number;
  audit: Array<{ action: string; secretId: string; at: number }>;
}

const FIXTURE_ENV = 'tokens/.env';
const SECRET = 'itest-hmac-secret-9f3b7c1e5a2d8f4b6c0e1a7d3f5b9c2e';

async function state(): Promise<SidebarState> {
  const s = await vscode.commands.executeCommand<SidebarState | undefined>('leakproof.test.sidebarState');
  assert.ok(s, 'leakproof.test.sidebarState returns the sidebar state');
  return s;
}

/** Polls the sidebar state until `pick` returns something; fails at the deadline with `what`. */
async function waitForState<T>(what: string, pick: (s: SidebarState) => T | undefined, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: SidebarState | undefined;
  for (;;) {
    last = await state();
    const found = pick(last);
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      const seen = last.secrets.map((x) => `${x.source}#${x.name}:${x.state}`).join(', ');
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; secrets: [${seen}], tokens: ${last.tokens.length}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fixtureSecrets(s: SidebarState): SidebarState['secrets'] | undefined {
  const mine = s.secrets.filter((x) => x.source === FIXTURE_ENV);
  return mine.length >= 6 ? mine : undefined;
}

async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function sign(claims: Record<string, unknown>, lifetimeSec: number, secret = SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now).setExpirationTime(now + lifetimeSec)
    .sign(new TextEncoder().encode(secret));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('Tokens sidebar', function () {
  this.timeout(40000);

  it('lists the fixture .env entries with their policy status', async () => {
    const secrets = await waitForState('the entries of tokens/.env', fixtureSecrets);
    const byName = new Map(secrets.map((x) => [x.name, x]));
    assert.deepEqual([...byName.keys()].sort(), ['DB_PASSWORD', 'LEGACY_API_TOKEN', 'PARTNER_KEY', 'PLAIN_SETTING', 'SERVICE_JWT', 'SESSION_SECRET']);
    assert.equal(byName.get('SESSION_SECRET')?.state, 'ok');
    assert.equal(byName.get('LEGACY_API_TOKEN')?.state, 'expired');
    assert.equal(byName.get('DB_PASSWORD')?.state, 'rotation-due');
    assert.equal(byName.get('PARTNER_KEY')?.state, 'ok');
    assert.equal(byName.get('SERVICE_JWT')?.state, 'expired', 'a JWT value is tracked by its exp');
    assert.equal(byName.get('SERVICE_JWT')?.isJwt, true);
    assert.equal(byName.get('PLAIN_SETTING')?.state, 'unknown');
    for (const x of secrets) {
      // Values never reach the view's data: the fixture's values are not in any field.
      assert.ok(!JSON.stringify(x).includes('lp_test_Q7m2'), 'no value in the view data');
    }
  });

  it('counts expired and due secrets for the status bar and the badge', async () => {
    const s = await state();
    const expired = s.secrets.filter((x) => x.state === 'expired').length;
    const due = s.secrets.filter((x) => x.state === 'expiring' || x.state === 'rotation-due').length;
    const mine = s.secrets.filter((x) => x.source === FIXTURE_ENV);
    assert.equal(mine.filter((x) => x.state === 'expired').length, 2);
    assert.equal(mine.filter((x) => x.state === 'rotation-due').length, 1);
    assert.deepEqual(s.counts, { expired, due, total: expired + due });
    assert.ok(expired >= 2 && due >= 1);
    const parts = [`${expired} expired`, ...(due ? [`${due} due`] : [])];
    assert.equal(s.statusBarText, `$(shield) ${parts.join(' · ')}`);
    assert.equal(s.badge, expired + due);
  });

  it('puts policy diagnostics on the right line of the .env file', async () => {
    const uri = workspaceFile(FIXTURE_ENV);
    const deadline = Date.now() + 10000;
    let diags: vscode.Diagnostic[] = [];
    while (Date.now() < deadline) {
      diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Leakproof policy');
      if (diags.length >= 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = diags.map((d) => `${d.range.start.line}:${String(d.code)}`).sort();
    // LEGACY_API_TOKEN (line 7) and SERVICE_JWT (line 15) expired, DB_PASSWORD (line 10) due.
    assert.deepEqual(lines, ['10:rotation-due', '15:expired', '7:expired']);
  });

  it('shows a JWT from an open document with its claims and relative expiry', async () => {
    const token = await sign({ sub: 'alice', aud: ['api', 'admin'], scope: 'read write', tenant: 'acme' }, 3 * 3600 + 1800);
    // A real file, not an untitled one: a dirty untitled document would make later suites'
    // "close all editors" ask to save it.
    const uri = workspaceFile('tokens/auth.js');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`const auth = "Bearer ${token}";\n`));
    const doc = await vscode.workspace.openTextDocument(uri);
    const view = await waitForState('the token of the untitled document', (s) => s.tokens.find((t) => t.sources.some((x) => x.kind === 'document') && t.claims.some((c) => c.key === 'sub' && c.value === 'alice')));
    // Under a day left: the Tokens view calls it expiring.
    assert.equal(view.state, 'expiring');
    assert.equal(view.header.find((r) => r.key === 'alg')?.value, 'HS256');
    const exp = view.claims.find((r) => r.key === 'exp');
    assert.ok(exp, 'an exp row');
    assert.equal(exp.value, 'expires in 3 h');
    assert.match(exp.description, /^expires in 3 h · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/);
    assert.match(view.claims.find((r) => r.key === 'iat')?.value ?? '', /^issued (just now|\d+ s ago)$/);
    assert.equal(view.claims.find((r) => r.key === 'aud')?.value, 'api, admin');
    assert.equal(view.claims.find((r) => r.key === 'scope')?.value, 'read write');
    assert.equal(view.claims.find((r) => r.key === 'tenant')?.value, 'acme');
    assert.ok(!view.label.includes(token.slice(0, 20)) && !view.description.includes(token.slice(0, 20)), 'the token is never a label');
    assert.ok(doc.getText().includes(token));
  });

  it('lists the JWT held in .env, expired', async () => {
    const t = await waitForState('SERVICE_JWT in the Tokens view', (s) => s.tokens.find((x) => x.sources.some((y) => y.kind === 'env' && y.label === 'SERVICE_JWT')));
    assert.equal(t.state, 'expired');
    assert.match(t.claims.find((r) => r.key === 'exp')?.value ?? '', /^expired \d+ (years?|months?) ago$/);
  });

  it('decodes malformed text into a row with a reason instead of throwing', async () => {
    const ids = await vscode.commands.executeCommand<string[]>('leakproof.decodeJwt', { text: 'eyJhbGciOiJIUzI1NiJ9.not-base64!.x', label: 'itest' });
    assert.equal(ids.length, 1);
    const t = await waitForState('the malformed row', (s) => s.tokens.find((x) => x.id === ids[0]));
    assert.equal(t.state, 'malformed');
    assert.ok(t.error && t.error.length > 0);
  });

  it('verifies the signature with the right secret and rejects a wrong one', async () => {
    const token = await sign({ sub: 'bob' }, 600);
    const [id] = await vscode.commands.executeCommand<string[]>('leakproof.decodeJwt', { text: token, label: 'itest' });
    assert.ok(id);
    const good = await vscode.commands.executeCommand<{ result: string; warnings: string[] }>('leakproof.verifyJwt', id, { secret: SECRET });
    assert.equal(good.result, 'valid');
    assert.deepEqual(good.warnings, []);
    let row = await waitForState('the valid mark', (s) => s.tokens.find((x) => x.id === id && x.verification?.result === 'valid'));
    assert.match(row.description, /^signature valid · /);
    const bad = await vscode.commands.executeCommand<{ result: string }>('leakproof.verifyJwt', id, { secret: `${SECRET}-wrong` });
    assert.equal(bad.result, 'invalid');
    row = await waitForState('the invalid mark', (s) => s.tokens.find((x) => x.id === id && x.verification?.result === 'invalid'));
    assert.ok(!JSON.stringify(row).includes(SECRET), 'the key is never shown');
  });

  it('flags a weak HMAC secret', async () => {
    const token = await sign({ sub: 'carol' }, 600, 'short');
    const r = await vscode.commands.executeCommand<{ result: string; warnings: string[] }>('leakproof.verifyJwt', token, { secret: 'short' });
    assert.equal(r.result, 'valid');
    assert.ok(r.warnings.some((w) => /weak hmac/i.test(w)), `warnings: ${r.warnings.join(' | ')}`);
  });

  it('rotates a .env value in place, records the date, and rolls back', async () => {
    const uri = workspaceFile(FIXTURE_ENV);
    const before = await readFile(uri);
    const oldValue = /^SESSION_SECRET=(\S+)/m.exec(before)?.[1];
    assert.ok(oldValue);
    const secret = (await waitForState('the fixture', fixtureSecrets)).find((x) => x.name === 'SESSION_SECRET');
    assert.ok(secret);

    const rotated = await vscode.commands.executeCommand<boolean>('leakproof.secret.rotate', secret.id, { method: 'generate', yes: true });
    assert.equal(rotated, true);
    const after = await readFile(uri);
    const newValue = /^SESSION_SECRET=(\S+)/m.exec(after)?.[1];
    assert.ok(newValue && newValue !== oldValue, 'the value changed');
    assert.equal(newValue.length, oldValue.length, 'same length');
    assert.ok(newValue.startsWith('lp_test_'), 'same prefix');
    assert.match(newValue, /^lp_test_[A-Za-z0-9]+$/, 'same alphabet');
    // Every other byte unchanged: only the value and the policy's rotated= date differ.
    const expected = before.replace(oldValue, newValue).replace('rotated=2026-01-01', `rotated=${today()}`);
    assert.ok(after === expected, 'only the value and the rotation date changed');

    const rotatedState = await waitForState('rollback offered', (s) => s.secrets.find((x) => x.id === secret.id && x.canRollback));
    assert.equal(rotatedState.state, 'ok');
    assert.ok(rotatedState.policy.includes(`rotated=${today()}`));
    const audit = (await state()).audit.filter((e) => e.secretId === secret.id).map((e) => e.action);
    assert.deepEqual(audit.slice(-2), ['create', 'rotate']);

    const rolledBack = await vscode.commands.executeCommand<boolean>('leakproof.secret.rollback', secret.id, { yes: true });
    assert.equal(rolledBack, true);
    const restored = await readFile(uri);
    assert.ok(restored === before, 'rollback restores the file byte for byte');
    const audit2 = (await state()).audit.filter((e) => e.secretId === secret.id).map((e) => e.action);
    assert.equal(audit2[audit2.length - 1], 'rollback');
  });
  it('writes a policy comment above the .env entry with "Set policy"', async () => {
    const uri = workspaceFile(FIXTURE_ENV);
    const before = await readFile(uri);
    const secret = (await waitForState('the fixture', fixtureSecrets)).find((x) => x.name === 'PLAIN_SETTING');
    assert.ok(secret);
    const done = await vscode.commands.executeCommand<boolean>('leakproof.secret.setPolicy', secret.id, 'rotate=30d rotated=2026-01-01');
    assert.equal(done, true);
    const after = await readFile(uri);
    assert.ok(after === before.replace('\nPLAIN_SETTING=', '\n# leakproof: rotate=30d rotated=2026-01-01\nPLAIN_SETTING='), 'one comment line inserted, nothing else changed');
    const s = await waitForState('PLAIN_SETTING with its new policy', (st) => st.secrets.find((x) => x.id === secret.id && x.policy.includes('rotate=30d')));
    assert.notEqual(s.state, 'unknown');
  });

  it('re-issues an expired JWT held in .env with the signing secret', async () => {
    const uri = workspaceFile(FIXTURE_ENV);
    const secret = (await waitForState('the fixture', fixtureSecrets)).find((x) => x.name === 'SERVICE_JWT');
    assert.ok(secret && secret.state === 'expired');
    const signingKey = 'fixture-signing-secret-0123456789abcdef';
    const done = await vscode.commands.executeCommand<boolean>('leakproof.secret.rotate', secret.id, { method: 'reissue', signingKey });
    assert.equal(done, true);
    const token = /^SERVICE_JWT=(\S+)/m.exec(await readFile(uri))?.[1];
    assert.ok(token);
    const verified = await vscode.commands.executeCommand<{ result: string }>('leakproof.verifyJwt', token, { secret: signingKey });
    assert.equal(verified.result, 'valid');
    const s = await waitForState('SERVICE_JWT no longer expired', (st) => st.secrets.find((x) => x.id === secret.id && x.state !== 'expired'));
    assert.equal(s.state, 'ok');
    assert.ok(s.canRollback, 'the old token is kept for rollback');
  });
});
