import * as vscode from 'vscode';
import { createHash } from 'node:crypto';

/** Non-secret facts about a stored secret, kept in workspace state (never the value). */
export interface StoredSecretMeta {
  readonly name: string;
  readonly ruleId?: string;
  readonly source?: string;
  readonly createdAt: number;
  readonly rotatedAt?: number;
  /** Policy, when the user set one: ISO expiry date and rotation interval in days. */
  readonly expires?: string;
  readonly rotateDays?: number;
}

const META_KEY = 'leakproof.secrets.meta';

/**
 * The one wrapper around `context.secrets` (the OS keychain). Keys are namespaced per workspace
 * so two projects with an `API_KEY` never share one. Nothing here logs names with values.
 */
export class SecretStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly namespace: string;
  private readonly listener: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext) {
    const id = vscode.workspace.workspaceFile?.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'no-workspace';
    this.namespace = `leakproof/${createHash('sha256').update(id).digest('hex').slice(0, 16)}/`;
    this.listener = context.secrets.onDidChange((e) => {
      if (e.key.startsWith(this.namespace)) this.emitter.fire();
    });
  }

  list(): StoredSecretMeta[] {
    return Object.values(this.metaMap()).sort((a, b) => a.name.localeCompare(b.name));
  }

  meta(name: string): StoredSecretMeta | undefined {
    return this.metaMap()[name];
  }

  async get(name: string): Promise<string | undefined> {
    return this.context.secrets.get(this.namespace + name);
  }

  async set(name: string, value: string, meta: Omit<StoredSecretMeta, 'name' | 'createdAt'> & { createdAt?: number }): Promise<void> {
    await this.context.secrets.store(this.namespace + name, value);
    const previous = this.metaMap()[name];
    await this.writeMeta({ ...this.metaMap(), [name]: { ...previous, ...meta, name, createdAt: meta.createdAt ?? previous?.createdAt ?? Date.now() } });
    this.emitter.fire();
  }

  async updateMeta(name: string, patch: Partial<Omit<StoredSecretMeta, 'name'>>): Promise<void> {
    const current = this.metaMap()[name];
    if (!current) return;
    await this.writeMeta({ ...this.metaMap(), [name]: { ...current, ...patch } });
    this.emitter.fire();
  }

  async delete(name: string): Promise<void> {
    await this.context.secrets.delete(this.namespace + name);
    const map = { ...this.metaMap() };
    delete map[name];
    await this.writeMeta(map);
    this.emitter.fire();
  }

  /** Stored values by name, for injection. Missing keychain entries are skipped. */
  async entries(): Promise<Array<[string, string]>> {
    const out: Array<[string, string]> = [];
    for (const m of this.list()) {
      const v = await this.get(m.name);
      if (v !== undefined) out.push([m.name, v]);
    }
    return out;
  }

  /** Raw keychain key, for the previous value kept during a rotation's grace period. */
  async getRaw(key: string): Promise<string | undefined> {
    return this.context.secrets.get(this.namespace + key);
  }

  async setRaw(key: string, value: string): Promise<void> {
    await this.context.secrets.store(this.namespace + key, value);
  }

  async deleteRaw(key: string): Promise<void> {
    await this.context.secrets.delete(this.namespace + key);
  }

  private metaMap(): Record<string, StoredSecretMeta> {
    return this.context.workspaceState.get<Record<string, StoredSecretMeta>>(META_KEY) ?? {};
  }

  private async writeMeta(map: Record<string, StoredSecretMeta>): Promise<void> {
    await this.context.workspaceState.update(META_KEY, map);
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
