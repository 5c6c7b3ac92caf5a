// Decides which files are not worth scanning as text. No dependency: a NUL byte or a high share of
// invalid UTF-8 in the first 8 KB marks a file as binary (the heuristic git and ripgrep use).

export type SkipReason = 'binary' | 'too-large';

export type FileClass = { readonly skip: false } | { readonly skip: true; readonly reason: SkipReason };

/** Default cap on scanned file size: bigger files are almost always data, logs or bundles. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Directories the CLI walker never enters. `dist` and build output are scanned on purpose: they leak too. */
export const DEFAULT_SKIPPED_DIRS: readonly string[] = ['.git', 'node_modules'];

const SNIFF_BYTES = 8192;
/** Latin-1 text has a few invalid bytes (accents); binary data has many. */
const MAX_INVALID_RATIO = 0.1;

export function classifyFile(_path: string, bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_FILE_BYTES): FileClass {
  if (bytes.length > maxBytes) return { skip: true, reason: 'too-large' };
  if (looksBinary(bytes)) return { skip: true, reason: 'binary' };
  return { skip: false };
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return invalidUtf8Bytes(bytes, n) / n > MAX_INVALID_RATIO;
}

/** Counts bytes that are not part of a well-formed UTF-8 sequence within the first `n` bytes. */
function invalidUtf8Bytes(b: Uint8Array, n: number): number {
  let bad = 0;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let len = 0;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) len = 3;
    else if (c >= 0xf0 && c <= 0xf4) len = 4;
    if (len === 0) { bad++; i++; continue; }
    // A sequence cut by the sniff window is not evidence of anything.
    if (i + len > n) break;
    let ok = true;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) { ok = false; break; }
    if (ok) i += len; else { bad++; i++; }
  }
  return bad;
}
