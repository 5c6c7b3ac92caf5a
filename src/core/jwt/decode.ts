// Decoding only: no signature check (see verify.ts). Never throws; every failure has a reason a
// person can act on.
import { decodeJwt as joseDecodeJwt, decodeProtectedHeader } from 'jose';
import type { JwtHeader, JwtPayload } from './types';

export type DecodeFailure =
  | 'empty'
  | 'jwe'
  | 'wrong-part-count'
  | 'bad-base64url'
  | 'header-not-json'
  | 'payload-not-json'
  | 'invalid';

export type DecodeResult =
  | {
      readonly ok: true;
      readonly header: JwtHeader;
      readonly payload: JwtPayload;
      /** Third segment as found (base64url); empty for unsigned `alg: none` tokens. */
      readonly signatureB64: string;
      readonly parts: readonly [string, string, string];
      /** The compact token after trimming and removing a `Bearer ` prefix. */
      readonly token: string;
    }
  | { readonly ok: false; readonly code: DecodeFailure; readonly reason: string };

const B64URL = /^[A-Za-z0-9_-]*$/;

function fail(code: DecodeFailure, reason: string): DecodeResult {
  return { ok: false, code, reason };
}

function isBase64url(s: string): boolean {
  // A length of 4n+1 cannot come from any byte string.
  return B64URL.test(s) && s.length % 4 !== 1;
}

function parseJsonObject(b64: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(b64, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function decodeJwt(input: string): DecodeResult {
  const token = input.trim().replace(/^Bearer\s+/i, '');
  if (token === '') return fail('empty', 'The token is empty.');
  const parts = token.split('.');
  if (parts.length === 5) {
    return fail('jwe', 'This is an encrypted token (JWE, 5 parts); only signed tokens (JWS, 3 parts) can be decoded.');
  }
  if (parts.length !== 3) {
    return fail('wrong-part-count', `A JWT has 3 dot-separated parts; this has ${parts.length}.`);
  }
  const [h, p, s] = parts as [string, string, string];
  if (h === '') return fail('bad-base64url', 'The header part is empty.');
  if (p === '') return fail('bad-base64url', 'The payload part is empty.');
  const names = ['header', 'payload', 'signature'] as const;
  for (const [i, part] of [h, p, s].entries()) {
    if (!isBase64url(part)) {
      return fail('bad-base64url', `The ${names[i]} part is not valid base64url.`);
    }
  }
  if (!parseJsonObject(h)) return fail('header-not-json', 'The header does not decode to a JSON object.');
  if (!parseJsonObject(p)) return fail('payload-not-json', 'The payload does not decode to a JSON object.');
  try {
    const header = decodeProtectedHeader(token) as JwtHeader;
    const payload = joseDecodeJwt(token) as JwtPayload;
    return { ok: true, header, payload, signatureB64: s, parts: [h, p, s], token };
  } catch (e) {
    return fail('invalid', `Not a valid JWT: ${e instanceof Error ? e.message : String(e)}`);
  }
}
