import * as vscode from 'vscode';
import { log } from '../log';

/**
 * Registers a command whose failures are logged and shown as one short message. Handlers must
 * not put secret values in error messages; the message is shown as is.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  id: string,
  handler: (...args: any[]) => unknown,
): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log()?.error(`${id} failed: ${message}`);
      void vscode.window.showErrorMessage(`Leakproof: ${message}`);
      return undefined;
    }
  }));
}
