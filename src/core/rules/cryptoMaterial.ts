import type { Rule, Validation } from '../types';
import { shannonEntropy } from '../entropy';
import { isDegenerate, isPlaceholder } from '../filters/placeholder';

// Private keys and signed tokens. A finding covers the whole block (header to footer) so a quick
// fix can lift it out in one piece, whether the block spans lines or sits on one line with `\n`
// escapes (JSON service-account files, env vars).
// Formats: PEM RFC 7468 https://www.rfc-editor.org/rfc/rfc7468 · OpenSSH PROTOCOL.key
// https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key · OpenPGP armor RFC 4880 §6.2 ·
// PuTTY PPK https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html ·
// age https://age-encryption.org/v1 · JWT RFC 7519.

const KEY_ADVICE = 'A private key is committed with the code. Treat it as compromised: revoke or replace the key pair, and load the new key from a file outside the repository or a secret store.';

// Lazy body bounded at 12k chars: from each BEGIN the engine scans at most that far, and the
// `private key` keyword prefilter gates the rule.
const PEM_SOURCE = String.raw`-----BEGIN (?<kind>[A-Z0-9 ]{0,30}?)PRIVATE KEY(?<blk> BLOCK)?-----[\s\S]{20,12000}?-----END \k<kind>PRIVATE KEY\k<blk>-----`;
const PPK_SOURCE = String.raw`PuTTY-User-Key-File-[23]:[^\r\n]{1,80}(?:\r?\n|(?:\\r)?\\n)[\s\S]{10,8000}?Private-Lines:[ \t]*\d{1,3}(?:\r?\n|(?:\\r)?\\n)[\s\S]{40,8000}?Private-(?:MAC|Hash):[ \t]*[0-9a-fA-F]{20,128}`;

/**
 * The base64 payload of an armored block: escapes, armor headers, CRC lines and markers removed,
 * and the quotes and `+` of a block split into concatenated string literals (`"MIIE…\n" +`).
 */
export function armorBody(block: string): string {
  const unescaped = block.replace(/\\r|\\n|\\t/g, '\n');
  return unescaped
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s"'\x60(]+/, '').replace(/(?:["'\x60][\s+,;)]*|\s+\+\s*)$/, ''))
    .filter((line) => !/^\s*-----/.test(line) && !/^\s*[\w-]+:\s/.test(line) && !/^\s*=[A-Za-z0-9+/]{4}\s*$/.test(line))
    .join('')
    .replace(/\s+/g, '')
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '');
}

/** PEM/OpenSSH/PGP body that is real key material rather than `...`, `<key>` or `MIIE…` in docs. */
function bodyLooksReal(block: string): boolean {
  const body = armorBody(block);
  if (body.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  if (isDegenerate(body) || isPlaceholder(body)) return false;
  return shannonEntropy(body) >= (body.length >= 200 ? 4.8 : 4.2);
}

function isOpenSshEncrypted(block: string): boolean {
  try {
    const raw = atob(armorBody(block).slice(0, 64).replace(/=+$/, '').slice(0, 60));
    // "openssh-key-v1\0" then a length-prefixed cipher name: "none" for plaintext keys.
    return raw.startsWith('openssh-key-v1') && !raw.slice(15, 23).includes('none');
  } catch {
    return false;
  }
}

function isPemEncrypted(block: string, kind: string): boolean {
  if (/ENCRYPTED/.test(kind) || /Proc-Type:\s*4,ENCRYPTED/.test(block)) return true;
  return kind === 'OPENSSH ' && isOpenSshEncrypted(block);
}

function isPpkEncrypted(block: string): boolean {
  return !/Encryption:[ \t]*none/.test(block);
}

/** JSON object from one base64url JWT segment, or undefined. */
export function decodeJwtSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function validateJwt(token: string): Validation {
  const [h, p, signature] = token.split('.');
  const header = decodeJwtSegment(h);
  if (!header || typeof header.alg !== 'string') return 'reject';
  const payload = decodeJwtSegment(p);
  if (!payload) return 'reject';
  // `{"alg":"HS256"}.{}.` carries neither claims nor a signature: a format sample, not a token.
  if (Object.keys(payload).length === 0 && !signature) return 'reject';
  return 'valid';
}

export const rules: readonly Rule[] = [
  {
    id: 'private-key',
    title: 'Private key',
    provider: 'Cryptographic key',
    confidence: 'high',
    pattern: new RegExp(`(?<secret>${PEM_SOURCE})`),
    keywords: ['private key'],
    advice: KEY_ADVICE,
    validate: (block, m) => {
      if (!bodyLooksReal(block)) return 'reject';
      return isPemEncrypted(block, m.groups?.kind ?? '') ? 'reject' : 'valid';
    },
    examples: {
      positive: [
        fakePem('RSA ', 900),
        fakePem('', 1200),
        fakePem('EC ', 160),
        fakePem('OPENSSH ', 380, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'),
        fakePem('PGP ', 1400, '', ' BLOCK'),
        JSON.stringify({ type: 'service_account', private_key: fakePem('', 1200) + '\n' }),
        'SIGNING_KEY="' + fakePem('EC ', 160).replace(/\n/g, '\\n') + '"',
      ],
      negative: [
        '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\n<your private key here>\n-----END RSA PRIVATE KEY-----',
        'Paste the block that starts with -----BEGIN OPENSSH PRIVATE KEY----- into the field.',
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN PUBLIC KEY-----\n' + fakeBody(300) + '\n-----END PUBLIC KEY-----',
      ],
    },
  },
  {
    id: 'private-key-encrypted',
    title: 'Encrypted private key',
    provider: 'Cryptographic key',
    confidence: 'medium',
    pattern: new RegExp(`(?<secret>${PEM_SOURCE}|${PPK_SOURCE})`),
    keywords: ['private key', 'putty-user-key-file'],
    advice: 'An encrypted private key is committed with the code: only its passphrase protects it, and passphrases are often nearby. Replace the key pair and keep key files out of the repository.',
    validate: (block, m) => {
      if (block.startsWith('PuTTY')) return isPpkEncrypted(block) ? 'valid' : 'reject';
      if (!bodyLooksReal(block)) return 'reject';
      return isPemEncrypted(block, m.groups?.kind ?? '') ? 'valid' : 'reject';
    },
    examples: {
      positive: [
        fakePem('ENCRYPTED ', 1300),
        fakePem('RSA ', 900).replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F2A9C1B7E5D4F60A8B2C3D4E5F60718\n\n'),
        fakePpk('aes256-cbc'),
      ],
      negative: ['-----BEGIN PUBLIC KEY-----\n' + fakeBody(300) + '\n-----END PUBLIC KEY-----', '-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n-----END ENCRYPTED PRIVATE KEY-----'],
    },
  },
  {
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'Cryptographic key',
    confidence: 'high',
    pattern: new RegExp(`(?<secret>${PPK_SOURCE})`),
    keywords: ['putty-user-key-file'],
    advice: KEY_ADVICE,
    validate: (block) => (isPpkEncrypted(block) ? 'reject' : 'valid'),
    examples: {
      positive: [fakePpk('none'), JSON.stringify({ ppk: fakePpk('none') })],
      negative: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: doc\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...'],
    },
  },
  {
    id: 'age-secret-key',
    title: 'age secret key',
    provider: 'age',
    confidence: 'high',
    pattern: /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/,
    keywords: ['age-secret-key-1'],
    minEntropy: 3.5,
    advice: 'An age identity decrypts every file encrypted to its recipient. Generate a new identity, re-encrypt to it, and keep the identity file out of the repository.',
    examples: {
      positive: ['# created: 2024-03-01\nAGE-SECRET-KEY-1QJ8Z5RLW0V3T9PGY2XK7HN4DM6CF8SE3JU5A2Q9L0T7WXRZ4KPV6YG3DN8'],
      negative: ['AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'],
    },
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    // Often a test or expired token: medium until the expiry tracker says otherwise.
    confidence: 'medium',
    // The payload is a JSON object: `eyJ` (`{"`), or `e30` (`{}`), `ewo`/`eyA` (`{` + blank).
    pattern: /(?<![\w-])(eyJ[A-Za-z0-9_-]{8,2000}\.e[yw3][A-Za-z0-9_-]{1,8000}\.[A-Za-z0-9_-]{0,2000})(?![\w-])/,
    keywords: ['eyj'],
    validate: (token) => validateJwt(token),
    advice: 'A signed token grants whatever its claims say until it expires. Revoke the session or signing key if it is live, and fetch tokens at runtime instead.',
    examples: {
      positive: [
        'const t = "' + fakeJwt({ alg: 'HS256', typ: 'JWT' }, { sub: '4821', name: 'Ana Lima', iat: 1716239022 }) + '";',
        'Authorization: Bearer ' + fakeJwt({ alg: 'RS256', kid: 'k1' }, { iss: 'https://id.acme.test', exp: 1900000000 }),
        fakeJwt({ alg: 'none' }, { sub: 'svc' }, false),
      ],
      negative: ['eyJhbGciOiJIUzI1NiJ9.eyJub3Rqc29u.c2ln', 'eyJub3RhIjoiand0In0.eyJzdWIiOiIxIn0.abc', 'token = eyJ...', 'const JWT_TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.";'],
    },
  },
  {
    id: 'pkcs12-password',
    title: 'Keystore password on a command line',
    provider: 'Cryptographic key',
    confidence: 'medium',
    pattern: /-pass(?:in|out|word)?[ \t]+["']?pass:(?<secret>[^\s"']{4,200})/,
    keywords: ['pass:'],
    advice: 'A PKCS#12 / key passphrase is written in a command. Read it from a file (`file:`) or the environment (`env:`) instead, and change it.',
    validate: (secret) => (isPlaceholder(secret, true) || /^[$%]/.test(secret) ? 'reject' : 'valid'),
    examples: {
      positive: ['openssl pkcs12 -export -in cert.pem -inkey key.pem -out cert.pfx -passout pass:Kv8!qZ3rLm2x'],
      negative: ['openssl pkcs12 -in cert.p12 -passin pass:$P12_PASS', 'openssl pkcs12 -in cert.p12 -passin env:P12_PASS'],
    },
  },
];

// Example builders: deterministic, format-valid but fake key material.

function fakeBody(length: number, prefix = ''): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let seed = length * 7919 + 17;
  let out = prefix;
  while (out.length < length) {
    // mulberry32: deterministic, and random enough to pass the body entropy check.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % 64];
  }
  return out;
}

function wrap(body: string): string {
  return body.match(/.{1,64}/g)!.join('\n');
}

function fakePem(kind: string, length: number, prefix = '', block = ''): string {
  return `-----BEGIN ${kind}PRIVATE KEY${block}-----\n${wrap(fakeBody(length, prefix))}\n-----END ${kind}PRIVATE KEY${block}-----`;
}

function fakePpk(encryption: string): string {
  return [
    'PuTTY-User-Key-File-3: ssh-ed25519',
    `Encryption: ${encryption}`,
    'Comment: deploy@build',
    'Public-Lines: 2',
    wrap(fakeBody(68)),
    'Private-Lines: 1',
    wrap(fakeBody(44)),
    'Private-MAC: 4f8a2c9e1b7d3f6a0c5e9b2d8f4a1c7e3b6d9f2a5c8e1b4d7f0a3c6e9b2d5f8a',
  ].join('\n');
}

function b64url(obj: object): string {
  return btoa(JSON.stringify(obj)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fakeJwt(header: object, payload: object, signed = true): string {
  return `${b64url(header)}.${b64url(payload)}.${signed ? fakeBody(43).replace(/\+/g, '-').replace(/\//g, '_') : ''}`;
}
