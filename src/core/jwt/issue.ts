// Re-issue a token for the rotation flow: same header and claims, fresh iat/exp, new signature.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import type { KeyObject } from 'node:crypto';
import { decodeJwt } from './decode';
import {
  algRequirement,
  bareDerPublicKey,
  describeFamily,
  describeRequirement,
  familyMatches,
  familyOfKeyObject,
  looksLikePem,
  privateKeyFromPem,
  secretBytes,
} from './keys';
import type { SecretEncoding } from './keys';
import { numericDateMs } from './status';

export interface ReissueOptions {
  readonly now: number;
  /** New lifetime in seconds. Default: the original `exp - iat`. */
  readonly lifetimeSec?: number;
  readonly secretEncoding?: SecretEncoding;
  /**
   * Replace an existing `jti` with a fresh UUID. Default true: servers that track `jti` reject a
   * replayed id, so copying it would make the new token fail.
   */
  readonly freshJti?: boolean;
}

export type ReissueResult =
  | {
      readonly ok: true;
      /** The new compact token. A credential: never log it. */
      readonly token: string;
      /** Epoch ms. */
      readonly issuedAt: number;
      readonly expiresAt?: number;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

function fail(reason: string): ReissueResult {
  return { ok: false, reason };
}

/**
 * `signingKey`: an HMAC secret, or a PEM private key (PKCS#8, PKCS#1 or SEC1) matching the token's
 * `alg`. Never throws.
 */
export async function reissueJwt(token: string, signingKey: string, options: ReissueOptions): Promise<ReissueResult> {
  const decoded = decodeJwt(token);
  if (!decoded.ok) return fail(decoded.reason);
  const { header, payload } = decoded;
  const alg = header.alg;
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') return fail('Refusing to issue an unsigned token (alg: none).');
  const need = algRequirement(alg);
  if (!need) return fail(`Algorithm ${alg} is not supported.`);
  const warnings: string[] = [];

  let key: KeyObject | Uint8Array;
  if (looksLikePem(signingKey)) {
    let pk: KeyObject;
    try {
      pk = privateKeyFromPem(signingKey);
    } catch {
      return fail('Signing needs a private key PEM (PKCS#8, PKCS#1 or SEC1); this one could not be read.');
    }
    const family = familyOfKeyObject(pk);
    if (!family || !familyMatches(need, family)) {
      return fail(`The token says ${alg}, which needs ${describeRequirement(need)}, but the key is ${family ? `an ${describeFamily(family)}` : 'of an unsupported type'}.`);
    }
    key = pk;
  } else {
    if (need.kind !== 'oct') return fail(`The token says ${alg}: signing needs ${describeRequirement(need)} as a private key PEM.`);
    if (bareDerPublicKey(signingKey)) return fail('That is a public key, not an HMAC secret (algorithm confusion). Give the shared secret.');
    const bytes = secretBytes(signingKey, options.secretEncoding ?? 'utf8');
    if (bytes.length === 0) return fail('The secret is empty.');
    if (bytes.length < need.minBytes) {
      warnings.push(`Weak HMAC secret: ${bytes.length} bytes; ${alg} needs at least ${need.minBytes} random bytes.`);
    }
    key = bytes;
  }

  const iatSec = Math.floor(options.now / 1000);
  const oldIat = numericDateMs(payload.iat);
  const oldExp = numericDateMs(payload.exp);
  const oldNbf = numericDateMs(payload.nbf);
  let lifetimeSec = options.lifetimeSec;
  if (lifetimeSec === undefined && oldExp !== undefined) {
    if (oldIat === undefined) return fail('The token has "exp" but no "iat", so its lifetime is unknown: give a lifetime.');
    lifetimeSec = Math.round((oldExp - oldIat) / 1000);
    if (lifetimeSec <= 0) return fail('The token\'s "exp" is not after its "iat": give a lifetime.');
  }
  if (lifetimeSec !== undefined && !(Number.isFinite(lifetimeSec) && lifetimeSec > 0)) return fail('The lifetime must be a positive number of seconds.');

  const claims: Record<string, unknown> = { ...payload, iat: iatSec };
  if (lifetimeSec !== undefined) claims.exp = iatSec + lifetimeSec;
  else warnings.push('The original token never expires, and neither does the new one.');
  if (oldNbf !== undefined) {
    // Keep the original delay between issue and validity.
    claims.nbf = oldIat !== undefined ? iatSec + Math.round((oldNbf - oldIat) / 1000) : iatSec;
  }
  if (payload.jti !== undefined && (options.freshJti ?? true)) claims.jti = randomUUID();

  try {
    const signed = await new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ ...header, alg } as Parameters<SignJWT['setProtectedHeader']>[0])
      .sign(key);
    return {
      ok: true,
      token: signed,
      issuedAt: iatSec * 1000,
      ...(lifetimeSec !== undefined ? { expiresAt: (iatSec + lifetimeSec) * 1000 } : {}),
      warnings,
    };
  } catch (e) {
    return fail(`Could not sign: ${e instanceof Error ? e.message : String(e)}`);
  }
}
