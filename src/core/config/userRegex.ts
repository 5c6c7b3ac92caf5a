// Regular expressions written by users, often copied from gitleaks (Go RE2) or detect-secrets
// (Python). We accept the common non-JS spellings so such configs work unchanged.

export type RegexResult = { readonly ok: true; readonly re: RegExp } | { readonly ok: false; readonly message: string };

const LEADING_FLAGS = /^\(\?([imsU]+)\)/;

/** Compiles a user regex; never throws. Leading `(?i)`-style flags become JS flags. */
export function compileUserRegex(source: string, flags = ''): RegexResult {
  if (typeof source !== 'string' || source.length === 0) return { ok: false, message: 'empty regular expression' };
  let src = source;
  let f = flags;
  const lead = LEADING_FLAGS.exec(src);
  if (lead) {
    src = src.slice(lead[0].length);
    for (const c of lead[1]) if (c !== 'U' && !f.includes(c)) f += c;
  }
  src = src.replace(/\(\?P</g, '(?<').replace(/\\A/g, '^').replace(/\\z/g, '$');
  try {
    return { ok: true, re: new RegExp(src, f) };
  } catch (e) {
    return { ok: false, message: `invalid regular expression /${source}/: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
}
