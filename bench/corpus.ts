// Deterministic benchmark corpus: generated source in several languages with planted fake
// secrets (the rules' own positive examples), real code copied from node_modules, one minified
// bundle, and two single files for latency. Same seed, same bytes.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { transformSync } from 'esbuild';
import type { Rule } from '../src/core/types';

export const CORPUS_VERSION = 4;

/** Where a planted example sits (lines are 1-based, inclusive). */
export interface Plant {
  readonly file: string;
  readonly ruleId: string;
  readonly startLine: number;
  readonly endLine: number;
}

export interface Manifest {
  readonly version: number;
  readonly seed: number;
  readonly ruleCount: number;
  /** Generated files (with plants) under generated/. */
  readonly generatedBytes: number;
  readonly generatedLines: number;
  readonly generatedFiles: number;
  readonly realBytes: number;
  readonly realLines: number;
  readonly realFiles: number;
  readonly bundleBytes: number;
  readonly plants: readonly Plant[];
}

/** mulberry32: tiny, fast, good enough for a reproducible corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = ['user', 'order', 'item', 'count', 'total', 'config', 'client', 'request', 'response', 'handler', 'cache',
  'index', 'value', 'result', 'data', 'list', 'map', 'node', 'tree', 'path', 'file', 'stream', 'buffer', 'event', 'state',
  'session', 'account', 'payment', 'invoice', 'product', 'price', 'queue', 'worker', 'job', 'task', 'status', 'error',
  'message', 'channel', 'token', 'key', 'id', 'name', 'type', 'version', 'options', 'settings', 'timeout', 'retry',
  'limit', 'offset', 'page', 'size', 'format', 'locale', 'region', 'bucket', 'table', 'schema', 'field', 'column'];
const LOREM = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat'.split(' ');
const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const str = (r: Rand, alphabet: string, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
};
const camel = (r: Rand, n = int(r, 1, 3)): string => {
  let s = pick(r, WORDS);
  for (let i = 1; i < n; i++) { const w = pick(r, WORDS); s += w[0].toUpperCase() + w.slice(1); }
  return s;
};
const snake = (r: Rand): string => `${pick(r, WORDS)}_${pick(r, WORDS)}`;
const uuid = (r: Rand): string => `${str(r, HEX, 8)}-${str(r, HEX, 4)}-4${str(r, HEX, 3)}-a${str(r, HEX, 3)}-${str(r, HEX, 12)}`;
const sentence = (r: Rand): string => Array.from({ length: int(r, 5, 14) }, () => pick(r, LOREM)).join(' ');

// Values that look random but are not secrets (hashes, ids, integrity strings, URLs, key bindings),
// each under a name that says what it is: clean code does not put a 40-char hex string under
// `INVOICE_KEY` (that is how some providers' API keys look, and the scanner rightly reports it).
// Some names still carry secret-ish words on purpose: `hashKey`, `cacheKey`, `nextPageToken`,
// and a bare `key` holding a key binding.
interface Noise { readonly name: readonly string[]; readonly value: string }
const PLAIN = WORDS.filter((w) => w !== 'token' && w !== 'key');
const noise = (r: Rand): Noise => {
  const lead = (): string[] => (r() < 0.5 ? [pick(r, PLAIN)] : [pick(r, PLAIN), pick(r, PLAIN)]);
  switch (int(r, 0, 11)) {
    case 0: return { name: [...lead(), pick(r, ['id', 'uuid', 'trace', 'correlation'])], value: uuid(r) };
    case 1: return { name: [...lead(), pick(r, ['commit', 'sha', 'revision'])], value: str(r, HEX, 40) };
    case 2: return { name: ['integrity'], value: `sha512-${str(r, B64, 86)}==` };
    case 3: return { name: [...lead(), pick(r, ['url', 'endpoint', 'homepage'])], value: `https://${pick(r, WORDS)}.example.org/${pick(r, WORDS)}/${str(r, HEX, 8)}` };
    case 4: return { name: [...lead(), 'version'], value: `${int(r, 0, 9)}.${int(r, 0, 30)}.${int(r, 0, 99)}` };
    case 5: return { name: pick(r, [['key'], ['shortcut'], ['hotkey']]), value: pick(r, ['ctrl+shift+down', 'cmd+k cmd+s', 'alt+enter', 'ctrl+alt+p']) };
    case 6: return { name: [...lead(), pick(r, ['handler', 'name', 'type'])], value: camel(r, 4) };
    case 7: return { name: [...lead(), pick(r, ['checksum', 'sha256', 'digest', 'etag'])], value: str(r, HEX, 64) };
    case 8: return { name: [...lead(), pick(r, ['message', 'description', 'title'])], value: sentence(r).slice(0, 40) };
    case 9: return { name: [...lead(), pick(r, ['hash', 'cache', 'sort'])].concat('key'), value: pick(r, [str(r, HEX, 32), `${pick(r, PLAIN)}:${int(r, 1, 99999)}`]) };
    case 10: return { name: ['next', 'page', 'token'], value: str(r, B64.slice(0, 62), 32) };
    default: return { name: [...lead(), pick(r, ['slug', 'label', 'ref'])], value: `${pick(r, WORDS)}-${str(r, ALNUM, 10)}` };
  }
};
const camelName = (n: Noise): string => n.name.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
const snakeName = (n: Noise): string => n.name.join('_');
const noiseValue = (r: Rand): string => noise(r).value;

type LineGen = (r: Rand, indent: string) => string;
interface Language { readonly ext: string; readonly line: LineGen; readonly header?: (r: Rand) => string[] }

const LANGS: readonly Language[] = [
  { ext: 'ts', line: (r, i) => pick(r, [
    () => `${i}const ${camel(r)} = ${camel(r)}(${camel(r)}, ${int(r, 0, 999)});`,
    () => `${i}export function ${camel(r)}(${camel(r)}: ${pick(r, ['string', 'number', 'Options'])}): void {`,
    () => `${i}if (${camel(r)}.${camel(r)} === '${noiseValue(r)}') return ${camel(r)};`,
    () => `${i}// ${sentence(r)}`,
    () => `${i}import { ${camel(r)} } from './${camel(r)}';`,
    () => { const n = noise(r); return `${i}${camel(r)}.${camel(r)} = { ${camelName(n)}: "${n.value}", ${camel(r)}: ${int(r, 0, 1e6)} };`; },
    () => `${i}}`,
  ])() },
  { ext: 'js', line: (r, i) => pick(r, [
    () => `${i}var ${camel(r)} = require('${pick(r, WORDS)}');`,
    () => `${i}module.exports.${camel(r)} = function (${camel(r)}, cb) { return cb(null, ${camel(r)}); };`,
    () => { const n = noise(r); return `${i}const ${camelName(n)} = process.env.${snakeName(n).toUpperCase()} || '${n.value}';`; },
    () => `${i}console.log('${sentence(r)}', ${camel(r)});`,
    () => `${i}${camel(r)}.on('${pick(r, WORDS)}', (${camel(r)}) => ${camel(r)}(${camel(r)}));`,
  ])() },
  { ext: 'py', line: (r, i) => pick(r, [
    () => `${i}${snake(r)} = ${snake(r)}(${snake(r)}, timeout=${int(r, 1, 60)})`,
    () => `${i}def ${snake(r)}(self, ${snake(r)}, ${snake(r)}=None):`,
    () => `${i}# ${sentence(r)}`,
    () => { const n = noise(r); return `${i}${snakeName(n)} = os.environ.get("${snakeName(n).toUpperCase()}", "${n.value}")`; },
    () => { const n = noise(r); return `${i}return {"${snake(r)}": ${snake(r)}, "${snakeName(n)}": "${n.value}"}`; },
  ])() },
  { ext: 'go', line: (r, i) => pick(r, [
    () => `${i}${camel(r)} := ${camel(r)}.${camel(r)}(ctx, ${camel(r)})`,
    () => `${i}if err != nil { return nil, fmt.Errorf("${sentence(r)}: %w", err) }`,
    () => `${i}func (s *${camel(r)}) ${camel(r)}(${camel(r)} string) error {`,
    () => { const n = noise(r); return `${i}const ${camelName(n)} = "${n.value}"`; },
    () => `${i}// ${sentence(r)}`,
  ])() },
  { ext: 'java', line: (r, i) => pick(r, [
    () => `${i}private final ${pick(r, ['String', 'int', 'Map<String, Object>'])} ${camel(r)};`,
    () => `${i}public ${camel(r)}(${pick(r, ['String', 'long'])} ${camel(r)}) { this.${camel(r)} = ${camel(r)}; }`,
    () => `${i}LOG.info("${sentence(r)} {}", ${camel(r)});`,
    () => { const n = noise(r); return `${i}String ${camelName(n)} = config.getProperty("${pick(r, WORDS)}.${n.name.join('.')}", "${n.value}");`; },
  ])() },
  { ext: 'yaml', line: (r, i) => pick(r, [
    () => { const n = noise(r); return `${i}${snakeName(n)}: ${n.value}`; },
    () => `${i}- name: ${camel(r)}`,
    () => `${i}  image: ${pick(r, WORDS)}/${pick(r, WORDS)}:${int(r, 1, 20)}.${int(r, 0, 9)}`,
    () => `${i}${pick(r, WORDS)}: \${{ secrets.${snake(r).toUpperCase()} }}`,
    () => `${i}# ${sentence(r)}`,
  ])() },
  { ext: 'json', line: (r, i) => pick(r, [
    () => { const n = noise(r); return `${i}"${camelName(n)}": "${n.value}",`; },
    () => `${i}"${camel(r)}": ${int(r, 0, 1e5)},`,
    () => `${i}"resolved": "https://registry.npmjs.org/${pick(r, WORDS)}/-/${pick(r, WORDS)}-${int(r, 1, 9)}.${int(r, 0, 9)}.${int(r, 0, 9)}.tgz", "integrity": "sha512-${str(r, B64, 86)}==",`,
  ])() },
  { ext: 'env', line: (r) => pick(r, [
    () => { const n = noise(r); return `${snakeName(n).toUpperCase()}=${n.value}`; },
    () => `${snake(r).toUpperCase()}=${int(r, 0, 65535)}`,
    () => `# ${sentence(r)}`,
  ])() },
  { ext: 'md', line: (r) => pick(r, [
    () => sentence(r) + '.',
    () => `## ${camel(r)}`,
    () => `- \`${camel(r)}\`: ${sentence(r)}`,
    () => `See [${pick(r, WORDS)}](https://docs.example.org/${pick(r, WORDS)}) for ${sentence(r)}.`,
    () => '',
  ])() },
];

function generateFile(r: Rand, lang: Language, lines: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(lang.line(r, ' '.repeat(int(r, 0, 3) * 2)));
  return out;
}

function walk(dir: string, out: string[], limitBytes: number, acc: { bytes: number }): void {
  let entries: string[];
  try { entries = readdirSync(dir).sort(); } catch { return; }
  for (const e of entries) {
    if (acc.bytes >= limitBytes) return;
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) { if (e !== '.bin' && !e.startsWith('@secretlint') && e !== 'secretlint' && e !== 'test' && e !== 'tests' && e !== 'fixtures') walk(p, out, limitBytes, acc); continue; }
    if (!['.js', '.ts', '.json', '.md', '.mjs', '.cjs'].includes(extname(e)) || st.size > 400_000 || e.endsWith('.min.js') || e.endsWith('.map')) continue;
    out.push(p);
    acc.bytes += st.size;
  }
}

/** Text of a JS file shaped like the given line count (for the latency files). */
export function latencyFile(seed: number, lines: number): string {
  const r = prng(seed);
  const ts = LANGS[0];
  return generateFile(r, ts, lines).join('\n') + '\n';
}

export interface BuildOptions {
  readonly root: string;
  readonly rules: readonly Rule[];
  readonly seed?: number;
  readonly generatedMB?: number;
  readonly realMB?: number;
}

/** Builds the corpus under `root` (wiping it first) and returns its manifest. */
export function buildCorpus(o: BuildOptions): Manifest {
  const seed = o.seed ?? 20260101;
  const r = prng(seed);
  rmSync(o.root, { recursive: true, force: true });
  const gen = join(o.root, 'scan', 'generated');
  const real = join(o.root, 'scan', 'real');
  const latency = join(o.root, 'latency');
  mkdirSync(gen, { recursive: true });
  mkdirSync(real, { recursive: true });
  mkdirSync(latency, { recursive: true });

  // (a) Generated source with plants: rules' positive examples, each planted several times.
  const examples = o.rules.flatMap((rule) => rule.examples.positive.map((text) => ({ ruleId: rule.id, text })));
  const plants: Plant[] = [];
  const target = (o.generatedMB ?? 30) * 1024 * 1024;
  let bytes = 0;
  let lines = 0;
  let files = 0;
  let next = 0;
  while (bytes < target) {
    const lang = LANGS[files % LANGS.length];
    const body = generateFile(r, lang, int(r, 200, 1600));
    const name = `${lang.ext === 'env' ? '' : camel(r, 2)}${files}.${lang.ext}`;
    const rel = join('generated', `${lang.ext}`, name);
    // Every other file gets one to three plants at random lines.
    if (files % 2 === 0 && examples.length > 0) {
      const k = int(r, 1, 3);
      for (let j = 0; j < k; j++) {
        const ex = examples[next++ % examples.length];
        const at = int(r, 0, body.length);
        body.splice(at, 0, ex.text);
      }
    }
    const text = body.join('\n') + '\n';
    // Record plants by line after all insertions (examples may span lines).
    if (files % 2 === 0) {
      let line = 1;
      for (const l of body) {
        const n = l.split('\n').length;
        const ex = examples.find((e) => e.text === l);
        if (ex) plants.push({ file: join('scan', rel), ruleId: ex.ruleId, startLine: line, endLine: line + n - 1 });
        line += n;
      }
    }
    mkdirSync(join(gen, lang.ext), { recursive: true });
    writeFileSync(join(gen, lang.ext, name), text);
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - 1;
    files++;
  }

  // (b) Real code: files from the project's own node_modules (no secret-scanner fixtures), plus
  // one minified bundle of TypeScript's compiler (real-world code on a few very long lines).
  const nm = join(process.cwd(), 'node_modules');
  const realFiles: string[] = [];
  walk(nm, realFiles, (o.realMB ?? 12) * 1024 * 1024, { bytes: 0 });
  let realBytes = 0;
  let realLines = 0;
  for (const f of realFiles) {
    const text = readFileSync(f, 'utf8');
    const dest = join(real, relative(nm, f).replace(/node_modules/g, 'nm'));
    mkdirSync(join(dest, '..'), { recursive: true });
    writeFileSync(dest, text);
    realBytes += Buffer.byteLength(text);
    realLines += text.split('\n').length;
  }
  const tsPath = join(nm, 'typescript', 'lib', 'typescript.js');
  let bundleBytes = 0;
  if (existsSync(tsPath)) {
    const min = transformSync(readFileSync(tsPath, 'utf8'), { minify: true, loader: 'js', legalComments: 'none' }).code;
    mkdirSync(join(o.root, 'scan', 'bundle'), { recursive: true });
    writeFileSync(join(o.root, 'scan', 'bundle', 'typescript.min.js'), min);
    bundleBytes = Buffer.byteLength(min);
  }

  // (c) Latency files.
  writeFileSync(join(latency, 'lines5k.ts'), latencyFile(seed + 5, 5000));
  writeFileSync(join(latency, 'lines50k.ts'), latencyFile(seed + 50, 50000));

  const manifest: Manifest = {
    version: CORPUS_VERSION, seed, ruleCount: o.rules.length,
    generatedBytes: bytes, generatedLines: lines, generatedFiles: files,
    realBytes, realLines, realFiles: realFiles.length, bundleBytes, plants,
  };
  writeFileSync(join(o.root, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
