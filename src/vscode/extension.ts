import * as vscode from 'vscode';
import * as path from 'node:path';
import { ConfigState } from './config';
import { FindingsStore } from './findingsStore';
import { LiveDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerLog } from './log';
import { WorkspaceScanner } from './workspaceScan';
import { PolicyCache } from './policyCache';
import { registerCommand } from './commands/execute';
import { CommandId } from './commands/ids';
import { scanWorkspaceCommand } from './commands/scanWorkspace';

export function activate(context: vscode.ExtensionContext): void {
  const channel = registerLog(context);
  const config = new ConfigState();
  const store = new FindingsStore();
  const policies = new PolicyCache();
  const live = new LiveDiagnostics(store, config, policies);
  const workspaceScanner = new WorkspaceScanner(config, policies);
  context.subscriptions.push(config, store, policies, live, workspaceScanner);

  registerHover(context, store);
  registerCommand(context, CommandId.scanWorkspace, () => scanWorkspaceCommand(workspaceScanner));
  registerCommand(context, CommandId.clearWorkspaceFindings, () => workspaceScanner.collection.clear());
  registerCommand(context, CommandId.showOutput, () => channel.show());

  // Test-only: the integration driver sets this on the code-server process to run the in-host suite.
  const results = process.env.LEAKPROOF_TEST_RESULTS;
  if (results) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(__dirname, 'test-host.js')).run(results);
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
