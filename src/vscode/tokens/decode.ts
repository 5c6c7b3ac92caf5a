import * as vscode from 'vscode';
import { findJwts } from '../../core/jwt/findTokens';
import type { TokensModel } from '../sidebar/tokensModel';

export interface DecodeArgs {
  /** Decode this text instead of the selection or clipboard (tests, other commands). */
  readonly text?: string;
  readonly label?: string;
}

const MAX_INPUT = 20_000;

/** In a browser (code-server, vscode.dev) reading the clipboard may wait on a permission prompt forever. */
async function readClipboard(timeoutMs = 1500): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve(vscode.env.clipboard.readText()).catch(() => ''), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * "Decode JWT…": the editor's selection if there is one, else the clipboard, else a (hidden) input
 * box. JWTs inside the text are picked out ("Authorization: Bearer eyJ…"); text holding none is
 * still added, so the view can say why it is not a token. Returns the ids added.
 */
export async function decodeJwtCommand(model: TokensModel, args: DecodeArgs = {}): Promise<string[]> {
  let text = args.text;
  let label = args.label ?? 'decoded';
  if (text === undefined) {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
    if (selected.trim() !== '') {
      text = selected;
      label = 'from selection';
    } else {
      const clip = await readClipboard();
      if (clip.trim() !== '') {
        text = clip;
        label = 'from clipboard';
      } else {
        text = await vscode.window.showInputBox({ title: 'Decode JWT', prompt: 'Paste a JWT (hidden while typing)', password: true, ignoreFocusOut: true });
        label = 'pasted';
      }
    }
  }
  if (text === undefined || text.trim() === '') return [];
  const input = text.slice(0, MAX_INPUT);
  const found = findJwts(input);
  const ids = found.length > 0 ? found.map((f) => model.add(f.token, label)) : [model.add(input, label)];
  await vscode.commands.executeCommand('leakproof.tokens.focus');
  return ids;
}
