// A conservative static check for catastrophic backtracking in user patterns. It is a heuristic:
// it rejects a quantified group that itself contains a repeating quantifier (`(a+)+`, `(.*)*`,
// `(\w+\s?)+`), the shape behind almost all exponential regexes. It does not catch overlapping
// alternations under a quantifier (`(a|a)*`) or polynomial chains (`\w*\w*\w*x`); users writing
// those get slow scans, not wrong ones, and the scanner caps file sizes.

interface Frame {
  /** The group contains an unbounded quantifier (`*`, `+`, `{n,}`). */
  unbounded: boolean;
  /** The group contains a quantifier with a variable repeat count (`+`, `{2,5}`; not `{4}`). */
  repeats: boolean;
}

interface Quantifier {
  readonly length: number;
  readonly unbounded: boolean;
  readonly repeats: boolean;
}

function quantifierAt(src: string, i: number): Quantifier | undefined {
  const c = src[i];
  if (c === '*' || c === '+') return { length: src[i + 1] === '?' || src[i + 1] === '+' ? 2 : 1, unbounded: true, repeats: true };
  if (c === '?') return { length: src[i + 1] === '?' ? 2 : 1, unbounded: false, repeats: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(src.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length, unbounded: max === Infinity, repeats: max > 1 && max > min };
  }
  return undefined;
}

/** Returns a reason when the pattern has a nested quantifier, else undefined. */
export function catastrophicBacktrackingRisk(source: string): string | undefined {
  const stack: Frame[] = [{ unbounded: false, repeats: false }];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      // Skip the class; quantifiers after it are handled below like any atom.
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      stack.push({ unbounded: false, repeats: false });
      i++;
      continue;
    } else if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : { unbounded: false, repeats: false };
      const q = quantifierAt(source, i + 1);
      const parent = stack[stack.length - 1];
      if (q && ((q.unbounded && inner.repeats) || (q.repeats && inner.unbounded))) {
        const end = i + 1 + q.length;
        return `nested quantifier near "${source.slice(Math.max(0, i - 12), end)}" can backtrack catastrophically; make the inner or outer repetition bounded, or use a character class`;
      }
      parent.unbounded ||= inner.unbounded || (q?.unbounded ?? false);
      parent.repeats ||= inner.repeats || (q?.repeats ?? false);
      i += 1 + (q?.length ?? 0);
      continue;
    } else {
      i++;
    }
    const q = quantifierAt(source, i);
    if (q) {
      const top = stack[stack.length - 1];
      top.unbounded ||= q.unbounded;
      top.repeats ||= q.repeats;
      i += q.length;
    }
  }
  return undefined;
}
