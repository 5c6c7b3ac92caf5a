import * as vscode from 'vscode';
import type { WorkspaceScanner } from '../workspaceScan';

export async function scanWorkspaceCommand(scanner: WorkspaceScanner): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Leakproof: scanning workspace', cancellable: true },
    (_progress, token) => scanner.run(token),
  );
  const skipped = result.skipped ? `, ${result.skipped} skipped (binary or too large)` : '';
  const message = result.findings === 0
    ? `Leakproof: no secrets found in ${result.files} files${skipped}.`
    : `Leakproof: ${result.findings} possible secrets in ${result.files} files${skipped}. See the Problems panel.`;
  void vscode.window.showInformationMessage(message);
}
