import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { classesOf, generateLike, inferShape } from '../../src/core/rotation/generate';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGIT = '0123456789';
const CLASS_CHARS: Readonly<Record<string, string>> = { lower: LOWER, upper: UPPER, digit: DIGIT, b64: '+/', b64url: '-_', symbol: '!@#$%^&*' };

function gen(value: string): string {
  const r = generateLike(value);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value;
}

function sortedClasses(s: string): string[] {
  return [...classesOf(s)].sort();
}

/** A random body containing every chosen class at least once (so it reads as random). */
const bodyArb = fc
  .record({
    core: fc.subarray(['lower', 'upper', 'digit'], { minLength: 2 }),
    extra: fc.subarray(['b64', 'b64url', 'symbol'], { maxLength: 1 }),
    length: fc.integer({ min: 12, max: 64 }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
  })
  .map(({ core, extra, length, seed }) => {
    const classes = [...core, ...extra];
    const pool = classes.map((c) => CLASS_CHARS[c] as string).join('');
    const chars = Array.from({ length }, (_, i) => pool.charAt((seed[i] as number) % pool.length));
    // Guarantee each class, away from the edges so a leading `-`/`_` doesn't become a separator.
    classes.forEach((c, i) => {
      const set = CLASS_CHARS[c] as string;
      chars[1 + i] = set.charAt((seed[63 - i] as number) % set.length);
    });
    return chars.join('');
  });

const prefixArb = fc.constantFrom('', 'sk_test_', 'ghp_', 'xoxb-', 'AKIA', 'glpat-', 'myapp_live_', 'svc-');

describe('rotation generate: properties', () => {
  it('same length, prefix and character classes; never the old value; two generations differ', () => {
    fc.assert(
      fc.property(prefixArb, bodyArb, (prefix, body) => {
        const old = prefix + body;
        const a = gen(old);
        const b = gen(old);
        assert.equal(a.length, old.length);
        assert.ok(a.startsWith(prefix), `${a} keeps ${prefix}`);
        assert.deepEqual(sortedClasses(a), sortedClasses(old));
        assert.notEqual(a, old);
        assert.notEqual(a, b);
      }),
      { numRuns: 300 },
    );
  });
  it('hex stays hex in the same case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 64 }), fc.boolean(), fc.nat(), (length, upper, seed) => {
        let old = Array.from({ length }, (_, i) => '0123456789abcdef'.charAt((seed + i * 7) % 16)).join('');
        old = `${old.slice(0, -2)}a1`;
        if (upper) old = old.toUpperCase();
        const shape = inferShape(old);
        assert.ok(!('error' in shape));
        const a = gen(old);
        assert.match(a, upper ? /^[0-9A-F]+$/ : /^[0-9a-f]+$/);
        assert.equal(a.length, old.length);
      }),
      { numRuns: 100 },
    );
  });
  it('grouping separators stay in place', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 10 }), { minLength: 2, maxLength: 6 }), fc.constantFrom('-', '_', '.'), (sizes, sep) => {
        const old = sizes.map((n, i) => `${'aB3'.repeat(4)}${i}`.slice(0, n)).join(sep) + sep + 'Zq9xW2kP';
        const a = gen(old);
        const at = (s: string): number[] => Array.from(s).flatMap((c, i) => (c === sep ? [i] : []));
        assert.deepEqual(at(a), at(old));
      }),
      { numRuns: 100 },
    );
  });
});

describe('rotation generate: shapes', () => {
  it('known prefixes, with a provider warning', () => {
    const r = generateLike('ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8');
    assert.ok(r.ok);
    assert.equal(r.shape.prefix, 'ghp_');
    assert.equal(r.shape.issuedBy, 'GitHub');
    assert.match(r.warnings[0] as string, /only GitHub can issue/);
  });
  it('word-like generic prefix up to the last separator', () => {
    const r = generateLike('myapp_live_8fK2mQ9xLp3RtV7w');
    assert.ok(r.ok);
    assert.equal(r.shape.prefix, 'myapp_live_');
    assert.equal(r.shape.issuedBy, undefined);
    assert.deepEqual(r.warnings, []);
  });
  it('no prefix for random base64url with separators inside', () => {
    const shape = inferShape('aB3_xY-9kLmN0pQrStUvWx');
    assert.ok(!('error' in shape));
    assert.equal(shape.prefix, '');
    assert.equal(shape.kind, 'plain');
  });
  it('UUIDs keep version and variant', () => {
    for (const old of ['550e8400-e29b-41d4-a716-446655440000', '6BA7B810-9DAD-11D1-80B4-00C04FD430C8']) {
      const shape = inferShape(old);
      assert.ok(!('error' in shape) && shape.kind === 'uuid');
      for (let i = 0; i < 20; i++) {
        const a = gen(old);
        assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
        assert.equal(a.charAt(14), old.charAt(14));
        assert.equal(a === a.toUpperCase(), old === old.toUpperCase());
      }
    }
  });
  it('Slack-style groups keep per-group classes', () => {
    const a = gen('xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx');
    assert.match(a, /^xoxb-\d{12}-\d{13}-[A-Za-z]{24}$/);
  });
  it('base64 keeps padding, symbols stay within the seen set', () => {
    assert.match(gen('aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ='), /^[A-Za-z0-9+/]{35}=$/);
    const p = gen('P@ssw0rd!2024xyz');
    assert.match(p, /^[A-Za-z0-9@!]{16}$/);
    assert.match(p, /[@!]/);
  });
  it('short values warn about low entropy; refusals have reasons', () => {
    const r = generateLike('ab12cd');
    assert.ok(r.ok && /bits of randomness/.test(r.warnings[0] as string));
    for (const bad of ['', 'two words', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'line1\nline2']) {
      const x = generateLike(bad);
      assert.equal(x.ok, false, bad);
      assert.ok(!x.ok && x.reason.length > 10);
    }
    assert.equal(generateLike('!!!!').ok, false);
  });
  it('uses an injected random source', () => {
    let i = 0;
    const r = generateLike('abcd1234efgh', { randomIndex: (max) => i++ % max });
    assert.ok(r.ok);
    assert.equal(r.value.length, 12);
  });
});
