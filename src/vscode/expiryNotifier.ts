import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { DAY_MS } from '../core/clock';
import { shouldNotify } from '../core/policy/status';
import { stateLabel } from './sidebar/modelStatus';
import type { SecretItem, SecretsModel } from './sidebar/secretsModel';

interface NotifyRecord {
  readonly at?: number;
  readonly state?: string;
  readonly snoozedUntil?: number;
}

const KEY = 'leakproof.expiry.notified';

/**
 * One notification per secret per day once it enters the warning window (again the same day if it
 * gets worse), with "Rotate now" and "Snooze" (1 day). Dates live in global state, keyed by
 * workspace and secret id, so reopening the window does not nag again.
 */
export class ExpiryNotifier implements vscode.Disposable {
  private readonly listener: vscode.Disposable;
  private readonly scope: string;

  constructor(private readonly memento: vscode.Memento, private readonly model: SecretsModel, private readonly clock: Clock) {
    this.scope = vscode.workspace.workspaceFile?.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
    this.listener = model.onDidChange(() => void this.check());
  }

  private records(): Record<string, NotifyRecord> {
    return this.memento.get<Record<string, NotifyRecord>>(KEY) ?? {};
  }

  private running: Promise<void> = Promise.resolve();

  /** Serialised: model changes can arrive while a check is still writing its dates. */
  check(): Promise<void> {
    this.running = this.running.then(() => this.checkNow()).catch(() => undefined);
    return this.running;
  }

  private async checkNow(): Promise<void> {
    const now = this.clock();
    const all = this.records();
    for (const s of this.model.items) {
      const key = `${this.scope}|${s.id}`;
      const r = all[key];
      const d = shouldNotify(s.id, s.status.state, r?.at, r?.snoozedUntil, now, r?.state ? { lastNotifiedState: r.state } : {});
      if (!d.notify) continue;
      all[key] = { ...r, at: now, state: s.status.state };
      await this.memento.update(KEY, all);
      void this.show(s, key);
    }
  }

  private async show(s: SecretItem, key: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(
      `Leakproof: ${s.name} (${s.source}) is ${stateLabel(s.status.state)}: ${s.status.reason}.`, 'Rotate now', 'Snooze',
    );
    if (choice === 'Rotate now') await vscode.commands.executeCommand('leakproof.secret.rotate', s.id);
    if (choice === 'Snooze') {
      const all = this.records();
      await this.memento.update(KEY, { ...all, [key]: { ...all[key], snoozedUntil: this.clock() + DAY_MS } });
    }
  }

  dispose(): void {
    this.listener.dispose();
  }
}
