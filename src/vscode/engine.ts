import * as vscode from 'vscode';
import { minimatch } from 'minimatch';
import { analyze, type AnalyzedFinding } from '../core/analyze';
import type { LoadedPolicy } from '../core/allowlist/policy';
import type { LeakproofConfig } from './config';

/** Path relative to its workspace folder (forward slashes), or the fs path outside any folder. */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

export function isExcluded(uri: vscode.Uri, config: LeakproofConfig): boolean {
  const rel = relativePath(uri);
  return config.exclude.some((g) => minimatch(rel, g, { dot: true, matchBase: !g.includes('/') }));
}

/** The one place the VS Code layer runs the engine on a text: scan plus the workspace policy. */
export function findSecrets(text: string, uri: vscode.Uri, config: LeakproofConfig, policy: LoadedPolicy): readonly AnalyzedFinding[] {
  return analyze(text, { path: relativePath(uri), policy, minConfidence: config.minConfidence });
}
