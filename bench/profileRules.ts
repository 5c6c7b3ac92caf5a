// Per-rule cost of a scan: `node --import tsx bench/profileRules.ts [file] [runs]` (default: the
// bench's 5,000-line latency file). Wraps each compiled rule's regexes and validator with timers,
// so the numbers include the timers' own overhead; use them to rank rules, not as latencies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES } from '../src/core/rules';
import { compileRules, scan } from '../src/core/scan';
import type { Rule } from '../src/core/types';

const file = process.argv[2] ?? join(process.cwd(), 'bench', 'corpus', 'latency', 'lines5k.ts');
const runs = Number(process.argv[3] ?? 30);
const text = readFileSync(file, 'utf8');

const cost = new Map<string, { ms: number; calls: number; validateMs: number }>();
for (const c of compileRules(BUILTIN_RULES)) {
  const entry = { ms: 0, calls: 0, validateMs: 0 };
  cost.set(c.rule.id, entry);
  for (const re of [c.re, c.sticky]) {
    const exec = RegExp.prototype.exec;
    Object.defineProperty(re, 'exec', {
      value(this: RegExp, s: string): RegExpExecArray | null {
        const t0 = performance.now();
        const m = exec.call(this, s);
        entry.ms += performance.now() - t0;
        entry.calls++;
        return m;
      },
    });
  }
  const rule = c.rule as { validate?: Rule['validate'] };
  const validate = rule.validate;
  if (validate) {
    rule.validate = (v, m) => {
      const t0 = performance.now();
      const r = validate(v, m);
      entry.validateMs += performance.now() - t0;
      return r;
    };
  }
}

for (let i = 0; i < 5; i++) scan(text);
for (const e of cost.values()) { e.ms = 0; e.calls = 0; e.validateMs = 0; }
const samples: number[] = [];
for (let i = 0; i < runs; i++) { const t0 = performance.now(); scan(text); samples.push(performance.now() - t0); }
samples.sort((a, b) => a - b);
const total = samples[Math.floor(samples.length / 2)];
const rows = [...cost.entries()].map(([id, e]) => ({ id, ms: e.ms / runs, calls: e.calls / runs, validateMs: e.validateMs / runs }))
  .sort((a, b) => b.ms + b.validateMs - a.ms - a.validateMs);
console.log(`${file}: ${text.split('\n').length - 1} lines, instrumented scan median ${total.toFixed(2)} ms`);
for (const r of rows.slice(0, 15)) {
  console.log(`${r.id.padEnd(40)} regex ${r.ms.toFixed(3).padStart(8)} ms  validate ${r.validateMs.toFixed(3).padStart(7)} ms  execs ${r.calls.toFixed(0)}`);
}
