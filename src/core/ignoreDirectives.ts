// Inline ignore comments: Leakproof's own and those users already have from other scanners,
// so a team adopting Leakproof does not see its triaged findings again.

const SAME_LINE = /leakproof-ignore(?!-next-line)|gitleaks:allow|betterleaks:allow|trufflehog:ignore|pragma:\s*allowlist\s+secret|secretlint-disable-line|nosec\b|detect-secrets:\s*allow/i;
const NEXT_LINE = /leakproof-ignore-next-line|pragma:\s*allowlist\s+nextline\s+secret|secretlint-disable-next-line/i;
const BLOCK_OFF = /secretlint-disable(?![-\w])|leakproof-disable(?![-\w])/i;
const BLOCK_ON = /secretlint-enable(?![-\w])|leakproof-enable(?![-\w])/i;
/**
 * Literal pieces, one of which every directive contains (lower-case). The scanner's one-pass
 * keyword search looks for them, so a text without any skips the directive index entirely.
 */
export const DIRECTIVE_PIECES: readonly string[] = ['leakproof-', 'gitleaks:allow', 'betterleaks:allow', 'trufflehog:ignore', 'pragma:', 'secretlint-', 'nosec', 'detect-secrets:'];
const ANY = /leakproof-|gitleaks:allow|betterleaks:allow|trufflehog:ignore|pragma:\s*allowlist|secretlint-|nosec\b|detect-secrets:/i;

function lastIndexOf(re: RegExp, line: string): number {
  const g = new RegExp(re.source, 'gi');
  let last = -1;
  for (let m = g.exec(line); m !== null; m = g.exec(line)) last = m.index;
  return last;
}

/** Decides, for offsets in one text, whether an ignore directive covers them. Built lazily. */
export class IgnoreIndex {
  private lineStarts: number[] | undefined;
  private ignored: Uint8Array | undefined;
  private readonly hasAny: boolean;

  constructor(private readonly text: string) {
    this.hasAny = ANY.test(text);
  }

  isIgnored(offset: number): boolean {
    if (!this.hasAny) return false;
    this.build();
    return this.ignored![this.lineOf(offset)] === 1;
  }

  private build(): void {
    if (this.lineStarts) return;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const ignored = new Uint8Array(starts.length);
    let blocked = false;
    for (let l = 0; l < starts.length; l++) {
      const line = text.slice(starts[l], l + 1 < starts.length ? starts[l + 1] : text.length);
      if (!ANY.test(line)) { if (blocked) ignored[l] = 1; continue; }
      // One line may both open and close a block (`/* secretlint-disable */ x /* secretlint-enable */`):
      // the later directive decides what follows; the line itself is covered either way.
      const off = lastIndexOf(BLOCK_OFF, line);
      const on = lastIndexOf(BLOCK_ON, line);
      if (blocked || off >= 0 || SAME_LINE.test(line)) ignored[l] = 1;
      if (NEXT_LINE.test(line) && l + 1 < starts.length) ignored[l + 1] = 1;
      if (off > on) blocked = true;
      else if (on > off) blocked = false;
    }
    this.lineStarts = starts;
    this.ignored = ignored;
  }

  private lineOf(offset: number): number {
    const s = this.lineStarts!;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
}
