import * as vscode from 'vscode';
import * as path from 'node:path';
import { ConfigState } from './config';
import { FindingsStore } from './findingsStore';
import { LiveDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerLog } from './log';
import { WorkspaceScanner } from './workspaceScan';
import { PolicyCache } from './policyCache';
import { SecretStore } from './secretStore';
import { registerInjection } from './injection';
import { registerCodeActions } from './codeActions';
import { registerCommand } from './commands/execute';
import { CommandId } from './commands/ids';
import { scanWorkspaceCommand } from './commands/scanWorkspace';
import { moveAllToEnv, moveToEnv, moveToKeychain, type ExtractDeps } from './commands/extractCommands';
import { ignoreValue, markTestFixture } from './commands/ignoreCommands';
import { deleteStoredSecret, listStoredSecrets } from './commands/storedSecrets';
import { exportToEnv, importFromEnv } from './commands/envTransfer';
import { registerSidebar } from './sidebar';

export function activate(context: vscode.ExtensionContext): void {
  const channel = registerLog(context);
  const config = new ConfigState();
  const store = new FindingsStore();
  const policies = new PolicyCache(config);
  const live = new LiveDiagnostics(store, config, policies);
  const workspaceScanner = new WorkspaceScanner(config, policies);
  const secrets = new SecretStore(context);
  context.subscriptions.push(config, store, policies, live, workspaceScanner, secrets);

  registerHover(context, store);
  registerCodeActions(context, store);
  const injection = registerInjection(context, secrets);
  const deps: ExtractDeps = { store, config, secrets };

  registerCommand(context, CommandId.scanWorkspace, () => scanWorkspaceCommand(workspaceScanner));
  registerCommand(context, CommandId.clearWorkspaceFindings, () => workspaceScanner.collection.clear());
  registerCommand(context, CommandId.showOutput, () => channel.show());
  registerCommand(context, CommandId.moveToEnv, (ref, options) => moveToEnv(deps, ref, options));
  registerCommand(context, CommandId.moveToKeychain, (ref, options) => moveToKeychain(deps, ref, options));
  registerCommand(context, CommandId.moveAllToEnv, (uri) => moveAllToEnv(deps, uri ?? vscode.window.activeTextEditor?.document.uri.toString()));
  registerCommand(context, CommandId.ignoreValue, (ref) => ignoreValue(ref));
  registerCommand(context, CommandId.markTestFixture, (ref) => markTestFixture(ref));
  registerCommand(context, CommandId.listSecrets, () => listStoredSecrets(secrets));
  registerCommand(context, CommandId.deleteSecret, (name, confirm) => deleteStoredSecret(secrets, name, confirm !== false));
  registerCommand(context, CommandId.exportToEnv, () => exportToEnv(secrets, config));
  registerCommand(context, CommandId.importFromEnv, (options) => importFromEnv(secrets, config, options));
  registerSidebar(context, { store: secrets, config, refreshInjection: injection.refresh });

  // Test-only: the integration driver sets this on the code-server process to run the in-host suite.
  const results = process.env.LEAKPROOF_TEST_RESULTS;
  if (results) {
    // Suites that must look where the extension keeps state (the leak check) read the context here.
    (globalThis as { leakproofTestContext?: vscode.ExtensionContext }).leakproofTestContext = context;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(__dirname, 'test-host.js')).run(results);
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
