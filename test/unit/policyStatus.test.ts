import * as assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS } from '../../src/core/clock';
import { countAttention, policyStatus, shouldNotify } from '../../src/core/policy/status';
import type { Policy } from '../../src/core/policy/parse';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const days = (n: number): number => n * DAY_MS;
const status = (policy: Policy, extra: Partial<Parameters<typeof policyStatus>[0]> = {}): ReturnType<typeof policyStatus> =>
  policyStatus({ policy, defaultRotateDays: 90, warningDays: 14, now: NOW, ...extra });

describe('policy status', () => {
  it('ok: rotation far away', () => {
    const s = status({ rotated: NOW - days(10) });
    assert.equal(s.state, 'ok');
    assert.equal(s.dueAt, NOW + days(80));
    assert.equal(s.reason, 'next rotation in 2 months');
  });
  it('rotation-due inside the window, at the edge, and overdue', () => {
    assert.deepEqual(status({ rotated: NOW - days(85) }), { state: 'rotation-due', dueAt: NOW + days(5), reason: 'rotation due in 5 days' });
    assert.equal(status({ rotated: NOW - days(76) }).state, 'rotation-due');
    assert.equal(status({ rotated: NOW - days(76) + 1 }).state, 'ok');
    assert.equal(status({ rotated: NOW - days(93) }).reason, 'rotation overdue by 3 days');
    assert.equal(status({ rotated: NOW - days(90) }).reason, 'rotation due now');
  });
  it('policy interval overrides the default; months are calendar months', () => {
    const s = status({ rotate: { amount: 1, unit: 'm' }, rotated: Date.UTC(2026, 4, 20) });
    assert.equal(s.dueAt, Date.UTC(2026, 5, 20));
    assert.equal(s.state, 'rotation-due');
    assert.equal(s.reason, 'rotation due in 4 days');
  });
  it('base date: latest of policy rotated / lastRotatedAt, else created', () => {
    assert.equal(status({ rotated: NOW - days(100) }, { lastRotatedAt: NOW - days(1) }).state, 'ok');
    assert.equal(status({}, { lastRotatedAt: NOW - days(100) }).state, 'rotation-due');
    assert.equal(status({ created: NOW - days(95) }).state, 'rotation-due');
    assert.equal(status({}, { createdAt: NOW - days(5) }).state, 'ok');
  });
  it('expired and expiring beat rotation', () => {
    assert.deepEqual(status({ expires: NOW - days(3), rotated: NOW - days(100) }), {
      state: 'expired',
      dueAt: NOW - days(10),
      expiresAt: NOW - days(3),
      reason: 'expired 3 days ago',
    });
    assert.equal(status({ expires: NOW }).state, 'expired');
    const e = status({ expires: NOW + days(5), rotated: NOW - days(100) });
    assert.equal(e.state, 'expiring');
    assert.equal(e.reason, 'expires in 5 days');
  });
  it('ok with expiry only; nearer event first', () => {
    assert.equal(status({ expires: NOW + days(200), rotate: 'never' }).reason, 'expires in 6 months');
    assert.equal(status({ expires: NOW + days(40), rotated: NOW }).reason, 'expires in 1 month, next rotation in 3 months');
    assert.equal(status({ expires: NOW + days(400), rotated: NOW }).reason, 'next rotation in 3 months, expires in 1 year');
  });
  it('unknown: no base date, or nothing configured', () => {
    const u = status({});
    assert.equal(u.state, 'unknown');
    assert.match(u.reason, /rotated=YYYY-MM-DD/);
    assert.equal(status({}, { defaultRotateDays: 0, createdAt: NOW }).reason, 'no rotation interval or expiry set');
    assert.equal(status({ rotate: 'never', rotated: NOW - days(1000) }).state, 'unknown');
  });
});

describe('policy countAttention', () => {
  it('counts policy and JWT states', () => {
    const c = countAttention(['ok', 'expired', { state: 'expired' }, 'expiring', 'rotation-due', 'valid', 'no-expiry', 'unknown']);
    assert.deepEqual(c, { expired: 2, expiring: 1, rotationDue: 1, total: 4, summary: '2 expired, 1 expiring, 1 due for rotation' });
    assert.deepEqual(countAttention([]), { expired: 0, expiring: 0, rotationDue: 0, total: 0, summary: '' });
  });
});

describe('policy shouldNotify', () => {
  const tz = { tzOffsetMinutes: 0 };
  it('only for states that need attention', () => {
    assert.equal(shouldNotify('s1', 'ok', undefined, undefined, NOW, tz).notify, false);
    assert.equal(shouldNotify('s1', 'valid', undefined, undefined, NOW, tz).notify, false);
    assert.equal(shouldNotify('s1', 'unknown', undefined, undefined, NOW, tz).notify, false);
  });
  it('first time in the window', () => {
    const d = shouldNotify('s1', 'rotation-due', undefined, undefined, NOW, tz);
    assert.deepEqual(d, { secretId: 's1', notify: true, reason: 'entered the rotation-due window' });
  });
  it('once per calendar day', () => {
    assert.equal(shouldNotify('s1', 'expiring', NOW - HOUR_MS, undefined, NOW, tz).notify, false);
    // 11:59 yesterday → 12:00 today: new day.
    assert.equal(shouldNotify('s1', 'expiring', NOW - DAY_MS - 60_000, undefined, NOW, tz).notify, true);
    // 23:59 yesterday → 00:01 today counts as a new day.
    const midnight = Date.UTC(2026, 5, 16);
    assert.equal(shouldNotify('s1', 'expiring', midnight - 60_000, undefined, midnight + 60_000, tz).notify, true);
    // The same instants seen from UTC+02:00 are on the same local day.
    assert.equal(shouldNotify('s1', 'expiring', midnight - 60_000, undefined, midnight + 60_000, { tzOffsetMinutes: 120 }).notify, false);
  });
  it('respects snooze until it ends', () => {
    assert.equal(shouldNotify('s1', 'expired', undefined, NOW + 1, NOW, tz).reason, 'snoozed');
    assert.equal(shouldNotify('s1', 'expired', undefined, NOW, NOW, tz).notify, true);
  });
  it('notifies again the same day when the state gets worse, not when it improves', () => {
    const worse = shouldNotify('s1', 'expired', NOW - HOUR_MS, undefined, NOW, { ...tz, lastNotifiedState: 'expiring' });
    assert.deepEqual(worse, { secretId: 's1', notify: true, reason: 'got worse: expiring → expired' });
    assert.equal(shouldNotify('s1', 'rotation-due', NOW - HOUR_MS, undefined, NOW, { ...tz, lastNotifiedState: 'expired' }).notify, false);
  });
});
