// Pure token logic behind the Tokens view (no `vscode` import): tokens from several places merged
// by content, each evaluated against a clock into rows a tree can show as is.
import { sha256Hex } from '../fingerprint';
import { decodeJwt } from '../jwt/decode';
import type { DecodeResult } from '../jwt/decode';
import { describeJwt } from '../jwt/describe';
import type { JwtRow } from '../jwt/describe';
import type { JwtState } from '../jwt/status';
import type { VerifyOutcome } from '../jwt/verify';

export type TokenSourceKind = 'document' | 'env' | 'stored' | 'decoded';

export interface TokenSource {
  readonly kind: TokenSourceKind;
  /** "ACCESS_TOKEN", "src/auth.ts:12", "clipboard". Never the token. */
  readonly label: string;
  readonly detail?: string;
  /** Document or .env file, with the 0-based line. */
  readonly uri?: string;
  readonly line?: number;
}

export interface TokenInput {
  /** The compact token, or whatever text was given to "Decode JWT…". A credential: memory only. */
  readonly text: string;
  readonly source: TokenSource;
}

export interface VerificationView {
  readonly result: VerifyOutcome;
  readonly reason: string;
  readonly warnings: readonly string[];
  readonly keySource: string;
  readonly at: number;
}

export interface TokenView {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly state: JwtState | 'malformed';
  readonly sources: readonly TokenSource[];
  readonly header: readonly JwtRow[];
  readonly claims: readonly JwtRow[];
  /** Why the token could not be decoded. */
  readonly error?: string;
  readonly verification?: VerificationView;
}

/** Stable id of a token (or of malformed input): a short content hash. */
export function tokenId(text: string): string {
  return sha256Hex(text.trim()).slice(0, 16);
}

export interface MergedToken {
  readonly id: string;
  readonly text: string;
  readonly decoded: DecodeResult;
  readonly sources: readonly TokenSource[];
}

/** One entry per distinct token, in first-seen order, with every place it was found. */
export function mergeTokens(inputs: Iterable<TokenInput>): MergedToken[] {
  const byId = new Map<string, { text: string; decoded: DecodeResult; sources: TokenSource[] }>();
  for (const i of inputs) {
    const id = tokenId(i.text);
    const seen = byId.get(id);
    if (seen) {
      if (!seen.sources.some((s) => s.kind === i.source.kind && s.label === i.source.label)) seen.sources.push(i.source);
    } else byId.set(id, { text: i.text, decoded: decodeJwt(i.text), sources: [i.source] });
  }
  return [...byId].map(([id, v]) => ({ id, ...v }));
}

const VERIFY_TEXT: Readonly<Record<VerifyOutcome, string>> = {
  valid: 'signature valid',
  invalid: 'signature INVALID',
  'alg-mismatch': 'algorithm mismatch',
  unsupported: 'unsupported key',
  error: 'not verified',
};

export function verificationText(v: VerificationView): string {
  return VERIFY_TEXT[v.result];
}

export function viewToken(t: MergedToken, now: number, warningWindowMs: number, verification?: VerificationView, tzOffsetMinutes?: number): TokenView {
  const first = t.sources[0] as TokenSource;
  const others = t.sources.length > 1 ? ` (+${t.sources.length - 1})` : '';
  const label = first.label + others;
  const where = t.sources.map((s) => `${s.label}${s.detail ? ` — ${s.detail}` : ''}`).join('\n');
  const v = verification ? { verification } : {};
  if (!t.decoded.ok) {
    return { id: t.id, label, description: `malformed: ${t.decoded.reason}`, tooltip: `${t.decoded.reason}\n\n${where}`, state: 'malformed', sources: t.sources, header: [], claims: [], error: t.decoded.reason, ...v };
  }
  const d = describeJwt(t.decoded, { now, warningWindowMs, ...(tzOffsetMinutes !== undefined ? { tzOffsetMinutes } : {}) });
  const description = verification ? `${verificationText(verification)} · ${d.summary}` : d.summary;
  const tooltipParts = [d.summary, ...d.status.problems, ...(verification ? [`${verificationText(verification)} (${verification.keySource}): ${verification.reason}`, ...verification.warnings] : []), '', where];
  return { id: t.id, label, description, tooltip: tooltipParts.join('\n'), state: d.status.state, sources: t.sources, header: d.header, claims: d.claims, ...v };
}
