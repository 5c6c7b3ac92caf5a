import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { DAY_MS, HOUR_MS } from '../../src/core/clock';
import { dotenvFixture } from './sidebarModelFixture';
import { parseDotenv, toRecord } from '../../src/core/dotenv/parse';
import { applyEdits } from '../../src/core/dotenv/textEdit';
import { parseIsoDate } from '../../src/core/policy/dates';
import { envSecrets, isEnvFileName, planPolicyEdits, planRotation, policyOf } from '../../src/core/secrets/envSecrets';
import { countStates, evaluateSecret, intervalDays, policyFromMeta, statusBarText } from '../../src/core/secrets/secretStatus';
import { mergeTokens, tokenId, viewToken } from '../../src/core/secrets/tokenViews';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function b64url(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

function hs256(payload: Record<string, unknown>, secret = 'unit-secret-0123456789abcdef0123456789'): string {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('sidebar model: status', () => {
  const base = { defaultRotateDays: 90, warningDays: 14, now: NOW };

  it('takes the policy state when no JWT is involved', () => {
    assert.equal(evaluateSecret({ ...base, policy: { expires: NOW - DAY_MS } }).state, 'expired');
    assert.equal(evaluateSecret({ ...base, policy: { rotated: NOW - 80 * DAY_MS } }).state, 'rotation-due');
    assert.equal(evaluateSecret({ ...base, policy: { rotated: NOW - DAY_MS } }).state, 'ok');
    assert.equal(evaluateSecret({ ...base, policy: {} }).state, 'unknown');
  });

  it('lets an expired or expiring JWT win over a calmer policy', () => {
    const expired = evaluateSecret({ ...base, policy: { rotated: NOW - DAY_MS }, jwtPayload: { exp: (NOW - HOUR_MS) / 1000 } });
    assert.equal(expired.state, 'expired');
    assert.match(expired.reason, /^token expired 1 h ago$/);
    const soon = evaluateSecret({ ...base, policy: { rotated: NOW - DAY_MS }, jwtPayload: { exp: (NOW + 3 * DAY_MS) / 1000 } });
    assert.equal(soon.state, 'expiring');
  });

  it('uses the JWT expiry when the policy has nothing to say, and ignores a JWT without exp', () => {
    const s = evaluateSecret({ ...base, policy: {}, jwtPayload: { exp: (NOW + 60 * DAY_MS) / 1000 } });
    assert.equal(s.state, 'ok');
    assert.equal(s.reason, 'token expires in 2 months');
    assert.equal(evaluateSecret({ ...base, policy: {}, jwtPayload: { sub: 'x' } }).state, 'unknown');
  });

  it('keeps a worse policy state over a fine JWT', () => {
    const s = evaluateSecret({ ...base, policy: { expires: NOW - DAY_MS }, jwtPayload: { exp: (NOW + 60 * DAY_MS) / 1000 } });
    assert.equal(s.state, 'expired');
  });

  it('counts and formats the status bar text, hidden at zero', () => {
    const c = countStates(['expired', 'ok', 'rotation-due', 'expiring', 'expired', 'unknown']);
    assert.deepEqual(c, { expired: 2, due: 2, total: 4 });
    assert.equal(statusBarText(c), '$(shield) 2 expired · 2 due');
    assert.equal(statusBarText(countStates(['expired'])), '$(shield) 1 expired');
    assert.equal(statusBarText(countStates(['rotation-due'])), '$(shield) 1 due');
    assert.equal(statusBarText(countStates(['ok', 'unknown'])), undefined);
  });

  it('maps keychain metadata to a policy and back to days', () => {
    const p = policyFromMeta({ expires: '2027-01-31', rotateDays: 30, rotatedAt: NOW }, parseIsoDate);
    assert.deepEqual(p, { rotate: { amount: 30, unit: 'd' }, expires: Date.UTC(2027, 0, 31), rotated: NOW });
    assert.deepEqual(policyFromMeta({ rotateDays: 0 }, parseIsoDate), { rotate: 'never' });
    assert.equal(intervalDays({ amount: 6, unit: 'm' }), 180);
    assert.equal(intervalDays({ amount: 2, unit: 'w' }), 14);
    assert.equal(intervalDays('never'), 0);
    assert.equal(intervalDays(undefined), undefined);
  });
});

describe('sidebar model: .env', () => {
  it('recognises .env file names', () => {
    for (const n of ['.env', '.env.local', '.env.production']) assert.ok(isEnvFileName(n), n);
    for (const n of ['.envrc', 'env', '.env.swp', 'x.env']) assert.ok(!isEnvFileName(n), n);
  });

  it('lists effective non-empty entries with policy, key position and JWT payload', () => {
    const jwt = hs256({ sub: 'svc', exp: 1704067200 });
    const text = `# leakproof: rotate=30d rotated=2026-01-01\nA=one\nEMPTY=\nA=two\n  export B=${jwt}\n# leakproof: rotate=soon\nC=x\n`;
    const list = envSecrets(text);
    assert.deepEqual(list.map((e) => e.key), ['A', 'B', 'C']);
    const a = list[0]!;
    // The last A wins, like dotenv; its policy comment is the one directly above it (none).
    assert.equal(a.value, 'two');
    assert.deepEqual(a.policy, {});
    const b = list[1]!;
    assert.deepEqual(b.keyRange, { line: 4, startChar: 9, endChar: 10 });
    assert.equal(b.jwtPayload?.sub, 'svc');
    const c = list[2]!;
    assert.equal(c.policyErrors.length, 1);
    assert.deepEqual(c.policyRange, { line: 5, startChar: 0, endChar: 24 });
  });

  it('rewrites, inserts and removes the policy comment without touching anything else', () => {
    const text = 'X=1\n# note\n# leakproof: rotate=90d\n# leakproof: expires=2027-01-01\nKEY=v\nY=2\n';
    const p = planPolicyEdits(text, 'KEY', { rotate: { amount: 30, unit: 'd' } });
    assert.ok(p.ok);
    assert.equal(p.newText, 'X=1\n# note\n# leakproof: rotate=30d\nKEY=v\nY=2\n');
    const ins = planPolicyEdits('A=1\r\nKEY=v\r\n', 'KEY', { expires: Date.UTC(2027, 0, 31) });
    assert.ok(ins.ok);
    assert.equal(ins.newText, 'A=1\r\n# leakproof: expires=2027-01-31\r\nKEY=v\r\n');
    const del = planPolicyEdits(text, 'KEY', {});
    assert.ok(del.ok);
    assert.equal(del.newText, 'X=1\n# note\nKEY=v\nY=2\n');
    assert.equal(planPolicyEdits(text, 'MISSING', {}).ok, false);
  });

  it('plans a rotation: value in place and rotated= today, every other byte unchanged', () => {
    const text = dotenvFixture;
    const plan = planRotation(text, 'SESSION', 'lp_new_value_2', 'now', NOW);
    assert.ok(plan.ok);
    const expected = text.replace('lp_old_value_1', 'lp_new_value_2').replace('rotated=2026-01-01', 'rotated=2026-11-25');
    assert.equal(plan.newText, expected);
    assert.equal(applyEdits(text, plan.edits), expected);
    const before = toRecord(parseDotenv(text));
    const after = toRecord(parseDotenv(plan.newText));
    assert.deepEqual({ ...after, SESSION: before.SESSION }, { ...before });
  });

  it('plans a rollback that restores the earlier rotated= date, or removes it', () => {
    const rotated = planRotation(dotenvFixture, 'SESSION', 'lp_new_value_2', 'now', NOW);
    assert.ok(rotated.ok);
    const back = planRotation(rotated.newText, 'SESSION', 'lp_old_value_1', Date.UTC(2026, 0, 1), NOW);
    assert.ok(back.ok);
    assert.equal(back.newText, dotenvFixture);
    const none = planRotation('# leakproof: rotated=2026-02-02 rotate=30d\nK=a\n', 'K', 'b', undefined, NOW);
    assert.ok(none.ok);
    assert.equal(none.newText, '# leakproof: rotate=30d\nK=b\n');
  });

  it('adds a policy line when rotating an entry without one', () => {
    const plan = planRotation('K=a # keep me\n', 'K', 'b', 'now', NOW);
    assert.ok(plan.ok);
    assert.equal(plan.newText, '# leakproof: rotated=2026-11-25\nK=b # keep me\n');
    assert.deepEqual(policyOf(plan.newText, 'K'), { rotated: Date.UTC(2026, 10, 25) });
  });

  it('refuses an unchanged value and a missing key', () => {
    assert.equal(planRotation('K=a\n', 'K', 'a', 'now', NOW).ok, false);
    assert.equal(planRotation('K=a\n', 'Z', 'b', 'now', NOW).ok, false);
  });
});

describe('sidebar model: tokens', () => {
  it('merges the same token found in several places, keeps malformed input with its reason', () => {
    const jwt = hs256({ sub: 'alice', exp: (NOW + 3 * HOUR_MS) / 1000, iat: NOW / 1000 });
    const merged = mergeTokens([
      { text: jwt, source: { kind: 'document', label: 'a.ts:3' } },
      { text: jwt, source: { kind: 'env', label: 'TOKEN' } },
      { text: jwt, source: { kind: 'document', label: 'a.ts:3' } },
      { text: 'not-a-token', source: { kind: 'decoded', label: 'from clipboard' } },
    ]);
    assert.equal(merged.length, 2);
    assert.equal(merged[0]!.sources.length, 2);
    assert.equal(merged[0]!.id, tokenId(jwt));

    const ok = viewToken(merged[0]!, NOW, 24 * HOUR_MS, undefined, 60);
    assert.equal(ok.label, 'a.ts:3 (+1)');
    assert.equal(ok.state, 'expiring');
    assert.equal(ok.description, 'HS256 · alice · expires in 3 h');
    const exp = ok.claims.find((r) => r.key === 'exp');
    assert.deepEqual(exp, { key: 'exp', label: 'Expires', value: 'expires in 3 h', detail: '2026-11-25 16:00:00 UTC+01:00' });
    assert.ok(!ok.label.includes(jwt) && !ok.description.includes(jwt) && !ok.tooltip.includes(jwt));

    const bad = viewToken(merged[1]!, NOW, 24 * HOUR_MS);
    assert.equal(bad.state, 'malformed');
    assert.match(bad.description, /^malformed: A JWT has 3 dot-separated parts; this has 1\.$/);
    assert.deepEqual(bad.claims, []);
  });

  it('puts the verification result in the description and tooltip', () => {
    const jwt = hs256({ sub: 'bob' });
    const [t] = mergeTokens([{ text: jwt, source: { kind: 'decoded', label: 'pasted' } }]);
    const v = viewToken(t!, NOW, HOUR_MS, { result: 'invalid', reason: 'The signature does not match this key.', warnings: [], keySource: 'typed secret', at: NOW });
    assert.equal(v.description, 'signature INVALID · HS256 · bob · no expiry');
    assert.match(v.tooltip, /signature INVALID \(typed secret\): The signature does not match this key\./);
  });
});

// Purity of src/core/secrets (the sidebar's pure logic) is enforced by purity.test.ts.

describe('sidebar contributions', () => {
  it('contributes every public command of the catalogue, and menus name only contributed commands', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const source = readFileSync('src/vscode/commands/ids.ts', 'utf8');
    const block = /CommandId = \{([\s\S]*?)\} as const/.exec(source)?.[1] ?? '';
    const ids = [...block.matchAll(/'(leakproof\.[^']+)'/g)].map((m) => m[1] as string);
    assert.ok(ids.length >= 20);
    for (const c of contributed) assert.ok(ids.includes(c), `${c} is contributed but not in the CommandId catalogue`);
    for (const id of ids) {
      if (id === 'leakproof.test.sidebarState') assert.ok(!contributed.has(id), 'the test command stays internal');
      else assert.ok(contributed.has(id), `${id} is not in contributes.commands`);
    }
    for (const c of pkg.contributes.commands.filter((x: { command: string }) => ids.includes(x.command))) assert.equal(c.category, 'Leakproof');
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, Array<{ command: string }>>)) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu} names ${item.command}`);
    }
    const views = pkg.contributes.views.leakproof.map((v: { id: string }) => v.id);
    assert.deepEqual(views, ['leakproof.secrets', 'leakproof.tokens']);
  });
});
