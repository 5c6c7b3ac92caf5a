// Naming the environment variable a secret moves to, from what the code around it says: the variable,
// property, key or header it is assigned to; the URL part it sits in; else the rule that found it.
// A heuristic over plain text (no parser per language): it looks left of the literal on the same
// line, which covers assignments, object keys, keyword arguments, index access and calls.

const QUOTES = `"'\``;
const IDENT_CHAR = /[\p{L}\p{N}_$@-]/u;

/** Names that say nothing about which secret it is: prefer the rule's name, or qualify them. */
const GENERIC = new Set(['KEY', 'SECRET', 'TOKEN', 'PASSWORD', 'PASS', 'PWD', 'VALUE', 'VAL', 'DATA', 'STR', 'S', 'X', 'V', 'AUTH', 'AUTHORIZATION', 'CREDENTIAL', 'CREDENTIALS', 'API', 'DEFAULT', 'TEXT', 'RESULT', 'RES', 'TMP', 'BODY', 'HEADER', 'HEADERS', 'CONFIG', 'VALUE_', 'ARG', 'PARAM']);
/** Receivers that add nothing when qualifying a generic member name. */
const RECEIVERS = new Set(['SELF', 'THIS', 'CONFIG', 'CONF', 'CFG', 'SETTINGS', 'OPTIONS', 'OPTS', 'PROPS', 'PARAMS', 'ENV', 'PROCESS', 'APP', 'MODULE', 'EXPORTS', 'OS', 'ENVIRON', 'WINDOW', 'GLOBAL', 'GLOBALTHIS', 'CLS', 'ME', 'IT', 'OBJ', 'O', 'DATA', 'DEFAULTS']);
/** Type names that sit between a name and `=` in typed declarations (`apiKey: string = …`, `var k string = …`). */
const TYPE_WORDS = new Set(['string', 'String', 'str', '&str', 'char', 'object', 'any', 'unknown', 'var', 'const', 'let', 'val', 'final', 'auto', 'Any', 'text']);
/** Suffixes of a connection-string variable, replaced by `_PASSWORD` for the password inside it. */
const URL_SUFFIX = /_(?:URL|URI|DSN|CONN(?:ECTION)?(?:_STR(?:ING)?)?|CONNECTION_STRING|ADDR(?:ESS)?|ENDPOINT|HOST)$/;

/** `stripeSecretKey`, `client-secret`, `X-Api-Key`, `APIKey2` → `STRIPE_SECRET_KEY`, … `API_KEY2`. */
export function toEnvName(raw: string): string {
  const spaced = raw
    .replace(/^[$@]+/, '')
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1_$2');
  const name = spaced
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (name === '') return '';
  return /^[0-9]/.test(name) ? `SECRET_${name}` : name;
}

/** `aws-access-key-id` → `AWS_ACCESS_KEY_ID`. */
export function envNameFromRuleId(ruleId: string): string {
  return toEnvName(ruleId);
}

/** `base`, or `base_2`, `base_3`, … : the first one not in `taken`. */
export function uniqueEnvName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function skipSpacesLeft(text: string, i: number, floor: number): number {
  let j = i;
  while (j > floor && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  return j;
}

/** Read a string literal that ends (closing quote) at `end - 1`. Returns its content and start. */
function readStringLeft(text: string, end: number, floor: number): { value: string; start: number } | undefined {
  const q = text[end - 1];
  if (q === undefined || !QUOTES.includes(q)) return undefined;
  for (let i = end - 2; i >= floor; i--) {
    if (text[i] === q && text[i - 1] !== '\\') return { value: text.slice(i + 1, end - 1), start: i };
  }
  return undefined;
}

function readIdentLeft(text: string, end: number, floor: number): { value: string; start: number } | undefined {
  let i = end;
  while (i > floor && IDENT_CHAR.test(text[i - 1] as string)) i--;
  if (i === end) return undefined;
  return { value: text.slice(i, end), start: i };
}

/** The member chain ending at `end` (`self.db_password`, `config.stripe.key`), as segments. */
function readChainLeft(text: string, end: number, floor: number): { segments: string[]; start: number } | undefined {
  const segments: string[] = [];
  let at = end;
  for (;;) {
    const id = readIdentLeft(text, at, floor);
    if (!id) break;
    segments.unshift(id.value);
    at = id.start;
    if (text[at - 1] === '.' || (text[at - 1] === '>' && text[at - 2] === '-') || (text[at - 1] === ':' && text[at - 2] === ':')) {
      at -= text[at - 1] === '.' ? 1 : 2;
      continue;
    }
    break;
  }
  return segments.length ? { segments, start: at } : undefined;
}

/** Name of a chain: its last segment, qualified by the one before when the last is generic. */
function nameOfChain(segments: readonly string[]): string {
  const last = toEnvName(segments[segments.length - 1] ?? '');
  if (!GENERIC.has(last)) return last;
  for (let i = segments.length - 2; i >= 0; i--) {
    const owner = toEnvName(segments[i] ?? '');
    if (owner && !RECEIVERS.has(owner)) return `${owner}_${last}`;
  }
  return last;
}

/** For `key: value` lines in indented formats (YAML): the parent keys, innermost first. */
function yamlParents(text: string, lineStartOffset: number): string[] {
  const indentOf = (s: string): number => s.length - s.trimStart().length;
  const current = text.slice(lineStartOffset, text.indexOf('\n', lineStartOffset) === -1 ? undefined : text.indexOf('\n', lineStartOffset));
  let indent = indentOf(current.replace(/^(\s*)- /, '$1  '));
  const parents: string[] = [];
  const before = text.slice(0, lineStartOffset).split(/\r?\n|\r/);
  for (let i = before.length - 1; i >= 0 && indent > 0; i--) {
    const l = (before[i] ?? '').replace(/^(\s*)- /, '$1  ');
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    const ind = indentOf(l);
    if (ind < indent) {
      const m = /^\s*["']?([\w.-]+)["']?\s*:\s*(?:#.*)?$/.exec(l);
      if (m?.[1]) parents.push(m[1]);
      indent = ind;
    }
  }
  return parents;
}

interface Context {
  /** Name from the assignment target / key / header. */
  lhs?: string;
  /** Name from inside the string (URL userinfo password, `?api_key=`, `Password=`). */
  inner?: string;
  /** Scheme of a URL the secret is the password of. */
  scheme?: string;
}

function innerContext(text: string, openQuote: number, start: number): Pick<Context, 'inner' | 'scheme'> {
  const before = text.slice(openQuote + 1, start);
  const url = /([a-z][\w+.-]*):\/\/[^\s:@/]*:$/i.exec(before);
  if (url?.[1]) return { inner: 'PASSWORD', scheme: toEnvName(url[1].split('+')[0] ?? '') };
  const param = /(?:^|[?&;\s,])([A-Za-z][\w.-]*)\s*[=:]\s*$/.exec(before);
  if (param?.[1]) return { inner: toEnvName(param[1]) };
  return {};
}

function lhsContext(text: string, litStart: number, floor: number): string | undefined {
  let i = skipSpacesLeft(text, litStart, floor);
  // Operators between the target and the literal.
  const two = text.slice(i - 2, i);
  const one = text[i - 1];
  let op: string;
  if (two === ':=' || two === '=>' || two === '||' || two === '??' || two === '+=') op = two;
  else if (two === '==' || two === '!=') op = '==';
  else if (one === '=' || one === ':' || one === ',' || one === '(' || one === '>' || one === '[') op = one;
  else if (/\bor$/.test(text.slice(floor, i))) op = 'or';
  else return undefined;
  if (op === '===' || op === '==') i -= text[i - 3] === '=' || text[i - 3] === '!' ? 3 : 2;
  else i -= op.length;
  i = skipSpacesLeft(text, i, floor);

  if (op === '(' || op === '[') {
    // `setApiKey("…")` → API_KEY; `Stripe("…")`/`new Client(` say little: let the caller fall back.
    const fn = readIdentLeft(text, i, floor);
    const m = fn && /^(?:set|with|use)([A-Z_].*)$/.exec(fn.value);
    return m?.[1] ? toEnvName(m[1]) : undefined;
  }
  if (op === ',') {
    // `headers.set("X-Api-Key", "…")`, `os.getenv("NAME", "…")`, `define('API_KEY', '…')`.
    const s = readStringLeft(text, i, floor);
    return s ? toEnvName(s.value) : undefined;
  }
  if (op === '>') {
    // `<password>…</password>`
    const tag = /<([\w:.-]+)[^<>]*$/.exec(text.slice(floor, i));
    return tag?.[1] ? toEnvName(tag[1].split(':').pop() ?? '') : undefined;
  }
  if (op === '||' || op === '??' || op === 'or') {
    // `process.env.STRIPE_KEY || "…"`: the variable the code already expects.
    const s = readStringLeft(text, text[i - 1] === ']' || text[i - 1] === ')' ? i - 1 : i, floor);
    if (s && /(?:env|environ|getenv)(?:\.(?:get|fetch))?\W*$/i.test(text.slice(floor, s.start))) return toEnvName(s.value);
    const chain = readChainLeft(text, i, floor);
    return chain ? nameOfChain(chain.segments) : undefined;
  }
  // Assignment-like: `=`, `:=`, `:`, `=>`, `+=`, comparisons.
  if (text[i - 1] === ']') {
    const s = readStringLeft(text, i - 1, floor);
    if (s) return toEnvName(s.value);
    const idx = readChainLeft(text, i - 1, floor);
    const obj = idx ? text.lastIndexOf('[', idx.start) : -1;
    const owner = obj > floor ? readChainLeft(text, obj, floor) : undefined;
    return owner ? nameOfChain(owner.segments) : undefined;
  }
  const quoted = readStringLeft(text, i, floor);
  if (quoted) return toEnvName(quoted.value);
  // `:symbol =>` (Ruby hash rocket with a symbol key).
  const chain = readChainLeft(text, i, floor);
  if (!chain) return undefined;
  const last = chain.segments[chain.segments.length - 1] ?? '';
  if (TYPE_WORDS.has(last) && chain.segments.length === 1) {
    // Typed declarations: `apiKey: string = …`, `var apiKey string = …`, `let api_key: &str = …`.
    let j = skipSpacesLeft(text, chain.start, floor);
    if (text[j - 1] === '&') j = skipSpacesLeft(text, j - 1, floor);
    if (text[j - 1] === ':') j = skipSpacesLeft(text, j - 1, floor);
    const named = readChainLeft(text, j, floor);
    if (named && !TYPE_WORDS.has(named.segments[named.segments.length - 1] ?? '')) return nameOfChain(named.segments);
    return undefined;
  }
  return nameOfChain(chain.segments);
}

/** Where the literal containing [start, end) opens: its quote, or `start` when unquoted. */
function openingQuote(text: string, start: number, floor: number): number | undefined {
  for (let i = start - 1; i >= floor; i--) {
    const c = text[i] as string;
    if (QUOTES.includes(c) && text[i - 1] !== '\\') return i;
  }
  return undefined;
}

/**
 * Suggest an environment variable name for the secret at [start, end) of `text`. `ruleEnvName` is
 * the rule's preferred name (e.g. `GITHUB_TOKEN` for `github-pat-classic`), used when the code says
 * nothing better; else the name derives from `ruleId`; the last resort is `SECRET`.
 */
export function suggestEnvName(text: string, start: number, _end: number, ruleId?: string, ruleEnvName?: string): string {
  const floor = lineStart(text, start);
  const open = openingQuote(text, start, floor);
  const litStart = open ?? start;
  // String prefixes: Python f/r/b/u, C# @ and $.
  let prefixStart = litStart;
  while (prefixStart > floor && /[fFrRbBuU@$]/.test(text[prefixStart - 1] as string) && !IDENT_CHAR.test(text[prefixStart - 2] ?? ' ')) prefixStart--;
  if (prefixStart !== litStart && IDENT_CHAR.test(text[prefixStart - 1] ?? ' ')) prefixStart = litStart;
  const ctx: Context = {};
  ctx.lhs = lhsContext(text, prefixStart, floor) || undefined;
  if (open !== undefined) Object.assign(ctx, innerContext(text, open, start));
  else {
    const m = /(?:^|[\s?&;,])([A-Za-z][\w.-]*)\s*[=:]\s*$/.exec(text.slice(floor, start));
    if (m?.[1]) ctx.lhs = toEnvName(m[1]);
  }
  const fromRule = ruleEnvName ? toEnvName(ruleEnvName) : ruleId ? envNameFromRuleId(ruleId) : undefined;

  const yamlKeyLine = /^\s*(?:- )?["']?[\w.-]+["']?\s*:\s*$/.test(text.slice(floor, prefixStart));
  if (ctx.lhs && GENERIC.has(ctx.lhs) && yamlKeyLine) {
    // `password: …` nested under `database:` in YAML → DATABASE_PASSWORD.
    const parent = yamlParents(text, floor).map(toEnvName).find((p) => p && !RECEIVERS.has(p) && !GENERIC.has(p));
    if (parent) ctx.lhs = `${parent}_${ctx.lhs}`;
  }

  if (ctx.inner) {
    const base = ctx.lhs?.replace(URL_SUFFIX, '');
    const innerGeneric = GENERIC.has(ctx.inner) || ctx.inner === 'PASSWORD';
    if (!innerGeneric) return ctx.inner;
    const owner = base && base !== ctx.lhs ? base : base && !GENERIC.has(base) ? base : ctx.scheme;
    if (owner && owner !== ctx.inner) return `${owner}_${ctx.inner === 'PWD' || ctx.inner === 'PASS' ? 'PASSWORD' : ctx.inner}`;
    if (ctx.scheme) return `${ctx.scheme}_PASSWORD`;
  }
  if (ctx.lhs && !GENERIC.has(ctx.lhs)) return ctx.lhs;
  if (fromRule) return fromRule;
  return ctx.lhs || 'SECRET';
}
