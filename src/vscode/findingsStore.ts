import * as vscode from 'vscode';
import type { Finding } from '../core/types';

/**
 * Findings of the last scan per document, with the document version they were computed for.
 * Code actions and hovers look findings up here and never rescan.
 */
export interface DocumentFindings {
  readonly version: number | undefined;
  readonly findings: readonly Finding[];
}

export class FindingsStore {
  private readonly byUri = new Map<string, DocumentFindings>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, entry: DocumentFindings): void {
    this.byUri.set(uri.toString(), entry);
    this.emitter.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.emitter.fire(uri);
  }

  get(uri: vscode.Uri): DocumentFindings | undefined {
    return this.byUri.get(uri.toString());
  }

  /** Findings whose range intersects `range` in `document` (offsets compared, no rescan). */
  at(document: vscode.TextDocument, range: vscode.Range): Finding[] {
    const entry = this.get(document.uri);
    if (!entry) return [];
    const s = document.offsetAt(range.start);
    const e = document.offsetAt(range.end);
    return entry.findings.filter((f) => f.start <= e && s <= f.end);
  }

  dispose(): void {
    this.emitter.dispose();
    this.byUri.clear();
  }
}
