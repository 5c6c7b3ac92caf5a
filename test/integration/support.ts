// Shared by the in-host suites: fixture paths, waiting with a deadline (never fixed sleeps) and
// leaving the window clean for the next suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** A path in the fixture workspace the driver opens as the (only) folder. */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the driver opens the fixture workspace as a folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Polls `probe` every 100 ms until it returns something other than undefined/false. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Leaves no dirty documents (closing one would prompt and block) nor editors for later suites. */
export async function closeEverything(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
