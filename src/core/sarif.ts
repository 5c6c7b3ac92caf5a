import type { Confidence, Finding, Rule } from './types';

// SARIF 2.1.0 for code-scanning uploads (GitHub, Azure DevOps). Messages carry the masked
// preview only: SARIF files are uploaded and archived.

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const LEAKPROOF_INFO_URI = 'https://marketplace.visualstudio.com/items?itemName=leakproof-dev.leakproof';
export const FINGERPRINT_KEY = 'leakproof/v1';

export interface SarifResultInput {
  /** Path relative to the scan root, forward slashes. */
  readonly uri: string;
  /** 1-based; columns in UTF-16 code units, end column exclusive (SARIF's convention). */
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly finding: Finding;
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Rules to describe (built-in + custom); only those with results are emitted. */
  readonly rules: readonly Rule[];
  readonly informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Confidence, SarifLevel>> = { high: 'error', medium: 'warning', low: 'note' };
// GitHub code scanning reads `security-severity` (0–10) to rank alerts.
const SEVERITY: Readonly<Record<Confidence, string>> = { high: '8.5', medium: '6.0', low: '3.0' };

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly unknown[];
}

export function buildSarif(results: readonly SarifResultInput[], options: SarifOptions): SarifLog {
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  const ruleIds = [...new Set(results.map((r) => r.finding.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => describeRule(id, byId.get(id), results.find((r) => r.finding.ruleId === id)!.finding));

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Leakproof',
          version: options.toolVersion,
          semanticVersion: options.toolVersion,
          informationUri: options.informationUri ?? LEAKPROOF_INFO_URI,
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results.map((r) => ({
        ruleId: r.finding.ruleId,
        ruleIndex: index.get(r.finding.ruleId),
        level: LEVEL[r.finding.confidence],
        message: { text: `${r.finding.title} (${r.finding.preview}) is hardcoded. Revoke or rotate it, then load it from the environment or a secret store.` },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(r.uri), uriBaseId: '%SRCROOT%' },
            region: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn },
          },
        }],
        partialFingerprints: { [FINGERPRINT_KEY]: r.finding.fingerprint },
        properties: { confidence: r.finding.confidence },
      })),
    }],
  };
}

function describeRule(id: string, rule: Rule | undefined, sample: Finding): Record<string, unknown> {
  const confidence = rule?.confidence ?? sample.confidence;
  const title = rule?.title ?? sample.title;
  const provider = rule?.provider ?? sample.provider;
  const advice = rule?.advice ?? sample.advice;
  const docs = rule?.docs ?? sample.docs;
  return {
    id,
    name: id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: title },
    fullDescription: { text: advice ?? `${title} found in source. Revoke or rotate it and load it from the environment.` },
    ...(docs ? { helpUri: docs } : {}),
    help: { text: advice ?? title },
    defaultConfiguration: { level: LEVEL[confidence] },
    properties: {
      tags: ['security', 'secret', provider],
      precision: confidence === 'high' ? 'high' : confidence === 'medium' ? 'medium' : 'low',
      'security-severity': SEVERITY[confidence],
    },
  };
}
