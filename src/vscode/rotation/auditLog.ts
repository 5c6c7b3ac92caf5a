import * as vscode from 'vscode';
import type { AuditEntry } from '../../core/rotation/stateMachine';

/** `tokens/.env#API_KEY` or `keychain:NAME`: readable, and never more than ids and paths. */
export function describeSecretId(id: string): string {
  if (id.startsWith('stored:')) return `keychain:${id.slice('stored:'.length)}`;
  const m = /^env:(.*)#([^#]*)$/.exec(id);
  if (!m) return id;
  return `${vscode.workspace.asRelativePath(vscode.Uri.parse(m[1] as string))}#${m[2]}`;
}

/** One line per entry: date, action, secret, a short fingerprint (never a value). */
export function formatAuditEntry(e: AuditEntry): string {
  return `${new Date(e.at).toISOString()}  ${e.action.padEnd(13)}  ${describeSecretId(e.secretId)}  sha256:${e.fingerprint.slice(0, 12)}…`;
}

export function showAuditLog(entries: readonly AuditEntry[], channel: vscode.LogOutputChannel | undefined): string[] {
  const lines = entries.map(formatAuditEntry);
  if (channel) {
    channel.info(`Audit log (${entries.length} entries, fingerprints only):`);
    for (const l of lines) channel.info(`  ${l}`);
    if (lines.length === 0) channel.info('  (empty: no secret was created, rotated, rolled back or deleted yet)');
    channel.show(true);
  }
  return lines;
}
