import * as vscode from 'vscode';
import { statusBarText, stateLabel } from '../core/secrets/secretStatus';
import type { SecretsModel } from './sidebar/secretsModel';

/** `$(shield) 2 expired · 1 due`, shown only while something needs attention; click focuses the Secrets view. */
export class ExpiryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('leakproof.expiry', vscode.StatusBarAlignment.Left, 50);
  private readonly listener: vscode.Disposable;
  text: string | undefined;

  constructor(private readonly model: SecretsModel) {
    this.item.name = 'Leakproof: secret expiry';
    this.item.command = 'leakproof.secrets.focus';
    this.listener = model.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const counts = this.model.counts();
    this.text = statusBarText(counts);
    if (!this.text) {
      this.item.hide();
      return;
    }
    this.item.text = this.text;
    const attention = this.model.items.filter((s) => s.status.state !== 'ok' && s.status.state !== 'unknown');
    const md = new vscode.MarkdownString('**Leakproof** — secrets needing attention\n\n');
    for (const s of attention.slice(0, 10)) md.appendText(`• ${s.name} (${s.source}): ${stateLabel(s.status.state)}, ${s.status.reason}\n`);
    if (attention.length > 10) md.appendText(`… and ${attention.length - 10} more\n`);
    md.appendMarkdown('\n_Click to open the Secrets view._');
    this.item.tooltip = md;
    this.item.backgroundColor = counts.expired > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
