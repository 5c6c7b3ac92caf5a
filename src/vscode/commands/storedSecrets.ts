import * as vscode from 'vscode';
import { mask } from '../../core/mask';
import type { SecretStore, StoredSecretMeta } from '../secretStore';

interface SecretPick extends vscode.QuickPickItem {
  readonly meta: StoredSecretMeta;
}

/** Lets the user pick a stored secret; `name` skips the picker (tree context menus pass it). */
export async function pickStoredSecret(store: SecretStore, placeHolder: string, name?: unknown): Promise<StoredSecretMeta | undefined> {
  const given = typeof name === 'string' ? name : (name as { name?: string } | undefined)?.name;
  if (given) return store.meta(given);
  const items: SecretPick[] = store.list().map((m) => ({
    label: m.name,
    description: m.ruleId,
    detail: m.source ? `from ${m.source}` : undefined,
    meta: m,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Leakproof: no secrets stored for this workspace yet. Use the "Move to OS keychain" quick fix on a finding.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.meta;
}

export async function listStoredSecrets(store: SecretStore): Promise<void> {
  const picked = await pickStoredSecret(store, 'Stored secrets (values masked). Pick one to act on it.');
  if (!picked) return;
  const value = await store.get(picked.name);
  const action = await vscode.window.showQuickPick(['Reveal', 'Copy', 'Delete'], {
    placeHolder: `${picked.name} = ${value === undefined ? '(missing from keychain)' : mask(value)}`,
  });
  if (action === 'Reveal') await revealStoredSecret(store, picked.name);
  if (action === 'Copy') await copyStoredSecret(store, picked.name);
  if (action === 'Delete') await deleteStoredSecret(store, picked.name);
}

/** Shows the masked value first; the full value only after an explicit second choice. */
export async function revealStoredSecret(store: SecretStore, name?: unknown): Promise<void> {
  const picked = await pickStoredSecret(store, 'Reveal which secret?', name);
  if (!picked) return;
  const value = await store.get(picked.name);
  if (value === undefined) throw new Error(`${picked.name} is not in the keychain any more.`);
  const choice = await vscode.window.showInformationMessage(`${picked.name} = ${mask(value)}`, 'Show full value', 'Copy');
  if (choice === 'Copy') return copyStoredSecret(store, picked.name);
  if (choice !== 'Show full value') return;
  // An input box shows the value without writing it to any file, log or notification history.
  await vscode.window.showInputBox({ title: `${picked.name} (close with Escape)`, value, ignoreFocusOut: false });
}

export async function copyStoredSecret(store: SecretStore, name?: unknown): Promise<void> {
  const picked = await pickStoredSecret(store, 'Copy which secret?', name);
  if (!picked) return;
  const value = await store.get(picked.name);
  if (value === undefined) throw new Error(`${picked.name} is not in the keychain any more.`);
  await vscode.env.clipboard.writeText(value);
  void vscode.window.showInformationMessage(`Leakproof: ${picked.name} copied to the clipboard.`);
}

export async function deleteStoredSecret(store: SecretStore, name?: unknown, confirm = true): Promise<void> {
  const picked = await pickStoredSecret(store, 'Delete which secret?', name);
  if (!picked) return;
  if (confirm) {
    const ok = await vscode.window.showWarningMessage(
      `Delete ${picked.name} from the OS keychain? Programs that read it will stop getting it.`, { modal: true }, 'Delete');
    if (ok !== 'Delete') return;
  }
  await store.delete(picked.name);
}
