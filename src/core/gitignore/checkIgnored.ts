// Asking git itself whether it would ignore a path: only git knows every nested .gitignore,
// .git/info/exclude, core.excludesFile and negation. Node I/O, but no `vscode`.

import { execFile } from 'node:child_process';

export type IgnoreStatus =
  /** git would ignore the path. */
  | 'ignored'
  /** git would not ignore it: a new file there would show up as untracked. */
  | 'not-ignored'
  /** `cwd` is not inside a git work tree (or the path is outside it). */
  | 'not-a-repo'
  /** git could not be run. */
  | 'git-unavailable';

export interface GitOptions {
  /** Defaults to `git` on PATH (the adapter passes the `git.path` setting). */
  readonly gitPath?: string;
  readonly timeoutMs?: number;
}

function run(args: readonly string[], cwd: string, options: GitOptions): Promise<{ code: number | 'spawn-error' }> {
  return new Promise((resolve) => {
    execFile(options.gitPath ?? 'git', [...args], { cwd, timeout: options.timeoutMs ?? 5000, windowsHide: true }, (err) => {
      if (!err) return resolve({ code: 0 });
      const code = (err as NodeJS.ErrnoException & { code?: unknown }).code;
      resolve({ code: typeof code === 'number' ? code : 'spawn-error' });
    });
  });
}

/**
 * Would git ignore `path` (relative to `cwd`, or absolute)? Uses `check-ignore --no-index` so the
 * answer is about the ignore rules even when the file is already tracked (see `isTracked` for that).
 */
export async function checkIgnored(path: string, cwd: string, options: GitOptions = {}): Promise<IgnoreStatus> {
  const { code } = await run(['check-ignore', '-q', '--no-index', '--', path], cwd, options);
  if (code === 0) return 'ignored';
  if (code === 1) return 'not-ignored';
  if (code === 'spawn-error') return 'git-unavailable';
  return 'not-a-repo';
}

/** Is `path` tracked (committed or staged)? Then ignoring it is not enough: it is already in git. */
export async function isTracked(path: string, cwd: string, options: GitOptions = {}): Promise<boolean | undefined> {
  const { code } = await run(['ls-files', '--error-unmatch', '--', path], cwd, options);
  if (code === 0) return true;
  if (code === 1) return false;
  return undefined;
}
