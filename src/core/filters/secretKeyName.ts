// Does a key name (variable, JSON/YAML key, XML tag, CLI flag, header) hold a secret? Generic
// rules only look at values in slots this says yes to. Decided on the name's *last* secret word and
// what surrounds it: `DB_PASSWORD` and `stripeSecretKey` are slots; `passwordMinLength`,
// `secretName`, `tokenizer`, `token_url`, `primaryKey`, `isPassword` are not.

import { splitWords } from './identifier';

/** `password` slots hold human-chosen values; `secret` slots issued tokens; `weak` is a bare `key`/`auth`. */
export type SlotKind = 'password' | 'secret' | 'weak';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'pw', 'passphrase', 'passwort', 'pword', 'passwords', 'passcode']);
const SECRET_WORDS = new Set([
  'secret', 'token', 'credential', 'credentials', 'creds', 'cred', 'bearer', 'authorization',
  'apikey', 'privatekey', 'privkey', 'secretkey', 'accesskey', 'authkey', 'masterkey', 'signingkey',
  'authtoken', 'accesstoken', 'refreshtoken', 'apitoken', 'bottoken', 'clientsecret', 'appsecret', 'apisecret',
  'passkey', 'sessionkey', 'encryptionkey', 'licensekey', 'webhooksecret', 'jwtsecret', 'sastoken',
  // personal access token, shared access signature
  'pat', 'sas',
]);
// `<qualifier> key` is a secret slot unless the qualifier names a data-structure or public key.
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'public', 'pub', 'publishable', 'primary', 'foreign', 'cache', 'sort', 'partition', 'hash', 'range', 'row',
  'unique', 'composite', 'index', 'idempotency', 'hot', 'short', 'shortcut', 'dict', 'lookup', 'translation',
  'i18n', 'locale', 'lang', 'message', 'msg', 'label', 'react', 'list', 'item', 'group', 'field', 'column',
  'attribute', 'attr', 'node', 'entity', 'query', 'search', 'event', 'state', 'redis', 's3', 'object', 'bucket',
  'file', 'path', 'dedup', 'dedupe', 'prefix', 'registry', 'route', 'site', 'meta', 'config', 'setting',
  'settings', 'env', 'name', 'json', 'yaml', 'table', 'record', 'tag', 'version', 'sorting', 'cursor', 'storage',
  'map', 'menu', 'keyboard', 'dom', 'vue', 'list', 'child', 'parent', 'unique', 'natural', 'surrogate', 'shard',
  'distribution', 'cluster', 'clustering', 'lock', 'job', 'queue', 'topic', 'stream', 'kafka', 'message',
  'rsa', 'ssh', 'gpg', 'pgp', 'known', 'trusted', 'verification', 'verify', 'verifying',
  // Digests and content ids: `integrityKey`, `checksum_key`, `etagKey` hold hashes, never secrets.
  'integrity', 'checksum', 'etag', 'commit', 'revision', 'digest',
]);
const NON_SECRET_TOKEN_QUALIFIERS = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'csrf', 'xsrf', 'cancellation',
  'cancel', 'max', 'min', 'total', 'input', 'output', 'completion', 'prompt', 'num', 'count', 'special', 'bos',
  'eos', 'pad', 'unk', 'sep', 'cls', 'mask', 'start', 'end', 'stop', 'sync', 'resume', 'delta', 'change',
  'lexer', 'parser', 'syntax', 'design', 'word', 'text', 'batch', 'sub', 'first', 'last', 'reasoning', 'cached',
  'context', 'image', 'audio', 'invite', 'unsubscribe', 'magic', 'reset', 'confirmation',
  'integrity', 'checksum', 'etag', 'commit', 'revision', 'digest', 'hash',
]);
// Leading words that make the whole name a flag, a function or a label about the secret.
const NEGATING_WORDS = new Set([
  'is', 'has', 'use', 'uses', 'enable', 'enabled', 'disable', 'disabled', 'show', 'hide', 'require', 'required',
  'allow', 'min', 'max', 'num', 'count', 'reset', 'forgot', 'forget', 'validate', 'validation', 'check', 'verify',
  'get', 'fetch', 'load', 'parse', 'encode', 'decode', 'hash', 'hashed', 'mask', 'masked', 'toggle', 'field',
  'input', 'label', 'placeholder', 'prompt', 'policy', 'expire', 'expired', 'generate', 'create', 'no',
  'without', 'need', 'needs', 'should', 'can', 'must', 'supports', 'with', 'on', 'handle',
  'rotate', 'revoke', 'encrypted', 'encrypt', 'decrypt', 'random', 'invalid', 'wrong', 'bad',
]);
// Words that may follow the secret word and keep the slot: representations, environments, versions.
const ALLOWED_TRAILING = new Set([
  'value', 'val', 'str', 'string', 'b64', 'base64', 'hex', 'raw', 'plain', 'plaintext', 'literal', 'bytes',
  'prod', 'production', 'dev', 'development', 'staging', 'stage', 'stg', 'qa', 'uat', 'test', 'testing', 'live',
  'sandbox', 'local', 'ci', 'v', 'old', 'new', 'current', 'primary', 'secondary', 'main', 'backup', 'base',
  'override', 'default', 'encoded', 'key', 'secret', 'token', 'pass', 'password', 'sk', 'env', 'var', 'data',
  'admin', 'root', 'user', 'master', 'global', 'app', 'api', 'server', 'client', 'internal', 'external', 'read',
  'write', 'rw', 'ro', 'full', 'access', 'private', 'personal', 'x', 'cfg', 'conf', 'config',
]);
// Names that say the value is public by design; they qualify keys and tokens, not secrets.
const PUBLIC_WORDS = new Set(['public', 'publishable', 'publishablekey']);
const STRONG_WORDS = new Set(['secret', 'private', 'priv', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'privatekey', 'privkey', 'secretkey', 'clientsecret', 'appsecret', 'apisecret']);
const KEY_COMPOUND = /^(api|secret|access|private|priv|auth|master|app|client|signing|encryption|session|license|enc|service|admin|account|consumer|developer|dev|sdk|write|read|ingest|server|shared|webhook|subscription|integration|merchant|partner|project|rest|live|prod|production|sandbox|test|user|customer|management|mgmt|root|security|secure|jwt|hmac|aes|cipher|crypt|encrypt|cookie|deploy|product|activation|registration|install|instance|tenant|org|workspace|bot|push|fcm|gcm|apns|storage|host|function|routing)key$/;
const WORD_SUFFIX = /(password|passwd|passphrase|pwd|secret|token|credentials?|creds|apikey)$/;

function expand(word: string): string[] {
  if (PASSWORD_WORDS.has(word) || SECRET_WORDS.has(word) || word === 'key' || word === 'auth') return [word];
  const k = KEY_COMPOUND.exec(word);
  if (k) return [k[1], 'key'];
  const m = WORD_SUFFIX.exec(word);
  if (m && m.index > 0 && !/^(?:by|sur|com|over|im)pass/.test(word)) return [word.slice(0, m.index), m[1]];
  return [word];
}

function kindOf(word: string, prev: string | undefined): SlotKind | undefined {
  if (PASSWORD_WORDS.has(word)) return 'password';
  if (SECRET_WORDS.has(word)) {
    if (word === 'token' && prev !== undefined && NON_SECRET_TOKEN_QUALIFIERS.has(prev)) return undefined;
    return 'secret';
  }
  if (word === 'key') {
    // `o.key`, `e.key`: a one-letter object, not a qualifier.
    if (prev === undefined || prev.length === 1) return 'weak';
    if (NON_SECRET_KEY_QUALIFIERS.has(prev)) return undefined;
    return 'secret';
  }
  if (word === 'auth') return 'weak';
  return undefined;
}

// Code repeats its names (`token`, `apiKey`, `config.key`): remember recent answers. A pure
// function's memo, bounded so a huge file cannot grow it without limit.
const memo = new Map<string, SlotKind | null>();
const MEMO_SIZE = 4096;

/** Classify a key name; undefined means "not a secret slot". */
export function classifySlot(name: string): SlotKind | undefined {
  const known = memo.get(name);
  if (known !== undefined) return known ?? undefined;
  const kind = classify(name);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(name, kind ?? null);
  return kind;
}

function classify(name: string): SlotKind | undefined {
  if (name.length === 0 || name.length > 100) return undefined;
  const words: string[] = [];
  for (const w of splitWords(name)) {
    if (!/^[A-Za-z0-9]+$/.test(w)) continue;
    words.push(...expand(w.toLowerCase()));
  }
  for (let i = words.length - 1; i >= 0; i--) {
    const kind = kindOf(words[i], i > 0 ? words[i - 1] : undefined);
    if (kind === undefined) {
      if (ALLOWED_TRAILING.has(words[i]) || /^\d+$/.test(words[i])) continue;
      return undefined;
    }
    for (let j = 0; j < i; j++) {
      if (NEGATING_WORDS.has(words[j])) return undefined;
      // `NEXT_PUBLIC_POSTHOG_KEY`, `VITE_PUBLIC_MAPBOX_TOKEN`, `stripePublishableKey`: shipped to
      // browsers on purpose. A `…_PUBLIC_…_SECRET` or password stays a slot: that is a leak.
      if (PUBLIC_WORDS.has(words[j]) && !STRONG_WORDS.has(words[i]) && !STRONG_WORDS.has(words[i - 1] ?? '')) return undefined;
    }
    return kind;
  }
  return undefined;
}
