import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { formatRelative } from '../../core/jwt/relativeTime';
import { formatIsoDate } from '../../core/policy/dates';
import { formatPolicy } from '../../core/policy/parse';
import { stateLabel } from '../../core/secrets/secretStatus';
import type { SecretState } from '../../core/secrets/secretStatus';
import type { SecretItem, SecretsModel } from './secretsModel';

const ICONS: Readonly<Record<SecretState, vscode.ThemeIcon>> = {
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  'rotation-due': new vscode.ThemeIcon('history', new vscode.ThemeColor('list.warningForeground')),
  expiring: new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground')),
  expired: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  unknown: new vscode.ThemeIcon('key'),
};

/** `leakproofSecret.env`, `leakproofSecret.stored.rollback`…: menus match with `viewItem =~`. */
export function secretContextValue(s: SecretItem): string {
  return `leakproofSecret.${s.kind}${s.graceEndsAt !== undefined ? '.rollback' : ''}${s.isJwt ? '.jwt' : ''}`;
}

function when(ms: number | undefined, now: number): string | undefined {
  return ms === undefined ? undefined : `${formatRelative(ms, now)} (${formatIsoDate(ms)})`;
}

/** Maps the model's rows to tree items; no I/O, no messages. */
export class SecretsTreeProvider implements vscode.TreeDataProvider<SecretItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly model: SecretsModel, private readonly clock: Clock) {
    this.listener = model.onDidChange(() => this.emitter.fire());
  }

  getChildren(element?: SecretItem): SecretItem[] {
    return element ? [] : [...this.model.items];
  }

  getTreeItem(s: SecretItem): vscode.TreeItem {
    const now = this.clock();
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.None);
    item.id = s.id;
    const status = s.status.state === 'unknown' ? stateLabel('unknown') : s.status.reason;
    // Status first: a narrow sidebar cuts the end of the description.
    item.description = `${status}${s.graceEndsAt !== undefined ? ' · rollback possible' : ''} · ${s.source}`;
    item.iconPath = ICONS[s.status.state];
    item.contextValue = secretContextValue(s);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMd(s.name)}** — ${escapeMd(s.source)}${s.isJwt ? ' (JWT)' : ''}\n\n`);
    md.appendMarkdown(`Status: ${escapeMd(stateLabel(s.status.state))} — ${escapeMd(s.status.reason)}\n\n`);
    const created = when(s.policy.created ?? s.meta?.createdAt, now);
    const rotated = when(s.policy.rotated ?? s.meta?.rotatedAt, now);
    md.appendMarkdown(`Created: ${escapeMd(created ?? 'unknown')}\n\nLast rotation: ${escapeMd(rotated ?? 'never recorded')}\n\n`);
    const policyText = formatPolicy(s.policy).replace(/^# leakproof:\s*/, '');
    md.appendMarkdown(`Policy: ${policyText ? `\`${policyText}\`` : 'none (settings default)'}\n\n`);
    if (s.graceEndsAt !== undefined) md.appendMarkdown(`Previous value kept for rollback until ${escapeMd(when(s.graceEndsAt, now) ?? '')}\n\n`);
    for (const e of s.policyErrors) md.appendMarkdown(`$(warning) ${escapeMd(e)}\n\n`);
    md.appendMarkdown('_Value hidden. Right-click to reveal, copy or rotate._');
    item.tooltip = md;
    return item;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
