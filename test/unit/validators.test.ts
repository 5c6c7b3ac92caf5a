import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { crc32, fromBase62, toBase62, validateBase62Crc32, withBase62Crc32 } from '../../src/core/validators/checksum';
import { decodeBase64, decodeBase64Prefix } from '../../src/core/validators/base64Text';
import { validatePypiToken } from '../../src/core/validators/pypiMacaroon';
import { validateOnePasswordServiceToken } from '../../src/core/validators/onePasswordToken';
import { validateDiscordBotToken } from '../../src/core/validators/discordToken';
import { scan } from '../../src/core/scan';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const base62Body = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...BASE62), { minLength: n, maxLength: n }).map((cs) => cs.join(''));

/** Replaces the character at `i` by a different base62 character. */
function flip(s: string, i: number): string {
  const c = s[i];
  const next = BASE62[(BASE62.indexOf(c) + 1) % BASE62.length];
  return s.slice(0, i) + next + s.slice(i + 1);
}

const b64url = (bin: string): string => btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('validators: checksum', () => {
  it('computes the standard CRC-32 check value', () => {
    assert.equal(crc32(''), 0);
    assert.equal(crc32('123456789'), 0xcbf43926);
    assert.equal(crc32('The quick brown fox jumps over the lazy dog'), 0x414fa339);
  });

  it('round-trips base62 with padding', () => {
    assert.equal(toBase62(0, 6), '000000');
    assert.equal(toBase62(61), 'z');
    assert.equal(toBase62(62), '10');
    assert.equal(fromBase62('10'), 62);
    assert.equal(fromBase62('ab-'), undefined);
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => fromBase62(toBase62(n, 6)) === n && toBase62(n, 6).length === 6));
  });

  it('accepts GitHub/npm tokens whose last 6 chars are the base62 CRC32 of the body', () => {
    fc.assert(
      fc.property(fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'npm_'), base62Body(30), (prefix, body) => {
        const token = withBase62Crc32(prefix, body);
        return token.length === 40 && validateBase62Crc32(token, 4) === 'valid';
      }),
    );
  });

  it('rejects a token with any single character changed', () => {
    fc.assert(
      fc.property(base62Body(30), fc.integer({ min: 4, max: 39 }), (body, i) => {
        const token = withBase62Crc32('ghp_', body);
        return validateBase62Crc32(flip(token, i), 4) === 'invalid';
      }),
    );
  });

  it('rejects truncated tokens and non-base62 checksums', () => {
    const token = withBase62Crc32('npm_', 'Rpa3YvKO5RE11PAJeCprpgN57oHUTf');
    assert.equal(validateBase62Crc32(token.slice(0, 20), 4), 'invalid');
    assert.equal(validateBase62Crc32(token.slice(0, -1) + '-', 4), 'invalid');
  });
});

describe('validators: base64 text', () => {
  it('decodes standard and URL-safe alphabets with or without padding', () => {
    assert.equal(decodeBase64('aGk/Pz8'), 'hi???');
    assert.equal(decodeBase64('aGk_Pz8'), 'hi???');
    assert.equal(decodeBase64('aGk/Pz8='), 'hi???');
    assert.equal(decodeBase64('not base64!'), undefined);
    assert.equal(decodeBase64('abcde'), undefined);
    assert.equal(decodeBase64Prefix('AgEIcHlwaS5vcmcCIN1j', 16)?.slice(3, 11), 'pypi.org');
  });
});

describe('validators: PyPI macaroon', () => {
  const macaroon = (host: string): string =>
    'pypi-' + b64url(`\x02\x01${String.fromCharCode(host.length)}${host}\x02\x20${'k'.repeat(32)}\x00\x00\x06\x20${'s'.repeat(32)}`);

  it('accepts tokens whose macaroon location is pypi.org or test.pypi.org', () => {
    assert.ok(macaroon('pypi.org').startsWith('pypi-AgEIcHlwaS5vcmc'));
    assert.equal(validatePypiToken(macaroon('pypi.org')), 'valid');
    assert.equal(validatePypiToken(macaroon('test.pypi.org')), 'valid');
  });

  it('flags other locations and undecodable bodies', () => {
    assert.equal(validatePypiToken(macaroon('evil.org')), 'invalid');
    assert.equal(validatePypiToken(macaroon('notpypi.org')), 'invalid');
    assert.equal(validatePypiToken('pypi-AgE' + 'Zz9'.repeat(20)), 'invalid');
  });
});

describe('validators: 1Password service account token', () => {
  const token = (doc: object): string => 'ops_' + btoa(JSON.stringify(doc)).replace(/=+$/, '');

  it('accepts a base64 JSON document with service-account fields', () => {
    const doc = { signInAddress: 'my.1password.com', email: 'svc@1passwordserviceaccounts.com', srpX: 'ab'.repeat(32), muk: { alg: 'A256GCM' } };
    assert.equal(validateOnePasswordServiceToken(token(doc)), 'valid');
  });

  it('flags JSON without those fields, non-JSON and non-base64 bodies', () => {
    assert.equal(validateOnePasswordServiceToken(token({ hello: 'world', n: 1 })), 'invalid');
    assert.equal(validateOnePasswordServiceToken('ops_' + btoa('not json at all')), 'invalid');
    assert.equal(validateOnePasswordServiceToken('ops_eyJ!!!'), 'invalid');
  });
});

describe('validators: Discord bot token', () => {
  it('accepts tokens whose first part decodes to a snowflake', () => {
    assert.equal(validateDiscordBotToken(`${b64url('1093458760521617408')}.GaBcDe.${'x'.repeat(38)}`), 'valid');
  });

  it('rejects dotted strings whose first part is not a numeric id', () => {
    assert.equal(validateDiscordBotToken(`${b64url('hello there, world!')}.GaBcDe.${'x'.repeat(38)}`), 'reject');
    assert.equal(validateDiscordBotToken('MTA5.GaBcDe.abc'), 'reject');
  });
});

describe('validators: wired into rules', () => {
  const good = withBase62Crc32('ghp_', 'fglk0hEglbd0apqJLRYXkHljZ0xvTm');

  it('reports a checksum-valid GitHub token at high confidence', () => {
    const [f] = scan(`GITHUB_TOKEN=${good}`).filter((x) => x.ruleId === 'github-pat-classic');
    assert.equal(f?.validation, 'valid');
    assert.equal(f?.confidence, 'high');
  });

  it('still reports a checksum-invalid GitHub token, one level lower', () => {
    const [f] = scan(`GITHUB_TOKEN=${flip(good, 10)}`).filter((x) => x.ruleId === 'github-pat-classic');
    assert.equal(f?.validation, 'invalid');
    assert.equal(f?.confidence, 'medium');
  });

  it('reports an npm token with a bad checksum at medium confidence', () => {
    const npm = withBase62Crc32('npm_', 'Rpa3YvKO5RE11PAJeCprpgN57oHUTf');
    assert.equal(scan(`NPM_TOKEN=${npm}`).find((x) => x.ruleId === 'npm-access-token')?.confidence, 'high');
    assert.equal(scan(`NPM_TOKEN=${flip(npm, 12)}`).find((x) => x.ruleId === 'npm-access-token')?.confidence, 'medium');
  });
});

describe('rules: sk_live_ disambiguation (Stripe, Paystack, Clerk, WorkOS)', () => {
  const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
  const base62 = 'YINHH2uFjSKk28DtZv3T30L0TBvUonGUy19LlIlyzX';
  const hex40 = 'd149cf9c842c2ddf91fa50d19e7fd4dc85f557c1';

  it('reports a base62 sk_live_ key as Stripe', () => {
    assert.deepEqual(ids(`STRIPE_SECRET_KEY=sk_live_${base62}`), ['stripe-secret-key']);
  });

  it('reports 40 lower-case hex characters as Paystack, not Stripe', () => {
    assert.deepEqual(ids(`PAYSTACK_SECRET_KEY=sk_live_${hex40}`), ['paystack-secret-key']);
  });

  it('reports keys assigned to Clerk or WorkOS names under that provider only', () => {
    assert.deepEqual(ids(`CLERK_SECRET_KEY=sk_live_${base62}`), ['clerk-secret-key']);
    assert.deepEqual(ids(`clerk:\n  secret_key: "sk_test_${base62}"`), ['clerk-secret-key']);
    assert.deepEqual(ids(`const workos = new WorkOS('sk_test_a2V5XzAx${base62}');`), ['workos-api-key']);
  });
});
