import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join, relative, resolve, sep } from 'node:path';
import { DEFAULT_SKIPPED_DIRS } from '../core/fileFilter';
import { policyPath, type PathMatcher } from '../core/allowlist/paths';

/** Something to scan: a file on disk, a staged blob or stdin. */
export interface Source {
  /** Shown in output: relative to the cwd, forward slashes (`-` for stdin). */
  readonly display: string;
  /** Absolute path, or undefined for stdin. Policy paths derive from it. */
  readonly absPath?: string;
  /** Known size in bytes, when cheap to get (lets big files be skipped unread). */
  readonly size?: number;
  readonly read: () => Promise<Uint8Array>;
}

export interface WalkOptions {
  readonly cwd: string;
  readonly root: string;
  /** Root-relative matchers of files and folders not to scan. */
  readonly exclude: readonly PathMatcher[];
  readonly onSkip: (display: string, reason: string) => void;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Expands the given paths to files, depth-first, sorted for stable output. */
export async function walkPaths(paths: readonly string[], opts: WalkOptions): Promise<Source[]> {
  const out: Source[] = [];
  const excluded = (abs: string): boolean => {
    const rel = policyPath(abs, opts.root);
    return rel !== '' && opts.exclude.some((m) => m.test(rel));
  };
  const fileSource = (abs: string, size: number): Source => ({
    display: displayPath(abs, opts.cwd), absPath: abs, size, read: () => readFile(abs),
  });

  async function visitDir(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      opts.onSkip(displayPath(dir, opts.cwd), `unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      // Symlinks are not followed: they loop, and their targets are scanned where they live.
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) {
        if (DEFAULT_SKIPPED_DIRS.includes(e.name)) continue;
        if (excluded(abs)) { opts.onSkip(displayPath(abs, opts.cwd) + '/', 'excluded'); continue; }
        await visitDir(abs);
      } else if (e.isFile()) {
        if (excluded(abs)) { opts.onSkip(displayPath(abs, opts.cwd), 'excluded'); continue; }
        const st = await lstat(abs).catch(() => undefined);
        out.push(fileSource(abs, st?.size ?? 0));
      }
    }
  }

  for (const p of paths) {
    const abs = resolve(opts.cwd, p);
    const st = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) throw new Error(`${p}: ${st.code === 'ENOENT' ? 'no such file or directory' : st.message}`);
    if (st.isDirectory()) await visitDir(abs);
    else if (excluded(abs)) opts.onSkip(displayPath(abs, opts.cwd), 'excluded');
    else out.push(fileSource(abs, st.size));
  }
  return out;
}

export function stdinSource(stdin: AsyncIterable<string | Uint8Array> | string | undefined): Source {
  return {
    display: '-',
    read: async () => {
      if (stdin === undefined) return new Uint8Array();
      if (typeof stdin === 'string') return Buffer.from(stdin, 'utf8');
      const chunks: Buffer[] = [];
      for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
      return Buffer.concat(chunks);
    },
  };
}

function git(args: readonly string[], cwd: string, maxBuffer = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { code?: string | number };
        const detail = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim() : '';
        const wrapped = new Error(detail || e.message) as Error & { code?: unknown };
        wrapped.code = e.code;
        reject(wrapped);
      } else resolvePromise(stdout);
    });
  });
}

export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch (e) {
    throw new Error(`--pre-commit needs a git repository: ${(e as Error).message}`);
  }
}

/** Files added, copied, modified or renamed in the index (renames may carry edits); content is the staged blob, not the working tree. */
export async function stagedSources(top: string, cwd: string, maxBytes: number, limitTo: readonly string[]): Promise<Source[]> {
  const names = (await git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], top))
    .toString('utf8').split('\0').filter((n) => n !== '');
  const limits = limitTo.filter((p) => p !== '.').map((p) => policyPath(resolve(cwd, p), top));
  const wanted = limits.length ? names.filter((n) => limits.some((l) => n === l || n.startsWith(l + '/'))) : names;
  return wanted.sort().map((name) => {
    const abs = join(top, ...name.split('/'));
    return {
      display: displayPath(abs, cwd),
      absPath: abs,
      // `:path` is resolved from the top of the work tree; `./` guards names starting with `:` or `-`.
      read: async () => {
        try {
          return await git(['show', `:./${name}`], top, maxBytes + 1);
        } catch (e) {
          if ((e as { code?: unknown }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') throw new TooLargeError();
          throw e;
        }
      },
    };
  });
}

export class TooLargeError extends Error {
  constructor() { super('too-large'); }
}
