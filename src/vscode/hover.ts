import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import type { FindingsStore } from './findingsStore';

const CONFIDENCE_TEXT: Record<Finding['confidence'], string> = {
  high: 'High confidence: the value matches the provider\'s documented format',
  medium: 'Medium confidence',
  low: 'Low confidence: found by context and entropy',
};

export function hoverMarkdown(f: Finding): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**$(shield) Leakproof: ${escape(f.title)}** \`${f.preview.replace(/`/g, "'")}\`\n\n`);
  md.appendMarkdown(`${escape(f.advice ?? `A ${f.provider} credential in source code is readable by anyone with the repository, its history, forks and backups.`)}\n\n`);
  md.appendMarkdown('**Why it matters:** anything committed is effectively public: attackers scan repositories for keys within minutes of a push.\n\n');
  md.appendMarkdown('**What to do:** press `Ctrl+.` to move it to `.env` or the OS keychain, then revoke and rotate it');
  md.appendMarkdown(f.docs ? ` ([how](${f.docs})).\n\n` : '.\n\n');
  // Context-only (generic) rules "validate" the slot, not a checksum: say nothing for them.
  const verified = f.validation === 'valid' && !f.ruleId.startsWith('generic-');
  const detail = verified ? ' · checksum/structure verified' : f.validation === 'invalid' ? ' · checksum or structure check failed' : '';
  md.appendMarkdown(`_${CONFIDENCE_TEXT[f.confidence]}${detail} · rule \`${f.ruleId}\`_`);
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}

export function registerHover(context: vscode.ExtensionContext, store: FindingsStore): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ scheme: '*' }, {
    provideHover(document, position) {
      const found = store.at(document, new vscode.Range(position, position));
      if (found.length === 0) return undefined;
      const f = found[0];
      return new vscode.Hover(hoverMarkdown(f), new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)));
    },
  }));
}
