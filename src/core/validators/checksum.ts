// Checksums embedded in provider tokens. GitHub's and npm's token formats end with the CRC32 of
// the random part, written in base62 and left-padded to 6 characters, so a typo, a truncated
// copy or an invented value can be told apart from an issued token without any network call.
// https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
import type { Validation } from '../types';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3, as zlib) of a string's UTF-16 code units taken as bytes (ASCII input). */
export function crc32(text: string): number {
  const t = crcTable();
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = t[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 (digits, upper, lower) of a non-negative integer, left-padded with `0` to `width`. */
export function toBase62(value: number, width = 0): string {
  let n = Math.floor(value);
  let out = '';
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/** Integer value of a base62 string, or undefined when it holds another character. */
export function fromBase62(text: string): number | undefined {
  let n = 0;
  for (const ch of text) {
    const d = BASE62.indexOf(ch);
    if (d < 0) return undefined;
    n = n * 62 + d;
  }
  return n;
}

/**
 * Checks a `prefix + body + 6-char base62 CRC32(body)` token (GitHub `gh?_`, npm `npm_`).
 * `valid` when the checksum matches, `invalid` otherwise (a mistyped or invented value).
 */
export function validateBase62Crc32(token: string, prefixLength: number): Validation {
  if (token.length < prefixLength + 7) return 'invalid';
  const body = token.slice(prefixLength, -6);
  const sum = fromBase62(token.slice(-6));
  return sum !== undefined && sum === crc32(body) ? 'valid' : 'invalid';
}

/** Builds the checksummed form of a body; used by tests to make format-valid fakes. */
export function withBase62Crc32(prefix: string, body: string): string {
  return prefix + body + toBase62(crc32(body), 6);
}
