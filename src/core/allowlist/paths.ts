import { Minimatch } from 'minimatch';

/** Tests a root-relative, forward-slash path. `source` is kept for explanations. */
export interface PathMatcher {
  readonly source: string;
  readonly test: (relPath: string) => boolean;
}

/**
 * A glob relative to the root. Patterns without a slash match the base name anywhere
 * (`*.min.js`), as in .gitignore; `dir/` or `dir/**` also match the directory itself.
 */
export function globMatcher(pattern: string): PathMatcher {
  const trimmed = pattern.trim().replace(/^\.\//, '');
  const dirOnly = trimmed.endsWith('/');
  const body = dirOnly ? trimmed.slice(0, -1) : trimmed;
  const opts = { dot: true, matchBase: !body.includes('/'), nocomment: true };
  const exact = new Minimatch(body, opts);
  // `dir` or `dir/` means everything below it too.
  const below = new Minimatch(body.endsWith('/**') ? body : `${body}/**`, { ...opts, matchBase: false });
  const belowAnywhere = !body.includes('/') ? new Minimatch(`**/${body}/**`, { ...opts, matchBase: false }) : undefined;
  return {
    source: pattern,
    test: (p) => exact.match(p) || below.match(p) || (belowAnywhere?.match(p) ?? false)
      || (body.endsWith('/**') && exact.match(`${p}/x`)),
  };
}

/** A regular expression searched (unanchored) in the path, as gitleaks and detect-secrets do. */
export function regexMatcher(re: RegExp): PathMatcher {
  const r = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  return { source: re.source, test: (p) => r.test(p) };
}

/**
 * The path used for every policy decision: relative to the root when inside it, forward slashes,
 * no leading `./` or `/` (so `**` globs also match paths outside the root).
 */
export function policyPath(path: string, root?: string): string {
  let p = path.replace(/\\/g, '/');
  if (root) {
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    const sameRoot = process.platform === 'win32' ? p.toLowerCase().startsWith(r.toLowerCase() + '/') : p.startsWith(r + '/');
    if (sameRoot) p = p.slice(r.length + 1);
  }
  return p.replace(/^(?:[A-Za-z]:)?\/+/, '').replace(/^(?:\.\/)+/, '');
}
