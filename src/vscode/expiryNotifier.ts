import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { DAY_MS } from '../core/clock';
import { shouldNotify } from '../core/policy/status';
import { stateLabel } from '../core/secrets/secretStatus';
import type { SecretItem, SecretsModel } from './sidebar/secretsModel';

interface NotifyRecord {
  readonly at?: number;
  readonly state?: string;
  readonly snoozedUntil?: number;
}

const KEY = 'leakproof.expiry.notified';

/**
 * One notification per secret per day once it enters the warning window (again the same day if it
 * gets worse), with "Rotate now" and "Snooze" (1 day). Several secrets at once share one
 * notification. Dates live in global state, keyed by workspace and secret id, so reopening the
 * window does not nag again.
 */
export class ExpiryNotifier implements vscode.Disposable {
  private readonly listener: vscode.Disposable;
  private readonly scope: string;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly memento: vscode.Memento, private readonly model: SecretsModel, private readonly clock: Clock) {
    this.scope = vscode.workspace.workspaceFile?.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
    this.listener = model.onDidChange(() => void this.check());
  }

  private records(): Record<string, NotifyRecord> {
    return this.memento.get<Record<string, NotifyRecord>>(KEY) ?? {};
  }

  private key(s: SecretItem): string {
    return `${this.scope}|${s.id}`;
  }

  /** Serialised: model changes can arrive while a check is still writing its dates. */
  check(): Promise<void> {
    this.running = this.running.then(() => this.checkNow()).catch(() => undefined);
    return this.running;
  }

  private async checkNow(): Promise<void> {
    const now = this.clock();
    const all = { ...this.records() };
    const due: SecretItem[] = [];
    for (const s of this.model.items) {
      const r = all[this.key(s)];
      const d = shouldNotify(s.id, s.status.state, r?.at, r?.snoozedUntil, now, r?.state ? { lastNotifiedState: r.state } : {});
      if (!d.notify) continue;
      all[this.key(s)] = { ...r, at: now, state: s.status.state };
      due.push(s);
    }
    if (due.length === 0) return;
    await this.memento.update(KEY, all);
    void this.show(due);
  }

  private async show(due: readonly SecretItem[]): Promise<void> {
    const one = due.length === 1 ? due[0] : undefined;
    const message = one
      ? `Leakproof: ${one.name} (${one.source}) is ${stateLabel(one.status.state)}: ${one.status.reason}.`
      : `Leakproof: ${due.length} secrets need attention: ${due.slice(0, 4).map((s) => `${s.name} (${stateLabel(s.status.state)})`).join(', ')}${due.length > 4 ? ', …' : ''}.`;
    const choice = await vscode.window.showWarningMessage(message, one ? 'Rotate now' : 'Show', 'Snooze');
    if (choice === 'Rotate now' && one) await vscode.commands.executeCommand('leakproof.secret.rotate', one.id);
    if (choice === 'Show') await vscode.commands.executeCommand('leakproof.secrets.focus');
    if (choice === 'Snooze') {
      const all = { ...this.records() };
      const until = this.clock() + DAY_MS;
      for (const s of due) all[this.key(s)] = { ...all[this.key(s)], snoozedUntil: until };
      await this.memento.update(KEY, all);
    }
  }

  dispose(): void {
    this.listener.dispose();
  }
}
