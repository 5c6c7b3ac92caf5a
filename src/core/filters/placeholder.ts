// Values that look like a secret's slot but are not one: templates, documentation examples,
// masked or repeated characters. Applied to every finding's value before it is reported.

// Interpolations of every common template language: `${X}`, `${{ secrets.X }}`, `{{x}}`, `<TOKEN>`,
// `%s`, `%(name)s`, `$(cmd)`, `$VAR`, `%VAR%`, `[[x]]`, Ruby/Spring `#{x}`, Python `{name}`,
// replace-token tasks `@@NAME@@` / `__NAME__`, Maven resource filtering `@db.password@`.
const TEMPLATE = /^@@?[A-Za-z_][\w.-]*@@?$|^__[A-Za-z][A-Za-z0-9_]*__$|\$\{[^}]*\}|\{\{[^}]*\}\}|<[A-Za-z_][\w .:/-]*>|%(?:\(\w+\))?[sd](?![A-Za-z0-9])|\$\([^)]*\)|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Z_][A-Z0-9_]*%$|\[\[[^\]]*\]\]|#\{[^}]*\}|^\{[A-Za-z_][\w.]*\}$|^\[(?:FILTERED|REDACTED|HIDDEN|MASKED|SECRET|REMOVED)\]$/i;
// Words that only appear in slots, never in issued credentials.
const SLOT_WORDS = /example|placeholder|(?:^|[^a-z])your[_-]?(?:own[_-]?)?(?:api|access|secret|key|token|pass|client|app|auth|private|personal|account|org|project|webhook|bot|db|database|user|password|credential)|changeme|change[_-]me|replace[_-]?(?:me|with|this)|insert[_-]?(?:your|key|token|here)|redacted|dummy|xxxx|\*\*\*|\.\.\.|…|not[_-]?a[_-]?real|<[^>]*>|^(?:x{3,}|X{3,})[_-]|[_-](?:x{3,}|X{3,})$/i;
// Extra words that make a *generic* (context-only) match a placeholder. Provider formats may
// legitimately contain them (Stripe's `sk_test_`), so they are not applied there.
const GENERIC_SLOT_WORDS = new RegExp(
  [
    // The whole value is a stock word, optionally followed by digits/punctuation (`password123`, `admin!`).
    '^(?:test|tests|testing|tester|fake|sample|samples|secret|secrets|password|passw0rd|passwd|pass|pwd|token|apikey|api[_-]?key|key|none|nil|null|undefined|true|false|yes|no|on|off|empty|blank|default|admin|administrator|root|user|username|guest|demo|string|str|text|value|required|optional|todo|tbd|fixme|n/?a|unset|unknown|mysecret|mypassword|mytoken|mykey|secretkey|secret[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret|qwerty|letmein|abc|abcd|abcdef|foo|bar|baz|foobar|foo[_-]?bar|lorem|ipsum|hello|world|helloworld|hello[_-]?world|temp|tmp|pass[_-]?word|s3cr3t|p@ssw0rd|p@ssword|passw0rd|secret[_-]?value|super[_-]?secret|supersecret|topsecret|top[_-]?secret|notasecret|invalid|mock|stub|local|localhost|development|dev|prod|production|staging)[\\d!@#._-]{0,6}$',
    'sample|fake|mock[_-]?(?:api[_-]?)?(?:key|token|secret|password|value)|test[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass|value|api)',
    '^(?:my|some|the|a|any|new|this)[_-]?(?:secret|password|pass|token|key|api[_-]?key)',
    '(?:secret|password|token|key)[_-]?(?:here|goes[_-]?here|value)$',
    '^(?:enter|put|add|set|paste|use)[_-]',
  ].join('|'),
  'i',
);

/** Long runs of one character or a keyboard/alphabet sequence: typed by a person, not issued. */
export function isDegenerate(value: string): boolean {
  let run = 1;
  let best = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  // Binary data encoded in base64 (key blobs) has long `AAAA` runs, so long values only count
  // when the run dominates them.
  if (best * 2 >= value.length) return true;
  if (value.length <= 64 && best >= 6) return true;
  if (value.length > 64 && best * 4 >= value.length) return true;
  // Alphabet and keyboard runs never occur by chance, at any length (`_keyStr = "ABCDEFGH…"`).
  if (/0123456|1234567|2345678|3456789|abcdefgh|bcdefghi|qwertyui|asdfghjk|zxcvbnm/i.test(value)) return true;
  if (value.length > 64) return false;
  // Two or three characters repeated (`abababab`, `123123123`).
  return value.length >= 6 && /^(.{1,3})\1+.{0,2}$/.test(value);
}

export function isPlaceholder(value: string, generic = false): boolean {
  if (TEMPLATE.test(value) || SLOT_WORDS.test(value) || isDegenerate(value)) return true;
  return generic && GENERIC_SLOT_WORDS.test(value);
}
