import * as vscode from 'vscode';
import { effectiveEntries, parseDotenv } from '../../core/dotenv/parse';
import { planSetVar } from '../../core/dotenv/edit';
import type { ConfigState } from '../config';
import type { SecretStore } from '../secretStore';
import { addEdits, applyAndSave, folderOf, readFileState } from '../extract/workspaceFiles';

function envUri(config: ConfigState): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('Open a folder first.');
  return vscode.Uri.joinPath(folderOf(folder.uri).uri, config.value.envFile);
}

/** For users leaving the keychain: appends every stored secret to .env (never overwriting a key). */
export async function exportToEnv(store: SecretStore, config: ConfigState): Promise<void> {
  const entries = await store.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('Leakproof: nothing stored in the keychain for this workspace.');
    return;
  }
  const uri = envUri(config);
  const state = await readFileState(uri);
  let text = state.text;
  const conflicts: string[] = [];
  for (const [name, value] of entries) {
    const plan = planSetVar(text, name, value);
    if (plan.kind === 'append') text = plan.newText;
    else if (plan.kind === 'conflict') conflicts.push(name);
    else if (plan.kind === 'error') conflicts.push(`${name} (${plan.message})`);
  }
  if (text !== undefined && text !== state.text) {
    const base = state.text ?? '';
    const edit = new vscode.WorkspaceEdit();
    addEdits(edit, state, [{ start: base.length, end: base.length, text: text.slice(base.length) }], 'Export secrets to .env');
    await applyAndSave(edit, [uri], config.value.envFile);
  }
  const skipped = conflicts.length ? ` Not exported (a different value is already there): ${conflicts.join(', ')}.` : '';
  void vscode.window.showInformationMessage(`Leakproof: exported ${entries.length - conflicts.length} secret(s) to ${config.value.envFile}.${skipped}`);
}

/** Moves every .env entry into the keychain; deletes the file only after an explicit confirmation. */
export async function importFromEnv(store: SecretStore, config: ConfigState, options: { deleteFile?: boolean } = {}): Promise<void> {
  const uri = envUri(config);
  const state = await readFileState(uri);
  if (state.text === undefined) throw new Error(`${config.value.envFile} does not exist.`);
  const parsed = parseDotenv(state.text);
  const entries = effectiveEntries(parsed);
  const source = vscode.workspace.asRelativePath(uri);
  for (const [key, entry] of entries) await store.set(key, entry.value, { source });
  const malformed = parsed.lines.filter((l) => l.kind === 'malformed').length;
  const note = malformed ? ` ${malformed} malformed line(s) were not imported; the file is kept.` : '';
  if (malformed || options.deleteFile === false) {
    void vscode.window.showInformationMessage(`Leakproof: imported ${entries.size} secret(s) into the OS keychain.${note}`);
    return;
  }
  const remove = options.deleteFile ?? (await vscode.window.showWarningMessage(
    `Imported ${entries.size} secret(s) into the OS keychain. Delete ${config.value.envFile} now?`, { modal: true }, 'Delete File')) === 'Delete File';
  if (remove) await vscode.workspace.fs.delete(uri, { useTrash: false });
}
