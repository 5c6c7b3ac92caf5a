// The "clean real-world corpus" check: every JavaScript file in the project's own
// node_modules, scanned by the CLI as a user would. The CLI skips `node_modules` folders, so the
// files are hard-linked (copied where links fail) into a tree whose folders are renamed `nm`.
// Every finding there is reported with its rule, file and masked preview for a person to judge.
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';

export interface RealWorldFinding { readonly ruleId: string; readonly confidence: string; readonly file: string; readonly line: number; readonly preview: string }
export interface RealWorldResult {
  readonly files: number;
  readonly bytes: number;
  readonly lines: number;
  readonly ms: number;
  readonly findings: readonly RealWorldFinding[];
  readonly per100kLines: number;
}

const JS = new Set(['.js', '.mjs', '.cjs']);

function collect(dir: string, out: string[]): void {
  let entries: string[];
  try { entries = readdirSync(dir).sort(); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) { if (e !== '.bin' && e !== '.cache') collect(p, out); } else if (st.isFile() && JS.has(extname(e))) out.push(p);
  }
}

/** Mirrors node_modules' JavaScript under `dest` and scans it with the CLI at `cli`. */
export function realWorldCheck(nodeModules: string, dest: string, cli: string): RealWorldResult {
  rmSync(dest, { recursive: true, force: true });
  const files: string[] = [];
  collect(nodeModules, files);
  let bytes = 0;
  let lines = 0;
  for (const f of files) {
    const to = join(dest, relative(nodeModules, f).split(/[\\/]/).map((s) => (s === 'node_modules' ? 'nm' : s)).join('/'));
    mkdirSync(dirname(to), { recursive: true });
    try { linkSync(f, to); } catch { copyFileSync(f, to); }
    const text = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (text.length > 0 && !text.endsWith('\n')) lines++;
  }
  const t0 = performance.now();
  // Same limits as a user would pass for a vendored tree: no file is skipped for its size.
  const r = spawnSync(process.execPath, [cli, 'scan', dest, '--format', 'json', '--max-file-size', '64MB'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const parsed = JSON.parse(r.stdout) as { findings?: { ruleId: string; confidence: string; file?: string; path?: string; line?: number; preview: string }[] } | { ruleId: string; confidence: string; file?: string; path?: string; line?: number; preview: string }[];
  const list = Array.isArray(parsed) ? parsed : parsed.findings ?? [];
  const findings = list.map((f) => ({ ruleId: f.ruleId, confidence: f.confidence, file: relative(dest, resolve(f.file ?? f.path ?? '')), line: f.line ?? 0, preview: f.preview }));
  return { files: files.length, bytes, lines, ms, findings, per100kLines: +(findings.length / lines * 1e5).toFixed(2) };
}
