import * as vscode from 'vscode';
import type { ConfigState } from './config';
import { findSecrets, isExcluded } from './engine';
import { toDiagnostic, type PositionAt } from './diagnostics';
import { log } from './log';
import type { PolicyCache } from './policyCache';

const ALWAYS_EXCLUDED = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Scans every file of the workspace once, on demand, into the Problems panel. Files open in an
 * editor are left to the live diagnostics so nothing is listed twice.
 */
export class WorkspaceScanner implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('leakproof-workspace');
  private readonly openListener = vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri));

  constructor(private readonly config: ConfigState, private readonly policies: PolicyCache) {}

  async run(token?: vscode.CancellationToken): Promise<{ files: number; findings: number; skipped: number }> {
    const config = this.config.value;
    const uris = await vscode.workspace.findFiles('**/*', ALWAYS_EXCLUDED, undefined, token);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const decoder = new TextDecoder('utf-8');
    let files = 0;
    let findings = 0;
    let skipped = 0;
    this.collection.clear();
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      if (open.has(uri.toString()) || isExcluded(uri, config)) continue;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.length > config.maxFileSizeKB * 1024 || isBinary(bytes)) {
        skipped++;
        log()?.info(`Skipped ${vscode.workspace.asRelativePath(uri)}: ${isBinary(bytes) ? 'binary' : 'too large'}.`);
        continue;
      }
      files++;
      const text = decoder.decode(bytes);
      const found = findSecrets(text, uri, config, await this.policies.get(uri));
      if (found.length === 0) continue;
      const positionAt = textPositions(text);
      const diagnostics = found.map((f) => toDiagnostic(positionAt, f, config)).filter((d): d is vscode.Diagnostic => !!d);
      findings += diagnostics.length;
      this.collection.set(uri, diagnostics);
    }
    return { files, findings, skipped };
  }

  dispose(): void {
    this.openListener.dispose();
    this.collection.dispose();
  }
}

/** Offset → position over a plain string (binary search over line starts). */
function textPositions(text: string): PositionAt {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - starts[lo]);
  };
}
