import * as assert from 'node:assert/strict';
import { scan } from '../../src/core/scan';
import { armorBody, decodeJwtSegment } from '../../src/core/rules/cryptoMaterial';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function body(n: number, seed = 7): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    out += B64[s % 64];
  }
  return out;
}
const wrap = (b: string): string => b.match(/.{1,64}/g)!.join('\n');
const pem = (kind: string, n = 1200, extra = ''): string => `-----BEGIN ${kind}PRIVATE KEY-----\n${extra}${wrap(body(n))}\n-----END ${kind}PRIVATE KEY-----`;
const b64url = (o: object): string => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('cryptoMaterial: private keys', () => {
  for (const kind of ['', 'RSA ', 'EC ', 'DSA ', 'OPENSSH ']) {
    it(`${kind || 'PKCS#8 '}block: the finding spans header to footer`, () => {
      const block = pem(kind);
      const text = `key = """\n${block}\n"""`;
      const f = scan(text).filter((x) => x.ruleId === 'private-key');
      assert.equal(f.length, 1);
      assert.equal(text.slice(f[0].start, f[0].end), block);
      assert.equal(f[0].confidence, 'high');
      assert.equal(f[0].preview, '----…');
    });
  }
  it('single-line with \\n escapes (JSON service account, env var)', () => {
    const block = pem('');
    const json = JSON.stringify({ type: 'service_account', private_key: block + '\n', client_email: 'svc@p.iam.gserviceaccount.com' });
    const f = scan(json);
    assert.equal(f.length, 1);
    assert.equal(f[0].ruleId, 'private-key');
    assert.equal(json.slice(f[0].start, f[0].end), JSON.stringify(block).slice(1, -1));
    const env = `PRIVATE_KEY="${block.replace(/\n/g, '\\n')}"`;
    assert.deepEqual(scan(env).map((x) => x.ruleId), ['private-key']);
  });
  it('blocks split into concatenated string literals (Java, JS, Python)', () => {
    const lines = pem('RSA ').split('\n');
    const java = 'String key = ' + lines.map((l) => `"${l}\\n"`).join(' +\n    ') + ';';
    assert.deepEqual(scan(java).map((x) => x.ruleId), ['private-key']);
    const py = 'KEY = (\n' + lines.map((l) => `    "${l}\\n"`).join('\n') + '\n)';
    assert.deepEqual(scan(py).map((x) => x.ruleId), ['private-key']);
  });
  it('CRLF blocks', () => {
    assert.deepEqual(scan(pem('RSA ').replace(/\n/g, '\r\n')).map((x) => x.ruleId), ['private-key']);
  });
  it('PGP private key blocks with armor headers and checksum', () => {
    const block = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${wrap(body(1500))}\n=${body(4, 3)}\n-----END PGP PRIVATE KEY BLOCK-----`;
    assert.deepEqual(scan(block).map((x) => x.ruleId), ['private-key']);
  });
  it('encrypted keys are reported by their own rule at medium confidence', () => {
    for (const block of [
      pem('ENCRYPTED '),
      pem('RSA ', 1200, 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F2A9C1B7E5D4F60A8B2C3D4E5F60718\n\n'),
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(btoa('openssh-key-v1\0\0\0\0\naes256-ctr\0\0\0\x06bcrypt') + body(400))}\n-----END OPENSSH PRIVATE KEY-----`,
    ]) {
      const f = scan(block);
      assert.deepEqual(f.map((x) => `${x.ruleId}:${x.confidence}`), ['private-key-encrypted:medium'], block.slice(0, 60));
    }
  });
  it('unencrypted OpenSSH keys (cipher none) are plain private keys', () => {
    const block = `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(btoa('openssh-key-v1\0\0\0\0\x04none\0\0\0\x04none\0\0') + body(400))}\n-----END OPENSSH PRIVATE KEY-----`;
    assert.deepEqual(scan(block).map((x) => x.ruleId), ['private-key']);
  });
  it('documentation headers, truncated bodies and public keys are not findings', () => {
    for (const text of [
      '-----BEGIN PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\n<your key>\n-----END RSA PRIVATE KEY-----',
      `-----BEGIN RSA PRIVATE KEY-----\n${wrap('A'.repeat(1200))}\n-----END RSA PRIVATE KEY-----`,
      `-----BEGIN PUBLIC KEY-----\n${wrap(body(392))}\n-----END PUBLIC KEY-----`,
      `-----BEGIN CERTIFICATE-----\n${wrap(body(900))}\n-----END CERTIFICATE-----`,
      `-----BEGIN RSA PRIVATE KEY-----\n${wrap(body(900))}\n-----END EC PRIVATE KEY-----`,
    ])
      assert.deepEqual(scan(text).map((x) => x.ruleId), [], text.slice(0, 70));
  });
  it('two keys in one file are two findings', () => {
    assert.equal(scan(`${pem('RSA ')}\n\n${pem('EC ', 160)}`).filter((x) => x.ruleId === 'private-key').length, 2);
  });
  it('armorBody strips escapes, headers and checksums', () => {
    assert.equal(armorBody('-----BEGIN X-----\\nVersion: 1\\n\\nQUJD\\nREVG\\n=abcd\\n-----END X-----'), 'QUJDREVG');
  });
  it('stays fast on a BEGIN without END in a large file', () => {
    const text = '-----BEGIN RSA PRIVATE KEY-----\n' + wrap(body(200_000));
    const t0 = performance.now();
    scan(text);
    assert.ok(performance.now() - t0 < 2000);
  });
});

describe('cryptoMaterial: PuTTY, age, PKCS#12', () => {
  const ppk = (enc: string): string => ['PuTTY-User-Key-File-3: ssh-ed25519', `Encryption: ${enc}`, 'Comment: ci', 'Public-Lines: 2', wrap(body(68)),
    'Private-Lines: 1', body(44, 9), 'Private-MAC: 4f8a2c9e1b7d3f6a0c5e9b2d8f4a1c7e3b6d9f2a5c8e1b4d7f0a3c6e9b2d5f8a'].join('\n');
  it('PuTTY keys: plain high, encrypted medium, whole block', () => {
    const [f] = scan(ppk('none'));
    assert.equal(f.ruleId, 'putty-private-key');
    assert.equal(f.start, 0);
    assert.equal(f.end, ppk('none').length);
    assert.deepEqual(scan(ppk('aes256-cbc')).map((x) => `${x.ruleId}:${x.confidence}`), ['private-key-encrypted:medium']);
  });
  it('age identities', () => {
    assert.deepEqual(scan('AGE-SECRET-KEY-1QJ8Z5RLW0V3T9PGY2XK7HN4DM6CF8SE3JU5A2Q9L0T7WXRZ4KPV6YG3DN8').map((x) => x.ruleId), ['age-secret-key']);
    assert.deepEqual(scan('AGE-SECRET-KEY-1QJ8Z5RLW0V3T9PGY2XK7HN4DM6CF8SE3JU5A2Q9L0T7WXRZ4KPV').map((x) => x.ruleId), []);
  });
  it('openssl pass: arguments', () => {
    assert.deepEqual(scan('openssl pkcs12 -export -out a.pfx -passout pass:Kv8!qZ3rLm2x').map((x) => x.ruleId), ['pkcs12-password']);
    assert.deepEqual(scan('openssl pkcs12 -in a.p12 -passin env:P12_PASS').map((x) => x.ruleId), []);
  });
});

describe('cryptoMaterial: JWT', () => {
  const sig = body(43).replace(/\+/g, '-').replace(/\//g, '_');
  const jwt = (h: object, p: object, s = sig): string => `${b64url(h)}.${b64url(p)}.${s}`;
  it('reports decodable tokens at medium confidence', () => {
    const t = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1', exp: 1900000000 });
    const f = scan(`const token = "${t}";`).filter((x) => x.ruleId === 'jwt');
    assert.equal(f.length, 1);
    assert.equal(f[0].confidence, 'medium');
    assert.equal(f[0].end - f[0].start, t.length);
  });
  it('unsigned alg:none tokens are still reported', () => {
    assert.deepEqual(scan(jwt({ alg: 'none' }, { sub: 'svc' }, '')).map((x) => x.ruleId), ['jwt']);
  });
  it('wins over generic rules on the same value', () => {
    assert.deepEqual(scan(`Authorization: Bearer ${jwt({ alg: 'RS256' }, { iss: 'x' })}`).map((x) => x.ruleId), ['jwt']);
  });
  it('rejects tokens whose header or payload is not JSON, or header without alg', () => {
    assert.deepEqual(scan(`x ${b64url({ typ: 'JWT' })}.${b64url({ sub: 1 })}.${sig}`).map((x) => x.ruleId), []);
    assert.deepEqual(scan(`x eyJhbGciOiJIUzI1NiJ9.eyJub3Rqc29u.${sig}`).map((x) => x.ruleId), []);
  });
  it('an empty payload needs a signature; payloads need not start with eyJ', () => {
    assert.deepEqual(scan('const JWT_TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.";').map((x) => x.ruleId), []);
    assert.deepEqual(scan(`t = "${jwt({ alg: 'HS256' }, {})}"`).map((x) => x.ruleId), ['jwt']);
    // `{ "sub": "svc" }` with a blank after the brace encodes to `eyAi…`.
    const spaced = btoa('{ "sub": "svc", "exp": 1900000000 }').replace(/=+$/, '');
    assert.deepEqual(scan(`t = "${b64url({ alg: 'none' })}.${spaced}."`).map((x) => x.ruleId), ['jwt']);
  });
  it('decodeJwtSegment', () => {
    assert.deepEqual(decodeJwtSegment(b64url({ alg: 'HS256' })), { alg: 'HS256' });
    assert.equal(decodeJwtSegment('not-base64!'), undefined);
    assert.equal(decodeJwtSegment(btoa('[1,2]')), undefined);
  });
});
