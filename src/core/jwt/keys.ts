// What kind of key a token's `alg` needs, and what kind of key the user gave. Comparing the two
// before any crypto is what stops algorithm confusion (a public key PEM used as an HMAC secret).
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export type KeyFamily =
  | { readonly kind: 'oct' }
  | { readonly kind: 'rsa'; readonly pss: boolean }
  | { readonly kind: 'ec'; readonly curve: string }
  | { readonly kind: 'okp'; readonly curve: string };

export type AlgRequirement =
  | { readonly kind: 'oct'; readonly minBytes: number }
  | { readonly kind: 'rsa'; readonly allowPss: boolean }
  | { readonly kind: 'ec'; readonly curve: string }
  | { readonly kind: 'okp'; readonly curve: string };

const HMAC_MIN: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };
const EC_CURVE: Readonly<Record<string, string>> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
// Node reports OpenSSL curve names; JWK and JWA use the NIST ones.
const NODE_CURVES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
};

/** The key a JWS algorithm needs, or undefined when jose cannot verify/sign it (ES256K, none, …). */
export function algRequirement(alg: string): AlgRequirement | undefined {
  const hmac = HMAC_MIN[alg];
  if (hmac !== undefined) return { kind: 'oct', minBytes: hmac };
  if (/^RS(256|384|512)$/.test(alg)) return { kind: 'rsa', allowPss: false };
  if (/^PS(256|384|512)$/.test(alg)) return { kind: 'rsa', allowPss: true };
  const curve = EC_CURVE[alg];
  if (curve !== undefined) return { kind: 'ec', curve };
  if (alg === 'EdDSA' || alg === 'Ed25519') return { kind: 'okp', curve: 'Ed25519' };
  return undefined;
}

export function describeFamily(f: KeyFamily): string {
  switch (f.kind) {
    case 'oct':
      return 'HMAC secret';
    case 'rsa':
      return f.pss ? 'RSA-PSS key' : 'RSA key';
    case 'ec':
      return `EC ${f.curve} key`;
    case 'okp':
      return `${f.curve} key`;
  }
}

export function describeRequirement(r: AlgRequirement): string {
  switch (r.kind) {
    case 'oct':
      return 'an HMAC secret';
    case 'rsa':
      return 'an RSA key';
    case 'ec':
      return `an EC ${r.curve} key`;
    case 'okp':
      return `an ${r.curve} key`;
  }
}

export function familyMatches(r: AlgRequirement, f: KeyFamily): boolean {
  if (r.kind !== f.kind) return false;
  if (r.kind === 'rsa' && f.kind === 'rsa') return r.allowPss || !f.pss;
  if ((r.kind === 'ec' || r.kind === 'okp') && (f.kind === 'ec' || f.kind === 'okp')) return r.curve === f.curve;
  return true;
}

export function familyOfKeyObject(k: KeyObject): KeyFamily | undefined {
  if (k.type === 'secret') return { kind: 'oct' };
  switch (k.asymmetricKeyType) {
    case 'rsa':
      return { kind: 'rsa', pss: false };
    case 'rsa-pss':
      return { kind: 'rsa', pss: true };
    case 'ec': {
      const c = k.asymmetricKeyDetails?.namedCurve ?? '';
      return { kind: 'ec', curve: NODE_CURVES[c] ?? c };
    }
    case 'ed25519':
      return { kind: 'okp', curve: 'Ed25519' };
    case 'ed448':
      return { kind: 'okp', curve: 'Ed448' };
    default:
      return undefined;
  }
}

export function familyOfJwk(jwk: Record<string, unknown>): KeyFamily | undefined {
  switch (jwk.kty) {
    case 'oct':
      return { kind: 'oct' };
    case 'RSA':
      return { kind: 'rsa', pss: false };
    case 'EC':
      return typeof jwk.crv === 'string' ? { kind: 'ec', curve: jwk.crv } : undefined;
    case 'OKP':
      return typeof jwk.crv === 'string' ? { kind: 'okp', curve: jwk.crv } : undefined;
    default:
      return undefined;
  }
}

/** `\n` escapes (a PEM pasted from JSON or a .env value) back to real line breaks. */
export function normalizePem(text: string): string {
  return text.trim().replace(/\\r\\n|\\n/g, '\n');
}

export function looksLikePem(text: string): boolean {
  return text.trimStart().startsWith('-----BEGIN ');
}

export interface ParsedPublicPem {
  readonly key: KeyObject;
  readonly source: 'spki' | 'pkcs1' | 'certificate' | 'private';
}

/** Public key from an SPKI / PKCS#1 / X.509 PEM, or the public half of a private key PEM. Throws. */
export function publicKeyFromPem(pemText: string): ParsedPublicPem {
  const pem = normalizePem(pemText);
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1] ?? '';
  if (label === 'CERTIFICATE') return { key: new X509Certificate(pem).publicKey, source: 'certificate' };
  if (label.endsWith('PRIVATE KEY')) return { key: createPublicKey(createPrivateKey(pem)), source: 'private' };
  return { key: createPublicKey(pem), source: label === 'RSA PUBLIC KEY' ? 'pkcs1' : 'spki' };
}

/** Private key from a PKCS#8 / PKCS#1 / SEC1 PEM. Throws. */
export function privateKeyFromPem(pemText: string): KeyObject {
  return createPrivateKey(normalizePem(pemText));
}

/**
 * A "secret" that is really a bare base64 DER public key (`MIIB…` without PEM armour). Using it as
 * an HMAC secret is the algorithm-confusion attack, so it is recognised and refused.
 */
export function bareDerPublicKey(text: string): KeyObject | undefined {
  const t = text.trim();
  if (!/^MI[A-Za-z0-9+/]{40,}={0,2}$/.test(t)) return undefined;
  try {
    return createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

export type SecretEncoding = 'utf8' | 'base64' | 'base64url';

export function secretBytes(secret: string, encoding: SecretEncoding = 'utf8'): Uint8Array {
  return new Uint8Array(Buffer.from(secret, encoding));
}
