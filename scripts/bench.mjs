// `npm run bench`: runs bench/run.ts under tsx (the bench imports the engine's TypeScript directly).
// Flags pass through: --quick (small corpus, one run). BENCH_RUNS=N sets the CLI best-of count.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
