import * as vscode from 'vscode';
import { fingerprint } from '../../core/fingerprint';
import { parseDotenv, effectiveEntries } from '../../core/dotenv/parse';
import { suggestEnvName, uniqueEnvName } from '../../core/envref/name';
import { BUILTIN_RULES } from '../../core/rules';
import type { Finding } from '../../core/types';
import type { FindingRef } from '../codeActions';
import type { ConfigState } from '../config';
import type { FindingsStore } from '../findingsStore';
import { log } from '../log';
import type { SecretStore } from '../secretStore';
import { envUriFor, planExtraction, type Extraction } from '../extract/planExtraction';
import { applyAndSave, readFileState } from '../extract/workspaceFiles';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ExtractDeps {
  readonly store: FindingsStore;
  readonly config: ConfigState;
  readonly secrets: SecretStore;
}

/** Tests and scripts pass `{ name }` to skip the prompt. */
export interface ExtractOptions {
  readonly name?: string;
}

/** The finding a quick fix was made for, re-located if the document changed since. */
async function resolve(ref: FindingRef, store: FindingsStore): Promise<{ document: vscode.TextDocument; finding: Pick<Finding, 'start' | 'end' | 'ruleId'>; value: string }> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
  let { start, end } = ref;
  if (document.version !== ref.version) {
    const current = store.get(document.uri)?.findings.find((f) => f.fingerprint === ref.fingerprint);
    if (!current) throw new Error('The document changed and the secret is no longer there.');
    ({ start, end } = current);
  }
  const value = document.getText().slice(start, end);
  if (fingerprint(ref.ruleId, value) !== ref.fingerprint) throw new Error('The document changed under the quick fix; try again.');
  return { document, finding: { start, end, ruleId: ref.ruleId }, value };
}

async function envEntries(document: vscode.TextDocument, envFile: string): Promise<Map<string, string>> {
  const state = await readFileState(envUriFor(document, envFile));
  const out = new Map<string, string>();
  if (state.text === undefined) return out;
  for (const [key, entry] of effectiveEntries(parseDotenv(state.text))) out.set(key, entry.value);
  return out;
}

function ruleEnvName(ruleId: string): string | undefined {
  return BUILTIN_RULES.find((r) => r.id === ruleId)?.envName;
}

async function askName(suggested: string, value: string, existing: Map<string, string>, where: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `Leakproof: name of the environment variable (${where})`,
    value: suggested,
    valueSelection: [0, suggested.length],
    prompt: 'Letters, digits and _; the code will read this variable.',
    validateInput: (name) => {
      if (!ENV_NAME.test(name)) return 'Use letters, digits and _, not starting with a digit.';
      const held = existing.get(name);
      if (held !== undefined && held !== value) return `${name} already holds a different value in ${where}. Choose another name.`;
      if (held === value) return { message: `${name} already holds this value: it will be reused.`, severity: vscode.InputBoxValidationSeverity.Info };
      return undefined;
    },
  });
}

function report(notes: readonly string[], skipped: ReadonlyArray<{ name: string; reason: string }>): void {
  for (const s of skipped) void vscode.window.showWarningMessage(`Leakproof: ${s.name} not moved: ${s.reason}`);
  for (const n of notes) log()?.info(n);
}

export async function moveToEnv(deps: ExtractDeps, ref: FindingRef, options: ExtractOptions = {}): Promise<void> {
  const { document, finding, value } = await resolve(ref, deps.store);
  const envFile = deps.config.value.envFile;
  const existing = await envEntries(document, envFile);
  const text = document.getText();
  const suggested = suggestEnvName(text, finding.start, finding.end, finding.ruleId, ruleEnvName(finding.ruleId));
  const reuse = [...existing].find(([, v]) => v === value)?.[0];
  const base = reuse ?? (existing.has(suggested) ? uniqueEnvName(suggested, new Set(existing.keys())) : suggested);
  const name = options.name ?? (await askName(base, value, existing, envFile));
  if (!name) return;
  const held = existing.get(name);
  if (held !== undefined && held !== value) throw new Error(`${name} already holds a different value in ${envFile}; choose another name.`);
  const plan = await planExtraction(document, [{ start: finding.start, end: finding.end, name }], {
    target: 'env', envFile, values: new Map([[name, value]]),
  });
  report(plan.notes, plan.skipped);
  if (plan.touched.length === 0) return;
  await applyAndSave(plan.edit, plan.touched, 'move secret');
  log()?.info(`Moved a ${finding.ruleId} value to ${envFile} as ${name}.`);
}

export async function moveToKeychain(deps: ExtractDeps, ref: FindingRef, options: ExtractOptions = {}): Promise<void> {
  const { document, finding, value } = await resolve(ref, deps.store);
  const text = document.getText();
  const taken = new Set(deps.secrets.list().map((m) => m.name));
  const suggested = suggestEnvName(text, finding.start, finding.end, finding.ruleId, ruleEnvName(finding.ruleId));
  const stored = new Map<string, string>();
  for (const m of deps.secrets.list()) {
    const v = await deps.secrets.get(m.name);
    if (v !== undefined) stored.set(m.name, v);
  }
  const reuse = [...stored].find(([, v]) => v === value)?.[0];
  const base = reuse ?? (taken.has(suggested) ? uniqueEnvName(suggested, taken) : suggested);
  const name = options.name ?? (await askName(base, value, stored, 'the OS keychain'));
  if (!name) return;
  if (stored.has(name) && stored.get(name) !== value) throw new Error(`${name} already holds a different value in the keychain; choose another name.`);
  const plan = await planExtraction(document, [{ start: finding.start, end: finding.end, name }], {
    target: 'keychain', envFile: deps.config.value.envFile, values: new Map([[name, value]]),
  });
  report(plan.notes, plan.skipped);
  if (plan.touched.length === 0) return;
  // Store first: if the edit then fails, the code is unchanged and nothing is lost.
  await deps.secrets.set(name, value, { ruleId: finding.ruleId, source: vscode.workspace.asRelativePath(document.uri) });
  await applyAndSave(plan.edit, plan.touched, 'move secret');
  void vscode.window.showInformationMessage(`Leakproof: ${name} is in the OS keychain. New terminals, tasks and debug sessions get it as an environment variable.`);
}

/** source.fixAll: every finding of the document to .env in one edit, names derived without prompts. */
export async function moveAllToEnv(deps: ExtractDeps, uri: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const entry = deps.store.get(document.uri);
  if (!entry || entry.version !== document.version || entry.findings.length === 0) return;
  const envFile = deps.config.value.envFile;
  const existing = await envEntries(document, envFile);
  const taken = new Set(existing.keys());
  const text = document.getText();
  const values = new Map<string, string>();
  const extractions: Extraction[] = [];
  for (const f of entry.findings) {
    const value = text.slice(f.start, f.end);
    let name = [...existing].find(([, v]) => v === value)?.[0] ?? [...values].find(([, v]) => v === value)?.[0];
    if (!name) {
      name = uniqueEnvName(suggestEnvName(text, f.start, f.end, f.ruleId, ruleEnvName(f.ruleId)), taken);
      taken.add(name);
      values.set(name, value);
    }
    extractions.push({ start: f.start, end: f.end, name });
    if (!values.has(name)) values.set(name, value);
  }
  const plan = await planExtraction(document, extractions, { target: 'env', envFile, values });
  report(plan.notes, plan.skipped);
  if (plan.touched.length === 0) return;
  await applyAndSave(plan.edit, plan.touched, 'move secret');
}
