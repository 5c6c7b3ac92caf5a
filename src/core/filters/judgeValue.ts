// The value half of generic detection: given a value found in a secret slot, is it a literal
// credential, and how sure are we? Every generic rule ends here, so the noise filters live in
// one place and are tested once.

import type { SlotKind } from './secretKeyName';
import { isPlaceholder } from './placeholder';
import { isCodeReference, isIdentifier, isPathLike, isPlainUrl, splitWords } from './identifier';
import { decodesToLowEntropyText, isHexDigest, isLikelyHash, isUuid } from './looksLikeHash';
import { looksRandom, shannonEntropy } from '../entropy';
import { isPublicByDesign } from './providerPrefix';

export type Verdict = 'medium' | 'low' | 'reject';

// Regular expressions (`HEX_PAT = "[0-9A-Fa-f]{1,4}"`): classes with quantifiers, groups, escapes.
const REGEX_LIKE = /\(\?[:=!<]|\][{*+?]|\\[dwsbDWS]/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
// `{name}` / `{0}` format fields, `{{ }}` and friends inside a literal: built at runtime.
const INTERPOLATED = /\{[\w.$ -]*\}|^\$|^%|\$\{|#\{|\{\{|^\[.*\]$/;

/** Several alphabetic words, each pronounceable and 3+ letters: `signInV2Submit`, not `Saffron_ktPIX079`. */
function allRealWords(value: string): boolean {
  const words = splitWords(value).filter((w) => /^[A-Za-z]+$/.test(w));
  return words.length > 1 && words.every((w) => w.length >= 3 && /[aeiouy]/i.test(w) || w.length === 1 && /^[A-Za-z]$/.test(w) && words.length > 2);
}

function classCount(value: string): number {
  return (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0) + (/[^A-Za-z0-9]/.test(value) ? 1 : 0);
}

function isTypedText(text: string): boolean {
  return isPlaceholder(text, true) || isIdentifier(text) || /^[\w.+-]+:[\w.+-]*$/.test(text) && shannonEntropy(text) < 3;
}

/** Values that are never credentials whatever the slot. */
export function isNoise(value: string, after = ''): boolean {
  if (isPlaceholder(value, true)) return true;
  if (isCodeReference(value, after)) return true;
  if (INTERPOLATED.test(value)) return true;
  if (EMAIL.test(value) || REGEX_LIKE.test(value)) return true;
  if (isPlainUrl(value) || isPathLike(value)) return true;
  if (isLikelyHash(value) || isPublicByDesign(value)) return true;
  if (decodesToLowEntropyText(value, isTypedText)) return true;
  return false;
}

/**
 * Judge a value found in a slot of the given kind. `after` is the text right after the value
 * (a `(` or `[` there means the "value" was an expression).
 */
export function judgeValue(value: string, slot: SlotKind, after = ''): Verdict {
  const n = value.length;
  if (n > 400 || isNoise(value, after)) return 'reject';
  // Shell/Perl/PHP interpolation inside a name: `repository.$name.allow`.
  if (/\$[A-Za-z_{]/.test(value) && isIdentifier(value.replace(/\$\{?|\}/g, ''))) return 'reject';
  const classes = classCount(value);

  if (slot === 'password') {
    if (n < 6) return 'reject';
    if (isUuid(value)) return 'low';
    // Names of things (`db_password`, `myPassword`, `SIGN_IN_V2_SUBMIT`) rather than passwords;
    // one word with digits (`hunter42`, `Summer2024`) is how people write passwords.
    if (isIdentifier(value) && (!/\d/.test(value) || /^[A-Z0-9_]+$/.test(value) || allRealWords(value))) return 'reject';
    if (classes < 2) return looksRandom(value, 16) ? 'low' : 'reject';
    if (/^[A-Za-z]+[_.-][A-Za-z]+$/.test(value)) return 'reject';
    return (n >= 8 && classes >= 3) || looksRandom(value, 12) ? 'medium' : 'low';
  }

  if (slot === 'secret') {
    if (n < 8) return 'reject';
    // Some providers issue UUIDs or 32/40-hex keys (Heroku, Datadog): reported, but at low
    // confidence, since the same shapes are ids and digests everywhere else.
    if (isUuid(value) || isHexDigest(value)) return 'low';
    if (isIdentifier(value)) return 'reject';
    if (looksRandom(value, 16)) return 'medium';
    if (looksRandom(value, 10)) return 'low';
    // Hand-written secrets (`Sup3r$ecretV4lue`): mixed classes, not a name.
    return n >= 8 && classes >= 3 && shannonEntropy(value) >= 2.8 ? 'low' : 'reject';
  }

  // weak: a bare `key` or `auth`. Only clearly machine-made values, never digests or ids.
  if (isUuid(value) || isHexDigest(value) || isIdentifier(value)) return 'reject';
  if (!/^[A-Za-z0-9+/=_.-]+$/.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return 'reject';
  return looksRandom(value, 16) ? 'low' : 'reject';
}
