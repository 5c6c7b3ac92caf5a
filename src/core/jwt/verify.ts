// Signature verification. The result is about the signature only; time validity is reported
// alongside (`status`) so "signed correctly but expired" is one clear answer, not an error.
import { compactVerify, errors, importJWK } from 'jose';
import type { CryptoKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import { DAY_MS } from '../clock';
import { decodeJwt } from './decode';
import {
  algRequirement,
  bareDerPublicKey,
  describeFamily,
  describeRequirement,
  familyMatches,
  familyOfJwk,
  familyOfKeyObject,
  publicKeyFromPem,
  secretBytes,
} from './keys';
import type { AlgRequirement, KeyFamily, SecretEncoding } from './keys';
import { expiryPhrase, notBeforePhrase } from './relativeTime';
import { jwtStatus } from './status';
import type { JwtStatus } from './status';

export type VerifyOutcome = 'valid' | 'invalid' | 'alg-mismatch' | 'unsupported' | 'error';

/** How the key text was understood. */
export type KeyInputKind = 'hmac-secret' | 'pem' | 'jwk' | 'jwks';

export interface VerifyResult {
  /** `valid` means the signature checks out with this key. Expiry is in `status`, not here. */
  readonly result: VerifyOutcome;
  readonly reason: string;
  readonly warnings: readonly string[];
  readonly alg?: string;
  readonly keyKind?: KeyInputKind;
  /** e.g. "RSA key", "EC P-256 key", "HMAC secret". */
  readonly keyType?: string;
  /** The JWKS entry that verified, when a JWKS was given. */
  readonly kid?: string;
  /** Time validity, present whenever the token decoded. */
  readonly status?: JwtStatus;
}

export interface VerifyOptions {
  readonly now: number;
  /** For `status`: below this much time left the token is `expiring`. Default 24 h. */
  readonly warningWindowMs?: number;
  /** How to turn an HMAC secret string into bytes. Default utf8. */
  readonly secretEncoding?: SecretEncoding;
}

type Candidate = { readonly family: KeyFamily; readonly kid?: string; readonly load: (alg: string) => Promise<KeyObject | CryptoKey | Uint8Array> };

type KeyParse =
  | { readonly ok: true; readonly kind: KeyInputKind; readonly candidates: readonly Candidate[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly result: VerifyOutcome; readonly reason: string };

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

function jwkCandidate(jwk: Record<string, unknown>, warnings: string[]): Candidate | undefined {
  const family = familyOfJwk(jwk);
  if (!family) return undefined;
  const pub: Record<string, unknown> = { ...jwk };
  if (family.kind !== 'oct' && PRIVATE_JWK_MEMBERS.some((m) => m in pub)) {
    for (const m of PRIVATE_JWK_MEMBERS) delete pub[m];
    warnings.push('A private JWK was given; only its public part was used. Verifying never needs the private key.');
  }
  delete pub.key_ops;
  const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
  return {
    family,
    ...(kid !== undefined ? { kid } : {}),
    load: async (alg) => (await importJWK(pub as Parameters<typeof importJWK>[0], alg)) as CryptoKey | Uint8Array,
  };
}

function parseKey(keyText: string, tokenKid: string | undefined, alg: string, encoding: SecretEncoding): KeyParse {
  const text = keyText.trim();
  if (text === '') return { ok: false, result: 'error', reason: 'No key or secret was given.' };
  const warnings: string[] = [];

  if (text.includes('-----BEGIN ')) {
    try {
      const { key, source } = publicKeyFromPem(text.slice(text.indexOf('-----BEGIN ')));
      const family = familyOfKeyObject(key);
      if (!family) return { ok: false, result: 'unsupported', reason: `Unsupported key type: ${key.asymmetricKeyType ?? 'unknown'}.` };
      if (source === 'private') {
        warnings.push('A private key was given; only its public half was used. Verifying never needs the private key.');
      }
      return { ok: true, kind: 'pem', candidates: [{ family, load: async () => key }], warnings };
    } catch (e) {
      return { ok: false, result: 'error', reason: `Could not read the PEM key: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, result: 'error', reason: 'The key looks like JSON (a JWK or JWKS) but does not parse.' };
    }
    const obj = (json ?? {}) as Record<string, unknown>;
    if (Array.isArray(obj.keys)) {
      const all = obj.keys.filter((k): k is Record<string, unknown> => k !== null && typeof k === 'object');
      const usable = all.filter((k) => (k.use === undefined || k.use === 'sig') && (k.alg === undefined || k.alg === alg));
      const byKid = tokenKid === undefined ? usable : usable.filter((k) => k.kid === tokenKid);
      if (byKid.length === 0) {
        const kids = all.map((k) => (typeof k.kid === 'string' ? k.kid : '(no kid)')).join(', ') || 'none';
        const why = tokenKid === undefined ? `no signing key for ${alg}` : `no signing key with kid "${tokenKid}" for ${alg}`;
        return { ok: false, result: 'error', reason: `The JWKS has ${why} (keys: ${kids}).` };
      }
      const candidates = byKid.map((k) => jwkCandidate(k, warnings)).filter((c): c is Candidate => c !== undefined);
      if (candidates.length === 0) return { ok: false, result: 'unsupported', reason: 'No key in the JWKS has a supported type.' };
      return { ok: true, kind: 'jwks', candidates, warnings };
    }
    if (typeof obj.kty === 'string') {
      const c = jwkCandidate(obj, warnings);
      if (!c) return { ok: false, result: 'unsupported', reason: `Unsupported JWK key type: ${obj.kty}.` };
      if (tokenKid !== undefined && c.kid !== undefined && c.kid !== tokenKid) {
        warnings.push(`The token's kid "${tokenKid}" differs from the JWK's kid "${c.kid}".`);
      }
      return { ok: true, kind: 'jwk', candidates: [c], warnings };
    }
    return { ok: false, result: 'error', reason: 'The JSON is neither a JWK (no "kty") nor a JWKS (no "keys").' };
  }

  const der = bareDerPublicKey(text);
  if (der) {
    const family = familyOfKeyObject(der);
    if (family) return { ok: true, kind: 'pem', candidates: [{ family, load: async () => der }], warnings };
  }
  const bytes = secretBytes(text, encoding);
  if (bytes.length === 0) return { ok: false, result: 'error', reason: 'The secret decodes to zero bytes.' };
  return { ok: true, kind: 'hmac-secret', candidates: [{ family: { kind: 'oct' }, load: async () => bytes }], warnings };
}

function mismatchReason(alg: string, need: AlgRequirement, got: KeyFamily): string {
  if (need.kind === 'oct' && got.kind !== 'oct') {
    return (
      `The token says ${alg} (HMAC) but the key is an ${describeFamily(got)}. Never use a public key as an HMAC ` +
      'secret: that is the algorithm-confusion attack, and a token signed that way proves nothing.'
    );
  }
  return `The token says ${alg}, which needs ${describeRequirement(need)}, but the key is an ${describeFamily(got)}.`;
}

function timeWarnings(status: JwtStatus, now: number): string[] {
  if (status.state === 'expired' && status.expiresAt !== undefined) {
    return [`The signature is valid but the token ${expiryPhrase(status.expiresAt, now)}.`];
  }
  if (status.state === 'not-yet-valid' && status.notBefore !== undefined) {
    return [`The signature is valid but the token is ${notBeforePhrase(status.notBefore, now)}.`];
  }
  return [];
}

export async function verifyJwt(token: string, keyText: string, options: VerifyOptions): Promise<VerifyResult> {
  const decoded = decodeJwt(token);
  if (!decoded.ok) return { result: 'error', reason: decoded.reason, warnings: [] };
  const status = jwtStatus(decoded.payload, options.now, options.warningWindowMs ?? DAY_MS);
  const alg = decoded.header.alg;
  if (typeof alg !== 'string' || alg === '') {
    return { result: 'invalid', reason: 'The header has no "alg".', warnings: [], status };
  }
  if (alg.toLowerCase() === 'none') {
    return {
      result: 'invalid',
      reason: 'alg is "none": the token is unsigned, so anyone could have written it. Never trust it.',
      warnings: ['Unsigned token (alg: none).'],
      alg,
      status,
    };
  }
  const need = algRequirement(alg);
  if (!need) return { result: 'unsupported', reason: `Algorithm ${alg} is not supported.`, warnings: [], alg, status };

  const tokenKid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const parsed = parseKey(keyText, tokenKid, alg, options.secretEncoding ?? 'utf8');
  if (!parsed.ok) return { result: parsed.result, reason: parsed.reason, warnings: [], alg, status };
  const warnings = [...parsed.warnings];

  const fitting = parsed.candidates.filter((c) => familyMatches(need, c.family));
  if (fitting.length === 0) {
    const got = (parsed.candidates[0] as Candidate).family;
    return { result: 'alg-mismatch', reason: mismatchReason(alg, need, got), warnings, alg, keyKind: parsed.kind, keyType: describeFamily(got), status };
  }

  let lastError: string | undefined;
  let mismatches = 0;
  for (const c of fitting) {
    const keyType = describeFamily(c.family);
    try {
      const key = await c.load(alg);
      if (need.kind === 'oct' && key instanceof Uint8Array && key.length < need.minBytes) {
        warnings.push(`Weak HMAC secret: ${key.length} bytes; ${alg} needs at least ${need.minBytes} random bytes.`);
      }
      await compactVerify(decoded.token, key, { algorithms: [alg] });
      return {
        result: 'valid',
        reason: `Signature valid (${alg}, ${keyType}).`,
        warnings: [...new Set(warnings), ...timeWarnings(status, options.now)],
        alg,
        keyKind: parsed.kind,
        keyType,
        ...(c.kid !== undefined ? { kid: c.kid } : {}),
        status,
      };
    } catch (e) {
      if (e instanceof errors.JWSSignatureVerificationFailed) mismatches++;
      else lastError = e instanceof Error ? e.message : String(e);
    }
  }
  const common = { warnings: [...new Set(warnings)], alg, keyKind: parsed.kind, keyType: describeFamily((fitting[0] as Candidate).family), status };
  if (mismatches > 0) {
    const tried = fitting.length > 1 ? ` (tried ${fitting.length} keys)` : '';
    return { ...common, result: 'invalid', reason: `The signature does not match this key${tried}.` };
  }
  return { ...common, result: 'error', reason: `Could not verify: ${lastError ?? 'unknown error'}` };
}
