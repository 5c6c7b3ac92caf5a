// Lenient base64 decoding for tokens that embed structured data (macaroons, JSON blobs, ids):
// accepts the standard and URL-safe alphabets, with or without padding. Pure: uses `atob`,
// available in Node and in browsers, never `Buffer`.

/** Decoded bytes as a binary (latin1) string, or undefined when the text is not base64. */
export function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return undefined;
  let s = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (s.length % 4 === 1) return undefined;
  while (s.length % 4 !== 0) s += '=';
  try {
    return atob(s);
  } catch {
    return undefined;
  }
}

/** Decodes the longest prefix of `text` that is a whole number of base64 quanta (4 chars). */
export function decodeBase64Prefix(text: string, maxChars = text.length): string | undefined {
  const n = Math.min(text.length, maxChars) - (Math.min(text.length, maxChars) % 4);
  return decodeBase64(text.slice(0, n));
}
