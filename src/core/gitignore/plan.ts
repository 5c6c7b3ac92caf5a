// Planning the `.gitignore` line that keeps `.env` out of git. Whether git actually ignores the path
// (nested .gitignore files, global excludes, negations) is for `checkIgnored`; this only decides
// whether the file already lists the entry and, if not, how to append it.

import type { TextEdit } from '../dotenv/textEdit';

export type GitignorePlan =
  | {
      readonly kind: 'append';
      readonly edits: readonly TextEdit[];
      readonly newText: string;
      /** The .gitignore did not exist: create it with `newText`. */
      readonly createFile: boolean;
    }
  /** The entry is listed and not negated further down. */
  | { readonly kind: 'present'; readonly line: number };

/** `.env`, `/.env`, `**\/.env` all name the same file for our purpose. */
function sameEntry(pattern: string, entry: string): boolean {
  const strip = (p: string): string => p.replace(/^\*\*\//, '').replace(/^\//, '');
  return strip(pattern) === strip(entry);
}

/**
 * Plan appending `entry` (default `.env`) to a `.gitignore` (`text` undefined = no such file),
 * using the file's line ending and adding a line break first when the last line has none.
 */
export function planGitignoreEntry(text: string | undefined, entry = '.env'): GitignorePlan {
  const base = text ?? '';
  const lines = base.split(/\r\n|\n|\r/);
  let listedAt = -1;
  lines.forEach((raw, i) => {
    const l = raw.replace(/(?<!\\)\s+$/, '');
    if (l.startsWith('!') && sameEntry(l.slice(1), entry)) listedAt = -1;
    else if (!l.startsWith('#') && sameEntry(l, entry)) listedAt = i;
  });
  if (listedAt !== -1) return { kind: 'present', line: listedAt };
  const crlf = (base.match(/\r\n/g) ?? []).length;
  const lf = (base.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > lf ? '\r\n' : '\n';
  const insert = (base === '' || /[\r\n]$/.test(base) ? '' : eol) + entry + eol;
  return { kind: 'append', edits: [{ start: base.length, end: base.length, text: insert }], newText: base + insert, createFile: text === undefined };
}
