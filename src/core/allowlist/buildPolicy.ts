import { parseLeakproofConfig, LEAKPROOF_CONFIG_FILE } from '../config/leakproofConfig';
import { parseBaseline, BASELINE_FILE } from './baseline';
import { parseGitleaksIgnore, GITLEAKS_IGNORE_FILE } from './gitleaksIgnore';
import { parseGitleaksToml, GITLEAKS_TOML_FILE } from './gitleaksToml';
import { parseDetectSecretsBaseline, DETECT_SECRETS_FILE } from './detectSecrets';
import { parseGitGuardian, GITGUARDIAN_FILES } from './gitguardian';
import { mergePolicy, type LoadedPolicy, type PolicyPart } from './policy';

/** Policy files read from a workspace root, in the order they are applied. */
export const POLICY_FILES: readonly string[] = [
  LEAKPROOF_CONFIG_FILE, BASELINE_FILE, GITLEAKS_TOML_FILE, GITLEAKS_IGNORE_FILE, DETECT_SECRETS_FILE, ...GITGUARDIAN_FILES,
];

/** A policy file's name (one of POLICY_FILES, or any name for extra configs/baselines) and contents. */
export interface PolicyFile {
  readonly name: string;
  readonly text: string;
  /** How to read it; defaults from the base name. */
  readonly kind?: PolicyFileKind;
}

export type PolicyFileKind = 'leakproof' | 'baseline' | 'gitleaks-toml' | 'gitleaks-ignore' | 'detect-secrets' | 'gitguardian';

export function kindOf(name: string): PolicyFileKind | undefined {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? name;
  switch (base) {
    case LEAKPROOF_CONFIG_FILE: return 'leakproof';
    case BASELINE_FILE: return 'baseline';
    case GITLEAKS_TOML_FILE: return 'gitleaks-toml';
    case GITLEAKS_IGNORE_FILE: return 'gitleaks-ignore';
    case DETECT_SECRETS_FILE: return 'detect-secrets';
    default: return GITGUARDIAN_FILES.includes(base) ? 'gitguardian' : undefined;
  }
}

/**
 * Builds a policy from file contents. Pure, so the extension can read files through
 * `workspace.fs` and the CLI through Node; never throws (problems are collected).
 */
export function buildPolicy(files: readonly PolicyFile[]): LoadedPolicy {
  const parts: PolicyPart[] = [];
  const sources: string[] = [];
  for (const f of files) {
    const kind = f.kind ?? kindOf(f.name);
    if (!kind) { parts.push({ problems: [{ file: f.name, message: 'not a known policy file; ignored' }] }); continue; }
    sources.push(f.name);
    try {
      parts.push(parseOne(kind, f.text, f.name));
    } catch (e) {
      // Parsers collect problems themselves; this guards the promise that a policy always loads.
      parts.push({ problems: [{ file: f.name, message: `could not be read: ${(e as Error).message}` }] });
    }
  }
  return mergePolicy(parts, sources);
}

function parseOne(kind: PolicyFileKind, text: string, name: string): PolicyPart {
  switch (kind) {
    case 'leakproof': return parseLeakproofConfig(text, name);
    case 'baseline': return parseBaseline(text, name);
    case 'gitleaks-toml': return parseGitleaksToml(text, name);
    case 'gitleaks-ignore': return parseGitleaksIgnore(text, name);
    case 'detect-secrets': return parseDetectSecretsBaseline(text, name);
    case 'gitguardian': return parseGitGuardian(text, name);
  }
}
