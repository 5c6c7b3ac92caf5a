// Values that start like a provider's token but are not one. A generic rule sees `ghp_pJyFmVde4M`
// in `GITHUB_TOKEN = "…"`: the GitHub rule, which knows the format, did not report it (too short,
// wrong alphabet), so a context-only rule must not report it either. The prefixes come from the
// provider rules themselves, so a new rule extends the list without an edit here.

import type { Rule } from '../types';

// Shorter prefixes (`sk`, `pa`) start too many unrelated values; three characters suffice when
// one of them is punctuation (`hf_`, `t1.`), otherwise four (`AIza`, `AKIA`), or an upper-case
// pair (`SK`: case is exact, so random mixed-case values rarely open with it).
function distinctive(prefix: string): boolean {
  if (prefix.includes('://')) return false; // a URL scheme, not a token prefix
  return prefix.length >= 4 || (prefix.length === 3 && /[^A-Za-z0-9]/.test(prefix)) || /^[A-Z]{2,3}$/.test(prefix);
}

const ESCAPABLE = /[.\-/_+:~]/;

/** Skips zero-width heads: `\b`, `^`, lookarounds. Returns the index after them. */
function skipZeroWidth(src: string, i: number): number {
  for (;;) {
    if (src.startsWith('\\b', i)) { i += 2; continue; }
    if (src[i] === '^') { i++; continue; }
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) {
      let depth = 0;
      for (; i < src.length; i++) {
        if (src[i] === '\\') { i++; continue; }
        if (src[i] === '(') depth++;
        else if (src[i] === ')' && --depth === 0) { i++; break; }
      }
      continue;
    }
    return i;
  }
}

/** A run of literal chars from `i` (escaped punctuation included); the char under a quantifier is dropped. */
function literalRun(src: string, i: number): [string, number] {
  let out = '';
  for (;;) {
    let ch: string | undefined;
    let len = 1;
    if (src[i] === '\\' && ESCAPABLE.test(src[i + 1] ?? '')) { ch = src[i + 1]; len = 2; }
    else if (/[A-Za-z0-9_\-:/@=]/.test(src[i] ?? '')) ch = src[i];
    if (ch === undefined) return [out, i];
    if (/[?*{]/.test(src[i + len] ?? '')) return [out, i];
    out += ch;
    i += len;
  }
}

/**
 * The literal strings a pattern's value starts with, read from its source: the pattern (or its
 * leading value group) opens with literal chars or a group of literal alternatives
 * (`(?:ghp|gho)_`). Undefined when it opens with a class or a name (keyed rules).
 */
export function leadingLiterals(source: string): string[] | undefined {
  // Only values that stand alone: a rule that needs a name before the value (`mollie… = live_…`)
  // owns that prefix only next to its name.
  let i = skipZeroWidth(source, 0);
  let inValue = true;
  if (source.startsWith('(?<secret>', i)) i += 10;
  else if (source[i] === '(' && source[i + 1] !== '?') i++;
  else inValue = !/\((?!\?[:=!<])|\(\?<secret>/.test(source.replace(/\\./g, '__')); // whole match is the value
  if (!inValue) return undefined;
  i = skipZeroWidth(source, i);
  if (source.startsWith('(?:', i)) {
    const close = source.indexOf(')', i);
    if (close < 0 || /[?*{]/.test(source[close + 1] ?? '') || source.slice(i + 3, close).includes('(')) return undefined;
    // A fully literal alternative continues into what follows the group; a partly literal one
    // (`A3T[A-Z0-9]`) is a prefix on its own.
    const [tail] = literalRun(source, close + 1);
    const out: string[] = [];
    for (const alt of source.slice(i + 3, close).split('|')) {
      const [lit, end] = literalRun(alt, 0);
      out.push(end === alt.length ? lit + tail : lit);
    }
    return out.filter((x) => x.length > 0);
  }
  const [lit] = literalRun(source, i);
  return lit.length > 0 ? [lit] : undefined;
}

/**
 * Exact-case value prefixes of provider rules (`ghp_`, `sk_live_`, `AIza`, `xoxb-`), read from
 * their patterns. Key-name rules (`heroku… = <hex>`) open with a name, not a value, and drop out.
 */
export function valuePrefixesOf(rules: readonly Rule[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) {
    for (const p of leadingLiterals(rule.pattern.source) ?? []) if (distinctive(p)) out.add(p);
  }
  return [...out].sort();
}

// Issued to be shipped to browsers and apps: Stripe publishable keys, PostHog project keys,
// Mapbox public tokens (`pk.` + a base64 JSON payload; secret ones are `sk.`).
// https://docs.stripe.com/keys · https://posthog.com/docs/api · https://docs.mapbox.com/accounts/guides/tokens/
const PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_|phc_|pk\.eyJ|sb_publishable_)/;

/** A client-side key that providers publish on purpose: not a secret whatever the slot. */
export function isPublicByDesign(value: string): boolean {
  return PUBLIC_BY_DESIGN.test(value);
}
