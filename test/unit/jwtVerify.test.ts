import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, SignJWT } from 'jose';
import { DAY_MS, HOUR_MS } from '../../src/core/clock';
import { decodeJwt } from '../../src/core/jwt/decode';
import { reissueJwt } from '../../src/core/jwt/issue';
import { verifyJwt } from '../../src/core/jwt/verify';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const sec = (ms: number): number => Math.floor(ms / 1000);
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

// Keys are generated per run: no private key material is checked in.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const rsaPub = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const rsaPubPkcs1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
const rsaPriv = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const rsaPrivPkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
const ecPub = ec.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const ecPriv = ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
const edPub = ed.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const strongSecret = randomBytes(48).toString('base64url');

const claims = { sub: 'alice', iat: sec(NOW - HOUR_MS), exp: sec(NOW + 3 * HOUR_MS) };

async function hs(secret: string | Uint8Array, alg = 'HS256', payload: Record<string, unknown> = claims, header: Record<string, unknown> = {}): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT', ...header }).sign(key);
}
async function asym(key: Parameters<SignJWT['sign']>[0], alg: string, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, ...header }).sign(key);
}

describe('jwt verify', () => {
  it('HMAC: valid with the right secret, invalid with another', async () => {
    const t = await hs(strongSecret);
    const ok = await verifyJwt(t, strongSecret, { now: NOW, warningWindowMs: HOUR_MS });
    assert.equal(ok.result, 'valid');
    assert.equal(ok.keyKind, 'hmac-secret');
    assert.deepEqual(ok.warnings, []);
    assert.equal(ok.status?.state, 'valid');
    const bad = await verifyJwt(t, randomBytes(48).toString('base64url'), { now: NOW });
    assert.equal(bad.result, 'invalid');
  });
  it('HMAC: weak secrets warn by hash size', async () => {
    for (const [alg, min] of [['HS256', 32], ['HS384', 48], ['HS512', 64]] as const) {
      const weak = 'w'.repeat(min - 1);
      const r = await verifyJwt(await hs(weak, alg), weak, { now: NOW });
      assert.equal(r.result, 'valid', alg);
      assert.equal(r.warnings.length, 1);
      assert.match(r.warnings[0] as string, new RegExp(`Weak HMAC secret: ${min - 1} bytes; ${alg} needs at least ${min}`));
      const ok = 'w'.repeat(min);
      assert.deepEqual((await verifyJwt(await hs(ok, alg), ok, { now: NOW })).warnings, []);
    }
  });
  it('HMAC: base64 secret encoding', async () => {
    const raw = randomBytes(32);
    const t = await hs(new Uint8Array(raw));
    assert.equal((await verifyJwt(t, raw.toString('base64'), { now: NOW, secretEncoding: 'base64' })).result, 'valid');
    assert.equal((await verifyJwt(t, raw.toString('base64'), { now: NOW })).result, 'invalid');
  });
  it('expired token: signature valid, expiry reported separately', async () => {
    const t = await hs(strongSecret, 'HS256', { sub: 'a', iat: sec(NOW - 3 * DAY_MS), exp: sec(NOW - 2 * DAY_MS) });
    const r = await verifyJwt(t, strongSecret, { now: NOW });
    assert.equal(r.result, 'valid');
    assert.equal(r.status?.state, 'expired');
    assert.deepEqual(r.warnings, ['The signature is valid but the token expired 2 days ago.']);
  });
  it('alg none is never valid', async () => {
    const t = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    const r = await verifyJwt(t, strongSecret, { now: NOW });
    assert.equal(r.result, 'invalid');
    assert.match(r.reason, /unsigned/);
    const r2 = await verifyJwt(`${b64({ alg: 'NONE' })}.${b64(claims)}.`, strongSecret, { now: NOW });
    assert.equal(r2.result, 'invalid');
  });
  it('RS256 with SPKI, PKCS#1, a private key PEM, and an escaped-newline PEM', async () => {
    const t = await asym(rsa.privateKey, 'RS256');
    assert.equal((await verifyJwt(t, rsaPub, { now: NOW })).result, 'valid');
    assert.equal((await verifyJwt(t, rsaPubPkcs1, { now: NOW })).result, 'valid');
    const fromPriv = await verifyJwt(t, rsaPriv, { now: NOW });
    assert.equal(fromPriv.result, 'valid');
    assert.match(fromPriv.warnings[0] as string, /private key was given/);
    assert.equal((await verifyJwt(t, rsaPub.replace(/\n/g, '\\n'), { now: NOW })).result, 'valid');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    assert.equal((await verifyJwt(t, other, { now: NOW })).result, 'invalid');
  });
  it('RS256 with an X.509 certificate', async function () {
    let dir: string | undefined;
    let certPem: string;
    try {
      dir = mkdtempSync(join(tmpdir(), 'leakproof-jwt-'));
      const keyFile = join(dir, 'k.pem');
      const certFile = join(dir, 'c.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=leakproof-test'], { stdio: 'ignore' });
      certPem = readFileSync(certFile, 'utf8');
      const { createPrivateKey } = await import('node:crypto');
      const t = await asym(createPrivateKey(readFileSync(keyFile, 'utf8')), 'RS256');
      const r = await verifyJwt(t, certPem, { now: NOW });
      assert.equal(r.result, 'valid');
      assert.equal(r.keyType, 'RSA key');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') this.skip();
      throw e;
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
  it('ES256 and EdDSA with PEM keys', async () => {
    assert.equal((await verifyJwt(await asym(ec.privateKey, 'ES256'), ecPub, { now: NOW })).result, 'valid');
    assert.equal((await verifyJwt(await asym(ed.privateKey, 'EdDSA'), edPub, { now: NOW })).result, 'valid');
  });
  it('alg confusion: HS256 token + RSA public key PEM → alg-mismatch, never an HMAC check', async () => {
    // The attack: sign with the PEM text as HMAC secret and hope the verifier does the same.
    const forged = await hs(rsaPub, 'HS256');
    const r = await verifyJwt(forged, rsaPub, { now: NOW });
    assert.equal(r.result, 'alg-mismatch');
    assert.match(r.reason, /algorithm-confusion/);
    const bare = rsaPub.replace(/-----[A-Z ]+-----|\s/g, '');
    const r2 = await verifyJwt(await hs(bare, 'HS256'), bare, { now: NOW });
    assert.equal(r2.result, 'alg-mismatch');
  });
  it('alg mismatch: RS256 token + HMAC secret; ES256 token + RSA key; ES384 token + P-256 key', async () => {
    const t = await asym(rsa.privateKey, 'RS256');
    const r = await verifyJwt(t, strongSecret, { now: NOW });
    assert.equal(r.result, 'alg-mismatch');
    assert.match(r.reason, /needs an RSA key/);
    assert.equal((await verifyJwt(await asym(ec.privateKey, 'ES256'), rsaPub, { now: NOW })).result, 'alg-mismatch');
    const fake384 = `${b64({ alg: 'ES384' })}.${b64(claims)}.c2ln`;
    const r3 = await verifyJwt(fake384, ecPub, { now: NOW });
    assert.equal(r3.result, 'alg-mismatch');
    assert.match(r3.reason, /EC P-384/);
  });
  it('JWK: public, private (stripped, warned), oct', async () => {
    const t = await asym(ec.privateKey, 'ES256');
    const pubJwk = await exportJWK(ec.publicKey);
    assert.equal((await verifyJwt(t, JSON.stringify(pubJwk), { now: NOW })).result, 'valid');
    const privJwk = await exportJWK(ec.privateKey);
    const r = await verifyJwt(t, JSON.stringify(privJwk), { now: NOW });
    assert.equal(r.result, 'valid');
    assert.match(r.warnings[0] as string, /private JWK/);
    const raw = randomBytes(32);
    const ht = await hs(new Uint8Array(raw));
    assert.equal((await verifyJwt(ht, JSON.stringify({ kty: 'oct', k: raw.toString('base64url') }), { now: NOW })).result, 'valid');
  });
  it('JWKS: matches by kid, reports missing kid, tries all without kid', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwks = JSON.stringify({
      keys: [
        { ...(await exportJWK(other.publicKey)), kid: 'old', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'new', alg: 'ES256' },
        { ...(await exportJWK(rsa.publicKey)), kid: 'enc', use: 'enc' },
      ],
    });
    const withKid = await verifyJwt(await asym(ec.privateKey, 'ES256', { kid: 'new' }), jwks, { now: NOW });
    assert.equal(withKid.result, 'valid');
    assert.equal(withKid.kid, 'new');
    assert.equal(withKid.keyKind, 'jwks');
    const wrongKid = await verifyJwt(await asym(ec.privateKey, 'ES256', { kid: 'old' }), jwks, { now: NOW });
    assert.equal(wrongKid.result, 'invalid');
    const missing = await verifyJwt(await asym(ec.privateKey, 'ES256', { kid: 'gone' }), jwks, { now: NOW });
    assert.equal(missing.result, 'error');
    assert.match(missing.reason, /kid "gone".*keys: old, new, enc/);
    const noKid = await verifyJwt(await asym(ec.privateKey, 'ES256'), jwks, { now: NOW });
    assert.equal(noKid.result, 'valid');
    assert.equal(noKid.kid, 'new');
  });
  it('unsupported algorithms and unreadable keys', async () => {
    const t = `${b64({ alg: 'ES256K' })}.${b64(claims)}.c2ln`;
    assert.equal((await verifyJwt(t, ecPub, { now: NOW })).result, 'unsupported');
    const good = await hs(strongSecret);
    assert.equal((await verifyJwt(good, '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----', { now: NOW })).result, 'error');
    assert.equal((await verifyJwt(good, '{"kty":', { now: NOW })).result, 'error');
    assert.equal((await verifyJwt(good, '{"a":1}', { now: NOW })).result, 'error');
    assert.equal((await verifyJwt(good, '   ', { now: NOW })).result, 'error');
    assert.equal((await verifyJwt('not a token', strongSecret, { now: NOW })).result, 'error');
  });
});

describe('jwt reissue', () => {
  it('HMAC: same header and claims, fresh iat/exp with the same lifetime', async () => {
    const old = await hs(strongSecret, 'HS256', { sub: 'alice', role: 'admin', iat: sec(NOW - 10 * DAY_MS), nbf: sec(NOW - 10 * DAY_MS) + 60, exp: sec(NOW - 9 * DAY_MS) }, { kid: 'k1' });
    const r = await reissueJwt(old, strongSecret, { now: NOW });
    assert.ok(r.ok);
    assert.equal(r.issuedAt, NOW);
    assert.equal(r.expiresAt, NOW + DAY_MS);
    const d = decodeJwt(r.token);
    assert.ok(d.ok);
    assert.deepEqual(d.header, { alg: 'HS256', typ: 'JWT', kid: 'k1' });
    assert.deepEqual(d.payload, { sub: 'alice', role: 'admin', iat: sec(NOW), nbf: sec(NOW) + 60, exp: sec(NOW + DAY_MS) });
    assert.equal((await verifyJwt(r.token, strongSecret, { now: NOW })).result, 'valid');
  });
  it('a given lifetime, a fresh jti, and a weak-secret warning', async () => {
    const weak = 'short-secret';
    const old = await hs(weak, 'HS256', { sub: 'a', jti: 'id-1', iat: 1, exp: 2 });
    const r = await reissueJwt(old, weak, { now: NOW, lifetimeSec: 3600 });
    assert.ok(r.ok);
    assert.equal(r.expiresAt, NOW + HOUR_MS);
    const d = decodeJwt(r.token);
    assert.ok(d.ok);
    assert.notEqual(d.payload.jti, 'id-1');
    assert.match(r.warnings[0] as string, /Weak HMAC secret/);
    const kept = await reissueJwt(old, weak, { now: NOW, lifetimeSec: 60, freshJti: false });
    assert.ok(kept.ok);
    const d2 = decodeJwt(kept.token);
    assert.ok(d2.ok && d2.payload.jti === 'id-1');
  });
  it('RS256 and ES256 with PEM private keys (PKCS#8, PKCS#1, SEC1)', async () => {
    for (const pem of [rsaPriv, rsaPrivPkcs1]) {
      const r = await reissueJwt(await asym(rsa.privateKey, 'RS256'), pem, { now: NOW });
      assert.ok(r.ok);
      assert.equal((await verifyJwt(r.token, rsaPub, { now: NOW })).result, 'valid');
    }
    const r = await reissueJwt(await asym(ec.privateKey, 'ES256'), ecPriv, { now: NOW });
    assert.ok(r.ok);
    assert.equal((await verifyJwt(r.token, ecPub, { now: NOW })).result, 'valid');
  });
  it('refuses: alg none, key mismatch, public key as secret, unknown lifetime', async () => {
    const none = await reissueJwt(`${b64({ alg: 'none' })}.${b64(claims)}.`, strongSecret, { now: NOW });
    assert.equal(none.ok, false);
    const rs = await asym(rsa.privateKey, 'RS256');
    assert.equal((await reissueJwt(rs, strongSecret, { now: NOW })).ok, false);
    assert.equal((await reissueJwt(rs, ecPriv, { now: NOW })).ok, false);
    assert.equal((await reissueJwt(rs, rsaPub, { now: NOW })).ok, false);
    const hsT = await hs(strongSecret);
    const bare = rsaPub.replace(/-----[A-Z ]+-----|\s/g, '');
    assert.equal((await reissueJwt(hsT, bare, { now: NOW })).ok, false);
    const noIat = await hs(strongSecret, 'HS256', { exp: sec(NOW) });
    const r = await reissueJwt(noIat, strongSecret, { now: NOW });
    assert.ok(!r.ok && /lifetime/.test(r.reason));
    const noExp = await reissueJwt(await hs(strongSecret, 'HS256', { sub: 'x' }), strongSecret, { now: NOW });
    assert.ok(noExp.ok && noExp.expiresAt === undefined && /never expires/.test(noExp.warnings[0] as string));
  });
});
