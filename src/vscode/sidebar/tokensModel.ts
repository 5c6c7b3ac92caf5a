import * as vscode from 'vscode';
import * as path from 'node:path';
import { HOUR_MS } from '../../core/clock';
import type { Clock } from '../../core/clock';
import { findJwts } from '../../core/jwt/findTokens';
import { LineIndex } from '../../core/lineIndex';
import { isEnvFileName } from '../../core/secrets/envSecrets';
import { mergeTokens, tokenId, viewToken } from '../../core/secrets/tokenViews';
import type { MergedToken, TokenInput, TokenView, VerificationView } from '../../core/secrets/tokenViews';
import type { SecretsModel } from './secretsModel';

// Tokens are short-lived (minutes to hours): a day's notice is "expiring" here, unlike the
// Secrets view whose window (days) comes from the settings.
const TOKEN_WARNING_MS = 24 * HOUR_MS;
const MAX_DOCUMENT_CHARS = 1_000_000;
const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/**
 * Every JWT in open documents, `.env*` values and stored secrets, plus tokens given to "Decode
 * JWT…" (kept for the session only, never persisted: they are credentials).
 */
export class TokensModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly decoded: TokenInput[] = [];
  private readonly verifications = new Map<string, VerificationView>();
  private merged: MergedToken[] = [];
  private current: TokenView[] = [];

  constructor(private readonly secrets: SecretsModel, private readonly clock: Clock) {}

  get items(): readonly TokenView[] {
    return this.current;
  }

  find(id: string): TokenView | undefined {
    return this.current.find((t) => t.id === id);
  }

  /** The compact token behind a view row (memory only). */
  tokenText(id: string): string | undefined {
    return this.merged.find((t) => t.id === id)?.text;
  }

  /** Adds text given to "Decode JWT…"; malformed input is kept too, to show why. Returns its id. */
  add(text: string, label: string): string {
    const trimmed = text.trim().replace(/^Bearer\s+/i, '');
    const id = tokenId(trimmed);
    if (!this.decoded.some((d) => tokenId(d.text) === id)) this.decoded.push({ text: trimmed, source: { kind: 'decoded', label } });
    this.refresh();
    return id;
  }

  remove(id: string): void {
    const i = this.decoded.findIndex((d) => tokenId(d.text) === id);
    if (i >= 0) this.decoded.splice(i, 1);
    this.refresh();
  }

  setVerification(id: string, v: VerificationView): void {
    this.verifications.set(id, v);
    this.evaluate();
  }

  /** Re-collects tokens from open documents and the secrets model (both already in memory). */
  refresh(): void {
    const inputs: TokenInput[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      if (!DOCUMENT_SCHEMES.has(doc.uri.scheme) || isEnvFileName(path.posix.basename(doc.uri.path))) continue;
      const text = doc.getText();
      if (text.length > MAX_DOCUMENT_CHARS) continue;
      const found = findJwts(text);
      if (found.length === 0) continue;
      const index = new LineIndex(text);
      const rel = vscode.workspace.asRelativePath(doc.uri);
      for (const f of found) {
        const line = index.positionAt(f.start).line;
        inputs.push({ text: f.token, source: { kind: 'document', label: `${path.posix.basename(doc.uri.path)}:${line + 1}`, detail: rel, uri: doc.uri.toString(), line } });
      }
    }
    for (const s of this.secrets.items) {
      if (!s.isJwt) continue;
      const value = this.secrets.valueOf(s.id);
      if (value === undefined) continue;
      inputs.push({
        text: value,
        source: { kind: s.kind === 'env' ? 'env' : 'stored', label: s.name, detail: s.source, ...(s.uri ? { uri: s.uri.toString() } : {}), ...(s.keyRange ? { line: s.keyRange.line } : {}) },
      });
    }
    inputs.push(...this.decoded);
    this.merged = mergeTokens(inputs);
    this.evaluate();
  }

  /** Relative times and states against the clock; no I/O. */
  evaluate(): void {
    const now = this.clock();
    this.current = this.merged.map((t) => viewToken(t, now, TOKEN_WARNING_MS, this.verifications.get(t.id)));
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
