import type { PolicyPart, PolicyProblem } from './policy';

// `.leakproof-baseline.json`: accepted findings keyed by content fingerprint
// (sha256 of `ruleId:value`). No line numbers, so it never drifts; no values, so it can be committed.

export const BASELINE_FILE = '.leakproof-baseline.json';

export interface BaselineEntry {
  readonly ruleId: string;
  readonly note?: string;
  /** ISO date (YYYY-MM-DD) the entry was first added. */
  readonly added?: string;
}

export interface Baseline {
  readonly version: 1;
  readonly fingerprints: Readonly<Record<string, BaselineEntry>>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Reads a baseline; entries that are not well-formed are reported and skipped. */
export function parseBaseline(text: string, file = BASELINE_FILE): PolicyPart & { entries: Record<string, BaselineEntry> } {
  const problems: PolicyProblem[] = [];
  const entries: Record<string, BaselineEntry> = {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problems: [{ file, message: 'not valid JSON; expected { "version": 1, "fingerprints": { … } }' }], entries };
  }
  const obj = data as { version?: unknown; fingerprints?: unknown } | null;
  if (!obj || typeof obj !== 'object' || typeof obj.fingerprints !== 'object' || obj.fingerprints === null || Array.isArray(obj.fingerprints)) {
    return { problems: [{ file, message: 'expected { "version": 1, "fingerprints": { … } }' }], entries };
  }
  if (obj.version !== 1) problems.push({ file, message: `unsupported version ${JSON.stringify(obj.version)}; reading it as version 1` });
  let bad = 0;
  for (const [fp, e] of Object.entries(obj.fingerprints as Record<string, unknown>)) {
    const key = fp.toLowerCase();
    const entry = e as Partial<BaselineEntry> | null;
    if (!SHA256.test(key) || !entry || typeof entry !== 'object') { bad++; continue; }
    entries[key] = {
      ruleId: typeof entry.ruleId === 'string' ? entry.ruleId : 'unknown',
      ...(typeof entry.note === 'string' ? { note: entry.note } : {}),
      ...(typeof entry.added === 'string' ? { added: entry.added } : {}),
    };
  }
  if (bad > 0) problems.push({ file, message: `${bad} entr${bad === 1 ? 'y is' : 'ies are'} not a 64-hex fingerprint with an object; ignored` });
  return { baseline: Object.keys(entries), problems, entries };
}

/**
 * Serialises a baseline for the given findings, keeping notes and dates of entries already in
 * `previous`. Keys are sorted and the format fixed, so two branches adding entries merge cleanly.
 */
export function buildBaseline(
  findings: Iterable<{ readonly fingerprint: string; readonly ruleId: string }>,
  options: { readonly previous?: Readonly<Record<string, BaselineEntry>>; readonly added?: string } = {},
): string {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const prev = options.previous?.[f.fingerprint];
    const added = prev?.added ?? options.added;
    entries.set(f.fingerprint, {
      ruleId: f.ruleId,
      ...(prev?.note !== undefined ? { note: prev.note } : {}),
      ...(added !== undefined ? { added } : {}),
    });
  }
  const fingerprints: Record<string, BaselineEntry> = {};
  for (const key of [...entries.keys()].sort()) fingerprints[key] = entries.get(key)!;
  const baseline: Baseline = { version: 1, fingerprints };
  return JSON.stringify(baseline, null, 2) + '\n';
}
