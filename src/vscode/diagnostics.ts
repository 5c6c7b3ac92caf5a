import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { toDiagnosticSeverity, type ConfigState, type LeakproofConfig } from './config';
import { findSecrets, isExcluded } from './engine';
import type { FindingsStore } from './findingsStore';
import type { PolicyCache } from './policyCache';
import { log } from './log';

export const DIAGNOSTIC_SOURCE = 'Leakproof';

// Schemes of real documents. Others (git, output, diff views) would duplicate or make no sense.
const SCANNED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export type PositionAt = (offset: number) => vscode.Position;

export function toDiagnostic(positionAt: PositionAt, f: Finding, config: LeakproofConfig): vscode.Diagnostic | undefined {
  const severity = toDiagnosticSeverity(config.severity[f.confidence]);
  if (severity === undefined) return undefined;
  const range = new vscode.Range(positionAt(f.start), positionAt(f.end));
  const d = new vscode.Diagnostic(range, `${f.title} (${f.preview}) hardcoded in source. Move it to .env or the OS keychain.`, severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = f.docs ? { value: f.ruleId, target: vscode.Uri.parse(f.docs) } : f.ruleId;
  return d;
}

/** Scans open documents on open and (debounced) on change; clears them on close. */
export class LiveDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('leakproof');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly skipped = new Set<string>();

  constructor(private readonly store: FindingsStore, private readonly config: ConfigState, private readonly policies: PolicyCache) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.scanNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      config.onDidChange(() => this.rescanAll()),
      policies.onDidChange(() => this.rescanAll()),
    );
    this.rescanAll();
  }

  rescanAll(): void {
    for (const d of vscode.workspace.textDocuments) this.scanNow(d);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.scanNow(document);
    }, this.config.value.debounceMs));
  }

  scanNow(document: vscode.TextDocument): void {
    if (document.isClosed || !SCANNED_SCHEMES.has(document.uri.scheme)) return;
    const config = this.config.value;
    const key = document.uri.toString();
    if (!config.enable || isExcluded(document.uri, config)) {
      this.clear(document.uri);
      return;
    }
    const text = document.getText();
    if (text.length > config.maxFileSizeKB * 1024) {
      this.clear(document.uri);
      if (!this.skipped.has(key)) {
        this.skipped.add(key);
        log()?.info(`Skipped ${document.uri.fsPath}: larger than leakproof.maxFileSizeKB (${config.maxFileSizeKB} KB).`);
      }
      return;
    }
    const policy = this.policies.peek(document.uri);
    if (!policy) {
      // Scan once the workspace policy is read, so baselined findings never flash up first.
      void this.policies.get(document.uri).then(() => this.scanNow(document));
      return;
    }
    const findings = findSecrets(text, document.uri, config, policy);
    this.store.set(document.uri, { version: document.version, findings });
    const diagnostics: vscode.Diagnostic[] = [];
    for (const f of findings) {
      const d = toDiagnostic((o) => document.positionAt(o), f, config);
      if (d) diagnostics.push(d);
    }
    this.collection.set(document.uri, diagnostics);
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(uri);
    this.store.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
