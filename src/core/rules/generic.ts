import type { Rule, Validation } from '../types';
import { classifySlot, type SlotKind } from '../filters/secretKeyName';
import { judgeValue, type Verdict } from '../filters/judgeValue';
import { isPlaceholder } from '../filters/placeholder';
import { isIdentifier } from '../filters/identifier';
import { looksRandom } from '../entropy';
import { qualifySlot } from '../filters/slotContext';
import { valuePrefixesOf } from '../filters/providerPrefix';
// Provider families, for the prefixes their rules own (not ./index: it imports this file).
import { rules as aws } from './aws';
import { rules as cloud } from './cloud';
import { rules as codeHosts } from './codeHosts';
import { rules as payments } from './payments';
import { rules as messaging } from './messaging';
import { rules as ai } from './ai';
import { rules as data } from './data';
import { rules as monitoring } from './monitoring';
import { rules as identity } from './identity';
import { rules as cryptoMaterial } from './cryptoMaterial';
import { rules as saas } from './saas';

// Context-aware generic detection: the long tail of ~900 providers has no dedicated rule, but
// their credentials sit in slots named like secrets (`BUTTERCMS_API_KEY = "…"`, `--auth-token=…`,
// `Authorization: Bearer …`). A finding needs both a secret slot (filters/secretKeyName.ts) and a
// literal value that survives the noise filters (filters/judgeValue.ts). Never bare entropy.
//
// Confidence: the rules are declared `medium`; a weaker verdict is reported through the
// validator's `weak`, which the scanner turns into one level lower (`low`).
//
// Patterns stay linear and windowable: every repetition is bounded, and every alternative consumes
// a literal (a secret word, a command name) near its start, so the scanner's prefilter
// (prefilter.ts) runs each rule only around those literals. Lookbehinds that scan far back, and
// keys captured through a lookahead and back-reference, hide the literal and make a rule run at
// every offset of every text.

const ADVICE = 'A credential is written into the source. Move it to the environment or a secret store, and rotate it if it was ever committed.';
const KEYWORDS = ['pass', 'pwd', 'pw', 'secret', 'token', 'key', 'auth', 'cred', 'bearer', 'pat', 'sas'];

function verdictToValidation(v: Verdict): Validation {
  return v === 'reject' ? 'reject' : v === 'medium' ? 'valid' : 'weak';
}

/** The text right after the match (or after the secret group, which always ends our matches). */
function after(match: RegExpExecArray): string {
  return match.input.slice(match.index + match[0].length, match.index + match[0].length + 3);
}

/** A quoted value must end at its own quote: otherwise it was cut at a space or backslash. */
function closedProperly(match: RegExpExecArray): boolean {
  const q = match.groups?.q;
  if (!q) return true;
  return after(match).startsWith(q);
}

/**
 * Bare (unquoted) values in code are usually expressions: `state.tokens.length - 1`,
 * `options?.hash || ""`, `e.ctrlKey ? a : b`. Config files put literals there, followed by the
 * end of the line, a comment, a separator or another `key=value`.
 */
function isBareExpression(secret: string, match: RegExpExecArray): boolean {
  if (match.groups?.q) return false;
  // Separated by blanks only (`ENV KEY value`, netrc's `password value`): a config line, not code.
  const op = match.groups?.op;
  if (op !== undefined && /^[ \t]+$/.test(op)) return false;
  if (/\?\.|\?\?/.test(secret)) return true;
  // Member access (`state.tokens.length`, `e.key`): the head is a name, not random.
  // Bundlers rename clashing names with a `$N` suffix (`pki$4.rsa`).
  const head = /^([A-Za-z_$][\w$]*)!?\.([A-Za-z_$][\w$]*)/.exec(secret);
  const name = head?.[1].replace(/\$\d+$/, '');
  // ... unless what follows the dot is random: `o.<32 random>`, `pk.<hex>`, `pat.<id>.<secret>`
  // are tokens with a dotted prefix, not property reads.
  const member = head?.[2] ?? '';
  const randomMember = member.length >= 20 && !isIdentifier(member) && looksRandom(member, 20);
  if (name !== undefined && !randomMember && (name.length <= 2 || isIdentifier(name) || /^[a-z]{2,}[a-z0-9_]*$/.test(name))) return true;
  if (/[?:+]$/.test(secret)) return true;
  const rest = match.input.slice(match.index + match[0].length, match.index + match[0].length + 4);
  // ... or chained assignments (`a.key = b.key = function`): the value is another target.
  return /^[ \t]*(?:\?\?|\|\||&&|[-+*/%][ \t]*[\d(]|[-+*%][ \t]+\w|[<>!=]=|\?[ \t]|=(?![=>]))/.test(rest);
}

let prefixes: readonly string[] | undefined;
let prefixesByHead: Map<string, readonly string[]> | undefined;

/** Value prefixes of every provider rule (`ghp_`, `AIza`, `xoxb-`), derived once on first use. */
export function providerPrefixes(): readonly string[] {
  prefixes ??= valuePrefixesOf([aws, cloud, codeHosts, payments, messaging, ai, data, monitoring, identity, cryptoMaterial, saas].flat());
  return prefixes;
}

// Bodies this short behind a provider's prefix fail every provider format we know (the shortest
// issue 20+ random chars): a truncated or made-up look-alike, which the provider rule, not a
// context rule, is the judge of.
const MIN_PREFIXED_BODY = 16;

function isShortLookalike(secret: string): boolean {
  if (secret.length >= 40 || secret.length < 3) return false;
  // Bucketed by the first two chars (every prefix has at least two): one lookup per value.
  if (!prefixesByHead) {
    prefixesByHead = new Map();
    for (const p of providerPrefixes()) prefixesByHead.set(p.slice(0, 2), [...(prefixesByHead.get(p.slice(0, 2)) ?? []), p]);
  }
  let longest = 0;
  for (const p of prefixesByHead.get(secret.slice(0, 2)) ?? []) if (p.length > longest && secret.startsWith(p)) longest = p.length;
  return longest > 0 && secret.length - longest < MIN_PREFIXED_BODY;
}

// Three base64url segments behind a JSON header: the jwt rule decodes them and is the judge.
const JWT_SHAPE = /^eyJ[\w-]{8,}\.[\w-]*\.[\w-]*$/;

function judgeIn(slot: SlotKind | undefined, secret: string, match: RegExpExecArray): Validation {
  if (slot === undefined) return 'reject';
  if (!closedProperly(match)) return 'reject';
  if (isBareExpression(secret, match)) return 'reject';
  const verdict = judgeValue(secret, slot, after(match));
  if (verdict === 'reject' || isShortLookalike(secret) || JWT_SHAPE.test(secret)) return 'reject';
  return verdictToValidation(verdict);
}

// A value: quoted (any non-space, non-quote chars, the closing quote checked by the validator)
// or bare (stops at separators that end values in configs, shells and code).
const VALUE = String.raw`(?:[rRbBuU@]?(?<q>["'\x60]))?(?<secret>(?<=["'\x60])[^\s"'\x60\\]{1,400}|(?<!["'\x60])[^\s"'\x60\\,;&|(){}\[\]<>]{1,400})`;
// Type annotations between a name and its `=` (TS, Kotlin, Python, Rust, Go).
const TYPE = String.raw`(?:[ \t]*:[ \t]*(?:string|String|str|&'?(?:static[ \t]+)?str|char[ \t]*\*|\[\]byte|SecureString)|[ \t]+(?:string|String|str))?`;
// A YAML block scalar (`key: |` / `key: >-`) puts the value on the next, indented line. `+=`
// (Makefile) and `.=` (PHP) append, which on an empty variable is assignment.
const OP = String.raw`(?<op>[ \t]{0,8}(?::=|=>|<-|\?\?=|\|\|=|\?=|\+=|\.=|=(?!=)|:[ \t]{0,4}[|>][-+]?[1-9]?[ \t]{0,8}\r?\n[ \t]{1,40}|:(?![:\\/])|,)[ \t]{0,8}|(?=[ \t])(?<=(?:^|\n)[ \t]*(?:ENV|ARG|setx|set[ \t]+-[gUx]{1,3})[ \t]+[\w.-]{1,80}["']?)[ \t]+|(?=[ \t])(?<=\b(?:login|machine)[ \t]+\S{1,100}\s+(?:password|passwd))[ \t]+|[ \t]+(?=[@]?["']))`;

const assignment = new RegExp(
  String.raw`(?<![\w$.@?&/-])(?<key>(?:[A-Za-z_$@][\w.$@-]{0,78}?)?(?:pass|pwd|pw|secret|token|key|auth|cred|credentials|creds|bearer|authorization|passphrase|passwort|pat|sas)[\w.$@-]{0,30}(?![\w.$@-]))(?<close>["'\x60\]]{0,2})${TYPE}${OP}${VALUE}`,
  'i',
);

const keyValuePair = new RegExp(
  String.raw`\b(?:name|key)["']?[ \t]*[:=][ \t]*["']?(?<key>[A-Za-z_][\w.-]{0,80})["']?[\s,]{1,40}-?[ \t]*["']?value["']?[ \t]*[:=][ \t]*${VALUE}`,
  'i',
);

// The value may sit alone on the line between the tags (`<apiKey>\n  value\n</apiKey>`).
const XML_BREAK = String.raw`(?:[ \t]{0,8}\r?\n[ \t]{0,40})?`;
const xmlElement = new RegExp(
  String.raw`<(?<tag>[A-Za-z_][\w.:-]{0,60})(?:[^<>]{0,200}?\b(?:name|key)[ \t]{0,8}=[ \t]{0,8}["'](?<key>[^"'<>]{1,80})["'])?[^<>]{0,100}>${XML_BREAK}(?<secret>[^<>\s]{1,400})(?=${XML_BREAK}</\k<tag>>)`,
);

// Jenkins stores credentials as `<secret>{AQAAABAAAAAQ…}</secret>` (hudson.util.Secret, readable
// with the controller's master key: generic-xml-credential reports the blob whole); exports and
// scanner fixtures write `{label AQAAABAAA value}`, where the value is the last word in the braces.
const bracedElement = new RegExp(
  String.raw`<(?<tag>[A-Za-z_][\w.:-]{0,60})>\{(?:[\w.-]{1,60}[ \t]{1,8}){0,2}(?<secret>[^{}<>\s]{8,600})\}[ \t]{0,8}</\k<tag>>`,
);

// `variable "acme_api_token" { default = "…" }` (Terraform, OpenTofu): the name is the label.
const variableDefault = new RegExp(
  String.raw`\bvariable[ \t]{1,8}["']?(?<key>[A-Za-z_][\w-]{0,80})["']?[ \t]{0,8}\{[^{}]{0,300}?\bdefault[ \t]{0,8}=[ \t]{0,8}${VALUE}`,
);

// Prose and logs: `The Acme API key is <value>, rotate it`, `found a secret <value> within`,
// `token <value>`. A bare `key` counts only with a qualifier before it (`API key`, `using key`:
// filters/slotContext.ts), and only machine-made values pass (judged in a secret slot).
const prose = new RegExp(
  String.raw`(?<![\w$.@/-])(?<key>key|secret|token|password|passphrase|credential|pat)[ \t]{1,4}(?:(?:is|was|of|reads)[ \t]{1,4})?(?<q>["'\x60])?(?<secret>[A-Za-z0-9][A-Za-z0-9+/_~.=-]{10,398}[A-Za-z0-9=])(?=["'\x60]?(?:[,;.)!]?(?:[ \t]|\r?\n|$)))`,
  'i',
);

const authHeader = new RegExp(
  String.raw`(?:(?:Proxy-)?Authorization["']?[ \t]*[:=,][ \t]*["']?(?<scheme>Bearer|Basic|Token|Bot|JWT|SSWS|Splunk|GenieKey|Api-?Key|Key|DeepL-Auth-Key|OAuth)|\b(?<bare>Bearer))[ \t]+(?<secret>[A-Za-z0-9._~+/-]{6,2000}={0,2})(?![A-Za-z0-9._~+/=-])`,
  'i',
);

// Command names are matched, not looked behind for: a lookbehind that scans 200 chars back runs
// at every offset of every text, while a consumed name gives the prefilter a literal to window on.
// The finding's span is the `secret` group, so the longer match does not move it. A numeric `-P`
// value (mysql's port) is skipped so the lazy scan goes on to the real `-p`.
const MYSQL_LIKE = String.raw`\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump|sshpass|mongo|mongosh|mongodump|mongorestore|docker[ \t]+login|podman[ \t]+login|sqlcmd|bcp)\b[^\n]{0,200}?[ \t]-[pP][ \t]?(?![0-9]{1,6}(?![^\s]))`;
const SECRET_WORD_AHEAD = String.raw`(?=[\w.-]{0,60}?(?:pass|pwd|secret|token|key|auth|cred|bearer))`;
const cliCredential = new RegExp(
  String.raw`(?:${MYSQL_LIKE}|\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?|\bredis-cli\b[^\n]{0,200}?[ \t]-a[ \t]+|\bcurl\b[^\n]{0,300}?[ \t](?:-u|--user)[ \t]+["']?(?<user>[^\s:"'$]{1,64}):|(?<![\w-])(?<flag>--?${SECRET_WORD_AHEAD}[A-Za-z][\w.-]{0,60})(?:=|[ \t]+))` +
    String.raw`(?:(?<q>["']))?(?<secret>(?<=["'])[^\s"'\\]{1,400}|(?<!["'])[^\s"'\x60\\;&|(){}<>]{1,400})`,
  'i',
);

const urlParam = new RegExp(
  String.raw`(?:\?|(?<!&)&(?!&)|;)(?<key>(?=[\w-]{0,60}?(?:pass|pwd|secret|token|key|auth|cred|sig|code))[A-Za-z_][\w-]{0,60})=(?<secret>[^&\s#"'<>\\(){}\[\]\x60|^=][^&\s#"'<>\\(){}\[\]\x60|^]{0,399})`,
  'i',
);

// `auth=("user", "pass")`, `HTTPBasicAuth("user", "pass")`, `new NetworkCredential("user", "pass")`,
// `DriverManager.getConnection(url, "user", "pass")`: the second string is a password.
const basicAuthPair = new RegExp(
  String.raw`\b(?:auth|basic_?auth|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|setBasicAuth|withBasicAuth|basicAuth|PasswordAuthentication|UsernamePasswordCredentials|NetworkCredential|UsernamePasswordAuthenticationToken|getConnection[ \t]*\([^,()\n]{1,200},)[ \t]*[=(]?[ \t]*[\[(]?[ \t]*["'][^"'\s]{1,64}["'][ \t]*,[ \t]*(?<q>["'])(?<secret>[^"'\s\\]{1,200})`,
  'i',
);

// `setApiKey("…")`, `.withToken('…')`, `$user->setPassword('…')`: a setter named after the secret.
const secretCall = new RegExp(
  String.raw`(?<![\w$])(?<key>[A-Za-z_$][\w$]{0,60}(?:Key|KEY|key|Token|TOKEN|token|Secret|SECRET|secret|Password|PASSWORD|password|Passwd|Pwd|Credentials?|Pat|PAT))[ \t]*\([ \t]*(?<q>["'\x60])(?<secret>[^\s"'\x60\\]{1,400})`,
);

const urlPassword = new RegExp(
  String.raw`\b[A-Za-z][A-Za-z0-9+.-]{1,20}://(?<user>[^\s:/?#@"'\[\]]{0,64}):(?<secret>[^\s:/?#@"'\[\]\\]{1,128})@(?=[\w\[])`,
);

/**
 * A CSV row `…,name,value,…`: only cells before the name on its line (no blanks, brackets or
 * operators, unlike call arguments), and the value fills one cell, quoted like the name or bare.
 */
function isCsvCell(m: RegExpExecArray): boolean {
  const close = m.groups?.close ?? '';
  const q = m.groups?.q ?? '';
  if (m.groups?.op !== ',' || close !== q || close.length > 1) return false;
  const window = m.input.slice(Math.max(0, m.index - 200), m.index);
  const cells = window.slice(window.lastIndexOf('\n') + 1);
  if (cells.length === window.length && m.index > 200) return false; // no line start within reach
  if (!/^(?:[^\s(){}\[\]=;:]*,)?["']?$/.test(cells) || cells.slice(-1) !== q && q !== '') return false;
  const rest = m.input.slice(m.index + m[0].length + q.length, m.index + m[0].length + q.length + 2);
  return /^(?:,|[\r\n]|$)/.test(rest);
}

/** Base64 of `user:password` with a password someone chose (not `user:password`, not a default). */
function isBasicCredential(value: string): boolean {
  const text = decodedBasic(value);
  if (!text) return false;
  const colon = text.indexOf(':');
  if (colon < 1) return false;
  const password = text.slice(colon + 1);
  return password.length >= 6 && !DEFAULT_PASSWORDS.test(password) && !isPlaceholder(password, true);
}

const DEFAULT_PASSWORDS = /^(?:postgres|mysql|root|admin|guest|password|pass|secret|user|test|redis|rabbitmq|mongo|mongodb|sa|oracle|changeme|pwd|passwd|123456|12345678|example)$/i;

function decodedBasic(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  try {
    const text = atob(value);
    return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

export const rules: readonly Rule[] = [
  {
    id: 'generic-secret-assignment',
    title: 'Hardcoded secret',
    provider: 'Generic',
    confidence: 'medium',
    pattern: assignment,
    keywords: KEYWORDS,
    advice: ADVICE,
    validate: (secret, m) => {
      const key = m.groups?.key ?? '';
      if (key.length > 81) return 'reject';
      const close = m.groups?.close ?? '';
      const op = m.groups?.op ?? '';
      // A block scalar's value is the whole next line; a longer text there is prose.
      if (op.includes('\n') && !/^(?:[\r\n]|$)/.test(after(m))) return 'reject';
      // `f("KEY", "value")` is a pair only as a call's first two arguments (not a list of strings).
      if (op.trim() === ',' && !isCsvCell(m) && (!/["'\x60]/.test(close) || !m.groups?.q || !/[({][ \t]*["'\x60]$/.test(m.input.slice(Math.max(0, m.index - 4), m.index)))) return 'reject';
      // `map[key] = v`: the name is a variable holding a key, not a key name.
      if (close.startsWith(']') && m.input[m.index - 1] === '[') return 'reject';
      const slot = qualifySlot(classifySlot(key), m.input, m.index);
      // Docker's `"auth"` and npm's `_auth` hold base64 `user:password`.
      if (slot === 'weak' && /auth$/i.test(key) && isBasicCredential(secret)) return 'valid';
      return judgeIn(slot, secret, m);
    },
    examples: {
      positive: [
        'BUTTERCMS_API_KEY = "b7f3e9a1c4d2f8e6a0b5c9d3e7f1a2b4c6d8e0f2"',
        'zeplin_token: kq8Z3vLmP1xR7tYw2NcB5hJd9FgS4aQe',
        '"clientSecret": "Qm9vLk3jR8vT2xWp5zYc7bNd1fHg4sKa"',
        'const stripeSecretKey = \'rk8Jd02Lm5Qx9Tz3Vb7Nc1Hf6Gw4Sy0P\';',
        'export SENDBIRD_API_TOKEN=f3a9c2e7d1b84f60a5c3e9d7b2f14a68',
        'ENV TYPESENSE_ADMIN_KEY 8c3f1e9a7b2d4c6e0f5a9b3d7e1c2f4a',
        'db.password=Xv9#kLq2!mZr',
        'DB_PASSWORD: "Tr0ub4dor&3"',
        'password = "hunter42"',
        '$config[\'api_secret\'] = \'h7Gk2Lp9Qw3Rt5Yz8Xc1Vb4Nm6\';',
        'os.Setenv("MAILGUN_API_KEY", "2b8e4f1a9c7d3e5b6a0f4c8d2e9b1a7f")',
        'x-api-key: Zq3Lm8Rt1Vw6Xy2Bn5Cd9Fg4Hj7Kp0Ts',
        'private const string ApiSecret = "Jf8Kd3Lq9Wx2Zr5Tv7Bn1Mc4";',
        'apiKey := "T5kR9wQ2mX7pL3vN8bZ1cF6hJ4sD0gYe"',
        'val accessToken: String = "Lp4Rt8Xz1Qm7Vn3Kc9Bw2Hf6Jd5Gs0Ya"',
        'mail.smtp.password=Qz8!vR3kWp',
        'storePassword "Hk3#qZ8vLm2x"',
        '#define BLYNK_AUTH_TOKEN "Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3"',
        'machine api.acme.test\n  login ci@acme.test\n  password Wq8Lm3Rt9Vx2Kp7Bn1Cd4Fg',
        'LOKALISE_API_KEY: 3f6b2a1c-8d4e-4f7a-9b0c-2e5d8a1f6c3b',
      ],
      negative: [
        'passwordMinLength = 12',
        'secretName: my-app-secrets',
        'tokenizer = "bert-base-uncased"',
        '"key": "ctrl+shift+down"',
        'password = get_password()',
        'token: ${{ secrets.NPM_TOKEN }}',
        'api_key = "<YOUR_API_KEY>"',
        'secret_key_base = ENV["SECRET_KEY_BASE"]',
        'const apiKey = process.env.API_KEY;',
        'password: changeme',
        'DB_PASSWORD=',
        'password = config.db.password',
        'primaryKey: "3f6b2a1c8d4e4f7a9b0c2e5d8a1f6c3b"',
        '"next_page_token": "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3"',
        'if (password == "hunter42") {',
        'let token = tokens[i];',
        'password: "{{ vault_db_password }}"',
        'api_key: "%s"',
        'SECRET_KEY = os.environ.get("SECRET_KEY")',
        'credentials: include',
        'auth: true',
        'password_file = "/run/secrets/db_password"',
      ],
    },
  },
  {
    id: 'generic-key-value-pair',
    title: 'Hardcoded secret (name/value pair)',
    provider: 'Generic',
    confidence: 'medium',
    pattern: keyValuePair,
    keywords: ['value'],
    advice: ADVICE,
    validate: (secret, m) => judgeIn(classifySlot(m.groups?.key ?? ''), secret, m),
    examples: {
      positive: [
        '- name: PAGERTREE_API_KEY\n  value: "pk8Rz3Lm1Qw7Xt5Vb9Nc2Hf4"',
        '<add key="SmartsheetToken" value="w8Kq3Lz9Rt2Vx5Bn7Mc1Hf4Jd6" />',
        '{"name": "DB_PASSWORD", "value": "Gv7!pQ2xLm9z"}',
        '<property name="jdbc.password" value="Rk4#vN8qZt1w"/>',
      ],
      negative: [
        '- name: LOG_LEVEL\n  value: "debug"',
        '<add key="ApiKeyHeaderName" value="X-Api-Key" />',
        '- name: API_TOKEN\n  valueFrom:\n    secretKeyRef:\n      name: api',
        '<input name="csrf_token" value="a8f5f167f44f4964e6c998dee827110c">',
      ],
    },
  },
  {
    id: 'generic-xml-credential',
    title: 'Hardcoded secret in XML',
    provider: 'Generic',
    confidence: 'medium',
    pattern: xmlElement,
    keywords: KEYWORDS,
    advice: ADVICE,
    validate: (secret, m) => judgeIn(classifySlot(m.groups?.key ?? m.groups?.tag ?? ''), secret, m),
    examples: {
      positive: [
        '<password>Pq8!zR3vKx2m</password>',
        '<string name="mapbox_access_token">Hx7Lm2Qr9Vt4Zk1Bw6Nc3Fj8Sd5</string>',
        '<entry key="ftp.password">mW4#tR9qLz2x</entry>',
        '<apiKey>6c1e9b3f7a2d4e8c0b5f9a3d7c1e2b4f</apiKey>',
      ],
      negative: [
        '<password>${db.password}</password>',
        '<passwordPolicy>strict</passwordPolicy>',
        '<token>string</token>',
        '<string name="password_hint">Enter your password</string>',
      ],
    },
  },
  {
    id: 'generic-braced-credential',
    title: 'Hardcoded secret in XML (braced)',
    provider: 'Generic',
    confidence: 'medium',
    pattern: bracedElement,
    keywords: KEYWORDS,
    advice: ADVICE,
    validate: (secret, m) => judgeIn(classifySlot(m.groups?.tag ?? ''), secret, m),
    examples: {
      positive: [
        '<secret>{acme AQAAABAAA 6c1e9b3f7a2d4e8c0b5f9a3d7c1e2b4f}</secret>',
        '<password>{Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3}</password>',
      ],
      negative: [
        '<secret>{AQAAABAAA}</secret>',
        '<description>{acme AQAAABAAA 6c1e9b3f7a2d4e8c0b5f9a3d7c1e2b4f}</description>',
        '<password>{{ vault_db_password }}</password>',
      ],
    },
  },
  {
    id: 'generic-variable-default',
    title: 'Hardcoded secret (variable default)',
    provider: 'Generic',
    confidence: 'medium',
    pattern: variableDefault,
    keywords: ['variable'],
    advice: ADVICE,
    validate: (secret, m) => judgeIn(classifySlot(m.groups?.key ?? ''), secret, m),
    examples: {
      positive: [
        'variable "acme_api_token" {\n  type    = string\n  default = "Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3"\n}',
        'variable "db_password" {\n  sensitive = true\n  default   = "Qv7#pL2xWm9z"\n}',
      ],
      negative: [
        'variable "region" {\n  default = "eu-west-1"\n}',
        'variable "acme_api_token" {\n  type    = string\n  default = ""\n}',
        'variable "token_ttl" {\n  default = "Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3"\n}',
      ],
    },
  },
  {
    id: 'generic-prose-secret',
    title: 'Secret written in text',
    provider: 'Generic',
    // Sentence context is the thinnest there is: never above low.
    confidence: 'low',
    pattern: prose,
    keywords: ['key', 'secret', 'token', 'password', 'passphrase', 'credential', 'pat'],
    advice: ADVICE,
    validate: (secret, m) => {
      const slot = qualifySlot(classifySlot(m.groups?.key ?? ''), m.input, m.index);
      if (slot !== 'secret' && slot !== 'password') return 'reject';
      // A sentence goes on in words; a token is one run of mixed characters.
      if (!/\d/.test(secret) || !/[A-Za-z]/.test(secret) || /[.\-_]{2}/.test(secret)) return 'reject';
      return judgeIn('secret', secret, m) === 'reject' ? 'reject' : 'valid';
    },
    examples: {
      positive: [
        'The Acme API key is 6c1e9b3f7a2d4e8c0b5f9a3d7c1e2b4f, rotate it after the migration.',
        'You can find a zeplin secret Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3 within the vault.',
        '2024-05-14 WARN using token Kq8Z3vLmP1xR7tYw2NcB5hJd9FgS4aQe for upload',
      ],
      negative: [
        'The API key is stored in the vault, rotate it monthly.',
        'Paste the public key AAAAC3NzaC1lZDI1NTE5AAAAIOv4Lq8Rm2Vt7Xw1Bn5Cd9Fh3 into the form.',
        'The token is refreshed every 3600 seconds.',
        'WARN auth: invalid api key provided (length=0)',
      ],
    },
  },
  {
    id: 'generic-auth-header',
    title: 'Hardcoded Authorization header',
    provider: 'Generic',
    confidence: 'medium',
    pattern: authHeader,
    keywords: ['authorization', 'bearer'],
    advice: ADVICE,
    validate: (secret, m) => {
      if (isPlaceholder(secret, true)) return 'reject';
      const scheme = (m.groups?.scheme ?? m.groups?.bare ?? '').toLowerCase();
      if (scheme === 'basic') {
        const text = decodedBasic(secret);
        if (!text) return 'reject';
        const colon = text.indexOf(':');
        if (colon < 1) return 'reject';
        const password = text.slice(colon + 1);
        if (password.length < 3 || DEFAULT_PASSWORDS.test(password) || isPlaceholder(password, true)) return 'reject';
        return password.length >= 8 ? 'valid' : 'weak';
      }
      const v = judgeValue(secret.replace(/=+$/, ''), 'secret', after(m));
      if (v === 'reject') return 'reject';
      if (m.groups?.bare && !/^[\s"'\x60,;)}\]]|^$/.test(after(m))) return 'reject';
      return secret.length >= 20 ? 'valid' : 'weak';
    },
    examples: {
      positive: [
        'Authorization: Bearer 9fK2mQ7xLp4Rt8Vz1Nc5Hb3Jw6Ys0Ad',
        'curl -H "Authorization: token 4c8e2a9f1b7d3e6c0a5f9b2d8e4c1a7f3b6d9e2c" https://api.example.test',
        'headers = {"Authorization": "Basic YWRtaW46U3VwM3JTM2NyM3Qh"}',
        'DEBUG request headers={Authorization: Bearer Zx8Kq2Lm9Rt4Vw1Bn7Cd3Fg6Hj5}',
      ],
      negative: [
        'Authorization: Bearer <token>',
        'Authorization: Bearer ${TOKEN}',
        'headers["Authorization"] = "Bearer " + token',
        'Authorization: Basic dXNlcjpwYXNzd29yZA==',
        'Authorization: Bearer YOUR_ACCESS_TOKEN',
      ],
    },
  },
  {
    id: 'generic-cli-credential',
    title: 'Credential on a command line',
    provider: 'Generic',
    confidence: 'medium',
    pattern: cliCredential,
    keywords: ['-p', '-a', '-u', '--', '-d', 'pass', 'token', 'key', 'secret', 'auth', 'cred'],
    advice: 'A credential is passed on a command line, where shell history and process lists keep it. Read it from the environment or a file instead, and rotate it.',
    validate: (secret, m) => {
      if (!closedProperly(m)) return 'reject';
      const flag = m.groups?.flag;
      let slot: SlotKind | undefined;
      if (flag === undefined) slot = 'password'; // -p, -a, -u user:pass
      else {
        const name = flag.replace(/^-+/, '');
        // `-Dprop.password=x` (JVM): the property name is the slot.
        slot = classifySlot(name.startsWith('D') && name.includes('.') ? name.slice(1) : name);
        // Single-letter and short flags (`-k`, `-t 5`) name nothing.
        if (name.length < 3) slot = undefined;
      }
      return judgeIn(slot, secret, m);
    },
    examples: {
      positive: [
        'mysql -u root -pQz8vR3kW7x appdb',
        'sshpass -p Lm4!qZ8xRt ssh deploy@host',
        'curl -u deploy:Vt8qZ3xLm2Rk https://api.internal.test/v1',
        'wrangler deploy --api-token=Hq7Rz2Lm9Xt4Vk1Bn6Cw3Fj8Sd5Pg0Ye',
        'vercel --token 8Jd2Lq7Xz3Rv9Tb1Nm5Kc4Hf6Gw0Sy',
        'java -Djavax.net.ssl.keyStorePassword=Kp9#zR2vLq7x -jar app.jar',
        'Connect-Service -ApiKey "f9c2e7a1b4d83f60a5c9e3d7b1f24a68"',
        'redis-cli -h cache.internal -a Rz8!kQ3vLp2m ping',
        '$pw = ConvertTo-SecureString "Vb6!nR2qLx8z" -AsPlainText -Force',
      ],
      negative: [
        'docker run -p 8080:80 nginx',
        'mkdir -p build/output',
        'docker login --password-stdin < token.txt',
        'gh auth login --with-token < ./token',
        'npm publish --otp 123456',
        'deploy --token $DEPLOY_TOKEN',
        'ssh -p 2222 user@host',
        'curl -u "$USER:$PASS" https://x.test',
        'kubectl create secret generic db --from-literal=password="$(cat pw.txt)"',
      ],
    },
  },
  {
    id: 'generic-url-credential-param',
    title: 'Credential in a URL query',
    provider: 'Generic',
    confidence: 'medium',
    pattern: urlParam,
    keywords: ['?', '&'],
    advice: 'A credential in a URL ends up in server logs, browser history and referrer headers. Send it in a header from configuration instead, and rotate it.',
    validate: (secret, m) => {
      const key = m.groups?.key ?? '';
      let slot = classifySlot(key);
      if (slot === undefined && /^(?:sig|signature|code|access_token|apikey|api_key|key)$/i.test(key)) slot = /^sig/i.test(key) ? 'secret' : 'weak';
      let value = secret;
      try { value = decodeURIComponent(secret); } catch { /* keep raw */ }
      if (slot === undefined || /^code$/i.test(key)) return 'reject';
      return verdictToValidation(judgeValue(value, slot));
    },
    examples: {
      positive: [
        'https://api.buttercms.test/v2/posts/?auth_token=b3f9a2c7e1d84f60a5c3e9d7',
        'GET /v1/data?format=json&api_key=Q7mZ2xLp9Rt4Vw8Bn1Cd6Fg3Hj5Ks0 HTTP/1.1',
        'wss://stream.feed.test/socket?access_token=Kx9Lm2Qr7Vt4Zb1Nw6Cf3Hj8Sd5',
        'https://cdn.files.test/d/f.zip?expires=1735689600&sig=pX8mQ2zR7vLk3Tn9Wb4Yc1Hd6Fg5Js0Aq%2BeU%3D',
      ],
      negative: [
        'https://accounts.test/o/oauth2/auth?response_type=code&token_type=bearer',
        'https://docs.test/page?token=YOUR_TOKEN',
        'https://api.test/items?page_token=CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3',
        'https://x.test/?api_key=${API_KEY}',
      ],
    },
  },
  {
    id: 'generic-basic-auth-pair',
    title: 'Hardcoded username and password',
    provider: 'Generic',
    confidence: 'medium',
    pattern: basicAuthPair,
    keywords: ['auth', 'credential', 'getconnection'],
    advice: ADVICE,
    validate: (secret, m) => judgeIn('password', secret, m),
    examples: {
      positive: [
        'r = requests.get(url, auth=("svc_reports", "Wq8#zR3vLm2k"))',
        'new NetworkCredential("deploy", "Hx7!Rz2Lm9Qv")',
        'conn = DriverManager.getConnection(jdbcUrl, "app", "Tz4$kQ9xLp2w");',
      ],
      negative: [
        'auth=("user", "password")',
        'auth=(username, password)',
        'new NetworkCredential("deploy", Environment.GetEnvironmentVariable("PW"))',
      ],
    },
  },
  {
    id: 'generic-secret-call',
    title: 'Hardcoded secret passed to a setter',
    provider: 'Generic',
    // A call argument is weaker context than a named slot: never above low.
    confidence: 'low',
    pattern: secretCall,
    keywords: KEYWORDS,
    advice: ADVICE,
    validate: (secret, m) => {
      const name = m.groups?.key ?? '';
      // Only setters and builders: `getToken("name")`, `hashPassword(x)`, `t("password")` are not.
      if (!/^(?:set|with|use|put|add|update|init|configure|register|provide|store|save)[A-Z_]|^(?:api|access|auth|secret|private|client)[A-Z_]?/i.test(name) && !/^[A-Z]/.test(name)) return 'reject';
      const v = judgeIn(classifySlot(name.replace(/^(?:set|with|use|put|add|update|init|configure|register|provide|store|save)_?(?=[A-Z_a-z])/, '')), secret, m);
      return v === 'reject' ? 'reject' : 'valid';
    },
    examples: {
      positive: [
        'Mixpanel.setApiKey("f3a9c2e7d1b84f60a5c3e9d7b2f14a68");',
        'client.withToken(\'Kq8Z3vLmP1xR7tYw2NcB5hJd9FgS4aQe\')',
        '$user->setPassword(\'Vb6!nR2qLx8z\');',
      ],
      negative: [
        'const t = getToken("github");',
        'bcrypt.hashPassword("Vb6!nR2qLx8z")',
        'i18n.t("password")',
        'setApiKey(process.env.API_KEY)',
        'cache.setKey("user:42:profile")',
      ],
    },
  },
  {
    id: 'generic-url-password',
    title: 'Password in a URL',
    provider: 'Generic',
    confidence: 'medium',
    pattern: urlPassword,
    keywords: ['://'],
    advice: 'A connection URL carries a password. Load the URL (or just the password) from the environment or a secret store, and rotate the password.',
    validate: (secret, m) => {
      const user = m.groups?.user ?? '';
      let value = secret;
      try { value = decodeURIComponent(secret); } catch { /* keep raw */ }
      if (value.length < 4 || value === user || DEFAULT_PASSWORDS.test(value)) return 'reject';
      if (isPlaceholder(value, true) || /^[$%{<]|\$\{|\{\{/.test(value)) return 'reject';
      if (/^[a-z]+$/i.test(value) && value.length < 10) return 'reject';
      return value.length >= 8 && /\d/.test(value) && /[A-Za-z]/.test(value) ? 'valid' : 'weak';
    },
    examples: {
      positive: [
        'DEPLOY_TARGET=sftp://app_user:Vq8zR3kLm2Xt@files.internal:22/in',
        'nats://svc:Lp4q9ZrX2vKt@nats.internal:4222',
        'ftps://worker:Hx7%21Rz2Lm9Q@files.internal.test/in',
        'svn://:Zr8kQ3vLp2mW@svn.internal/repo',
      ],
      negative: [
        'postgres://postgres:postgres@localhost:5432/app',
        'amqp://guest:guest@localhost:5672/',
        'mysql://user:password@localhost/db',
        'postgres://${DB_USER}:${DB_PASS}@db/app',
        'https://user:<password>@git.test/repo.git',
        'http://localhost:8080/@vite/client',
      ],
    },
  },
];
