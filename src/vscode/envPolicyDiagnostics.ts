import * as vscode from 'vscode';
import type { LineRange } from '../core/secrets/envSecrets';
import { stateLabel } from '../core/secrets/secretStatus';
import type { SecretsModel } from './sidebar/secretsModel';

export const POLICY_DIAGNOSTIC_SOURCE = 'Leakproof policy';

function range(r: LineRange): vscode.Range {
  return new vscode.Range(r.line, r.startChar, r.line, r.endChar);
}

/**
 * Expired / expiring / due entries of `.env*` files as diagnostics on the entry's key, and
 * unreadable `# leakproof:` comments on their own line. Rebuilt from the model on every change.
 */
export class EnvPolicyDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('leakproof-policy');
  private readonly listener: vscode.Disposable;

  constructor(private readonly model: SecretsModel) {
    this.listener = model.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const s of this.model.items) {
      if (s.kind !== 'env' || !s.uri || !s.keyRange) continue;
      const bucket = byFile.get(s.uri.toString()) ?? { uri: s.uri, list: [] };
      byFile.set(s.uri.toString(), bucket);
      const state = s.status.state;
      if (state === 'expired' || state === 'expiring' || state === 'rotation-due') {
        const severity = state === 'expired' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
        const d = new vscode.Diagnostic(range(s.keyRange), `${s.name}: ${stateLabel(state)} — ${s.status.reason}. Rotate it from the Leakproof view.`, severity);
        d.source = POLICY_DIAGNOSTIC_SOURCE;
        d.code = state;
        bucket.list.push(d);
      }
      if (s.policyRange) {
        for (const e of s.policyErrors) {
          const d = new vscode.Diagnostic(range(s.policyRange), e, vscode.DiagnosticSeverity.Warning);
          d.source = POLICY_DIAGNOSTIC_SOURCE;
          d.code = 'policy-syntax';
          bucket.list.push(d);
        }
      }
    }
    this.collection.clear();
    for (const { uri, list } of byFile.values()) if (list.length > 0) this.collection.set(uri, list);
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
