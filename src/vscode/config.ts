import * as vscode from 'vscode';
import type { Confidence } from '../core/types';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'none';

/** Mirrors `contributes.configuration` in package.json (a unit test checks the keys match). */
export interface LeakproofConfig {
  readonly enable: boolean;
  readonly severity: Readonly<Record<Confidence, SeveritySetting>>;
  readonly exclude: readonly string[];
  readonly debounceMs: number;
  readonly maxFileSizeKB: number;
  readonly minConfidence: Confidence;
  readonly envFile: string;
  readonly rotationIntervalDays: number;
  readonly warningWindowDays: number;
  readonly gracePeriodHours: number;
  /** Raw rule specs; compiled and checked with the workspace policy (problems reported there). */
  readonly customRules: readonly unknown[];
}

export const CONFIG_KEYS = [
  'enable', 'severity.high', 'severity.medium', 'severity.low', 'exclude', 'debounceMs', 'maxFileSizeKB',
  'minConfidence', 'envFile', 'rotation.intervalDays', 'rotation.warningWindowDays', 'rotation.gracePeriodHours', 'customRules',
] as const;

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'none'];
const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Reads and normalises every Leakproof setting in one place. */
export function readConfig(scope?: vscode.ConfigurationScope): LeakproofConfig {
  const c = vscode.workspace.getConfiguration('leakproof', scope);
  const exclude = c.get<unknown>('exclude');
  return {
    enable: c.get<boolean>('enable', true) !== false,
    severity: {
      high: oneOf(c.get('severity.high'), SEVERITIES, 'warning'),
      medium: oneOf(c.get('severity.medium'), SEVERITIES, 'warning'),
      low: oneOf(c.get('severity.low'), SEVERITIES, 'information'),
    },
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string') : [],
    debounceMs: positive(c.get('debounceMs'), 250),
    maxFileSizeKB: positive(c.get('maxFileSizeKB'), 2048),
    minConfidence: oneOf(c.get('minConfidence'), CONFIDENCES, 'low'),
    envFile: c.get<string>('envFile') || '.env',
    rotationIntervalDays: positive(c.get('rotation.intervalDays'), 90),
    warningWindowDays: positive(c.get('rotation.warningWindowDays'), 14),
    gracePeriodHours: positive(c.get('rotation.gracePeriodHours'), 24),
    customRules: Array.isArray(c.get('customRules')) ? (c.get('customRules') as unknown[]) : [],
  };
}

export function toDiagnosticSeverity(s: SeveritySetting): vscode.DiagnosticSeverity | undefined {
  switch (s) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
    case 'none': return undefined;
  }
}

/** Keeps the current config, re-read when any `leakproof.*` setting changes. */
export class ConfigState implements vscode.Disposable {
  private current = readConfig();
  private readonly emitter = new vscode.EventEmitter<LeakproofConfig>();
  private readonly listener: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('leakproof')) return;
      this.current = readConfig();
      this.emitter.fire(this.current);
    });
  }

  get value(): LeakproofConfig {
    return this.current;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
