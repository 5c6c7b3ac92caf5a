import * as assert from 'node:assert/strict';
import { decodeJwt } from '../../src/core/jwt/decode';
import { findJwts } from '../../src/core/jwt/findTokens';

const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const make = (header: unknown, payload: unknown, sig = 'c2lnbmF0dXJl'): string => `${b64(header)}.${b64(payload)}.${sig}`;

const TOKEN = make({ alg: 'HS256', typ: 'JWT' }, { sub: 'alice', exp: 1800000000 });

describe('jwt decode', () => {
  it('decodes header, payload, signature and parts', () => {
    const d = decodeJwt(TOKEN);
    assert.ok(d.ok);
    assert.deepEqual(d.header, { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(d.payload, { sub: 'alice', exp: 1800000000 });
    assert.equal(d.signatureB64, 'c2lnbmF0dXJl');
    assert.equal(d.parts.length, 3);
    assert.equal(d.token, TOKEN);
  });
  it('accepts surrounding whitespace and a Bearer prefix', () => {
    const d = decodeJwt(`  Bearer ${TOKEN}\n`);
    assert.ok(d.ok);
    assert.equal(d.token, TOKEN);
  });
  it('accepts an empty signature (alg none)', () => {
    const d = decodeJwt(make({ alg: 'none' }, { a: 1 }, ''));
    assert.ok(d.ok);
    assert.equal(d.signatureB64, '');
  });
  const failures: Array<[string, string, string]> = [
    ['empty', '   ', 'empty'],
    ['two parts', `${b64({ alg: 'HS256' })}.${b64({})}`, 'wrong-part-count'],
    ['four parts', `${TOKEN}.abc`, 'wrong-part-count'],
    ['JWE', 'eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y3Q.dGFn', 'jwe'],
    ['bad base64url', `${b64({ alg: 'HS256' })}.ab+c/d.sig`, 'bad-base64url'],
    ['impossible base64 length', `${b64({ alg: 'HS256' })}.${b64({})}.abcde`, 'bad-base64url'],
    ['empty header', `.${b64({})}.sig`, 'bad-base64url'],
    ['header not JSON', `${b64('not json')}.${b64({})}.sig`, 'header-not-json'],
    ['header JSON array', `${b64([1])}.${b64({})}.sig`, 'header-not-json'],
    ['payload not JSON', `${b64({ alg: 'HS256' })}.${b64('hello')}.sig`, 'payload-not-json'],
    ['payload JSON string', `${b64({ alg: 'HS256' })}.${b64('"x"')}.sig`, 'payload-not-json'],
  ];
  for (const [name, input, code] of failures) {
    it(`fails with a reason: ${name}`, () => {
      const d = decodeJwt(input);
      assert.equal(d.ok, false);
      if (!d.ok) {
        assert.equal(d.code, code);
        assert.ok(d.reason.length > 10);
      }
    });
  }
  it('never throws on arbitrary input', () => {
    for (const s of ['.', '..', '...', 'a.b.c', 'eyJ.eyJ.', '\u0000.\u0000.\u0000', 'e'.repeat(10000)]) {
      assert.doesNotThrow(() => decodeJwt(s));
    }
  });
});

describe('jwt findTokens', () => {
  it('finds tokens with offsets in text', () => {
    const text = `const a = "${TOKEN}";\nAuthorization: Bearer ${TOKEN}.\n`;
    const found = findJwts(text);
    assert.equal(found.length, 2);
    for (const f of found) {
      assert.equal(text.slice(f.start, f.end), TOKEN);
      assert.equal(f.payload.sub, 'alice');
    }
  });
  it('skips JWT-shaped strings that do not decode', () => {
    const fake = `eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.sig`;
    assert.deepEqual(findJwts(`x=${fake}`), []);
  });
  it('skips matches embedded in longer token runs', () => {
    assert.deepEqual(findJwts(`abc${TOKEN}`), []);
    assert.deepEqual(findJwts(`${TOKEN}.more.segments`), []);
  });
  it('finds nothing in plain text', () => {
    assert.deepEqual(findJwts('no tokens here, eyJ alone'), []);
  });
});
