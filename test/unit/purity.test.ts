import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The engine must run in plain Node (CLI, unit tests): nothing under src/core may import vscode.
describe('src/core is pure', () => {
  const root = join(__dirname, '..', '..', 'src', 'core');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);

  it('has modules to check', () => assert.ok(files.length > 20));

  it('no module imports vscode', () => {
    const offenders = files.filter((f) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => relative(root, f)), []);
  });

  it('no module imports from the VS Code layer', () => {
    const offenders = files.filter((f) => /from\s+['"][./]*vscode\//.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => relative(root, f)), []);
  });
});
