import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPolicy, POLICY_FILES, type PolicyFile } from './buildPolicy';
import type { LoadedPolicy } from './policy';

export interface LoadPolicyOptions {
  /** A `.leakproof.json` to use instead of the one at the root. */
  readonly configFile?: string;
  /** Extra Leakproof baselines (e.g. CLI `--baseline`). */
  readonly baselineFiles?: readonly string[];
}

/** Reads whichever policy files exist at `root` (Node fs; the extension may use buildPolicy directly). */
export async function loadPolicy(root: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicy> {
  const wanted: Array<{ path: string; name: string; kind?: PolicyFile['kind']; required: boolean }> = [];
  for (const name of POLICY_FILES) {
    if (name === '.leakproof.json' && options.configFile) continue;
    wanted.push({ path: join(root, name), name, required: false });
  }
  if (options.configFile) wanted.unshift({ path: options.configFile, name: options.configFile, kind: 'leakproof', required: true });
  for (const b of options.baselineFiles ?? []) wanted.push({ path: b, name: b, kind: 'baseline', required: true });

  const read = await Promise.all(wanted.map(async (w) => {
    try {
      return { ...w, text: await readFile(w.path, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ...w, text: undefined, error: code === 'ENOENT' ? 'file not found' : (e as Error).message };
    }
  }));
  const files: PolicyFile[] = [];
  const missing: Array<{ file: string; message: string }> = [];
  for (const r of read) {
    if (r.text !== undefined) files.push({ name: r.name, text: r.text, kind: r.kind });
    else if (r.required || r.error !== 'file not found') missing.push({ file: r.name, message: r.error });
  }
  const policy = buildPolicy(files);
  return missing.length ? { ...policy, problems: [...missing, ...policy.problems] } : policy;
}
