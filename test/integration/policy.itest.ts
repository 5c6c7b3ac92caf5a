// Runs inside the real extension host (see host.ts): the workspace policy as the editor applies it:
// custom rules from settings, .leakproof.json allowlists, and problems reported instead of thrown.
import * as assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeEverything, until, workspaceFile } from './support';

const SOURCE = 'Leakproof';

function ruleIds(u: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(u).filter((d) => d.source === SOURCE)
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}


describe('workspace policy', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('leakproof');

  after(async () => {
    await config().update('customRules', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(workspaceFile('.leakproof.json').fsPath, { force: true });
    await closeEverything();
  });

  it('a custom rule from settings flags an in-house token format', async () => {
    const acme = workspaceFile('policy/acme.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(acme));
    assert.ok(!ruleIds(acme).includes('acme-token'), 'no finding before the rule exists');
    await config().update('customRules', [{
      id: 'acme-token', title: 'ACME deploy token', pattern: 'ACME-[0-9A-F]{24}', keywords: ['acme-'], confidence: 'high',
      examples: { positive: ['t = "ACME-0123456789ABCDEF01234567"'], negative: ['t = "ACME-short"'] },
    }], vscode.ConfigurationTarget.Workspace);
    await until('the custom rule finding', () => ruleIds(acme).includes('acme-token'));
  });

  it('a custom rule with a catastrophic-backtracking pattern is reported, not thrown, and the rest still works', async () => {
    const acme = workspaceFile('policy/acme.js');
    await config().update('customRules', [
      { id: 'bad-rule', title: 'Bad', pattern: '(a+)+$', examples: { positive: ['aaaa'] } },
      { id: 'acme-token', title: 'ACME deploy token', pattern: 'ACME-[0-9A-F]{24}', keywords: ['acme-'], confidence: 'high', examples: { positive: ['ACME-0123456789ABCDEF01234567'] } },
    ], vscode.ConfigurationTarget.Workspace);
    // The good rule keeps working after a reload that also saw the bad one.
    await until('the finding after the reload', () => ruleIds(acme).includes('acme-token'));
    const configured = config().get<unknown[]>('customRules') ?? [];
    assert.equal(configured.length, 2);
  });

  it('an allowlisted path in .leakproof.json suppresses findings, reloaded when the file appears', async () => {
    const allowed = workspaceFile('policy/allowed.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(allowed));
    await until('the finding before the allowlist', () => ruleIds(allowed).includes('aws-access-key-id'));
    writeFileSync(join(workspaceFile('.').fsPath, '.leakproof.json'), JSON.stringify({ allow: { paths: ['policy/allowed.js'] } }, null, 2));
    await until('the finding to be suppressed', () => ruleIds(allowed).length === 0);
  });
});
