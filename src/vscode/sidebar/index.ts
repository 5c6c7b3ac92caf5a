import * as vscode from 'vscode';
import * as path from 'node:path';
import { MINUTE_MS, systemClock } from '../../core/clock';
import type { ConfigState } from '../config';
import type { SecretStore } from '../secretStore';
import { registerTokenCommands } from '../commands/tokenCommands';
import { EnvPolicyDiagnostics } from '../envPolicyDiagnostics';
import { ExpiryNotifier } from '../expiryNotifier';
import { RotationService } from '../rotation/rotationService';
import { RotationStore } from '../rotation/rotationStore';
import { ExpiryStatusBar } from '../statusBar';
import { log } from '../log';
import { isEnvFileName } from '../../core/secrets/envSecrets';
import { SecretsModel } from './secretsModel';
import type { SecretItem } from './secretsModel';
import { SecretsTreeProvider } from './secretsTree';
import { TokensModel } from './tokensModel';
import { TokensTreeProvider } from './tokensTree';
import type { TokenNode } from './tokensTree';

export interface SidebarDeps {
  readonly store: SecretStore;
  readonly config: ConfigState;
  readonly refreshInjection: () => Promise<void>;
}

export const SECRETS_VIEW = 'leakproof.secrets';
export const TOKENS_VIEW = 'leakproof.tokens';
const REEVALUATE_MS = 30 * MINUTE_MS;

/** A debounced call, owned as a disposable. */
function debounced(fn: () => void, ms: number): { (): void; dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  const call = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  call.dispose = (): void => {
    if (timer) clearTimeout(timer);
  };
  return call;
}

function isEnvDocument(doc: vscode.TextDocument): boolean {
  return isEnvFileName(path.posix.basename(doc.uri.path));
}

/**
 * The Leakproof activity-bar container: Secrets and Tokens views, the expiry status bar item,
 * notifications, `.env` policy diagnostics, rotation with rollback, and their commands.
 */
export function registerSidebar(context: vscode.ExtensionContext, deps: SidebarDeps): void {
  const clock = systemClock;
  const rotations = new RotationStore(context.workspaceState);
  const secrets = new SecretsModel(deps.store, deps.config, rotations, clock);
  const tokens = new TokensModel(secrets, clock);
  const service = new RotationService({ store: deps.store, rotations, secrets, config: deps.config, clock, refreshInjection: deps.refreshInjection });
  const secretsProvider = new SecretsTreeProvider(secrets, clock);
  const tokensProvider = new TokensTreeProvider(tokens);
  const secretsView = vscode.window.createTreeView<SecretItem>(SECRETS_VIEW, { treeDataProvider: secretsProvider, showCollapseAll: false });
  const tokensView = vscode.window.createTreeView<TokenNode>(TOKENS_VIEW, { treeDataProvider: tokensProvider, showCollapseAll: true });
  const statusBar = new ExpiryStatusBar(secrets);
  const notifier = new ExpiryNotifier(context.globalState, secrets, clock);
  const diagnostics = new EnvPolicyDiagnostics(secrets);

  const refreshSecrets = debounced(() => void secrets.refresh(), 300);
  const refreshTokens = debounced(() => tokens.refresh(), 400);
  const watcher = vscode.workspace.createFileSystemWatcher('**/.env*');
  const evaluateAll = (): void => {
    secrets.evaluate();
    tokens.evaluate();
  };
  const tick = setInterval(evaluateAll, REEVALUATE_MS);

  context.subscriptions.push(
    rotations, secrets, tokens, service, secretsProvider, tokensProvider, secretsView, tokensView, statusBar, notifier, diagnostics,
    refreshSecrets, refreshTokens, watcher,
    { dispose: () => clearInterval(tick) },
    watcher.onDidCreate(refreshSecrets), watcher.onDidChange(refreshSecrets), watcher.onDidDelete(refreshSecrets),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      if (isEnvDocument(e.document)) refreshSecrets();
      else refreshTokens();
    }),
    vscode.workspace.onDidOpenTextDocument(refreshTokens),
    vscode.workspace.onDidCloseTextDocument(refreshTokens),
    vscode.workspace.onDidChangeWorkspaceFolders(refreshSecrets),
    deps.store.onDidChange(refreshSecrets),
    deps.config.onDidChange(() => secrets.evaluate()),
    rotations.onDidChange(() => secrets.evaluate()),
    secrets.onDidChange(() => {
      const c = secrets.counts();
      secretsView.badge = c.total > 0 ? { value: c.total, tooltip: `${c.expired} expired, ${c.due} due` } : undefined;
      tokens.refresh();
    }),
    tokens.onDidChange(() => {
      // Tokens held in .env or the keychain are already counted by the Secrets view's badge.
      const n = tokens.items.filter((t) => (t.state === 'expired' || t.state === 'expiring') && t.sources.every((x) => x.kind === 'document' || x.kind === 'decoded')).length;
      tokensView.badge = n > 0 ? { value: n, tooltip: `${n} token(s) expired or expiring` } : undefined;
    }),
    secretsView.onDidChangeVisibility((e) => e.visible && secrets.evaluate()),
    tokensView.onDidChangeVisibility((e) => e.visible && tokens.evaluate()),
  );

  registerTokenCommands(context, { store: deps.store, secrets, tokens, service, statusBar, clock, views: { secrets: secretsView, tokens: tokensView } });
  void secrets.refresh().then(() => service.start()).catch((e: unknown) => log()?.warn(`Leakproof sidebar: ${e instanceof Error ? e.message : String(e)}`));
}
