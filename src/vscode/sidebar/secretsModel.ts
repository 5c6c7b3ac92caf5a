import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Clock } from '../../core/clock';
import { decodeJwt } from '../../core/jwt/decode';
import type { JwtPayload } from '../../core/jwt/types';
import { parseIsoDate } from '../../core/policy/dates';
import type { Policy } from '../../core/policy/parse';
import { canRollback } from '../../core/rotation/stateMachine';
import type { ConfigState } from '../config';
import type { SecretStore, StoredSecretMeta } from '../secretStore';
import { log } from '../log';
import type { RotationStore } from '../rotation/rotationStore';
import { envSecrets, isEnvFileName } from '../../core/secrets/envSecrets';
import type { LineRange } from '../../core/secrets/envSecrets';
import { countStates, evaluateSecret, policyFromMeta } from '../../core/secrets/secretStatus';
import type { Counts, SecretStatus } from '../../core/secrets/secretStatus';

export type SecretKind = 'env' | 'stored';

/** One row of the Secrets view. Holds no value: values stay in the model's private map. */
export interface SecretItem {
  /** `env:<file uri>#KEY` or `stored:NAME`. */
  readonly id: string;
  readonly kind: SecretKind;
  readonly name: string;
  /** "tokens/.env" or "OS keychain". */
  readonly source: string;
  readonly uri?: vscode.Uri;
  readonly keyRange?: LineRange;
  readonly policyRange?: LineRange;
  readonly policy: Policy;
  readonly policyErrors: readonly string[];
  readonly meta?: StoredSecretMeta;
  readonly isJwt: boolean;
  readonly status: SecretStatus;
  /** Until when "Roll back" is possible, epoch ms. */
  readonly graceEndsAt?: number;
}

interface Loaded {
  readonly base: Omit<SecretItem, 'status' | 'graceEndsAt'>;
  readonly jwtPayload?: JwtPayload;
  readonly createdAt?: number;
}

export const KEYCHAIN_SOURCE = 'OS keychain';

export function envSecretId(uri: vscode.Uri, key: string): string {
  return `env:${uri.toString()}#${key}`;
}

export function storedSecretId(name: string): string {
  return `stored:${name}`;
}

/**
 * Everything the workspace holds: `.env*` entries of every folder and the keychain entries. Reads
 * on `refresh()` (triggered by watchers), re-evaluates statuses against the clock on
 * `evaluate()`; the tree provider only maps `items`.
 */
export class SecretsModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private loaded: Loaded[] = [];
  private values = new Map<string, string>();
  private current: SecretItem[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SecretStore,
    private readonly config: ConfigState,
    private readonly rotations: RotationStore,
    private readonly clock: Clock,
  ) {}

  get items(): readonly SecretItem[] {
    return this.current;
  }

  find(id: string): SecretItem | undefined {
    return this.current.find((s) => s.id === id);
  }

  counts(): Counts {
    return countStates(this.current.map((s) => s.status.state));
  }

  /** The value last read (memory only). Rotation re-reads the document instead of trusting this. */
  valueOf(id: string): string | undefined {
    return this.values.get(id);
  }

  /** Re-reads files and the keychain; calls are serialised so results land in order. */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.load());
    this.queue = run.catch((e: unknown) => log()?.warn(`Secrets view: ${e instanceof Error ? e.message : String(e)}`));
    return run;
  }

  /** Resolves once every refresh asked for so far has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async load(): Promise<void> {
    const loaded: Loaded[] = [];
    // Filled aside and swapped in at the end: readers between awaits see the previous complete set.
    const values = new Map<string, string>();
    const files = (await vscode.workspace.findFiles('**/.env*', '**/node_modules/**', 500))
      .filter((u) => isEnvFileName(path.posix.basename(u.path)))
      .sort((a, b) => a.path.localeCompare(b.path));
    for (const uri of files) {
      const text = await readText(uri);
      if (text === undefined) continue;
      const source = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      for (const e of envSecrets(text)) {
        const id = envSecretId(uri, e.key);
        values.set(id, e.value);
        loaded.push({
          base: {
            id, kind: 'env', name: e.key, source, uri, keyRange: e.keyRange, policy: e.policy, policyErrors: e.policyErrors,
            isJwt: e.jwtPayload !== undefined, ...(e.policyRange ? { policyRange: e.policyRange } : {}),
          },
          ...(e.jwtPayload ? { jwtPayload: e.jwtPayload } : {}),
        });
      }
    }
    for (const meta of this.store.list()) {
      const id = storedSecretId(meta.name);
      const value = await this.store.get(meta.name);
      if (value !== undefined) values.set(id, value);
      const decoded = value !== undefined ? decodeJwt(value) : undefined;
      loaded.push({
        base: { id, kind: 'stored', name: meta.name, source: KEYCHAIN_SOURCE, policy: policyFromMeta(meta, parseIsoDate), policyErrors: [], meta, isJwt: decoded?.ok === true },
        createdAt: meta.createdAt,
        ...(decoded?.ok ? { jwtPayload: decoded.payload } : {}),
      });
    }
    this.loaded = loaded;
    this.values = values;
    this.evaluate();
  }

  /** Statuses against the clock and the current settings; cheap, no I/O. */
  evaluate(): void {
    const now = this.clock();
    const cfg = this.config.value;
    this.current = this.loaded.map((l) => {
      const status = evaluateSecret({
        policy: l.base.policy,
        defaultRotateDays: cfg.rotationIntervalDays,
        warningDays: cfg.warningWindowDays,
        now,
        ...(l.createdAt !== undefined ? { createdAt: l.createdAt } : {}),
        ...(l.jwtPayload ? { jwtPayload: l.jwtPayload } : {}),
      });
      const rotation = this.rotations.get(l.base.id);
      const graceEndsAt = rotation && canRollback(rotation, now) ? rotation.previous?.expiresAt : undefined;
      return { ...l.base, status, ...(graceEndsAt !== undefined ? { graceEndsAt } : {}) };
    });
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The open document's text (unsaved edits included), else the file on disk. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
