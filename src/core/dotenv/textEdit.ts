// The one edit shape every planner in the core returns. Offsets are UTF-16 code units into the
// ORIGINAL text (end exclusive), so an adapter maps each one to a `TextEdit` with `positionAt` and
// applies them together in one `WorkspaceEdit`. Edits of one plan never overlap.

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Apply non-overlapping edits (any order) to `text`. Used by tests and by the planners' self-checks. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) throw new RangeError('overlapping or out-of-range edit');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
