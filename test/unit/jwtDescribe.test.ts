import * as assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/core/clock';
import { describeJwt } from '../../src/core/jwt/describe';
import { jwtStatus } from '../../src/core/jwt/status';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const sec = (ms: number): number => Math.floor(ms / 1000);
const WINDOW = DAY_MS;

describe('jwt status', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['valid', { exp: sec(NOW + 3 * DAY_MS) }, 'valid'],
    ['expiring inside the window', { exp: sec(NOW + 3 * HOUR_MS) }, 'expiring'],
    ['expiring exactly at the window edge', { exp: sec(NOW + WINDOW) }, 'expiring'],
    ['expired', { exp: sec(NOW - 2 * DAY_MS) }, 'expired'],
    ['expired when exp == now', { exp: sec(NOW) }, 'expired'],
    ['not yet valid', { nbf: sec(NOW + 2 * HOUR_MS), exp: sec(NOW + 3 * DAY_MS) }, 'not-yet-valid'],
    ['not yet valid without exp', { nbf: sec(NOW + 2 * HOUR_MS) }, 'not-yet-valid'],
    ['expired wins over nbf', { nbf: sec(NOW + 2 * HOUR_MS), exp: sec(NOW - HOUR_MS) }, 'expired'],
    ['no expiry', { sub: 'x' }, 'no-expiry'],
    ['garbage exp', { exp: 'tomorrow' }, 'no-expiry'],
  ];
  for (const [name, payload, state] of cases) {
    it(name, () => assert.equal(jwtStatus(payload, NOW, WINDOW).state, state));
  }
  it('reports expiresAt, msLeft and a reason', () => {
    const s = jwtStatus({ exp: sec(NOW + 3 * HOUR_MS) }, NOW, WINDOW);
    assert.equal(s.expiresAt, NOW + 3 * HOUR_MS);
    assert.equal(s.msLeft, 3 * HOUR_MS);
    assert.equal(s.reason, 'expires in 3 h');
    assert.equal(jwtStatus({ exp: sec(NOW - 2 * DAY_MS) }, NOW, WINDOW).reason, 'expired 2 days ago');
    assert.equal(jwtStatus({ nbf: sec(NOW + 2 * HOUR_MS) }, NOW, WINDOW).reason, 'not valid for another 2 h');
    assert.deepEqual(jwtStatus({ exp: 'tomorrow' }, NOW, WINDOW).problems, ['exp is not a number']);
  });
});

describe('jwt describe', () => {
  const header = { alg: 'RS256', kid: 'key-1', typ: 'JWT', x5t: 'abc' };
  const payload = {
    iss: 'https://issuer.test',
    sub: 'alice',
    aud: ['api', 'web'],
    scp: ['read', 'write'],
    iat: sec(NOW - 5 * MINUTE_MS),
    nbf: sec(NOW - 5 * MINUTE_MS),
    exp: sec(NOW + 3 * HOUR_MS),
    tenant: { id: 42, name: 'n'.repeat(200) },
    role: 'admin',
  };
  const d = describeJwt({ header, payload }, { now: NOW, warningWindowMs: WINDOW, tzOffsetMinutes: 0 });
  const row = (key: string): { label: string; value: string; detail?: string } | undefined => [...d.header, ...d.claims].find((r) => r.key === key);

  it('orders header rows alg, typ, kid, then the rest', () => {
    assert.deepEqual(d.header.map((r) => r.key), ['alg', 'typ', 'kid', 'x5t']);
    assert.equal(row('alg')?.label, 'Algorithm');
    assert.equal(row('kid')?.value, 'key-1');
  });
  it('describes registered claims', () => {
    assert.deepEqual(d.claims.map((r) => r.key), ['iss', 'sub', 'aud', 'scp', 'iat', 'nbf', 'exp', 'tenant', 'role']);
    assert.equal(row('aud')?.value, 'api, web');
    assert.equal(row('scp')?.value, 'read write');
    assert.equal(row('iat')?.value, 'issued 5 min ago');
    assert.equal(row('nbf')?.value, 'valid since 5 min ago');
    assert.equal(row('exp')?.value, 'expires in 3 h');
    assert.equal(row('exp')?.detail, '2026-06-15 15:00:00 UTC+00:00');
  });
  it('stringifies and truncates custom claims', () => {
    const t = row('tenant');
    assert.ok(t);
    assert.equal(Array.from(t.value).length, 80);
    assert.ok(t.value.startsWith('{"id":42,'));
    assert.ok(t.value.endsWith('…'));
    assert.equal(t.detail, JSON.stringify(payload.tenant));
    assert.equal(row('role')?.value, 'admin');
  });
  it('has a status and a one-line summary', () => {
    assert.equal(d.status.state, 'expiring');
    assert.equal(d.summary, 'RS256 · alice · expires in 3 h');
  });
  it('handles a scope string, alg none and non-date date claims', () => {
    const e = describeJwt({ header: { alg: 'none' }, payload: { scope: 'a b', exp: 'soon' } }, { now: NOW, tzOffsetMinutes: 0 });
    assert.equal(e.header[0]?.detail, 'unsigned token: anyone can forge it');
    assert.equal(e.claims.find((r) => r.key === 'scope')?.value, 'a b');
    assert.equal(e.claims.find((r) => r.key === 'exp')?.value, 'not a date: "soon"');
    assert.equal(e.status.state, 'no-expiry');
  });
});
