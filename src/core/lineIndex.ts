/** A 0-based line/character position; characters are UTF-16 code units, as in VS Code and SARIF's default. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Maps offsets to positions with a binary search over line starts. Build once per text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset (clamped to the text) → 0-based position. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - s[lo] };
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}
