import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { scan } from '../../src/core/scan';
import { providerPrefixes, rules } from '../../src/core/rules/generic';
import { BUILTIN_RULES } from '../../src/core/rules';
import { valuePrefixesOf } from '../../src/core/filters/providerPrefix';
import { analyzeAnchors } from '../../src/core/prefilter';

const V = 'Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3'; // a fake 24-char token
const PW = 'Qv7#pL2xWm9z'; // a fake password

/** Generic findings in a text as `ruleId:value`. */
function hits(text: string): string[] {
  return scan(text).filter((f) => f.ruleId.startsWith('generic-')).map((f) => `${f.ruleId}:${text.slice(f.start, f.end)}`);
}
function found(text: string, value: string, ruleId = 'generic-secret-assignment'): void {
  assert.deepEqual(hits(text), [`${ruleId}:${value}`], JSON.stringify(text));
}
function quiet(text: string): void {
  assert.deepEqual(scan(text).map((f) => f.ruleId), [], JSON.stringify(text));
}

describe('generic: assignments across languages and formats', () => {
  const contexts: Array<[string, string]> = [
    ['python', `LOKALISE_API_TOKEN = "${V}"`],
    ['python kwarg', `client = Client(api_key="${V}", timeout=3)`],
    ['python f-less prefix', `token = r"${V}"`],
    ['js const', `const zeplinToken = '${V}';`],
    ['ts typed', `export const API_SECRET: string = "${V}";`],
    ['js object', `{ clientSecret: \`${V}\` }`],
    ['go', `apiKey := "${V}"`],
    ['go var typed', `var apiKey string = "${V}"`],
    ['go setenv', `os.Setenv("FRAMEIO_TOKEN", "${V}")`],
    ['java', `private static final String API_KEY = "${V}";`],
    ['csharp verbatim', `var token = @"${V}";`],
    ['ruby', `config.access_token = '${V}'`],
    ['ruby hash rocket', `:auth_token => "${V}"`],
    ['php', `'api_secret' => '${V}',`],
    ['php define', `define('SMARTSHEET_TOKEN', '${V}');`],
    ['rust', `const API_KEY: &str = "${V}";`],
    ['kotlin', `val accessToken: String = "${V}"`],
    ['r', `api_key <- "${V}"`],
    ['c define', `#define API_KEY "${V}"`],
    ['shell export', `export BUTTERCMS_API_KEY=${V}`],
    ['shell quoted', `export BUTTERCMS_API_KEY="${V}"`],
    ['dotenv', `ZEPLIN_TOKEN=${V}`],
    ['yaml', `zeplin_token: ${V}`],
    ['yaml quoted', `  api_key: '${V}'`],
    ['json', `{"apiKey": "${V}"}`],
    ['json spaced colon', `{"api_key" : "${V}"}`],
    ['toml', `secret_key = "${V}"`],
    ['ini', `access_token   =   ${V}`],
    ['properties', `app.auth.token=${V}`],
    ['xml attribute', `<client apiKey="${V}" />`],
    ['dockerfile env', `ENV PAGERTREE_TOKEN=${V}`],
    ['dockerfile env space', `ENV PAGERTREE_TOKEN ${V}`],
    ['dockerfile arg', `ARG NPM_AUTH_TOKEN=${V}`],
    ['http header line', `X-Api-Key: ${V}`],
    ['powershell', `$env:API_TOKEN = "${V}"`],
    ['makefile', `API_TOKEN ?= ${V}`],
    ['npmrc', `//npm.acme.io/:_authToken=${V}`],
    ['helm set', `--set zeplin.apiKey=${V}`],
    ['docker -e', `docker run -e APP_SECRET=${V} app`],
    ['log line', `DEBUG client ready api_key=${V} retries=3`],
    ['k8s tls.key', `tls.key: ${V}${V}`],
  ];
  for (const [name, text] of contexts) {
    it(name, () => {
      const h = hits(text);
      assert.equal(h.length, 1, `${name}: ${JSON.stringify(text)} → ${JSON.stringify(h)}`);
      assert.ok(h[0].endsWith(V) || h[0].endsWith(V + V), h[0]);
    });
  }

  it('passwords in many slots', () => {
    for (const text of [`DB_PASSWORD=${PW}`, `password: "${PW}"`, `spring.datasource.password=${PW}`, `"password": "${PW}"`, `storePassword "${PW}"`,
      `<password>${PW}</password>`, `PGPASSWORD='${PW}' psql`, `MYSQL_ROOT_PASSWORD: ${PW}`, `conn = connect(host="db", user="app", password="${PW}")`,
      `"Server=db;User Id=sa;Password=${PW};"`])
      assert.equal(scan(text).length, 1, text);
  });
  it('short human passwords are low, strong ones medium', () => {
    assert.equal(scan('password = "hunter42"')[0]?.confidence, 'low');
    assert.equal(scan(`password = "${PW}"`)[0]?.confidence, 'medium');
  });
  it('random tokens are medium, UUIDs under secret keys low', () => {
    assert.equal(scan(`API_TOKEN=${V}`)[0]?.confidence, 'medium');
    const uuid = scan('LOKALISE_API_KEY=3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b');
    assert.equal(uuid.length, 1);
    assert.equal(uuid[0].confidence, 'low');
  });
  it('reports only the value', () => {
    const text = `const apiSecret = "${V}";`;
    const [f] = scan(text);
    assert.equal(text.slice(f.start, f.end), V);
    assert.equal(f.preview, 'Zk4L…');
  });
  it('several assignments on one line', () => {
    assert.equal(scan(`api_key=${V}; secret=${V.split('').reverse().join('')}`).length, 2);
  });
});

describe('generic: stays quiet on look-alikes', () => {
  const negatives = [
    'sha256: 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
    '"integrity": "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="',
    'commit: 9fceb02d0ae598e95dc970b74767f19372d61af8', 'uuid = "3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b"',
    'password = get_password()', 'token: ${{ secrets.NPM_TOKEN }}', 'api_key = "<YOUR_API_KEY>"', 'secret_key_base = ENV["SECRET_KEY_BASE"]',
    '"key": "cmd+k"', '"key": "ctrl+shift+down"', 'tokenizer = "bert-base"', 'passwordMinLength = 12', 'secretName: my-app-secrets',
    'password: "{{ .Values.password }}"', 'password = ""', 'token = None', 'apiKey: process.env.API_KEY', 'const token = await getToken();',
    "password = request.form['password']", 'key: "3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b"', '"key": "9fceb02d0ae598e95dc970b74767f19372d61af8"',
    'password_hash = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"', 'auth: dXNlcjpwYXNzd29yZA==',
    'private_key_path = "/etc/ssl/private/key.pem"', 'credentials_file: ./secrets/creds.json', 'token_url: https://login.acme.io/oauth/token',
    'next_page_token: "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3"', '<input name="csrf_token" value="a8f5f167f44f4964e6c998dee827110c">',
    'if token == "Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3":', 'api_key = API_KEY', 'password: !vault |', 'secret: "@Microsoft.KeyVault(SecretUri=https://kv/secrets/x/)"',
    'token = secrets.token_hex(32)', 'password: *default_password', 'Authorization: Bearer $TOKEN', 'public_key = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"',
    'hotkey = "Ctrl+Alt+Delete"', 'HEX_PAT = "[0-9A-Fa-f]{1,4}"', "longopt_pat = r'[a-zA-Z](?:[a-zA-Z0-9-]*)'",
    'xmlCharKey: serializerOptions?.xml.xmlCharKey ?? XML_CHARKEY,', 'token: state.tokens.length - 1,', 'submitPassword: SIGN_IN_V2_SUBMIT_PASSWORD,',
    "'gss_krb5_lucid_key', 'gss_krb5_rfc1964_keydata'", 'jwt.encode(payload, "secret", algorithm="HS256")', 'map[key] = valueFor(key);', 'password: "P@ssw0rd"', 'token: "test"', 'api_key: "test-key"', 'TOKEN_EXPIRY=86400',
  ];
  for (const text of negatives) it(text.slice(0, 70), () => quiet(text));

  it('random identifiers from dictionary words in a secret slot are never flagged (property)', () => {
    const words = ['app', 'service', 'prod', 'billing', 'client', 'signing', 'default', 'main', 'staging', 'user', 'account', 'secrets', 'vault'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), fc.constantFrom('-', '_', '.'), (ws, sep) =>
      scan(`secretName: ${ws.join(sep)}\napi_key = "${ws.join(sep)}"`).length === 0), { numRuns: 200 });
  });
});

describe('generic: headers, CLI, URLs, pairs', () => {
  it('Authorization headers', () => {
    found(`Authorization: Bearer ${V}`, V, 'generic-auth-header');
    found(`curl -H 'Authorization: token ${V}' https://x.io`, V, 'generic-auth-header');
    found(`headers = {"Authorization": "Bearer ${V}"}`, V, 'generic-auth-header');
    found(`Authorization: Basic ${btoa(`svc:${PW}`)}`, btoa(`svc:${PW}`), 'generic-auth-header');
    quiet('Authorization: Basic dXNlcjpwYXNzd29yZA==');
    quiet('Authorization: Bearer <token>');
    quiet('Authorization: Bearer abc123');
  });
  it('command-line flags', () => {
    found(`deploy --api-token=${V}`, V, 'generic-cli-credential');
    found(`deploy --token "${V}"`, V, 'generic-cli-credential');
    found(`mysql -u root -p${PW} db`, PW, 'generic-cli-credential');
    found(`curl -u deploy:${PW} https://x.io`, PW, 'generic-cli-credential');
    found(`docker login -u ci -p ${V} registry.io`, V, 'generic-cli-credential');
    quiet('mysql -u root -p');
    quiet('docker run -p 8080:80 nginx');
    quiet('deploy --token-file ./token.txt');
    quiet('mysql -h db -P 3306 -u app');
    // mysql's -P is the port: the password flag after it is still found.
    found(`mysql -h db -P 3306 -u app -p${PW} appdb`, PW, 'generic-cli-credential');
    found(`mysqldump -P3306 -u app -p${PW} appdb`, PW, 'generic-cli-credential');
    found(`$pw = ConvertTo-SecureString -String "${PW}" -AsPlainText -Force`, PW, 'generic-cli-credential');
    found(`redis-cli -h cache -p 6380 -a ${PW} ping`, PW, 'generic-cli-credential');
  });
  it('URL query parameters and userinfo', () => {
    found(`https://api.acme.io/v1?limit=5&api_key=${V}`, V, 'generic-url-credential-param');
    found(`https://api.acme.io/v1?apiKey=${V}`, V, 'generic-url-credential-param');
    quiet(`https://api.acme.io/v1?page_token=${V}`);
    found(`ftp://deploy:${encodeURIComponent(PW)}@files.acme.io/in`, encodeURIComponent(PW), 'generic-url-password');
    quiet('ftp://anonymous:anonymous@files.acme.io/pub');
  });
  it('name/value pairs and XML', () => {
    found(`- name: ZEPLIN_TOKEN\n  value: "${V}"`, V, 'generic-key-value-pair');
    found(`<add key="ApiSecret" value="${V}" />`, V, 'generic-key-value-pair');
    found(`<string name="api_key">${V}</string>`, V, 'generic-xml-credential');
    quiet(`- name: LOG_LEVEL\n  value: "${V}"`);
  });
  it('basic-auth pairs in code', () => {
    found(`requests.get(u, auth=("svc", "${PW}"))`, PW, 'generic-basic-auth-pair');
  });
  it('setters named after the secret, at low confidence', () => {
    const f = scan(`Acme.setApiKey("${V}");`);
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.confidence}`), ['generic-secret-call:low']);
    found(`client.builder().withToken('${V}')`, V, 'generic-secret-call');
    quiet(`const t = getToken("github");`);
    quiet(`validateToken("${V}")`);
  });
  it('hex keys under secret names are reported at low confidence', () => {
    const f = scan('ACMEMETRICS_API_KEY=9c2e7a1b4d83f60a5c9e3d7b1f24a685');
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.confidence}`), ['generic-secret-assignment:low']);
  });
  it('digests under digest-named keys, and chained assignments, stay quiet', () => {
    quiet('integrityKey: "9c2e7a1b4d83f60a5c9e3d7b1f24a6859c2e7a1b4d83f60a5c9e3d7b1f24a685"');
    quiet('const etagToken = "9c2e7a1b4d83f60a5c9e3d7b1f24a685";');
    quiet('pki$4.setRsaPrivateKey = pki$4.rsa.setPrivateKey = function(');
  });
  it('blank-separated config values may end in punctuation (netrc)', () => {
    found('machine git.acme.test login deploy password Vt8qZ3xLm2R?', 'Vt8qZ3xLm2R?');
  });
  it('personal access tokens and routing keys are slots', () => {
    found(`AZURE_DEVOPS_PAT=${V}`, V);
    found(`pagerduty_routing_key: "${V}"`, V);
  });

});

describe('generic: context shapes from scanner test suites', () => {
  const H = '9c2e7a1b4d83f60a5c9e3d7b1f24a685'; // fake 32-hex key
  it('YAML block scalars carry the value on the next line', () => {
    found(`acme_api_token: |\n  ${V}`, V);
    found(`acme:\n  client_secret: >-\n    ${V}\n`, V);
    found(`api_token: |-\r\n  ${V}\r\n`, V);
    quiet(`description: |\n  The API key is rotated monthly.`);
    quiet('private_key: |');
  });
  it('log lines: a bare Key= needs a qualifier before it, and hex stays low', () => {
    const f = scan(`[INFO] calling acme\n[DEBUG] Using Key=${H}\n[INFO] Response received: 200 OK`);
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.confidence}`), ['generic-secret-assignment:low']);
    found(`[INFO] calling acme\n[DEBUG] Using acme Token=${V}\n[INFO] done`, V);
    found(`DEBUG connecting with key=${V} region=eu`, V);
    quiet(`[DEBUG] cache key=${H}`);
    quiet(`"key": "${H}"`);
  });
  it('Jenkins credentials: the value inside braces', () => {
    found(`<secret>{acme AQAAABAAA ${V}}</secret>`, V, 'generic-braced-credential');
    quiet('<secret>{AQAAABAAA}</secret>');
    quiet(`<description>{acme AQAAABAAA ${V}}</description>`);
  });
  it('prose: a secret word right before a machine-made value, at low confidence', () => {
    const f = scan(`The Acme API key is ${H}, rotate it after the migration.`);
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.confidence}`), ['generic-prose-secret:low']);
    found(`You can find an acme secret ${V} within the logs`, V, 'generic-prose-secret');
    quiet('The token is refreshed every 3600 seconds.');
    quiet('Paste the public key AAAAC3NzaC1lZDI1NTE5AAAAIOv4Lq8Rm2Vt7Xw1Bn5Cd9Fh3 into the form.');
    quiet(`the key ${V} opens the door`);
  });
  it('CSV rows: name cell then value cell', () => {
    found(`name,value\nacmeApiToken,${V},prod`, V);
    found(`prod,acmeApiToken,${V}`, V);
    found(`"acmeApiToken","${V}",`, V);
    quiet(`foo(x, apiKey, ${V})`);
    quiet('name,token,expires_at');
  });
  it('Terraform variables: the label names the default', () => {
    found(`variable "acme_api_token" {\n  type    = string\n  default = "${V}"\n}`, V, 'generic-variable-default');
    quiet(`variable "region" {\n  default = "${V}"\n}`);
  });
  it('XML elements with the value on its own line', () => {
    found(`<AcmeApiKey>\n    ${V}\n</AcmeApiKey>`, V, 'generic-xml-credential');
    quiet('<apiKey>\n    ${API_KEY}\n</apiKey>');
  });
  it('append operators: Makefile += and PHP .=', () => {
    found(`ACME_API_KEY += "${V}"`, V);
    found(`$acmeSecret .= '${V}';`, V);
    quiet('token += chunk;');
  });
  it('Docker auth, client keyword arguments and dotted-prefix tokens', () => {
    const auth = btoa(`ci:${PW}`);
    found(`{"auths": {"registry.acme.io": {"auth": "${auth}"}}}`, auth);
    quiet(`{"auth": "${btoa('user:password')}"}`);
    found(`client = AcmeClient(key="3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b")`, '3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b');
    found(`const c = new AcmeClient({ key: "${H}" });`, H);
    found(`- PUSH_KEY=o.${V}${V}`, `o.${V}${V}`);
    quiet('def encode(self, private_key: ed25519.Ed25519PrivateKey, f_priv: _Frag):');
  });
});

describe('generic: look-alikes of provider and public keys', () => {
  it('a short body behind a provider prefix is left to the provider rule', () => {
    quiet('const val GITHUB_TOKEN = "ghp_pJyFmVd4M"');
    quiet('stripeKey := "sk_live_lTZZjg"');
    quiet('api_key = "AIzaQk3Vt9Lm"');
    quiet('twilio_api_key = "SKfb23a47c"');
    // A prefix a provider does not own, or a full-length body, is still the generic rule's.
    found(`ACME_TOKEN=acme_${V}`, `acme_${V}`);
  });
  it('public-by-design keys and names are not secrets', () => {
    quiet('NEXT_PUBLIC_POSTHOG_KEY=phc_Qk3Vt9Lm2Rx8Zb4Nc7Hf1Jd5Gs0Wp6Ty9Ua3Eo');
    quiet(`VITE_PUBLIC_ACME_TOKEN=${V}`);
    quiet(`stripePublishableKey: "${V}"`);
    quiet("mapboxgl.accessToken = 'pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsdjNxOHZ6bTBhYjIya3BvNDd4cjlxZmcifQ.Qk3Vt9Lm2Rx8Zb4Nc7Hf1J';");
    // A secret under a public name is still a leak.
    found(`NEXT_PUBLIC_ACME_SECRET=${V}`, V);
  });
  it('replace-token placeholders', () => {
    quiet('openai_api_key = "@@API_KEY@@"');
    quiet('<password>@db.password@</password>');
    quiet('DB_PASSWORD=__DB_PASSWORD__');
  });
  it('JWT-shaped values are the jwt rule\'s to judge', () => {
    quiet('const JWT_TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.";');
  });
  it('the provider prefixes are derived from every provider rule', () => {
    const derived = valuePrefixesOf(BUILTIN_RULES.filter((r) => !r.id.startsWith('generic-')));
    assert.deepEqual([...providerPrefixes()], derived);
    for (const p of ['ghp_', 'glpat-', 'AIza', 'AKIA', 'xoxb-', 'npm_', 'hf_', 'SK']) assert.ok(derived.includes(p), p);
  });
});

describe('generic: rule hygiene', () => {
  it('every generic rule id starts with generic-', () => {
    for (const r of rules) assert.match(r.id, /^generic-/);
  });
  it('every generic rule gives the prefilter a literal and a bounded window', () => {
    // Without one a rule runs at every offset of every text (a lookbehind that scans far back,
    // a key taken through a lookahead and back-reference, an unbounded `*`).
    for (const r of rules) {
      const a = analyzeAnchors(r.pattern);
      assert.ok(a, `${r.id}: no anchor`);
      assert.ok(Number.isFinite(a.maxPre), `${r.id}: unbounded window`);
    }
  });
  it('patterns stay fast on adversarial input', () => {
    const inputs = [
      'a'.repeat(50_000),
      'password'.repeat(5_000),
      ('api_key=' + 'x'.repeat(300) + ' ').repeat(200),
      '-'.repeat(50_000),
      '<' + 'a'.repeat(50_000),
      'curl ' + '-u '.repeat(10_000),
      'mysql ' + ' -p'.repeat(10_000),
      ('?token=' + 'Zk4Lq8'.repeat(50)).repeat(100),
      'Authorization: Bearer ' + 'A'.repeat(50_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      scan(text);
      const ms = performance.now() - t0;
      assert.ok(ms < 1500, `${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 20))}…`);
    }
  });
});
