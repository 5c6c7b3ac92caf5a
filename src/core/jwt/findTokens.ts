// Locates JWTs in arbitrary text (source, .env, logs) by offset; adapters turn offsets into ranges.
import { decodeJwt } from './decode';
import type { JwtHeader, JwtPayload } from './types';

export interface FoundJwt {
  /** Offsets (UTF-16 code units) in the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The compact token. A credential: never log or display it unmasked. */
  readonly token: string;
  readonly header: JwtHeader;
  readonly payload: JwtPayload;
}

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const TOKEN_CHAR = /[A-Za-z0-9_.-]/;

export function findJwts(text: string): FoundJwt[] {
  const out: FoundJwt[] = [];
  for (const m of text.matchAll(JWT_SHAPE)) {
    const start = m.index;
    const end = start + m[0].length;
    // Inside a longer token-ish run (e.g. the tail of a JWE or a base64 blob): not a JWT of its own.
    if (start > 0 && TOKEN_CHAR.test(text.charAt(start - 1))) continue;
    // A dot followed by more token text means more segments (JWE); a sentence's full stop is fine.
    if (text.charAt(end) === '.' && /[A-Za-z0-9_-]/.test(text.charAt(end + 1))) continue;
    const d = decodeJwt(m[0]);
    if (d.ok) out.push({ start, end, token: m[0], header: d.header, payload: d.payload });
  }
  return out;
}
