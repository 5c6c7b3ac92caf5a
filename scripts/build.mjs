// Bundles the extension and the CLI with esbuild. `--release` minifies and drops sourcemaps;
// `--test` also bundles the in-host integration suite (kept out of the published .vsix).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { stripRuleExamples } from './stripExamples.mjs';

const release = process.argv.includes('--release');
const withTests = process.argv.includes('--test') || !release;

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: release,
  sourcemap: release ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [stripRuleExamples()] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [stripRuleExamples()] },
];
if (withTests) {
  entries.push({ entryPoints: ['test/integration/host.ts'], outfile: 'dist/test-host.js', external: ['vscode'], minify: false, sourcemap: 'inline',
    // mocha's optional parallel-mode files: never loaded in the host, harmless to leave unresolved.
    logOverride: { 'require-resolve-not-external': 'silent' } });
}
const builds = entries
  .filter((e) => existsSync(e.entryPoints[0]))
  .map((e) => esbuild.build({ ...common, ...e }));
await Promise.all(builds);
