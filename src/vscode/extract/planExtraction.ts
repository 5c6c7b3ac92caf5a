import * as vscode from 'vscode';
import * as path from 'node:path';
import { planEnvReference } from '../../core/envref/idioms';
import { planExampleKey, planSetVar } from '../../core/dotenv/edit';
import type { TextEdit } from '../../core/dotenv/textEdit';
import { planGitignoreEntry } from '../../core/gitignore/plan';
import { checkIgnored } from '../../core/gitignore/checkIgnored';
import { addEdits, folderOf, readFileState, type FileState } from './workspaceFiles';

export interface Extraction {
  /** Span of the secret value in the document (offsets against `document.version`). */
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export interface ExtractionPlan {
  readonly edit: vscode.WorkspaceEdit;
  /** Files the edit touches, for saving after it is applied. */
  readonly touched: readonly vscode.Uri[];
  readonly notes: readonly string[];
  /** Names whose identical value was already in .env (nothing appended). */
  readonly reused: readonly string[];
  readonly skipped: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
}

/** Where `.env` lives for a document: the workspace folder's `leakproof.envFile`. */
export function envUriFor(document: vscode.TextDocument, envFile: string): vscode.Uri {
  return vscode.Uri.joinPath(folderOf(document.uri).uri, envFile);
}

/** Does the nearest package.json above the document depend on Vite? Then JS uses import.meta.env. */
export async function isViteProject(document: vscode.TextDocument): Promise<boolean> {
  if (!/^(javascript|typescript)(react)?$|^(vue|svelte)$/.test(document.languageId)) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  let dir = vscode.Uri.joinPath(document.uri, '..');
  for (let i = 0; i < 12; i++) {
    try {
      const pkg = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'package.json'))));
      return Boolean(pkg.dependencies?.vite || pkg.devDependencies?.vite);
    } catch {
      // No package.json here: go up, but not above the workspace folder.
    }
    if (!folder || dir.toString() === folder.uri.toString()) break;
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return false;
}

/** Edits of several plans against one original text, keeping the first of identical import edits. */
function mergeEdits(all: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  const out: TextEdit[] = [];
  for (const e of [...all].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(key)) continue;
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue; // overlapping second literal in one string: left for a second run
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** The appended tail of `after` over `before`, as edits against `before` (the planners only append). */
function appendedEdits(before: string | undefined, after: string): TextEdit[] {
  const base = before ?? '';
  if (!after.startsWith(base)) throw new Error('internal: .env plan was not an append');
  return after.length > base.length ? [{ start: base.length, end: base.length, text: after.slice(base.length) }] : [];
}

/**
 * One WorkspaceEdit that replaces each secret by the file's env-var idiom and, for target 'env',
 * appends the values to `.env`, the names to `.env.example` and `.env` to `.gitignore` when git
 * would not ignore it. One edit means one Undo restores every file.
 */
export async function planExtraction(
  document: vscode.TextDocument,
  extractions: readonly Extraction[],
  options: { readonly target: 'env' | 'keychain'; readonly envFile: string; readonly values: ReadonlyMap<string, string> },
): Promise<ExtractionPlan> {
  const text = document.getText();
  const viteProject = await isViteProject(document);
  const notes = new Set<string>();
  const skipped: Array<{ name: string; reason: string }> = [];
  const sourceEdits: TextEdit[] = [];
  const planned: Extraction[] = [];
  for (const x of extractions) {
    const plan = planEnvReference({ languageId: document.languageId, text, start: x.start, end: x.end, name: x.name, viteProject });
    if (!plan.ok) { skipped.push({ name: x.name, reason: plan.message }); continue; }
    plan.notes.forEach((n) => notes.add(n));
    sourceEdits.push(...plan.edits);
    planned.push(x);
  }
  const edit = new vscode.WorkspaceEdit();
  const touched: vscode.Uri[] = [document.uri];
  const reused: string[] = [];
  if (planned.length === 0) return { edit, touched: [], notes: [...notes], reused, skipped };
  addEdits(edit, { uri: document.uri, text, document }, mergeEdits(sourceEdits), 'Replace the secret with an environment variable');

  if (options.target === 'env') {
    const envUri = envUriFor(document, options.envFile);
    const env = await readFileState(envUri);
    let envText = env.text;
    let exampleText: string | undefined;
    const example = await readFileState(vscode.Uri.joinPath(envUri, '..', `${path.basename(envUri.path)}.example`));
    exampleText = example.text;
    for (const x of planned) {
      const value = options.values.get(x.name);
      if (value === undefined) throw new Error(`internal: no value for ${x.name}`);
      const set = planSetVar(envText, x.name, value);
      if (set.kind === 'error') throw new Error(`${x.name}: ${set.message}`);
      if (set.kind === 'conflict') throw new Error(`${x.name} already holds a different value in ${options.envFile}; choose another name.`);
      if (set.kind === 'reuse') reused.push(x.name);
      else envText = set.newText;
      const ex = planExampleKey(exampleText, x.name);
      if (ex.kind === 'append') exampleText = ex.newText;
    }
    if (envText !== undefined && envText !== (env.text ?? undefined)) {
      addEdits(edit, env, appendedEdits(env.text, envText), `Add to ${options.envFile}`);
      touched.push(envUri);
    }
    if (exampleText !== undefined && exampleText !== example.text) {
      addEdits(edit, example, appendedEdits(example.text, exampleText), 'Document the variable in .env.example');
      touched.push(example.uri);
    }
    await planGitignore(edit, touched, envUri);
  }
  return { edit, touched, notes: [...notes], reused, skipped };
}

/** Appends `.env` to the folder's `.gitignore` unless git itself says the file is ignored. */
async function planGitignore(edit: vscode.WorkspaceEdit, touched: vscode.Uri[], envUri: vscode.Uri): Promise<void> {
  const folder = folderOf(envUri);
  const rel = path.posix.relative(folder.uri.path, envUri.path);
  if (folder.uri.scheme === 'file' && (await checkIgnored(rel, folder.uri.fsPath)) === 'ignored') return;
  const gitignore: FileState = await readFileState(vscode.Uri.joinPath(folder.uri, '.gitignore'));
  const plan = planGitignoreEntry(gitignore.text, rel);
  if (plan.kind === 'present') return;
  addEdits(edit, gitignore, plan.edits, 'Keep .env out of git');
  touched.push(gitignore.uri);
}
