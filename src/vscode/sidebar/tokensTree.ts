import * as vscode from 'vscode';
import type { JwtRow } from '../../core/jwt/describe';
import type { TokenView } from '../../core/secrets/tokenViews';
import type { TokensModel } from './tokensModel';

export type TokenNode =
  | { readonly kind: 'token'; readonly tokenId: string }
  | { readonly kind: 'group'; readonly tokenId: string; readonly group: 'header' | 'claims' }
  | { readonly kind: 'row'; readonly tokenId: string; readonly group: 'header' | 'claims'; readonly row: JwtRow };

const DATE_KEYS = new Set(['iat', 'nbf', 'exp']);

function tokenIcon(t: TokenView): vscode.ThemeIcon {
  const v = t.verification?.result;
  if (v === 'valid') return new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('testing.iconPassed'));
  if (v === 'invalid' || v === 'alg-mismatch') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  switch (t.state) {
    case 'malformed': return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground'));
    case 'expired': return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'expiring': return new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground'));
    case 'not-yet-valid': return new vscode.ThemeIcon('clock');
    case 'no-expiry': return new vscode.ThemeIcon('unlock', new vscode.ThemeColor('list.warningForeground'));
    case 'valid': return new vscode.ThemeIcon('key');
  }
}

/** "expires in 3 h · 2027-01-31 14:05:09 UTC+01:00" for dates, the value otherwise. */
export function rowDescription(row: JwtRow): string {
  return DATE_KEYS.has(row.key) && row.detail ? `${row.value} · ${row.detail}` : row.value;
}

/** Maps the model's token views to tree items; no I/O, no messages. */
export class TokensTreeProvider implements vscode.TreeDataProvider<TokenNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly model: TokensModel) {
    this.listener = model.onDidChange(() => this.emitter.fire());
  }

  getChildren(node?: TokenNode): TokenNode[] {
    if (!node) return this.model.items.map((t) => ({ kind: 'token', tokenId: t.id }));
    const t = this.model.find(node.tokenId);
    if (!t) return [];
    if (node.kind === 'token') {
      return t.error ? [] : [{ kind: 'group', tokenId: t.id, group: 'header' }, { kind: 'group', tokenId: t.id, group: 'claims' }];
    }
    if (node.kind === 'group') return t[node.group].map((row) => ({ kind: 'row', tokenId: t.id, group: node.group, row }));
    return [];
  }

  getParent(node: TokenNode): TokenNode | undefined {
    if (node.kind === 'row') return { kind: 'group', tokenId: node.tokenId, group: node.group };
    if (node.kind === 'group') return { kind: 'token', tokenId: node.tokenId };
    return undefined;
  }

  getTreeItem(node: TokenNode): vscode.TreeItem {
    const t = this.model.find(node.tokenId);
    if (node.kind === 'token') {
      if (!t) return new vscode.TreeItem('(gone)');
      const item = new vscode.TreeItem(t.label, t.error ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = t.id;
      item.description = t.description;
      item.tooltip = t.tooltip;
      item.iconPath = tokenIcon(t);
      const decoded = t.sources.some((s) => s.kind === 'decoded');
      item.contextValue = `leakproofToken${t.error ? '.malformed' : ''}${decoded ? '.decoded' : ''}`;
      return item;
    }
    if (node.kind === 'group') {
      const count = t ? t[node.group].length : 0;
      const item = new vscode.TreeItem(node.group === 'header' ? 'Header' : 'Claims', node.group === 'claims' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.tokenId}/${node.group}`;
      item.description = `${count}`;
      item.iconPath = new vscode.ThemeIcon(node.group === 'header' ? 'symbol-namespace' : 'symbol-property');
      return item;
    }
    const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.tokenId}/${node.group}/${node.row.key}`;
    item.description = rowDescription(node.row);
    item.tooltip = `${node.row.key}: ${node.row.detail ?? node.row.value}`;
    item.contextValue = 'leakproofClaim';
    return item;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
