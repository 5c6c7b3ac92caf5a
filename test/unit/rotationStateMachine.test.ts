import * as assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS, manualClock } from '../../src/core/clock';
import {
  canRollback,
  createRotationState,
  deleteSecret,
  expireGrace,
  graceRemainingMs,
  lapsedGraceIds,
  MAX_HISTORY,
  rollback,
  rotate,
  valueFingerprint,
} from '../../src/core/rotation/stateMachine';
import type { RotationState, Transition } from '../../src/core/rotation/stateMachine';

const T0 = Date.UTC(2026, 5, 15, 12, 0, 0);
const ID = 'workspace:.env:API_TOKEN';
const FP1 = valueFingerprint('first-value-0001');
const FP2 = valueFingerprint('second-value-0002');
const FP3 = valueFingerprint('third-value-0003');

function ok(t: Transition): Extract<Transition, { ok: true }> {
  assert.ok(t.ok, t.ok ? '' : t.error.message);
  return t;
}
function err(t: Transition): string {
  assert.ok(!t.ok, 'expected an error');
  return t.error.code;
}

describe('rotation state machine', () => {
  it('fingerprints are sha256 hex and never the value', () => {
    assert.match(FP1, /^[0-9a-f]{64}$/);
    assert.notEqual(FP1, FP2);
  });

  it('create → rotate with grace → rollback → expire grace', () => {
    const clock = manualClock(T0);
    const created = createRotationState(ID, FP1, clock());
    assert.deepEqual(created.audit, { at: T0, action: 'create', secretId: ID, fingerprint: FP1 });
    assert.deepEqual(created.actions, []);

    clock.advance(HOUR_MS);
    const r = ok(rotate(created.state, FP2, clock(), DAY_MS));
    const graceEnd = T0 + HOUR_MS + DAY_MS;
    assert.deepEqual(r.actions, [
      { type: 'store-previous', secretId: ID, fingerprint: FP1, expiresAt: graceEnd },
      { type: 'write-value', secretId: ID, fingerprint: FP2 },
      { type: 'notify-terminals', secretId: ID },
      { type: 'schedule-grace-expiry', secretId: ID, at: graceEnd },
    ]);
    assert.equal(r.state.current.fingerprint, FP2);
    assert.deepEqual(r.state.previous, { fingerprint: FP1, expiresAt: graceEnd, rotatedAt: T0 + HOUR_MS });
    assert.equal(r.audit.action, 'rotate');
    assert.equal(graceRemainingMs(r.state, clock()), DAY_MS);

    clock.advance(2 * HOUR_MS);
    assert.ok(canRollback(r.state, clock()));
    const back = ok(rollback(r.state, clock()));
    assert.deepEqual(back.actions, [
      { type: 'swap-with-previous', secretId: ID, fingerprint: FP1 },
      { type: 'notify-terminals', secretId: ID },
    ]);
    assert.equal(back.state.current.fingerprint, FP1);
    assert.equal(back.state.previous?.fingerprint, FP2);
    assert.equal(back.state.previous?.expiresAt, graceEnd, 'rollback keeps the original deadline');

    assert.equal(err(expireGrace(back.state, clock())), 'grace-active');
    clock.set(graceEnd);
    assert.deepEqual(lapsedGraceIds([back.state, created.state], clock()), [ID]);
    const expired = ok(expireGrace(back.state, clock()));
    assert.deepEqual(expired.actions, [{ type: 'delete-previous', secretId: ID, fingerprint: FP2 }]);
    assert.equal(expired.state.previous, undefined);
    assert.deepEqual(
      expired.state.history.map((h) => h.action),
      ['create', 'rotate', 'rollback', 'grace-expired'],
    );
  });

  it('rollback fails after the grace period and without a previous value', () => {
    const s0 = createRotationState(ID, FP1, T0).state;
    assert.equal(err(rollback(s0, T0)), 'no-previous');
    const s1 = ok(rotate(s0, FP2, T0, HOUR_MS)).state;
    assert.ok(!canRollback(s1, T0 + HOUR_MS));
    assert.equal(err(rollback(s1, T0 + HOUR_MS)), 'grace-lapsed');
    assert.equal(graceRemainingMs(s1, T0 + 2 * HOUR_MS), 0);
  });

  it('rotate with zero grace drops the old value at once', () => {
    const s0 = createRotationState(ID, FP1, T0).state;
    const r = ok(rotate(s0, FP2, T0, 0));
    assert.deepEqual(r.actions.map((a) => a.type), ['write-value', 'notify-terminals']);
    assert.equal(r.state.previous, undefined);
    assert.equal(err(rollback(r.state, T0)), 'no-previous');
  });

  it('rotating again during grace replaces the previous value', () => {
    const s1 = ok(rotate(createRotationState(ID, FP1, T0).state, FP2, T0, DAY_MS)).state;
    const r = ok(rotate(s1, FP3, T0 + HOUR_MS, DAY_MS));
    assert.deepEqual(r.actions.map((a) => a.type), ['delete-previous', 'store-previous', 'write-value', 'notify-terminals', 'schedule-grace-expiry']);
    assert.deepEqual(r.actions[0], { type: 'delete-previous', secretId: ID, fingerprint: FP1 });
    assert.equal(r.state.previous?.fingerprint, FP2);
    const r0 = ok(rotate(s1, FP3, T0 + HOUR_MS, 0));
    assert.deepEqual(r0.actions.map((a) => a.type), ['delete-previous', 'cancel-grace-expiry', 'write-value', 'notify-terminals']);
  });

  it('rejects invalid rotations', () => {
    const s0 = createRotationState(ID, FP1, T0).state;
    assert.equal(err(rotate(s0, FP1, T0, DAY_MS)), 'same-value');
    assert.equal(err(rotate(s0, FP2, T0, -1)), 'invalid-grace');
    assert.equal(err(rotate(s0, FP2, T0, Number.NaN)), 'invalid-grace');
    assert.equal(err(expireGrace(s0, T0)), 'no-previous');
  });

  it('delete removes value and previous, then blocks further transitions', () => {
    const s1 = ok(rotate(createRotationState(ID, FP1, T0).state, FP2, T0, DAY_MS)).state;
    const d = ok(deleteSecret(s1, T0 + 1));
    assert.deepEqual(d.actions, [
      { type: 'delete-value', secretId: ID, fingerprint: FP2 },
      { type: 'delete-previous', secretId: ID, fingerprint: FP1 },
      { type: 'cancel-grace-expiry', secretId: ID },
    ]);
    assert.deepEqual(d.audit, { at: T0 + 1, action: 'delete', secretId: ID, fingerprint: FP2 });
    assert.equal(d.state.previous, undefined);
    for (const t of [rotate(d.state, FP3, T0 + 2, 0), rollback(d.state, T0 + 2), expireGrace(d.state, T0 + 2), deleteSecret(d.state, T0 + 2)]) {
      assert.equal(err(t), 'deleted');
    }
    assert.deepEqual(lapsedGraceIds([d.state], T0 + 10 * DAY_MS), []);
  });

  it('state is plain JSON and history is bounded', () => {
    let s: RotationState = createRotationState(ID, FP1, T0).state;
    for (let i = 0; i < MAX_HISTORY + 20; i++) s = ok(rotate(s, valueFingerprint(`v-${i}`), T0 + i, 0)).state;
    assert.equal(s.history.length, MAX_HISTORY);
    assert.equal(s.history[s.history.length - 1]?.fingerprint, valueFingerprint(`v-${MAX_HISTORY + 19}`));
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
    assert.ok(!JSON.stringify(s).includes('v-1'), 'no values in state');
  });
});
