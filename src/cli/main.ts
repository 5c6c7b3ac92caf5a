import { readFile, writeFile } from 'node:fs/promises';
import { resolve, isAbsolute } from 'node:path';
import { stat } from 'node:fs/promises';
import pkg from '../../package.json';
import { parseCliArgs, UsageError, USAGE, type ScanArgs } from './args';
import { walkPaths, stdinSource, gitTopLevel, stagedSources, TooLargeError, type Source } from './sources';
import { compareLocated, formatJson, formatText, summaryLine, type Located } from './report';
import { analyze } from '../core/analyze';
import { classifyFile } from '../core/fileFilter';
import { LineIndex } from '../core/lineIndex';
import { buildSarif } from '../core/sarif';
import { BUILTIN_RULES } from '../core/rules';
import { loadPolicy } from '../core/allowlist/loadPolicy';
import { globMatcher, policyPath } from '../core/allowlist/paths';
import { buildBaseline, parseBaseline } from '../core/allowlist/baseline';
import type { LoadedPolicy } from '../core/allowlist/policy';

export interface CliWritable {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliWritable;
  readonly stderr: CliWritable;
  readonly stdin?: AsyncIterable<string | Uint8Array> | string;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Clock for baseline dates (tests pin it). */
  readonly now?: () => Date;
}

export const EXIT_CLEAN = 0;
export const EXIT_FOUND = 1;
export const EXIT_ERROR = 2;

const CONCURRENCY = 16;

/** The whole CLI, callable in-process: returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`leakproof: ${e.message}\nRun "leakproof --help" for usage.\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  if (args.command === 'help') { io.stdout.write(USAGE); return EXIT_CLEAN; }
  if (args.command === 'version') { io.stdout.write(`${pkg.version}\n`); return EXIT_CLEAN; }
  try {
    return await runScan(args, io);
  } catch (e) {
    io.stderr.write(`leakproof: ${(e as Error).message}\n`);
    return EXIT_ERROR;
  }
}

async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  const cwd = io.cwd;
  const env = io.env ?? process.env;
  const verbose = (msg: string): void => { if (args.verbose) io.stderr.write(`leakproof: ${msg}\n`); };
  const root = args.preCommit ? await gitTopLevel(cwd) : await scanRoot(args.paths, cwd);

  let policy = await loadPolicy(root, {
    configFile: args.config ? resolve(cwd, args.config) : undefined,
    baselineFiles: args.baselines.map((b) => resolve(cwd, b)),
  });
  for (const p of policy.problems) io.stderr.write(`leakproof: warning: ${p.file}: ${p.message}\n`);
  verbose(`policy root ${root}; read ${policy.sources.length ? policy.sources.join(', ') : 'no policy files'}`);
  // Writing a baseline records everything currently found, including what older baselines hid.
  if (args.writeBaseline) policy = { ...policy, baseline: new Set() };
  const exclude = [...policy.exclude, ...args.exclude.map(globMatcher)];

  let skipped = 0;
  const onSkip = (display: string, reason: string): void => { skipped++; verbose(`skipped ${display}: ${reason}`); };
  const sources: Source[] = [];
  if (args.preCommit) {
    for (const s of await stagedSources(root, cwd, args.maxFileSize, args.paths)) {
      const rel = policyPath(s.absPath!, root);
      if (exclude.some((m) => m.test(rel))) onSkip(s.display, 'excluded'); else sources.push(s);
    }
  } else {
    const onDisk = args.paths.filter((p) => p !== '-');
    if (onDisk.length) sources.push(...await walkPaths(onDisk, { cwd, root, exclude, onSkip }));
    if (args.paths.includes('-')) sources.push(stdinSource(io.stdin));
  }

  let scanned = 0;
  const located: Located[] = [];
  await forEachLimit(sources, CONCURRENCY, async (src) => {
    if (src.size !== undefined && src.size > args.maxFileSize) { onSkip(src.display, 'too-large'); return; }
    let bytes: Uint8Array;
    try {
      bytes = await src.read();
    } catch (e) {
      if (e instanceof TooLargeError) onSkip(src.display, 'too-large');
      else onSkip(src.display, `unreadable (${(e as Error).message})`);
      return;
    }
    const cls = classifyFile(src.display, bytes, args.maxFileSize);
    if (cls.skip) { onSkip(src.display, cls.reason); return; }
    scanned++;
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // Editors hide the BOM; dropping it keeps columns the same as in VS Code.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const findings = analyze(text, {
      path: src.absPath,
      workspaceRoot: root,
      policy,
      minConfidence: args.minConfidence,
      onSuppressed: args.verbose ? (f, reason) => verbose(`suppressed ${f.ruleId} (${f.preview}) in ${src.display}: ${reason}`) : undefined,
    });
    if (findings.length === 0) return;
    const lines = new LineIndex(text);
    const rootPath = src.absPath ? policyPath(src.absPath, root) : 'stdin';
    for (const f of findings) {
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      located.push({
        display: src.display, rootPath,
        line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
        finding: f,
        ...(args.reveal ? { value: text.slice(f.start, f.end) } : {}),
      });
    }
  });
  located.sort(compareLocated);
  const summary = { scanned, skipped };

  if (args.writeBaseline) {
    const target = resolve(cwd, args.writeBaseline);
    const previous = await readFile(target, 'utf8').then((t) => parseBaseline(t, args.writeBaseline).entries, () => undefined);
    const today = (io.now?.() ?? new Date()).toISOString().slice(0, 10);
    await writeFile(target, buildBaseline(located.map((l) => l.finding), { previous, added: today }));
    const unique = new Set(located.map((l) => l.finding.fingerprint)).size;
    io.stderr.write(`leakproof: wrote ${unique} fingerprint${unique === 1 ? '' : 's'} to ${args.writeBaseline} (${summaryLine(located, summary)})\n`);
    return EXIT_CLEAN;
  }

  switch (args.format) {
    case 'json': io.stdout.write(formatJson(located)); break;
    case 'sarif': io.stdout.write(JSON.stringify(sarifFor(located, policy), null, 2) + '\n'); break;
    case 'text': {
      const color = args.color ?? (io.stdout.isTTY === true && !env.NO_COLOR);
      io.stdout.write(formatText(located, summary, color));
      break;
    }
  }
  if (args.format !== 'text') verbose(summaryLine(located, summary));
  return located.length > 0 ? EXIT_FOUND : EXIT_CLEAN;
}

function sarifFor(located: readonly Located[], policy: LoadedPolicy): ReturnType<typeof buildSarif> {
  return buildSarif(located.map((l) => ({
    uri: l.rootPath,
    startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn,
    finding: l.finding,
  })), { toolVersion: pkg.version, rules: [...BUILTIN_RULES, ...policy.customRules] });
}

/** Policy files are read from the scanned folder when exactly one folder is given, else from the cwd. */
async function scanRoot(paths: readonly string[], cwd: string): Promise<string> {
  const onDisk = paths.filter((p) => p !== '-');
  if (onDisk.length === 1) {
    const abs = isAbsolute(onDisk[0]) ? onDisk[0] : resolve(cwd, onDisk[0]);
    if ((await stat(abs).catch(() => undefined))?.isDirectory()) return abs;
  }
  return cwd;
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// Entry point when bundled as dist/cli.js (not when imported by tests).
if (typeof require !== 'undefined' && require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() })
    .then((code) => { process.exitCode = code; }, (e: unknown) => {
      process.stderr.write(`leakproof: internal error: ${(e as Error).message}\n`);
      process.exitCode = EXIT_ERROR;
    });
}
