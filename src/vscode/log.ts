import * as vscode from 'vscode';

/** The extension's one output channel. Callers pass masked text only; values never reach it. */
let channel: vscode.LogOutputChannel | undefined;

export function registerLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('Leakproof', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export function log(): vscode.LogOutputChannel | undefined {
  return channel;
}
