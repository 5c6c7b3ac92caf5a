// The engine's data model. Pure: no `vscode` import anywhere under src/core.

export type Confidence = 'high' | 'medium' | 'low';

export const CONFIDENCE_ORDER: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

/** What a validator says about a format-valid match. */
export type Validation =
  /** Structure or checksum verified: confidence stays (or rises to) the rule's. */
  | 'valid'
  /** A checksum or structure failed: still reported, one level lower. */
  | 'invalid'
  /** Nothing failed, but the evidence is thin (context-only rules): reported one level lower. */
  | 'weak'
  /** Not a secret after all (e.g. decodes to something harmless): dropped. */
  | 'reject';

export interface RuleExamples {
  /** Texts in which the rule must report at least one finding of its own id. */
  readonly positive: readonly string[];
  /** Texts in which the rule must report nothing. */
  readonly negative: readonly string[];
}

export interface Rule {
  /** Stable id, kebab-case, e.g. `aws-access-key-id`. Used as diagnostic code and in baselines. */
  readonly id: string;
  /** Human title shown in diagnostics, e.g. "AWS access key ID". */
  readonly title: string;
  /** Provider name, e.g. "AWS". */
  readonly provider: string;
  readonly confidence: Confidence;
  /**
   * The pattern. Must be linear-time friendly (no nested quantifiers). Flags are normalised by the
   * engine (it adds `g`). The secret is the named group `secret` if present, else group 1, else the
   * whole match.
   */
  readonly pattern: RegExp;
  /**
   * Prefilter: the rule only runs when the text contains at least one of these (case-insensitive,
   * give them lower-case). Empty or absent means "always run" (use sparingly: costs speed).
   */
  readonly keywords?: readonly string[];
  /** Minimum Shannon entropy (bits/char) of the secret; below it the match is dropped. */
  readonly minEntropy?: number;
  /** Structural or checksum check of the secret. */
  readonly validate?: (secret: string, match: RegExpExecArray) => Validation;
  /** Where to revoke / rotate this credential. */
  readonly docs?: string;
  /** Conventional environment variable for this credential (e.g. `GITHUB_TOKEN`), for "Move to .env". */
  readonly envName?: string;
  /** Why it matters and what to do, one or two sentences (hover). Defaults from the provider. */
  readonly advice?: string;
  readonly examples: RuleExamples;
}

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly provider: string;
  /** Offsets (UTF-16 code units) of the secret value in the scanned text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly confidence: Confidence;
  /** Masked value: first 4 chars + `…`. Never the value itself. */
  readonly preview: string;
  /** Content fingerprint: sha256(ruleId + ':' + value), hex. Never a line number. */
  readonly fingerprint: string;
  readonly docs?: string;
  readonly advice?: string;
  /** Set when a validator ran. */
  readonly validation?: Validation;
}

export interface ScanOptions {
  /** Path of the text (for path allowlists, test-path demotion, file-type context). */
  readonly path?: string;
  /** Findings below this confidence are dropped. Default 'low'. */
  readonly minConfidence?: Confidence;
  /** Extra rules (custom) appended to the built-in set. */
  readonly extraRules?: readonly Rule[];
}
