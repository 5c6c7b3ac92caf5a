import * as vscode from 'vscode';
import { buildPolicy, POLICY_FILES, type PolicyFile } from '../core/allowlist/buildPolicy';
import { emptyPolicy, type LoadedPolicy } from '../core/allowlist/policy';
import { log } from './log';
import type { ConfigState } from './config';

const EMPTY = emptyPolicy();

/**
 * The workspace policy (.leakproof.json, baseline, other scanners' ignore files) per workspace
 * folder, read through `workspace.fs`, reloaded when one of those files changes.
 */
export class PolicyCache implements vscode.Disposable {
  private readonly byFolder = new Map<string, LoadedPolicy>();
  private readonly loading = new Map<string, Promise<LoadedPolicy>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly reported = new Set<string>();

  private readonly configListener: vscode.Disposable;

  constructor(private readonly config: ConfigState) {
    // Custom rules in settings join the policy as one more source, checked like .leakproof.json's.
    let rules = JSON.stringify(config.value.customRules);
    this.configListener = config.onDidChange((c) => {
      if (JSON.stringify(c.customRules) === rules) return;
      rules = JSON.stringify(c.customRules);
      this.byFolder.clear();
      this.emitter.fire();
    });
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/{${POLICY_FILES.join(',')}}`);
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) return;
      this.byFolder.delete(folder.uri.toString());
      void this.load(folder).then(() => this.emitter.fire());
    };
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  /** The policy of the folder holding `uri` if loaded (the empty one outside folders), else undefined. */
  peek(uri: vscode.Uri): LoadedPolicy | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return EMPTY;
    return this.byFolder.get(folder.uri.toString());
  }

  async get(uri: vscode.Uri): Promise<LoadedPolicy> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return EMPTY;
    return this.byFolder.get(folder.uri.toString()) ?? this.load(folder);
  }

  private load(folder: vscode.WorkspaceFolder): Promise<LoadedPolicy> {
    const key = folder.uri.toString();
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = (async () => {
      const files: PolicyFile[] = [];
      for (const name of POLICY_FILES) {
        try {
          const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name));
          files.push({ name, text: new TextDecoder().decode(bytes) });
        } catch {
          // Absent: nothing to honour.
        }
      }
      if (this.config.value.customRules.length > 0) {
        files.push({ name: 'settings (leakproof.customRules)', kind: 'leakproof', text: JSON.stringify({ rules: this.config.value.customRules }) });
      }
      const policy = buildPolicy(files);
      this.byFolder.set(key, policy);
      this.report(folder, policy);
      return policy;
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  private report(folder: vscode.WorkspaceFolder, policy: LoadedPolicy): void {
    for (const p of policy.problems) {
      const line = `${folder.name}/${p.file}: ${p.message}`;
      log()?.warn(line);
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      void vscode.window.showWarningMessage(`Leakproof: ${line}`, 'Open File').then((choice) => {
        if (!choice) return;
        if (p.file.startsWith('settings')) void vscode.commands.executeCommand('workbench.action.openSettings', 'leakproof.customRules');
        else void vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, p.file));
      });
    }
  }

  dispose(): void {
    this.configListener.dispose();
    this.watcher.dispose();
    this.emitter.dispose();
  }
}
