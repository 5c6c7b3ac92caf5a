// Runs inside the real extension host (see host.ts): diagnostics through the real VS Code API.
// Waits on onDidChangeDiagnostics with a deadline, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceFile } from './support';

const SOURCE = 'Leakproof';
const AWS_KEY = 'AKIAQ3EGUMZ7K4HL2NFW';

function leakproofDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function ruleId(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** Describes diagnostics without their messages, so a failure never prints a secret. */
function describe_(diagnostics: readonly vscode.Diagnostic[]): string {
  const items = diagnostics.map((d) => {
    const r = d.range;
    return `${String(ruleId(d))}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  });
  return `[${items.join(', ')}]`;
}

/** Resolves with the Leakproof diagnostics of `uri` once `predicate` holds; rejects at the deadline. */
function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 10000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = leakproofDiagnostics(uri);
      if (!predicate(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; Leakproof diagnostics: ${describe_(leakproofDiagnostics(uri))}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

function waitForClose(uri: vscode.Uri, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.toString() !== uri.toString()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${uri.path} to close`));
    }, timeoutMs);
  });
}

function literalRange(document: vscode.TextDocument, literal: string): vscode.Range {
  const start = document.getText().indexOf(literal);
  assert.ok(start >= 0, 'the fixture contains the literal');
  return new vscode.Range(document.positionAt(start), document.positionAt(start + literal.length));
}

const hasRule = (id: string) => (diagnostics: vscode.Diagnostic[]): boolean => diagnostics.some((d) => ruleId(d) === id);

describe('diagnostics', () => {
  // Later suites share this window: leave no dirty documents (closing one would prompt) nor editors.
  after(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags a fake AWS access key id, covering exactly the literal', async () => {
    const uri = workspaceFile('src/config.js');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, hasRule('aws-access-key-id'), 'the aws-access-key-id diagnostic');

    const aws = diagnostics.filter((d) => ruleId(d) === 'aws-access-key-id');
    assert.equal(aws.length, 1, `one finding, got ${describe_(diagnostics)}`);
    const [diagnostic] = aws;
    assert.ok(diagnostic.range.isEqual(literalRange(document, AWS_KEY)), `range covers the literal only, got ${describe_(aws)}`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target instanceof vscode.Uri, 'code links to the rule docs');
    assert.ok(!diagnostic.message.includes(AWS_KEY), 'the message never shows the secret in clear');
  });

  it('does not flag a placeholder value', async () => {
    const placeholder = workspaceFile('src/placeholder.js');
    const control = workspaceFile('src/control.js');
    await vscode.workspace.openTextDocument(placeholder);
    // Opened after the placeholder: once its finding shows up, the placeholder has been scanned too.
    await vscode.workspace.openTextDocument(control);
    await waitForDiagnostics(control, hasRule('aws-access-key-id'), 'the control document to be scanned');
    assert.deepEqual(describe_(leakproofDiagnostics(placeholder)), '[]');
  });

  it('clears the diagnostic when an edit removes the key', async () => {
    const uri = workspaceFile('src/config.js');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, hasRule('aws-access-key-id'), 'the initial diagnostic');

    const edit = new vscode.WorkspaceEdit();
    const literal = literalRange(document, AWS_KEY);
    // Replace the quoted literal, quotes included, with an environment lookup.
    edit.replace(uri, new vscode.Range(literal.start.translate(0, -1), literal.end.translate(0, 1)), 'process.env.AWS_ACCESS_KEY_ID');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    assert.ok(!document.getText().includes(AWS_KEY));

    await waitForDiagnostics(uri, (d) => d.length === 0, 'the diagnostic to disappear after the edit');
  });

  it('clears diagnostics when the document is closed', async () => {
    // Opened through the workbench, not workspace.openTextDocument: documents the extension host
    // opens itself stay referenced (and open) for minutes after their editor closes.
    const uri = workspaceFile('src/closing.js');
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitForDiagnostics(uri, hasRule('aws-access-key-id'), 'the diagnostic of the document to close');

    const closed = waitForClose(uri, 15000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics to be cleared on close');
  });
});
