import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isDegenerate, isPlaceholder } from '../../src/core/filters/placeholder';
import { isCodeReference, isIdentifier, isPathLike, isPlainUrl, splitWords } from '../../src/core/filters/identifier';
import { decodesToLowEntropyText, isHexDigest, isLikelyHash, isUuid } from '../../src/core/filters/looksLikeHash';
import { classifySlot } from '../../src/core/filters/secretKeyName';
import { isNoise, judgeValue } from '../../src/core/filters/judgeValue';
import { alphabetOf, looksRandom, shannonEntropy } from '../../src/core/entropy';
import { isPublicByDesign, leadingLiterals } from '../../src/core/filters/providerPrefix';
import { qualifySlot } from '../../src/core/filters/slotContext';

const WORDS = ['user', 'name', 'config', 'service', 'account', 'billing', 'token', 'client', 'server', 'handler', 'default',
  'primary', 'cache', 'profile', 'settings', 'request', 'response', 'message', 'queue', 'worker', 'deploy', 'build',
  'stage', 'region', 'bucket', 'secret', 'manager', 'storage', 'session', 'order', 'payment', 'invoice', 'customer'];
const wordArb = fc.constantFrom(...WORDS);
const identifierArb = fc.tuple(fc.array(wordArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('camel', 'snake', 'kebab', 'dotted', 'pascal', 'screaming'))
  .map(([ws, style]) => {
    const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);
    switch (style) {
      case 'camel': return ws[0] + ws.slice(1).map(cap).join('');
      case 'pascal': return ws.map(cap).join('');
      case 'snake': return ws.join('_');
      case 'kebab': return ws.join('-');
      case 'dotted': return ws.join('.');
      default: return ws.join('_').toUpperCase();
    }
  });
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomToken = (alphabet: string, min: number, max: number): fc.Arbitrary<string> =>
  // Unbiased: fast-check's default bias repeats the first characters, which no issued token does.
  fc.array(fc.noBias(fc.integer({ min: 0, max: alphabet.length - 1 })), { minLength: min, maxLength: max }).map((a) => a.map((i) => alphabet[i]).join(''));

describe('filters: placeholder', () => {
  const placeholders = [
    'your_api_key_here', 'YOUR-API-KEY', '<YOUR_API_KEY>', '<token>', 'AKIAIOSFODNN7EXAMPLE', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '${{ secrets.NPM_TOKEN }}', '${API_KEY}', '{{ api_key }}', '%s', '%(password)s', '****', '********', 'changeme', 'change-me',
    'replace_me', 'REDACTED', '[FILTERED]', 'dummy-token', 'xxxxxxxxxxxxxxxx', 'aaaaaaaaaaaa', '1234567890', 'abcdefghijkl',
    '$(cat token.txt)', '$DB_PASSWORD', '%API_KEY%', '[[secret]]', '#{ENV["X"]}', '{password}', 'sk-...', 'not-a-real-key',
    'qwertyuiop', 'abababababab', '123123123123', 'INSERT_KEY_HERE', '…',
  ];
  for (const p of placeholders) it(`"${p}" is a placeholder`, () => assert.ok(isPlaceholder(p, true), p));

  const genericOnly = ['test', 'password', 'secret', 'password123', 'Password1!', 'admin', 'sample-key', 'fake_token_value', 'mysecret',
    'test-key', 'TODO', 'null', 'None', 'p@ssw0rd', 'mock_api_key', 'foobar', 'enter_token', 'secret-goes-here'];
  for (const p of genericOnly) {
    it(`"${p}" is a placeholder for generic rules only`, () => {
      assert.ok(isPlaceholder(p, true), p);
    });
  }
  it('provider rules keep words like test in their formats', () => {
    assert.equal(isPlaceholder('sk_test_4eC39HqLyjWDarjtT1zdp7dc', false), false);
    assert.equal(isPlaceholder('test', false), false);
  });

  const real = ['Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3', '8c3f1e9a7b2d4c6e0f5a9b3d7e1c2f4a', 'hunter42', 'Tr0ub4dor&3', 'q8Zt3RbP0vXw1NcY7kLmA2sD9fGhJ4uE6iOpTzV5',
    'pX8mQ2zR7vLk3Tn9Wb4Yc1Hd6Fg5Js0Aq%2BeU%3D'];
  for (const r of real) it(`"${r}" is not a placeholder`, () => assert.equal(isPlaceholder(r, true), false, r));

  it('long base64 key blobs with AAAA runs are not degenerate', () => {
    const blob = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW' + 'Qz8vR3kW7xLm2Rt9Vx4Kp1Bn7Cd3Fg'.repeat(4);
    assert.equal(isDegenerate(blob), false);
  });
  it('random tokens are never placeholders (property)', () => {
    fc.assert(fc.property(randomToken(B62, 20, 48), (t) => {
      fc.pre(!/example|your|xxxx|dummy|redacted|test|fake|sample|mock|change|replace|insert|placeholder|enter|put|paste/i.test(t));
      fc.pre(!/(.)\1{5}/.test(t));
      return !isPlaceholder(t, true);
    }), { numRuns: 300 });
  });
});

describe('filters: identifier', () => {
  const ids = ['bert-base-uncased', 'my-app-secrets', 'ctrl+shift+down', 'cmd+k', 'config.db.password', 'stripeSecretKey', 'SECRET_KEY_NAME',
    'production-signing-key', 'kv-prod-weu', 'oauth2', 'argon2id', 'db-credentials', 'HTTPServer', 'user.profile.name', 'Ctrl+Alt+Delete'];
  for (const v of ids) it(`"${v}" is an identifier`, () => assert.ok(isIdentifier(v), v));
  const notIds = ['VKTAyologcqZjWzn6bJrg2VF', 'Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3', '8c3f1e9a7b2d4c6e0f5a9b3d7e1c2f4a', 'kqzjvmxtrplw', 'Tr0ub4dor&3',
    'aB3dE5fG7hJ9', 'QWRPZKXMVBNT'];
  for (const v of notIds) it(`"${v}" is not an identifier`, () => assert.equal(isIdentifier(v), false, v));

  it('names built from dictionary words are always identifiers (property)', () => {
    fc.assert(fc.property(identifierArb, (id) => isIdentifier(id)), { numRuns: 500 });
  });
  it('random mixed-case tokens of 20+ chars are (almost) never identifiers', () => {
    // Seeded, so the rate is stable: a few in ten thousand random strings read as camelCase words.
    let seed = 42;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let misread = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      let t = '';
      const len = 20 + Math.floor(next() * 21);
      for (let j = 0; j < len; j++) t += B62[Math.floor(next() * 62)];
      if (isIdentifier(t)) misread++;
    }
    assert.ok(misread / n < 0.003, `${misread} of ${n}`);
  });
  it('splitWords splits camelCase, acronyms, digits and separators', () => {
    assert.deepEqual(splitWords('getHTTPResponse_v2.final-Key'), ['get', 'HTTP', 'Response', 'v', '2', 'final', 'Key']);
  });

  for (const p of ['/etc/app/key.pem', './certs/client.p12', '~/.ssh/id_rsa', 'C:\\keys\\a.pfx', 'secrets/token.txt', 'service-account.json', '../config/creds.yml'])
    it(`"${p}" is a path`, () => assert.ok(isPathLike(p), p));
  for (const p of ['pX8mQ2zR7vLk3Tn9/Wb4Yc1Hd6Fg5Js0Aq+eU=', 'Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3'])
    it(`"${p}" is not a path`, () => assert.equal(isPathLike(p), false, p));

  it('URLs without passwords are plain; with a password they are not', () => {
    assert.ok(isPlainUrl('https://auth.acme.io/oauth/token'));
    assert.ok(isPlainUrl('api.acme.io/v1'));
    assert.equal(isPlainUrl('https://u:Zq8Lm2Rt9Vx4@host.io'), false);
    assert.equal(isPlainUrl('Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3'), false);
  });

  it('code references', () => {
    for (const v of ['process.env.API_KEY', 'os.environ', 'config.password', 'self.token', 'secrets.NPM_TOKEN', '!vault', '|', '>-', '*default',
      'true', 'None', '42', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x/)', 'import.meta.env.VITE_KEY'])
      assert.ok(isCodeReference(v), v);
    assert.ok(isCodeReference('get_password', '()'));
    assert.ok(isCodeReference('ENV', '["X'));
    assert.equal(isCodeReference('Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3'), false);
  });
});

describe('filters: hashes and ids', () => {
  it('UUIDs', () => {
    assert.ok(isUuid('3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b'));
    assert.ok(isUuid('3F6B2A1C-8D4E-4F7A-9B0C-2E5D8A1F6C3B'));
    assert.equal(isUuid('3f6b2a1c8d4e4f7a9b0c2e5d8a1f6c3b'), false);
  });
  it('self-describing digests and password hashes', () => {
    for (const v of ['sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==', 'sha256:3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
      'sha1-deadbeef', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', '{SSHA}abcd', 'pbkdf2_sha256$260000$salt$hash', 'md5:0cc175b9c0f1b6a831c399e269772661'])
      assert.ok(isLikelyHash(v), v);
    assert.equal(isLikelyHash('Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3'), false);
  });
  it('hex digests by length and single case', () => {
    assert.ok(isHexDigest('9fceb02d0ae598e95dc970b74767f19372d61af8'));
    assert.ok(isHexDigest('3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b'));
    assert.ok(isHexDigest('9fceb02'));
    assert.equal(isHexDigest('9fceb02d0ae598e95dc970b74767f1937'), false); // 33
    assert.equal(isHexDigest('9fceB02d0ae598e95dc970b74767f19372d61af8'), false); // mixed case
  });
  it('base64 of typed text is recognised, base64 of random bytes is not', () => {
    const low = (t: string): boolean => isPlaceholder(t, true) || isIdentifier(t) || /^[\w.+-]+:[\w.+-]*$/.test(t) && shannonEntropy(t) < 3;
    assert.ok(decodesToLowEntropyText(btoa('password'), low));
    assert.ok(decodesToLowEntropyText(btoa('user:pass'), low));
    assert.equal(decodesToLowEntropyText(btoa('svc:Zq8!Lm2Rt9Vx'), low), false);
    assert.equal(decodesToLowEntropyText('q8Zt3RbP0vXw1NcY7kLmA2sD9fGhJ4uE6iOpTzV5', low), false);
  });
});

describe('filters: entropy', () => {
  it('alphabets', () => {
    assert.equal(alphabetOf('8c3f1e9a7b2d4c6e'), 'hex');
    assert.equal(alphabetOf('8C3F1E9A7B2D4C6E'), 'hex');
    assert.equal(alphabetOf('Zk4Lq8Rm2Vt7'), 'alnum');
    assert.equal(alphabetOf('Zk4Lq8Rm2Vt7+/=='), 'base64');
    assert.equal(alphabetOf('Zk4!q8Rm'), 'other');
  });
  it('random tokens look random across alphabets and lengths (property)', () => {
    for (const [alphabet, min] of [['0123456789abcdef', 32], [B62, 16], [B62 + '+/', 24]] as const) {
      fc.assert(fc.property(randomToken(alphabet, min, 64), (t) => {
        fc.pre(new Set(t).size > t.length / 3);
        return looksRandom(t);
      }), { numRuns: 200 });
    }
  });
  it('low-entropy values do not', () => {
    for (const v of ['aaaaaaaaaaaaaaaa', 'abcabcabcabcabc', 'passwordpassword', '1111222233334444']) assert.equal(looksRandom(v), false, v);
    assert.equal(looksRandom('Zk4Lq8Rm2V'), false, 'too short');
  });
});

describe('filters: secret slots', () => {
  const cases: Array<[string, ReturnType<typeof classifySlot>]> = [
    ['DB_PASSWORD', 'password'], ['password', 'password'], ['PGPASSWORD', 'password'], ['keyStorePassword', 'password'], ['storePassword', 'password'],
    ['passwd', 'password'], ['pwd', 'password'], ['MYSQL_ROOT_PASSWORD', 'password'], ['db.pass', 'password'], ['passphrase', 'password'],
    ['stripeSecretKey', 'secret'], ['x-api-key', 'secret'], ['APIKEY', 'secret'], ['apiKey', 'secret'], ['BUTTERCMS_API_KEY', 'secret'],
    ['zeplin_token', 'secret'], ['auth-token', 'secret'], ['clientSecret', 'secret'], ['client_secret', 'secret'], ['secret_key_base', 'secret'],
    ['access_token', 'secret'], ['refresh_token', 'secret'], ['_authToken', 'secret'], ['id_token', 'secret'], ['tls.key', 'secret'],
    ['MAILJET_KEY', 'secret'], ['api_key_prod', 'secret'], ['SIGNING_SECRET', 'secret'], ['credentials', 'secret'], ['Authorization', 'secret'],
    ['key', 'weak'], ['auth', 'weak'], ['_auth', 'weak'],
    ['passwordMinLength', undefined], ['secretName', undefined], ['tokenizer', undefined], ['token_url', undefined], ['primaryKey', undefined],
    ['isPassword', undefined], ['showPassword', undefined], ['password_hash', undefined], ['hashed_password', undefined], ['next_page_token', undefined],
    ['csrf_token', undefined], ['max_tokens', undefined], ['access_key_id', undefined], ['private_key_path', undefined], ['public_key', undefined],
    ['publishableKey', undefined], ['sha256', undefined], ['checksum', undefined], ['integrity', undefined], ['keyboard', undefined],
    ['monkey', undefined], ['bypass', undefined], ['compass', undefined], ['passport', undefined], ['token_type', undefined], ['cache_key', undefined],
    ['site_key', undefined], ['auth_method', undefined], ['secrets', undefined], ['getToken', undefined], ['uuid', undefined],
  ];
  for (const [name, kind] of cases) it(`${name} → ${kind ?? 'not a slot'}`, () => assert.equal(classifySlot(name), kind));
});

describe('filters: judgeValue', () => {
  it('passwords: short human passwords pass, names and stock words do not', () => {
    assert.notEqual(judgeValue('hunter42', 'password'), 'reject');
    assert.equal(judgeValue('Tr0ub4dor&3', 'password'), 'medium');
    for (const v of ['secret', 'changeme', 'letmein', 'sunshine', 'myPassword', 'db_password', 'abc', '12345678', 'Password1'])
      assert.equal(judgeValue(v, 'password'), 'reject', v);
  });
  it('secrets: random values medium, UUIDs low, names rejected', () => {
    assert.equal(judgeValue('Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3', 'secret'), 'medium');
    assert.equal(judgeValue('3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b', 'secret'), 'low');
    for (const v of ['bert-base-uncased', 'my-app-secrets', 'development-secret-key', 'https://auth.acme.io/token', '/run/secrets/token'])
      assert.equal(judgeValue(v, 'secret'), 'reject', v);
  });
  it('weak slots: only clearly random values, never digests or UUIDs', () => {
    assert.equal(judgeValue('Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3', 'weak'), 'low');
    for (const v of ['ctrl+shift+down', '3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b', '9fceb02d0ae598e95dc970b74767f19372d61af8', 'Enter'])
      assert.equal(judgeValue(v, 'weak'), 'reject', v);
  });
  it('noise: interpolation, emails, code', () => {
    for (const v of ['${X}', 'f{token}', 'admin@acme.io', 'process.env.X', 'sha512-abcd', btoa('password')]) assert.ok(isNoise(v), v);
  });
});

describe('filters: digests under key-like names', () => {
  it('names of digests and content ids are not secret slots', () => {
    for (const name of ['integrityKey', 'checksum_key', 'etagKey', 'commit_token', 'revisionKey', 'digestToken', 'contentHashKey'])
      assert.equal(classifySlot(name), undefined, name);
    assert.equal(classifySlot('DATADOG_API_KEY'), 'secret');
    assert.equal(classifySlot('HMAC_SHA256_KEY'), 'secret');
  });
  it('hex digests and UUIDs in a secret slot are low, never dropped', () => {
    assert.equal(judgeValue('9c2e7a1b4d83f60a5c9e3d7b1f24a685', 'secret'), 'low');
    assert.equal(judgeValue('9c2e7a1b4d83f60a5c9e3d7b1f24a6851f0e2d3c', 'secret'), 'low');
    assert.equal(judgeValue('3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b', 'secret'), 'low');
  });
  it('the slot memo answers like a fresh classification', () => {
    for (let i = 0; i < 3; i++) {
      assert.equal(classifySlot('stripeSecretKey'), 'secret');
      assert.equal(classifySlot('passwordMinLength'), undefined);
      assert.equal(classifySlot('DB_PASSWORD'), 'password');
    }
  });
});

describe('filters: provider prefixes', () => {
  it('reads the literal a value opens with, not a key name', () => {
    assert.deepEqual(leadingLiterals(String.raw`\b(ghp_[A-Za-z0-9]{36})\b`), ['ghp_']);
    assert.deepEqual(leadingLiterals(String.raw`(?<![\w-])(?<secret>(?:AKIA|ASIA|A3T[A-Z0-9])[A-Z0-9]{16})`), ['AKIA', 'ASIA', 'A3T']);
    assert.deepEqual(leadingLiterals(String.raw`AIza[0-9A-Za-z_-]{35}`), ['AIza']);
    assert.deepEqual(leadingLiterals(String.raw`\b(xox[bp]-[0-9]{10})`), ['xox']);
    // A quantified char is not part of the prefix.
    assert.deepEqual(leadingLiterals(String.raw`\b(sk-?[A-Za-z0-9]{48})`), ['sk']);
    // Keyed rules open with a name: no value prefix.
    assert.equal(leadingLiterals(String.raw`(?:heroku)[\w.-]{0,25}?["']?\s{0,3}(?:[:=]{1,2}>?|\s)\s{0,3}["']?(?<secret>[0-9a-f]{32})`), undefined);
    assert.equal(leadingLiterals(String.raw`\b([a-f0-9]{32})\b`), undefined);
  });
  it('public-by-design values', () => {
    for (const v of ['pk_live_51H8Qk3Vt9Lm2Rx8Zb4Nc7', 'pk_test_51H8Qk3Vt9Lm2Rx8Zb4Nc7', 'phc_Qk3Vt9Lm2Rx8Zb4Nc7Hf1Jd5Gs0Wp6', 'pk.eyJ1IjoiYWNtZSJ9.Qk3Vt9Lm2Rx8'])
      assert.ok(isPublicByDesign(v), v);
    for (const v of ['sk_live_51H8Qk3Vt9Lm2Rx8Zb4Nc7', 'pk.9c2e7a1b4d83f60a5c9e3d7b1f24a685', 'sk.eyJ1IjoiYWNtZSJ9.Qk3Vt9Lm2Rx8'])
      assert.ok(!isPublicByDesign(v), v);
  });
});

describe('filters: slot context', () => {
  const at = (line: string, key: string): ReturnType<typeof qualifySlot> => qualifySlot('weak', line, line.indexOf(key));
  it('a qualifier or a client call before a bare key makes it a credential slot', () => {
    assert.equal(at('[DEBUG] Using Key=abc', 'Key='), 'secret');
    assert.equal(at('The Acme API key is abc', 'key is'), 'secret');
    assert.equal(at('client = AcmeClient(key="abc")', 'key='), 'secret');
    assert.equal(at('new AcmeClient({ key: "abc" })', 'key:'), 'secret');
  });
  it('anything else leaves it weak, and other kinds pass through', () => {
    assert.equal(at('[DEBUG] cache key=abc', 'key='), 'weak');
    assert.equal(at('"key": "abc"', 'key'), 'weak');
    assert.equal(at('x\nUsing\nkey=abc', 'key='), 'weak');
    assert.equal(qualifySlot('password', 'Using password=x', 6), 'password');
    assert.equal(qualifySlot(undefined, 'Using foo=x', 6), undefined);
  });
});

describe('filters: template tokens and public names', () => {
  it('replace-token placeholders', () => {
    for (const p of ['@@API_KEY@@', '@db.password@', '__DB_PASSWORD__']) assert.ok(isPlaceholder(p, true), p);
    assert.ok(!isPlaceholder('Qv7@pL2xWm9z', true));
  });
  it('public names hold keys and tokens, not secrets', () => {
    assert.equal(classifySlot('NEXT_PUBLIC_POSTHOG_KEY'), undefined);
    assert.equal(classifySlot('VITE_PUBLIC_MAPBOX_TOKEN'), undefined);
    assert.equal(classifySlot('NEXT_PUBLIC_ACME_SECRET'), 'secret');
    assert.equal(classifySlot('PUBLIC_SECRET_KEY'), 'secret');
  });
  it('code references look at the rest of the value\'s line only', () => {
    assert.ok(isCodeReference('tokens', '[i]'));
    assert.ok(!isCodeReference('Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3', '\n[I'));
  });
});
