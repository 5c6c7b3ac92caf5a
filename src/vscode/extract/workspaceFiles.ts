import * as vscode from 'vscode';
import type { TextEdit } from '../../core/dotenv/textEdit';

/** A file next to a document's workspace folder, as it is now: open buffer if open, else disk. */
export interface FileState {
  readonly uri: vscode.Uri;
  /** undefined when the file does not exist. */
  readonly text: string | undefined;
  /** The open (possibly unsaved) document, when VS Code has one. */
  readonly document?: vscode.TextDocument;
}

export function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('Open a folder first: .env files live next to a workspace folder.');
  return folder;
}

export async function readFileState(uri: vscode.Uri): Promise<FileState> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { uri, text: open.getText(), document: open };
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return { uri, text: undefined };
  }
  // Edits are applied to a document model so they join the same undo stop.
  const document = await vscode.workspace.openTextDocument(uri);
  return { uri, text: document.getText(), document };
}

/**
 * Adds offset edits against `state` to `edit`: text edits when the file exists, a file creation
 * with the whole content when it does not (so one WorkspaceEdit, and one Undo, covers both).
 */
export function addEdits(edit: vscode.WorkspaceEdit, state: FileState, edits: readonly TextEdit[], label: string): void {
  const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: false, label };
  if (state.text === undefined || !state.document) {
    const content = edits.map((e) => e.text).join('');
    edit.createFile(state.uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(content) }, metadata);
    return;
  }
  const doc = state.document;
  for (const e of edits) {
    edit.replace(state.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text, metadata);
  }
}

/**
 * Saves files an applied WorkspaceEdit left dirty. `workspace.save` only saves documents shown in
 * an editor; TextDocument.save saves any open one.
 */
export async function saveTouched(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document?.isDirty) await document.save();
  }
}

/** Applies an edit as a refactoring (one undo stop) and saves what it touched. */
export async function applyAndSave(edit: vscode.WorkspaceEdit, touched: readonly vscode.Uri[], what: string): Promise<void> {
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new Error(`VS Code refused the edit (${what}); is a file read-only?`);
  await saveTouched(touched);
}
