// Digests and ids: random-looking, but published on purpose (lockfile integrity, commit ids,
// checksums, UUIDs). Generic rules must not report them unless the slot clearly says "secret".

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_DIGEST_LENGTHS = new Set([7, 8, 12, 32, 40, 56, 64, 96, 128]);
// Self-describing digests: SRI (`sha512-…`), OCI (`sha256:…`), LDAP (`{SSHA}…`), crypt(3) and
// friends (`$2b$12$…`, `$argon2id$…`, `$6$…`, Django `pbkdf2_sha256$…`).
const PREFIXED = /^(?:(?:sha(?:1|224|256|384|512)|md5|blake2b?|blake3|xxh(?:64|128)?|crc32)[-:=]|\{(?:S?SHA(?:256|512)?|MD5|SMD5|CRYPT|PBKDF2[-\w]*)\}|\$(?:2[abxy]?|1|5|6|argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*|apr1|y|gy|7)\$|(?:pbkdf2_sha(?:1|256)|bcrypt(?:_sha256)?|argon2|scrypt)\$)/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Bare lower- or upper-case hex of a digest's length (git short/long ids, md5, sha1, sha256…). */
export function isHexDigest(value: string): boolean {
  return HEX_DIGEST_LENGTHS.has(value.length) && (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value));
}

/** A self-describing digest or password hash. Bare hex is only "likely" a hash: see isHexDigest. */
export function isLikelyHash(value: string): boolean {
  return PREFIXED.test(value);
}

/**
 * Base64 that decodes to text a person typed (`dGVzdA==` is "test", `cGFzc3dvcmQ=` "password"):
 * an encoded placeholder, not a credential. `isLowEntropyText` decides on the decoded text.
 */
export function decodesToLowEntropyText(value: string, isLowEntropyText: (text: string) => boolean): boolean {
  if (value.length < 8 || value.length > 512 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  let text: string;
  try {
    text = atob(value);
  } catch {
    return false;
  }
  if (!/^[\x20-\x7e]+$/.test(text)) return false;
  return isLowEntropyText(text);
}
