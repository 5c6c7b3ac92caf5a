// Values that are names, not secrets: identifiers, dotted paths, key bindings, file paths, URLs
// and expressions. Generic (context-only) rules see these in secret-ish slots all the time
// (`secretName: my-app-secrets`, `tokenizer = "bert-base"`, `"key": "ctrl+shift+down"`).

const SEPARATORS = /[_.\-+:/\s]+/;
const VOWELS = /[aeiouy]/i;

/** One alphabetic chunk that reads like a word or a common abbreviation. */
function isWordlike(word: string): boolean {
  const n = word.length;
  if (n <= 4) return true; // cfg, db, ctrl, cmd, env, url: abbreviations are fine
  const lower = word.toLowerCase();
  let vowels = 0;
  let run = 0;
  let maxRun = 0;
  for (let i = 0; i < n; i++) {
    const isVowel = VOWELS.test(lower[i]);
    if (isVowel) { vowels++; run = 0; } else if (++run > maxRun) maxRun = run;
  }
  const ratio = vowels / n;
  if (ratio < 0.15 || ratio > 0.85) return false;
  return maxRun <= (n > 12 ? 3 : 4);
}

/** Split `fooBar_baz-QUX2.v3` into `foo`, `Bar`, `baz`, `QUX`, `2`, `v`, `3`. */
export function splitWords(value: string): string[] {
  return splitParts(value).flat();
}

function splitParts(value: string): string[][] {
  const out: string[][] = [];
  for (const part of value.split(SEPARATORS)) {
    if (!part) continue;
    const chunks = part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^A-Za-z0-9]+/g);
    if (chunks) out.push(chunks);
  }
  return out;
}

// Vowel-less chunks that are still words in names and key bindings.
const ABBREVIATIONS = new Set([
  'ctrl', 'cmd', 'shft', 'pgup', 'pgdn', 'del', 'esc', 'fn', 'db', 'pwd', 'cfg', 'ctx', 'src', 'dst', 'msg', 'tmp',
  'str', 'num', 'js', 'ts', 'css', 'html', 'http', 'https', 'sdk', 'cli', 'ml', 'gh', 'gcp', 'npm', 'xml', 'json',
  'yml', 'sql', 'ssl', 'tls', 'ssh', 'rsa', 'jwt', 'smtp', 'dns', 'cdn', 'vm', 'std', 'lib', 'pkg', 'dev', 'prd',
  'stg', 'qa', 'kv', 'mgmt', 'svc', 'sys', 'cnt', 'btn', 'nxt', 'prv', 'cb', 'fs', 'rw', 'rb', 'py', 'go', 'wp',
  'mfa', 'otp', 'ttl', 'pk', 'sk', 'st', 'nd', 'rd', 'th', 'px', 'pt', 'kb', 'mb', 'gb', 'ms', 'xl', 'md', 'sm',
]);

function caseChanges(value: string): number {
  let changes = 0;
  let prev = 0; // 1 lower, 2 upper
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    if (kind !== 0 && prev !== 0 && kind !== prev) changes++;
    if (kind !== 0) prev = kind;
  }
  return changes;
}

function hasVowel(word: string): boolean {
  return VOWELS.test(word);
}

/**
 * True when the value reads as a name made of words: camelCase, snake_case, kebab-case, dotted
 * paths, `ctrl+shift+down`. Random tokens fail because their "words" are short, unpronounceable or
 * interleaved with many digit groups.
 */
export function isIdentifier(value: string): boolean {
  if (value.length === 0 || value.length > 120) return false;
  if (/[^A-Za-z0-9_.\-+:/\s]/.test(value)) return false;
  let letters = 0;
  let alphaWords = 0;
  let digitGroups = 0;
  let odd = 0;
  let camelRuns = false;
  for (const chunks of splitParts(value)) {
    if (chunks.length > 1) camelRuns = true;
    for (const w of chunks) {
      if (/^[0-9]+$/.test(w)) {
        if (w.length > 4) return false;
        digitGroups++;
        continue;
      }
      if (!/^[A-Za-z]+$/.test(w) || !isWordlike(w)) return false;
      // A lone letter is fine as a whole part (`cmd+k`, `v.2`), odd inside a camelCase run.
      if (w.length === 1 ? chunks.length > 1 : w.length <= 4 && !hasVowel(w) && !ABBREVIATIONS.has(w.toLowerCase())) odd++;
      letters += w.length;
      alphaWords++;
    }
  }
  if (alphaWords === 0) return false;
  // Names with digits are rare (`oauth2`, `v2Api`) and keep few case changes; random tokens flip
  // case every other letter.
  if (camelRuns && digitGroups > 0 && letters >= 8 && caseChanges(value) / letters > 0.3) return false;
  if (digitGroups > 2 || digitGroups > alphaWords) return false;
  if (odd > Math.max(1, Math.floor(alphaWords / 3))) return false;
  // Random mixed-case strings split into many one- or two-letter "words".
  return !camelRuns || letters / alphaWords >= 2.5;
}

/** File-system paths: `/etc/app/key.pem`, `./certs/x.p12`, `~/.ssh/id_rsa`, `C:\keys\a.pfx`, `secrets/token.txt`. */
export function isPathLike(value: string): boolean {
  if (/^(?:\/|\.\.?[\\/]|~[\\/]|[A-Za-z]:[\\/]|\\\\)/.test(value)) return true;
  if (!/[\\/]/.test(value)) return /^[\w.-]+\.(?:pem|key|p12|pfx|p8|jks|keystore|json|ya?ml|txt|env|crt|cer|der|conf|cfg|ini|properties|xml|toml|gpg|asc|pub|ppk|enc)$/i.test(value) && isIdentifier(value.replace(/\.[A-Za-z0-9]+$/, ''));
  return value.split(/[\\/]/).every((seg) => seg === '' || /^\.?[\w-]+(?:\.[A-Za-z0-9]{1,10})?$/.test(seg) && isIdentifier(seg.replace(/^\./, '').replace(/\.[A-Za-z0-9]+$/, '') || 'x'));
}

/** A URL (or host) without a password in it. */
export function isPlainUrl(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value)) return !/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i.test(value);
  return /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/\S*)?$/i.test(value) && /\.(?:com|org|net|io|dev|app|co|local|internal|cloud|ai|example|test|localhost)(?::\d+)?(?:\/|$)/i.test(value);
}

/**
 * Code, not a literal: `process.env.X`, `os.environ`, `getenv`, `config.password`, `ENV.fetch`,
 * `self.token`, `secrets.NPM_TOKEN`, `!vault |`, YAML block indicators. `after` is the text that
 * follows the value (a call paren or index bracket betrays an expression).
 */
export function isCodeReference(value: string, after = ''): boolean {
  // Same line only: a `[INFO]` opening the next log line is not an index into the value.
  if (/^[ \t]*[([]/.test(after)) return true;
  if (/^(?:process\.env|os\.environ|os\.getenv|getenv|System\.getenv|Environment\.|ENV\b|env\.|env\(|config\.|settings\.|secrets\.|vars\.|self\.|this\.|props\.|params\.|args\.|options\.|opts\.|request\.|req\.|ctx\.|context\.|credentials\.|import\.meta|Deno\.env|Bun\.env|new\s)/.test(value)) return true;
  if (/^[!|>&*]/.test(value)) return true; // YAML tags, block scalars, anchors, aliases
  if (/^@?[A-Za-z_][\w.$]*\(.*\)[;,]?$/.test(value)) return true; // a call: `@Microsoft.KeyVault(…)`, `getenv(…)`
  if (/^(?:true|false|null|nil|none|undefined|NaN)$/i.test(value)) return true;
  if (/^-?\d+(?:\.\d+)?$/.test(value) && value.length < 12) return true;
  return false;
}
