import * as vscode from 'vscode';
import type { SecretStore } from './secretStore';
import { log } from './log';

/**
 * Puts stored secrets into the environment of new integrated terminals (tasks included) and of
 * debug sessions, without writing them anywhere on disk: the terminal collection is
 * non-persistent, so VS Code never saves it to its state database.
 */
export function registerInjection(context: vscode.ExtensionContext, store: SecretStore): { refresh(): Promise<void> } {
  const collection = context.environmentVariableCollection;
  collection.persistent = false;
  collection.description = new vscode.MarkdownString('Secrets from the OS keychain (Leakproof)');

  let injected: Set<string> | undefined;
  const refresh = async (): Promise<void> => {
    const entries = await store.entries();
    const next = new Set(entries.map(([name]) => name));
    const changed = injected !== undefined && (entries.length !== injected.size || entries.some(([n]) => !injected!.has(n)));
    collection.clear();
    for (const [name, value] of entries) collection.replace(name, value);
    log()?.info(`Terminal environment: ${entries.length} stored secret(s) injected.`);
    if (changed && vscode.window.terminals.length > 0) {
      // VS Code marks existing terminals stale and offers a relaunch in their tab.
      void vscode.window.showInformationMessage('Leakproof: stored secrets changed. Relaunch open terminals to pick them up.');
    }
    injected = next;
  };

  context.subscriptions.push(
    store.onDidChange(() => void refresh()),
    vscode.debug.registerDebugConfigurationProvider('*', {
      async resolveDebugConfiguration(_folder, config) {
        const entries = await store.entries();
        if (entries.length === 0) return config;
        const env: Record<string, string> = { ...(config.env as Record<string, string> | undefined) };
        for (const [name, value] of entries) if (!(name in env)) env[name] = value;
        return { ...config, env };
      },
    }),
  );
  void refresh();
  return { refresh };
}
