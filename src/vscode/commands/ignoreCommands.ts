import * as vscode from 'vscode';
import { BASELINE_FILE, buildBaseline, parseBaseline } from '../../core/allowlist/baseline';
import { LEAKPROOF_CONFIG_FILE } from '../../core/config/leakproofConfig';
import type { FindingRef } from '../codeActions';
import { relativePath } from '../engine';
import { applyAndSave, folderOf, readFileState } from '../extract/workspaceFiles';

function wholeRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
}

/** Adds the finding's content fingerprint (never the value) to the workspace baseline. */
export async function ignoreValue(ref: FindingRef): Promise<void> {
  const folder = folderOf(vscode.Uri.parse(ref.uri));
  const state = await readFileState(vscode.Uri.joinPath(folder.uri, BASELINE_FILE));
  const previous = state.text !== undefined ? parseBaseline(state.text) : undefined;
  if (previous?.problems?.length && state.text?.trim()) {
    throw new Error(`${BASELINE_FILE} is not a valid baseline (${previous.problems[0].message}); fix it first.`);
  }
  const entries = previous?.entries ?? {};
  const all = [...Object.entries(entries).map(([fingerprint, e]) => ({ fingerprint, ruleId: e.ruleId })), { fingerprint: ref.fingerprint, ruleId: ref.ruleId }];
  const text = buildBaseline(all, { previous: entries, added: new Date().toISOString().slice(0, 10) });
  const edit = new vscode.WorkspaceEdit();
  if (state.document) edit.replace(state.uri, wholeRange(state.document), text);
  else edit.createFile(state.uri, { contents: new TextEncoder().encode(text) });
  await applyAndSave(edit, [state.uri], BASELINE_FILE);
}

/** Adds the file's path to `allow.paths` of `.leakproof.json`. */
export async function markTestFixture(ref: FindingRef): Promise<void> {
  const uri = vscode.Uri.parse(ref.uri);
  const folder = folderOf(uri);
  const glob = relativePath(uri);
  const state = await readFileState(vscode.Uri.joinPath(folder.uri, LEAKPROOF_CONFIG_FILE));
  let config: { allow?: { paths?: string[] } } = {};
  if (state.text !== undefined && state.text.trim()) {
    try {
      config = JSON.parse(state.text);
    } catch {
      // Comments or trailing commas: rewriting would lose them, so the user adds the line.
      await vscode.window.showTextDocument(state.uri);
      throw new Error(`${LEAKPROOF_CONFIG_FILE} has comments; add "${glob}" to "allow.paths" by hand.`);
    }
  }
  const paths = new Set(config.allow?.paths ?? []);
  if (paths.has(glob)) return;
  config = { ...config, allow: { ...config.allow, paths: [...paths, glob] } };
  const text = JSON.stringify(config, null, 2) + '\n';
  const edit = new vscode.WorkspaceEdit();
  if (state.document) edit.replace(state.uri, wholeRange(state.document), text);
  else edit.createFile(state.uri, { contents: new TextEncoder().encode(text) });
  await applyAndSave(edit, [state.uri], LEAKPROOF_CONFIG_FILE);
}
