import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { ignoreComment } from '../core/commentSyntax';
import { CommandId } from './commands/ids';
import type { FindingsStore } from './findingsStore';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('leakproof');

/** What a quick-fix command needs to find its finding again (offsets plus the version they hold for). */
export interface FindingRef {
  readonly uri: string;
  readonly version: number;
  readonly start: number;
  readonly end: number;
  readonly ruleId: string;
  readonly fingerprint: string;
}

export function refOf(document: vscode.TextDocument, f: Finding): FindingRef {
  return { uri: document.uri.toString(), version: document.version, start: f.start, end: f.end, ruleId: f.ruleId, fingerprint: f.fingerprint };
}

/**
 * Offers fixes for the findings under the cursor, looked up in the store (never rescanned).
 * Edits that need input or async work (name prompt, keychain) are commands; the plain edits
 * (ignore comments) are WorkspaceEdits on the action itself.
 */
export class SecretCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: FindingsStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.store.get(document.uri);
    if (!entry || entry.version !== document.version || entry.findings.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(context.only)) {
      for (const f of this.store.at(document, range)) actions.push(...this.fixesFor(document, f, context));
    }
    if (!context.only || FIX_ALL_KIND.contains(context.only) || context.only.contains(FIX_ALL_KIND)) {
      const fixAll = new vscode.CodeAction(`Move all ${entry.findings.length} secrets in this file to .env`, FIX_ALL_KIND);
      fixAll.command = { command: CommandId.moveAllToEnv, title: fixAll.title, arguments: [document.uri.toString(), document.version] };
      actions.push(fixAll);
    }
    return actions;
  }

  private fixesFor(document: vscode.TextDocument, f: Finding, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ref = refOf(document, f);
    const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE
      && document.offsetAt(d.range.start) === f.start && document.offsetAt(d.range.end) === f.end);
    const out: vscode.CodeAction[] = [];
    const add = (title: string, command: string, preferred = false): void => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { command, title, arguments: [ref] };
      a.diagnostics = diagnostics;
      a.isPreferred = preferred;
      out.push(a);
    };
    add(`Move ${f.title} to .env`, CommandId.moveToEnv, true);
    add(`Move ${f.title} to the OS keychain (SecretStorage)`, CommandId.moveToKeychain);

    const comment = ignoreComment(document.languageId);
    if (comment) {
      const line = document.lineAt(document.positionAt(f.start).line);
      const a = new vscode.CodeAction('Leakproof: ignore this line', vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      if (comment.placement === 'end-of-line') a.edit.insert(document.uri, line.range.end, comment.text);
      else a.edit.insert(document.uri, line.range.start, `${line.text.slice(0, line.firstNonWhitespaceCharacterIndex)}${comment.text}${eol(document)}`);
      a.diagnostics = diagnostics;
      out.push(a);
    }
    add('Leakproof: ignore this value everywhere (baseline)', CommandId.ignoreValue);
    add('Leakproof: this file is a test fixture', CommandId.markTestFixture);
    return out;
  }
}

export function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

export function registerCodeActions(context: vscode.ExtensionContext, store: FindingsStore): void {
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new SecretCodeActions(store), SecretCodeActions.metadata));
}
