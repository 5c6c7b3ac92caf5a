// `npm run bench`: builds the corpus, then measures Leakproof against secretlint (CLI throughput,
// in-process latency, peak memory) and Leakproof's recall and false positives. Prints a table and
// writes bench/results.json. Never prints a secret value: previews are masked by the engine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { BUILTIN_RULES } from '../src/core/rules';
import { scan } from '../src/core/scan';
import type { Finding } from '../src/core/types';
import { buildCorpus, type Manifest } from './corpus';
import { realWorldCheck, type RealWorldResult } from './realWorld';

const ROOT = process.cwd();
const CORPUS = join(ROOT, 'bench', 'corpus');
const SCAN_DIR = join(CORPUS, 'scan');
const args = new Set(process.argv.slice(2));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const quick = args.has('--quick');

function log(s: string): void { process.stderr.write(s + '\n'); }

function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) listFiles(p, out); else out.push(p);
  }
  return out;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const f of listFiles(dir)) t = Math.max(t, statSync(f).mtimeMs);
  return t;
}

interface ProcResult { readonly ms: number; readonly maxRssMB: number | undefined; readonly stdout: string; readonly status: number | null }

const HAS_TIME = existsSync('/usr/bin/time');

/** Runs a command, timing the whole process; peak RSS from GNU time when available. */
function runProcess(cmd: string, argv: readonly string[]): ProcResult {
  const full = HAS_TIME ? ['/usr/bin/time', ['-v', cmd, ...argv]] as const : [cmd, argv] as const;
  const t0 = performance.now();
  const r = spawnSync(full[0], [...full[1]], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { ms, maxRssMB: m ? Number(m[1]) / 1024 : undefined, stdout: r.stdout ?? '', status: r.status };
}

function bestOf(n: number, cmd: string, argv: readonly string[]): ProcResult & { all: number[] } {
  const results: ProcResult[] = [];
  for (let i = 0; i < n; i++) results.push(runProcess(cmd, argv));
  const best = results.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, maxRssMB: Math.max(...results.map((r) => r.maxRssMB ?? 0)) || undefined, all: results.map((r) => r.ms) };
}

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), min: s[0] };
}

async function timeAsync(runs: number, warmup: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function ensureCli(): boolean {
  if (!existsSync(join(ROOT, 'src', 'cli', 'main.ts'))) return false;
  const dist = join(ROOT, 'dist', 'cli.js');
  const stale = !existsSync(dist) || statSync(dist).mtimeMs < newestMtime(join(ROOT, 'src'));
  if (stale) {
    log('building dist/cli.js (release)…');
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--release'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) { log('build failed; CLI rows skipped'); return false; }
  }
  return existsSync(dist);
}

function lineOf(text: string, offset: number, starts: number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return lo + 1;
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) s.push(i + 1);
  return s;
}

interface FpEntry { ruleId: string; count: number; samples: string[] }

async function main(): Promise<void> {
  const started = Date.now();
  log(`rules: ${BUILTIN_RULES.length}`);
  const t0 = performance.now();
  const manifest: Manifest = buildCorpus({ root: CORPUS, rules: BUILTIN_RULES, generatedMB: quick ? 4 : 30, realMB: quick ? 2 : 12 });
  log(`corpus built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const files = listFiles(SCAN_DIR);
  const corpusBytes = files.reduce((a, f) => a + statSync(f).size, 0);
  const corpusMB = corpusBytes / 1024 / 1024;
  log(`corpus: ${files.length} files, ${corpusMB.toFixed(1)} MB`);

  // ---- In-process engine: read + scan every file (no process startup) ----
  const texts = files.map((f) => ({ path: relative(CORPUS, f), text: readFileSync(f, 'utf8') }));
  const engineRuns = await timeAsync(quick ? 1 : 3, 1, () => { for (const t of texts) scan(t.text, { path: t.path }); });
  const engineMs = Math.min(...engineRuns);
  const readMs = Math.min(...await timeAsync(3, 1, () => { for (const f of files) readFileSync(f, 'utf8'); }));

  // ---- CLI throughput and memory ----
  const rc = join(CORPUS, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const haveCli = ensureCli();
  const runs = quick ? 1 : RUNS;
  let lp: ReturnType<typeof bestOf> | undefined;
  if (haveCli) {
    log('timing leakproof CLI…');
    lp = bestOf(runs, process.execPath, ['dist/cli.js', 'scan', SCAN_DIR, '--format', 'json', '--max-file-size', '64MB']);
  }
  log('timing secretlint CLI…');
  // --output: its JSON (with every file's content) is too large to pipe back reliably.
  const slOut = join(CORPUS, 'secretlint-output.json');
  const sl = bestOf(runs, process.execPath, [join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js'), `${relative(ROOT, SCAN_DIR)}/**/*`, '--secretlintrc', rc, '--format', 'json', '--no-color', '--output', slOut]);

  // ---- Clean real-world corpus: all of node_modules' JavaScript, through the CLI ----
  let realWorld: RealWorldResult | undefined;
  if (haveCli && !args.has('--no-real-world')) {
    log('scanning node_modules JavaScript with the CLI…');
    realWorld = realWorldCheck(join(ROOT, 'node_modules'), join(CORPUS, 'node-modules-js'), join(ROOT, 'dist', 'cli.js'));
  }

  // ---- In-process latency on single files ----
  const { lintSource } = await import('@secretlint/core');
  const { loadPackagesFromConfigDescriptor } = await import('@secretlint/config-loader');
  const loaded = await loadPackagesFromConfigDescriptor({ configDescriptor: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] } });
  const slConfig = loaded.config;
  const latency: Record<string, { lines: number; bytes: number; leakproof: ReturnType<typeof stats>; secretlint: ReturnType<typeof stats> }> = {};
  for (const name of ['lines5k.ts', 'lines50k.ts']) {
    const p = join(CORPUS, 'latency', name);
    const content = readFileSync(p, 'utf8');
    const big = name.includes('50k');
    const lpSamples = await timeAsync(quick ? 10 : 50, 10, () => scan(content, { path: p }));
    const slSamples = await timeAsync(quick ? 3 : big ? 15 : 50, 3, () =>
      lintSource({ source: { filePath: p, content, ext: '.ts', contentType: 'text' }, options: { config: slConfig, maskSecrets: true } }));
    latency[name] = { lines: content.split('\n').length - 1, bytes: Buffer.byteLength(content), leakproof: stats(lpSamples), secretlint: stats(slSamples) };
  }

  // ---- Recall and false positives ----
  let exPos = 0; let exPosHit = 0; let exNeg = 0; let exNegFlagged = 0;
  const missedRules = new Set<string>();
  for (const r of BUILTIN_RULES) {
    for (const t of r.examples.positive) { exPos++; if (scan(t).some((f) => f.ruleId === r.id)) exPosHit++; else missedRules.add(r.id); }
    for (const t of r.examples.negative) { exNeg++; if (scan(t).length > 0) exNegFlagged++; }
  }
  const plantsByFile = new Map<string, Manifest['plants'][number][]>();
  for (const p of manifest.plants) { const l = plantsByFile.get(p.file) ?? []; l.push(p); plantsByFile.set(p.file, l); }
  let plantHit = 0; let plantOther = 0;
  const fps = new Map<string, FpEntry>();
  const fpBy = { generated: 0, real: 0, bundle: 0 };
  const linesBy = { generated: 0, real: 0, bundle: 0 };
  const missedPlants = new Map<string, number>();
  for (const t of texts) {
    const kind = t.path.startsWith('scan/generated') ? 'generated' : t.path.startsWith('scan/bundle') ? 'bundle' : 'real';
    const starts = lineStarts(t.text);
    linesBy[kind] += starts.length;
    const findings: Finding[] = scan(t.text, { path: t.path });
    const plants = plantsByFile.get(t.path) ?? [];
    const plantFound = plants.map(() => false);
    for (const f of findings) {
      const line = lineOf(t.text, f.start, starts);
      const pi = plants.findIndex((p) => line >= p.startLine && line <= p.endLine);
      if (pi >= 0) { if (f.ruleId === plants[pi].ruleId) plantFound[pi] = true; continue; }
      fpBy[kind]++;
      const e = fps.get(f.ruleId) ?? { ruleId: f.ruleId, count: 0, samples: [] };
      e.count++;
      if (e.samples.length < 3) {
        const lineText = t.text.slice(starts[line - 1], starts[line] ?? t.text.length).trim();
        // Context around the finding with the value itself masked.
        const ctx = (t.text.slice(Math.max(starts[line - 1], f.start - 30), f.start) + f.preview).replace(/\s+/g, ' ');
        e.samples.push(`${t.path}:${line} …${ctx} (line ${lineText.length} chars)`);
      }
      fps.set(f.ruleId, e);
    }
    plants.forEach((p, i) => {
      if (plantFound[i]) plantHit++;
      else {
        const lines = t.text.split('\n').slice(p.startLine - 1, p.endLine).join('\n');
        if (findings.length && scan(lines).length) plantOther++;
        missedPlants.set(p.ruleId, (missedPlants.get(p.ruleId) ?? 0) + 1);
      }
    });
  }

  // The labeled eval set (test/fixtures/eval): recall on secrets in context, FPs on look-alikes.
  const evalRows = readdirSync(join(ROOT, 'test', 'fixtures', 'eval')).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(ROOT, 'test', 'fixtures', 'eval', f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; secret: boolean }));
  const evalPos = evalRows.filter((r) => r.secret);
  const evalNeg = evalRows.filter((r) => !r.secret);
  const evalSet = {
    positives: evalPos.length, found: evalPos.filter((r) => scan(r.text).length > 0).length,
    negatives: evalNeg.length, flagged: evalNeg.filter((r) => scan(r.text).length > 0).length,
  };

  // secretlint's own counts from its JSON output (messages only; values never printed).
  let slMessages = { generated: 0, real: 0, bundle: 0 };
  try {
    const out = JSON.parse(readFileSync(slOut, 'utf8')) as { filePath: string; messages: unknown[] }[];
    slMessages = { generated: 0, real: 0, bundle: 0 };
    for (const r of out) {
      const rel = relative(CORPUS, r.filePath);
      const kind = rel.startsWith('scan/generated') ? 'generated' : rel.startsWith('scan/bundle') ? 'bundle' : 'real';
      slMessages[kind] += r.messages.length;
    }
  } catch { /* keep zeros */ }
  let lpCliFindings: number | undefined;
  if (lp) { try { const j = JSON.parse(lp.stdout) as { findings?: unknown[] } | unknown[]; lpCliFindings = Array.isArray(j) ? j.length : j.findings?.length; } catch { /* not JSON */ } }

  // ---- Report ----
  const ver = (p: string): string => { try { return (JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version; } catch { return '?'; } };
  const lpVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const mbps = (ms: number): number => corpusMB / (ms / 1000);
  const machine = { cpu: cpus()[0]?.model ?? '?', cores: cpus().length, memGB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${process.platform}-${process.arch}` };
  const cleanLines = linesBy.real + linesBy.bundle + linesBy.generated;
  const fpTotal = fpBy.generated + fpBy.real + fpBy.bundle;
  const results = {
    date: new Date(started).toISOString(),
    machine,
    versions: { leakproof: lpVersion, secretlint: ver('secretlint'), presetRecommend: ver('@secretlint/secretlint-rule-preset-recommend'), rules: BUILTIN_RULES.length },
    corpus: { files: files.length, MB: +corpusMB.toFixed(2), generatedMB: +(manifest.generatedBytes / 2 ** 20).toFixed(2), realMB: +(manifest.realBytes / 2 ** 20).toFixed(2), bundleMB: +(manifest.bundleBytes / 2 ** 20).toFixed(2), plants: manifest.plants.length },
    throughput: {
      readOnlyMBps: +mbps(readMs).toFixed(1),
      engineInProcessMBps: +mbps(engineMs).toFixed(1),
      leakproofCli: lp ? { bestMs: +lp.ms.toFixed(0), MBps: +mbps(lp.ms).toFixed(1), runsMs: lp.all.map((x) => +x.toFixed(0)), maxRssMB: lp.maxRssMB && +lp.maxRssMB.toFixed(0), findings: lpCliFindings } : null,
      secretlintCli: { bestMs: +sl.ms.toFixed(0), MBps: +mbps(sl.ms).toFixed(2), runsMs: sl.all.map((x) => +x.toFixed(0)), maxRssMB: sl.maxRssMB && +sl.maxRssMB.toFixed(0), messages: slMessages },
      ratioCli: lp ? +(sl.ms / lp.ms).toFixed(1) : null,
    },
    latencyMs: Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, {
      lines: v.lines, bytes: v.bytes,
      leakproof: { median: +v.leakproof.median.toFixed(3), p95: +v.leakproof.p95.toFixed(3) },
      secretlint: { median: +v.secretlint.median.toFixed(3), p95: +v.secretlint.p95.toFixed(3) },
      ratio: +(v.leakproof.median / v.secretlint.median).toFixed(3),
    }])),
    accuracy: {
      examples: { positives: exPos, found: exPosHit, recall: +(exPosHit / exPos).toFixed(4), negatives: exNeg, negativesFlagged: exNegFlagged, rulesMissingAPositive: [...missedRules] },
      plants: { total: manifest.plants.length, foundBySameRule: plantHit, recall: +(plantHit / Math.max(1, manifest.plants.length)).toFixed(4), missedByRule: Object.fromEntries(missedPlants), missedButFlaggedByOther: plantOther },
      falsePositives: {
        total: fpTotal, byKind: fpBy, linesByKind: linesBy,
        per100kLines: +(fpTotal / cleanLines * 1e5).toFixed(2),
        top: [...fps.values()].sort((a, b) => b.count - a.count).slice(0, 15),
      },
      evalSet: { ...evalSet, recall: +(evalSet.found / Math.max(1, evalSet.positives)).toFixed(4), fpRate: +(evalSet.flagged / Math.max(1, evalSet.negatives)).toFixed(4) },
    },
    realWorld: realWorld ? { ...realWorld, ms: +realWorld.ms.toFixed(0), MBps: +(realWorld.bytes / 2 ** 20 / (realWorld.ms / 1000)).toFixed(1) } : null,
    loadAverage: loadavg().map((x) => +x.toFixed(2)),
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const pad = (s: string, n: number): string => s.padEnd(n);
  const row = (cells: string[], w: number[]): string => cells.map((c, i) => pad(c, w[i])).join(' | ');
  const out: string[] = [];
  out.push(`Leakproof bench — ${results.date}`);
  out.push(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB, node ${machine.node}`);
  out.push(`versions: leakproof ${lpVersion} (${BUILTIN_RULES.length} rules), secretlint ${results.versions.secretlint} + preset-recommend ${results.versions.presetRecommend}`);
  out.push(`corpus: ${files.length} files, ${corpusMB.toFixed(1)} MB (generated ${results.corpus.generatedMB} MB with ${manifest.plants.length} plants, real ${results.corpus.realMB} MB, bundle ${results.corpus.bundleMB} MB)`);
  out.push('');
  const w = [34, 14, 14, 10];
  out.push(row(['metric', 'leakproof', 'secretlint', 'ratio'], w));
  out.push(w.map((n) => '-'.repeat(n)).join('-|-'));
  out.push(row(['CLI wall time, best of ' + runs + ' (ms)', lp ? lp.ms.toFixed(0) : 'n/a', sl.ms.toFixed(0), lp ? `${(sl.ms / lp.ms).toFixed(1)}× faster` : ''], w));
  out.push(row(['CLI throughput (MB/s)', lp ? mbps(lp.ms).toFixed(1) : 'n/a', mbps(sl.ms).toFixed(2), lp ? `${(sl.ms / lp.ms).toFixed(1)}×` : ''], w));
  out.push(row(['CLI peak RSS (MB)', lp?.maxRssMB ? lp.maxRssMB.toFixed(0) : 'n/a', sl.maxRssMB ? sl.maxRssMB.toFixed(0) : 'n/a', lp?.maxRssMB && sl.maxRssMB ? (lp.maxRssMB / sl.maxRssMB).toFixed(2) : ''], w));
  out.push(row(['engine in-process, read+scan (MB/s)', mbps(engineMs).toFixed(1), '', ''], w));
  out.push(row(['readFileSync only (MB/s)', mbps(readMs).toFixed(1), '', ''], w));
  for (const [k, v] of Object.entries(latency)) {
    out.push(row([`${k} (${v.lines} lines) median ms`, v.leakproof.median.toFixed(3), v.secretlint.median.toFixed(3), `${(v.leakproof.median / v.secretlint.median).toFixed(3)}×`], w));
    out.push(row([`${k} p95 ms`, v.leakproof.p95.toFixed(3), v.secretlint.p95.toFixed(3), `${(v.leakproof.p95 / v.secretlint.p95).toFixed(3)}×`], w));
  }
  out.push(row(['findings reported by CLI', String(lpCliFindings ?? 'n/a'), String(slMessages.generated + slMessages.real + slMessages.bundle), ''], w));
  out.push('');
  const a = results.accuracy;
  out.push(`recall, rules' own positive examples: ${a.examples.found}/${a.examples.positives} (${(a.examples.recall * 100).toFixed(1)}%); negatives flagged: ${a.examples.negativesFlagged}/${a.examples.negatives}`);
  if (a.examples.rulesMissingAPositive.length) out.push(`  rules missing a positive: ${a.examples.rulesMissingAPositive.join(', ')}`);
  out.push(`recall, planted fakes (same rule): ${a.plants.foundBySameRule}/${a.plants.total} (${(a.plants.recall * 100).toFixed(1)}%)`);
  out.push(`false positives on clean code: ${fpTotal} (generated ${fpBy.generated}, node_modules ${fpBy.real}, bundle ${fpBy.bundle}) = ${a.falsePositives.per100kLines} per 100k lines; secretlint messages: generated ${slMessages.generated}, real ${slMessages.real}, bundle ${slMessages.bundle}`);
  for (const e of a.falsePositives.top.slice(0, 10)) {
    out.push(`  ${e.ruleId}: ${e.count}`);
    for (const s of e.samples.slice(0, 2)) out.push(`      ${s.length > 160 ? s.slice(0, 160) + '…' : s}`);
  }
  if (realWorld) {
    out.push(`node_modules JavaScript via the CLI: ${realWorld.files} files, ${(realWorld.bytes / 2 ** 20).toFixed(1)} MB, ${realWorld.lines} lines, ${realWorld.ms.toFixed(0)} ms: ${realWorld.findings.length} findings = ${realWorld.per100kLines} per 100k lines`);
    for (const f of realWorld.findings.slice(0, 20)) out.push(`  ${f.ruleId} (${f.confidence}) ${f.file}:${f.line} ${f.preview}`);
  }
  out.push(`eval set: recall ${evalSet.found}/${evalSet.positives}, look-alikes flagged ${evalSet.flagged}/${evalSet.negatives}`);
  out.push('');
  if (!quick) {
    writeFileSync(join(ROOT, 'bench', 'results.md'), markdown(results, realWorld, runs));
    out.push('wrote bench/results.json and bench/results.md');
  } else out.push('wrote bench/results.json (bench/results.md is only written by a full run)');
  process.stdout.write(out.join('\n') + '\n');
}

type Results = {
  date: string; machine: { cpu: string; cores: number; memGB: number; node: string; platform: string };
  versions: { leakproof: string; secretlint: string; presetRecommend: string; rules: number };
  corpus: { files: number; MB: number; generatedMB: number; realMB: number; bundleMB: number; plants: number };
  throughput: {
    readOnlyMBps: number; engineInProcessMBps: number;
    leakproofCli: { bestMs: number; MBps: number; maxRssMB: number | undefined; findings: number | undefined } | null;
    secretlintCli: { bestMs: number; MBps: number; maxRssMB: number | undefined };
    ratioCli: number | null;
  };
  latencyMs: Record<string, { lines: number; bytes: number; leakproof: { median: number; p95: number }; secretlint: { median: number; p95: number }; ratio: number }>;
  accuracy: {
    examples: { positives: number; found: number; negatives: number; negativesFlagged: number };
    plants: { total: number; foundBySameRule: number };
    falsePositives: { total: number; byKind: Record<string, number>; linesByKind: Record<string, number>; per100kLines: number; top: FpEntry[] };
    evalSet: { positives: number; found: number; negatives: number; flagged: number; recall: number; fpRate: number };
  };
  loadAverage: number[];
};

/** A hint for the reader about a real-world finding's file (the judgement stays theirs). */
function whereIs(file: string): string {
  if (/secretlint|gitleaks|trufflehog|detect-secrets|ggshield/i.test(file)) return 'inside a secret scanner\'s own package (its rules\' bundled test data)';
  if (/(?:^|\/)(?:test|tests|__tests__|fixtures?|examples?)\//i.test(file)) return 'a test or example file';
  return '';
}

/** The README's benchmark section: the same numbers as the console table, as markdown. */
function markdown(r: Results, rw: RealWorldResult | undefined, runs: number): string {
  const t = r.throughput;
  const lp = t.leakproofCli;
  const x = (a: number, b: number): string => `${(a / b).toFixed(a / b < 1 ? 2 : 1)}×`;
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Produced by \`npm run bench\` (bench/run.ts) on ${r.date.slice(0, 10)}. Re-run it to refresh this file; \`--quick\` runs a small corpus and leaves this file alone.`, '');
  lines.push(`- **Machine**: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memGB} GB RAM, ${r.machine.platform}, Node ${r.machine.node}; load average at the end of the run ${r.loadAverage.join(' / ')} (other work was sharing the machine when it is above ~1)`);
  lines.push(`- **Versions**: Leakproof ${r.versions.leakproof} (${r.versions.rules} rules, all on), secretlint ${r.versions.secretlint} with @secretlint/secretlint-rule-preset-recommend ${r.versions.presetRecommend}`);
  lines.push(`- **Corpus** (deterministic, built by bench/corpus.ts): ${r.corpus.files} files, ${r.corpus.MB} MB — generated code in 9 languages ${r.corpus.generatedMB} MB with ${r.corpus.plants} planted fakes (the rules' own positive examples), real code from node_modules ${r.corpus.realMB} MB, TypeScript's compiler minified into one ${r.corpus.bundleMB} MB bundle`, '');
  lines.push('| Metric | Leakproof | secretlint | Ratio |', '|---|---:|---:|---:|');
  if (lp) {
    lines.push(`| CLI wall time on the corpus, best of ${runs} (ms) | ${lp.bestMs} | ${t.secretlintCli.bestMs} | ${x(t.secretlintCli.bestMs, lp.bestMs)} faster |`);
    lines.push(`| CLI throughput (MB/s) | ${lp.MBps} | ${t.secretlintCli.MBps} | ${x(lp.MBps, t.secretlintCli.MBps)} |`);
    lines.push(`| CLI peak RSS (MB) | ${lp.maxRssMB ?? 'n/a'} | ${t.secretlintCli.maxRssMB ?? 'n/a'} | ${lp.maxRssMB && t.secretlintCli.maxRssMB ? x(lp.maxRssMB, t.secretlintCli.maxRssMB) : ''} |`);
  }
  for (const [name, v] of Object.entries(r.latencyMs)) {
    lines.push(`| In-process scan, ${v.lines.toLocaleString('en')}-line file (${(v.bytes / 1024).toFixed(0)} KB), median ms | ${v.leakproof.median} | ${v.secretlint.median} | ${x(v.leakproof.median, v.secretlint.median)} |`);
    lines.push(`| In-process scan, ${v.lines.toLocaleString('en')}-line file, p95 ms | ${v.leakproof.p95} | ${v.secretlint.p95} | ${x(v.leakproof.p95, v.secretlint.p95)} |`);
    void name;
  }
  lines.push(`| Engine in-process, read + scan of the whole corpus (MB/s) | ${t.engineInProcessMBps} | | |`);
  lines.push(`| Reading the files alone (MB/s) | ${t.readOnlyMBps} | | |`, '');
  lines.push('Latency ratios below 1 mean Leakproof is faster (Leakproof time / secretlint time); secretlint runs its Node API (`lintSource`) on the same file.', '');
  const worst = Math.max(...Object.values(r.latencyMs).map((v) => v.ratio));
  lines.push(`Targets from the issue: CLI throughput ≥ 10× secretlint's — ${t.ratioCli !== null && t.ratioCli >= 10 ? 'met' : 'not met'} (${t.ratioCli ?? 'n/a'}×); single-file latency ≤ 0.1× secretlint's — ${worst <= 0.1 ? 'met' : 'not met'} (${worst.toFixed(2)}× at worst).`, '');
  const a = r.accuracy;
  const fp = a.falsePositives;
  lines.push('## Recall and false positives', '');
  lines.push(`- Rules' own examples: ${a.examples.found}/${a.examples.positives} positives found by their rule; ${a.examples.negativesFlagged}/${a.examples.negatives} negatives flagged by any rule.`);
  lines.push(`- Planted fakes in generated code: ${a.plants.foundBySameRule}/${a.plants.total} found by the planted rule.`);
  lines.push(`- Labeled eval set (test/fixtures/eval, long-tail providers in context vs look-alikes): recall ${(a.evalSet.recall * 100).toFixed(1)}% (${a.evalSet.found}/${a.evalSet.positives}), look-alikes flagged ${(a.evalSet.fpRate * 100).toFixed(1)}% (${a.evalSet.flagged}/${a.evalSet.negatives}).`);
  lines.push(`- Clean code in the corpus (every finding outside a plant counts as a false positive): ${fp.total} findings in ${Object.values(fp.linesByKind).reduce((p, q) => p + q, 0).toLocaleString('en')} lines = ${fp.per100kLines} per 100k lines (generated ${fp.byKind.generated}, node_modules ${fp.byKind.real}, bundle ${fp.byKind.bundle}).`);
  for (const e of fp.top.slice(0, 8)) lines.push(`  - \`${e.ruleId}\`: ${e.count}${e.samples[0] ? ` — e.g. \`${e.samples[0].slice(0, 120)}\`` : ''}`);
  if (rw) {
    lines.push('', '## Clean real-world corpus: the project\'s own node_modules', '');
    lines.push(`All ${rw.files.toLocaleString('en')} JavaScript files (.js/.mjs/.cjs) under node_modules, ${(rw.bytes / 2 ** 20).toFixed(1)} MB and ${rw.lines.toLocaleString('en')} lines, mirrored into a folder the CLI does not skip and scanned with \`leakproof scan --format json\` in ${(rw.ms / 1000).toFixed(1)} s: **${rw.findings.length} findings, ${rw.per100kLines} per 100k lines**.`, '');
    if (rw.findings.length) {
      lines.push('| Rule | Confidence | File | Value (masked) | Where |', '|---|---|---|---|---|');
      for (const f of rw.findings.slice(0, 40)) lines.push(`| \`${f.ruleId}\` | ${f.confidence} | \`${f.file}:${f.line}\` | \`${f.preview}\` | ${whereIs(f.file)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

main().catch((e: unknown) => { log(String((e as Error).stack ?? e)); process.exit(1); });
