// Values that look like a secret's slot but are not one: templates, documentation examples,
// masked or repeated characters. Applied to every finding's value before it is reported.

const TEMPLATE = /\$\{[^}]*\}|\{\{[^}]*\}\}|<[A-Za-z_][\w .-]*>|%\(?\w*\)?[sd]\b|\$\([^)]*\)|^\$[A-Z_][A-Z0-9_]*$|^%[A-Z_][A-Z0-9_]*%$|\[\[[^\]]*\]\]/;
// Words that only appear in slots, never in issued credentials.
const SLOT_WORDS = /example|placeholder|your[_-]?(?:own[_-]?)?(?:api|access|secret|key|token|pass|client|app|auth)|changeme|change[_-]me|replace[_-]?me|insert[_-]?(?:your|key|token)|redacted|dummy|xxxx|\*\*\*\*|\.\.\.\.|not[_-]?a[_-]?real|<[^>]*>/i;
// Extra words that make a *generic* (context-only) match a placeholder. Provider formats may
// legitimately contain them (Stripe's `sk_test_`), so they are not applied there.
const GENERIC_SLOT_WORDS = /^(?:test|testing|fake|sample|secret|password|passwd|token|apikey|api[_-]?key|none|null|undefined|true|false|empty|default|admin|root|user|guest|string|value|required|optional|todo|tbd|n\/a)$|sample|fake|test[_-]?(?:key|token|secret|password)|^(?:my|some|the)[_-]?(?:secret|password|token|key)|(?:secret|password|token|key)[_-]?(?:here|goes[_-]?here)$/i;

/** Longest run of one repeated character, and whether the value is a simple sequence. */
function degenerate(value: string): boolean {
  let run = 1;
  let best = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  if (best >= 6 || best * 2 >= value.length) return true;
  return /0123456789|123456789|abcdefghij|ABCDEFGHIJ|qwertyuiop/i.test(value);
}

export function isPlaceholder(value: string, generic = false): boolean {
  if (TEMPLATE.test(value) || SLOT_WORDS.test(value) || degenerate(value)) return true;
  return generic && GENERIC_SLOT_WORDS.test(value);
}
