import type { AnalyzedFinding } from '../core/analyze';

/** A finding with its place, 1-based lines and columns (end column exclusive). */
export interface Located {
  readonly display: string;
  /** Root-relative path for SARIF. */
  readonly rootPath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly finding: AnalyzedFinding;
  /** Only kept when --reveal asked for it. */
  readonly value?: string;
}

export interface Summary {
  readonly scanned: number;
  readonly skipped: number;
}

export function compareLocated(a: Located, b: Located): number {
  return (a.display < b.display ? -1 : a.display > b.display ? 1 : 0) || a.line - b.line || a.column - b.column || (a.finding.ruleId < b.finding.ruleId ? -1 : 1);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function summaryLine(found: readonly Located[], s: Summary): string {
  const files = new Set(found.map((f) => f.display)).size;
  return `${plural(found.length, 'finding')} in ${plural(files, 'file')} (${plural(s.scanned, 'file')} scanned, ${s.skipped} skipped)`;
}

export function formatText(found: readonly Located[], s: Summary, color: boolean): string {
  const c = (code: string, text: string): string => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const levelColor = { high: '31', medium: '33', low: '2' } as const;
  const lines = found.map((l) => {
    const f = l.finding;
    const shown = l.value ?? f.preview;
    const conf = f.demoted ? `${f.confidence}, test path` : f.confidence;
    return `${c('1', `${l.display}:${l.line}:${l.column}`)}  ${c(levelColor[f.confidence], f.ruleId)}  ${f.title}  ${shown}  (${conf})`;
  });
  lines.push(summaryLine(found, s));
  return lines.join('\n') + '\n';
}

export function formatJson(found: readonly Located[]): string {
  return JSON.stringify(found.map((l) => ({
    path: l.display,
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
    ruleId: l.finding.ruleId,
    title: l.finding.title,
    provider: l.finding.provider,
    confidence: l.finding.confidence,
    ...(l.finding.demoted ? { demoted: true } : {}),
    preview: l.finding.preview,
    fingerprint: l.finding.fingerprint,
    ...(l.value !== undefined ? { value: l.value } : {}),
  })), null, 2) + '\n';
}
