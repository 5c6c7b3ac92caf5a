import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The typed accessor (src/vscode/config.ts) and package.json must describe the same settings.
// config.ts imports vscode, so its key list is read from the source rather than imported.
describe('configuration', () => {
  const root = join(__dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributed = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace(/^leakproof\./, '')).sort();
  const source = readFileSync(join(root, 'src', 'vscode', 'config.ts'), 'utf8');
  const block = /CONFIG_KEYS = \[([\s\S]*?)\] as const/.exec(source);

  it('CONFIG_KEYS in config.ts lists exactly the contributed settings', () => {
    assert.ok(block, 'CONFIG_KEYS not found');
    const keys = [...block[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(keys, contributed);
  });

  it('every key of CONFIG_KEYS is read by readConfig', () => {
    const body = source.slice(source.indexOf('export function readConfig'));
    for (const key of contributed) assert.ok(body.includes(`'${key}'`), `${key} not read by readConfig`);
  });
});
