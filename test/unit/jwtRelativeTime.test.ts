import * as assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../../src/core/clock';
import { expiryPhrase, formatDuration, formatLocalTime, formatRelative, issuedPhrase, notBeforePhrase } from '../../src/core/jwt/relativeTime';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('jwt relativeTime: formatDuration', () => {
  const cases: Array<[number, string]> = [
    [0, 'less than 1 s'],
    [999, 'less than 1 s'],
    [SECOND_MS, '1 s'],
    [59 * SECOND_MS + 999, '59 s'],
    [MINUTE_MS, '1 min'],
    [59 * MINUTE_MS + 59 * SECOND_MS, '59 min'],
    [HOUR_MS, '1 h'],
    [3 * HOUR_MS + 59 * MINUTE_MS, '3 h'],
    [DAY_MS - 1, '23 h'],
    [DAY_MS, '1 day'],
    [2 * DAY_MS, '2 days'],
    [29 * DAY_MS + 23 * HOUR_MS, '29 days'],
    [30 * DAY_MS, '1 month'],
    [59 * DAY_MS, '1 month'],
    [60 * DAY_MS, '2 months'],
    [330 * DAY_MS, '11 months'],
    [364 * DAY_MS, '11 months'],
    [365 * DAY_MS, '1 year'],
    [729 * DAY_MS, '1 year'],
    [730 * DAY_MS, '2 years'],
  ];
  for (const [ms, text] of cases) {
    it(`${ms} ms → ${text} (and the same for negative)`, () => {
      assert.equal(formatDuration(ms), text);
      assert.equal(formatDuration(-ms), text);
    });
  }
});

describe('jwt relativeTime: phrases', () => {
  it('formatRelative: future, past, now', () => {
    assert.equal(formatRelative(NOW + 3 * HOUR_MS, NOW), 'in 3 h');
    assert.equal(formatRelative(NOW - 2 * DAY_MS, NOW), '2 days ago');
    assert.equal(formatRelative(NOW + 500, NOW), 'now');
    assert.equal(formatRelative(NOW - 500, NOW), 'now');
    assert.equal(formatRelative(NOW - DAY_MS, NOW), '1 day ago');
  });
  it('expiryPhrase: exp == now counts as expired', () => {
    assert.equal(expiryPhrase(NOW + 3 * HOUR_MS, NOW), 'expires in 3 h');
    assert.equal(expiryPhrase(NOW - 2 * DAY_MS, NOW), 'expired 2 days ago');
    assert.equal(expiryPhrase(NOW, NOW), 'expired just now');
    assert.equal(expiryPhrase(NOW + 1, NOW), 'expires in less than 1 s');
    assert.equal(expiryPhrase(NOW - 45 * SECOND_MS, NOW), 'expired 45 s ago');
    assert.equal(expiryPhrase(NOW + 400 * DAY_MS, NOW), 'expires in 1 year');
  });
  it('issuedPhrase', () => {
    assert.equal(issuedPhrase(NOW - 5 * MINUTE_MS, NOW), 'issued 5 min ago');
    assert.equal(issuedPhrase(NOW, NOW), 'issued just now');
    assert.equal(issuedPhrase(NOW + 10 * MINUTE_MS, NOW), 'issued 10 min in the future');
    assert.equal(issuedPhrase(NOW - 3 * 30 * DAY_MS, NOW), 'issued 3 months ago');
  });
  it('notBeforePhrase', () => {
    assert.equal(notBeforePhrase(NOW + 2 * HOUR_MS, NOW), 'not valid for another 2 h');
    assert.equal(notBeforePhrase(NOW - 3 * DAY_MS, NOW), 'valid since 3 days ago');
    assert.equal(notBeforePhrase(NOW, NOW), 'valid since just now');
  });
});

describe('jwt relativeTime: formatLocalTime', () => {
  it('formats with an explicit offset', () => {
    assert.equal(formatLocalTime(NOW, 0), '2026-06-15 12:00:00 UTC+00:00');
    assert.equal(formatLocalTime(NOW, 60), '2026-06-15 13:00:00 UTC+01:00');
    assert.equal(formatLocalTime(NOW, -330), '2026-06-15 06:30:00 UTC-05:30');
    assert.equal(formatLocalTime(Date.UTC(2026, 11, 31, 23, 30), 60), '2027-01-01 00:30:00 UTC+01:00');
  });
  it('uses the machine offset by default and survives garbage', () => {
    assert.match(formatLocalTime(NOW), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/);
    assert.equal(formatLocalTime(Number.NaN, 0), 'invalid date');
    assert.equal(formatLocalTime(1e20, 0), 'invalid date');
  });
});
