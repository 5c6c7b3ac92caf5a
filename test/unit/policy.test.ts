import * as assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS } from '../../src/core/clock';
import { addDuration, formatIsoDate, parseDuration, parseIsoDate } from '../../src/core/policy/dates';
import { findPolicyAbove, formatPolicy, isPolicyComment, markRotated, parsePolicyComment, parsePolicyLines } from '../../src/core/policy/parse';

const D = (s: string): number => Date.parse(s);

describe('policy dates', () => {
  it('parses durations', () => {
    assert.deepEqual(parseDuration('30d'), { amount: 30, unit: 'd' });
    assert.deepEqual(parseDuration('12w'), { amount: 12, unit: 'w' });
    assert.deepEqual(parseDuration('6m'), { amount: 6, unit: 'm' });
    assert.deepEqual(parseDuration('1Y'), { amount: 1, unit: 'y' });
    assert.deepEqual(parseDuration('48h'), { amount: 48, unit: 'h' });
    for (const bad of ['', '0d', '-3d', '3', 'd', '3x', '1.5d', '3 d']) assert.equal(parseDuration(bad), undefined, bad);
  });
  it('adds durations, months by the calendar', () => {
    const t = D('2026-01-31T00:00:00Z');
    assert.equal(addDuration(t, { amount: 48, unit: 'h' }), t + 48 * HOUR_MS);
    assert.equal(addDuration(t, { amount: 30, unit: 'd' }), t + 30 * DAY_MS);
    assert.equal(addDuration(t, { amount: 2, unit: 'w' }), t + 14 * DAY_MS);
    assert.equal(addDuration(t, { amount: 1, unit: 'm' }), D('2026-02-28T00:00:00Z'));
    assert.equal(addDuration(D('2028-01-31T00:00:00Z'), { amount: 1, unit: 'm' }), D('2028-02-29T00:00:00Z'));
    assert.equal(addDuration(D('2026-10-15T10:30:00Z'), { amount: 6, unit: 'm' }), D('2027-04-15T10:30:00Z'));
    assert.equal(addDuration(D('2028-02-29T00:00:00Z'), { amount: 1, unit: 'y' }), D('2029-02-28T00:00:00Z'));
  });
  it('parses ISO dates strictly; date-only and offset-less are UTC', () => {
    assert.equal(parseIsoDate('2027-01-31'), D('2027-01-31T00:00:00Z'));
    assert.equal(parseIsoDate('2027-01-31T10:00'), D('2027-01-31T10:00:00Z'));
    assert.equal(parseIsoDate('2027-01-31T10:00:05.5Z'), D('2027-01-31T10:00:05.500Z'));
    assert.equal(parseIsoDate('2027-01-31T10:00:00+02:00'), D('2027-01-31T08:00:00Z'));
    assert.equal(parseIsoDate('2027-01-31T10:00:00-0530'), D('2027-01-31T15:30:00Z'));
    for (const bad of ['2027-02-30', '2027-13-01', '2027-1-1', '31/01/2027', 'tomorrow', '2027-01-31T25:00', '']) {
      assert.equal(parseIsoDate(bad), undefined, bad);
    }
  });
  it('formats dates compactly', () => {
    assert.equal(formatIsoDate(D('2027-01-31T00:00:00Z')), '2027-01-31');
    assert.equal(formatIsoDate(D('2027-01-31T10:00:00Z')), '2027-01-31T10:00:00Z');
    assert.equal(formatIsoDate(D('2027-01-31T10:00:00.250Z')), '2027-01-31T10:00:00.250Z');
  });
});

describe('policy parse', () => {
  it('recognises the comment', () => {
    assert.ok(isPolicyComment('# leakproof: rotate=90d'));
    assert.ok(isPolicyComment('  #LeakProof:rotate=90d'));
    assert.ok(!isPolicyComment('# just a comment'));
    assert.ok(!isPolicyComment('LEAKPROOF=1'));
    assert.equal(parsePolicyComment('# other'), undefined);
  });
  it('parses all known keys', () => {
    const p = parsePolicyComment('# leakproof: rotate=90d expires=2027-01-31 rotated=2026-10-01 created=2026-01-02');
    assert.ok(p);
    assert.deepEqual(p.policy, {
      rotate: { amount: 90, unit: 'd' },
      expires: D('2027-01-31T00:00:00Z'),
      rotated: D('2026-10-01T00:00:00Z'),
      created: D('2026-01-02T00:00:00Z'),
    });
    assert.deepEqual(p.warnings, []);
    assert.deepEqual(p.errors, []);
  });
  it('rotate=never', () => {
    assert.equal(parsePolicyComment('# leakproof: rotate=never')?.policy.rotate, 'never');
  });
  it('warns on unknown keys, stray words and duplicates, keeping unknown keys for rewriting', () => {
    const p = parsePolicyComment('# leakproof: owner=team-a rotate=30d hello rotate=60d');
    assert.ok(p);
    assert.deepEqual(p.policy, { rotate: { amount: 60, unit: 'd' }, extra: { owner: 'team-a' } });
    assert.equal(p.warnings.length, 3);
    assert.match(p.warnings[0] as string, /Unknown key "owner"/);
    assert.match(p.warnings[1] as string, /"hello"/);
    assert.match(p.warnings[2] as string, /more than once/);
  });
  it('reports malformed values as errors and leaves them out', () => {
    const p = parsePolicyComment('# leakproof: rotate=soon expires=2027-02-30 rotated=yesterday created=2026-01-01');
    assert.ok(p);
    assert.deepEqual(p.policy, { created: D('2026-01-01T00:00:00Z') });
    assert.deepEqual(p.errors.map((e) => e.key), ['rotate', 'expires', 'rotated']);
    assert.match(p.errors[0]?.message as string, /duration like 30d/);
  });
  it('never throws', () => {
    for (const s of ['# leakproof:', '# leakproof: =', '# leakproof: ==== a= =b', `# leakproof: ${'x='.repeat(1000)}`]) {
      assert.doesNotThrow(() => parsePolicyComment(s));
    }
    assert.deepEqual(parsePolicyComment('# leakproof:')?.policy, {});
  });
  it('merges several lines', () => {
    const p = parsePolicyLines(['# leakproof: rotate=30d', '# note', '# leakproof: expires=2027-01-01']);
    assert.deepEqual(p.policy, { rotate: { amount: 30, unit: 'd' }, expires: D('2027-01-01T00:00:00Z') });
  });
  it('finds the policy in the comment block directly above an entry', () => {
    const lines = [
      '# leakproof: rotate=7d', // belongs to nothing: a blank line follows
      '',
      '# Stripe key for staging',
      '# leakproof: rotate=90d',
      '# leakproof: rotated=2026-10-01',
      'STRIPE_KEY=abc',
      'OTHER=1',
    ];
    const found = findPolicyAbove(lines, 5);
    assert.ok(found);
    assert.deepEqual(found.lineIndices, [3, 4]);
    assert.deepEqual(found.parse.policy, { rotate: { amount: 90, unit: 'd' }, rotated: D('2026-10-01T00:00:00Z') });
    assert.equal(findPolicyAbove(lines, 6), undefined);
    assert.equal(findPolicyAbove(lines, 0), undefined);
  });
  it('formats canonically and round-trips', () => {
    const text = '# leakproof: rotate=90d expires=2027-01-31 rotated=2026-10-01 created=2026-01-02 owner=team-a';
    const p = parsePolicyComment('#leakproof: owner=team-a created=2026-01-02 rotated=2026-10-01 expires=2027-01-31 rotate=90d');
    assert.ok(p);
    assert.equal(formatPolicy(p.policy), text);
    assert.deepEqual(parsePolicyComment(text)?.policy, p.policy);
    assert.equal(formatPolicy({ rotate: 'never' }), '# leakproof: rotate=never');
    assert.equal(formatPolicy({}), '# leakproof:');
  });
  it('markRotated sets rotated to today (UTC)', () => {
    const p = markRotated({ rotate: { amount: 90, unit: 'd' }, rotated: D('2026-01-01') }, D('2026-10-01T15:42:00Z'));
    assert.equal(formatPolicy(p), '# leakproof: rotate=90d rotated=2026-10-01');
  });
});
