import type { PolicyPart } from './policy';

// `.gitleaksignore` holds gitleaks finding fingerprints, one a line:
//   `file:rule-id:line` (from `gitleaks dir` / --no-git) or `commit:file:rule-id:line` (git scans).
// Gitleaks rule ids differ from ours and its fingerprints carry a line number, so we honour each
// entry as "findings of any rule starting on that line of that file". Limit: once the line moves,
// the entry stops matching (as it does in gitleaks for --no-git scans). The commit part is ignored.

export const GITLEAKS_IGNORE_FILE = '.gitleaksignore';

export function parseGitleaksIgnore(text: string, file = GITLEAKS_IGNORE_FILE): PolicyPart {
  const ignoredLines: Array<[string, number]> = [];
  let bad = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:[0-9a-f]{40}:)?(.+):([^:]+):(\d+)$/.exec(line);
    if (!m) { bad++; continue; }
    ignoredLines.push([m[1].replace(/\\/g, '/').replace(/^\.\//, ''), Number(m[3])]);
  }
  return {
    ignoredLines,
    problems: bad > 0 ? [{ file, message: `${bad} line${bad === 1 ? '' : 's'} not in the form file:rule:line or commit:file:rule:line; ignored` }] : [],
  };
}
