/** Shannon entropy in bits per character. Allocation-light: counts into a reused table. */
const counts = new Uint32Array(65536);
const seen: number[] = [];

export function shannonEntropy(s: string, start = 0, end = s.length): number {
  const n = end - start;
  if (n <= 0) return 0;
  seen.length = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (counts[c]++ === 0) seen.push(c);
  }
  let h = 0;
  for (const c of seen) {
    const p = counts[c] / n;
    h -= p * Math.log2(p);
    counts[c] = 0;
  }
  return h;
}

export type Alphabet = 'hex' | 'base64' | 'alnum' | 'other';

/** The narrowest alphabet a value is written in; decides which entropy bar it has to clear. */
export function alphabetOf(value: string): Alphabet {
  if (/^[0-9a-f]+$/i.test(value) && (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value))) return 'hex';
  if (/^[A-Za-z0-9]+$/.test(value)) return 'alnum';
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return 'base64';
  return 'other';
}

/**
 * Does the value look machine-generated for its alphabet and length? Shannon entropy of a short
 * string is capped by log2(length), so the bar is relative to what the string could reach.
 */
export function looksRandom(value: string, minLength = 12): boolean {
  const n = value.length;
  if (n < minLength) return false;
  const alphabet = alphabetOf(value);
  const size = alphabet === 'hex' ? 16 : alphabet === 'alnum' ? 62 : alphabet === 'base64' ? 64 : 90;
  const ceiling = Math.log2(Math.min(n, size));
  const h = shannonEntropy(value);
  const ratio = alphabet === 'hex' ? 0.72 : 0.75;
  if (h < ceiling * ratio) return false;
  // Random strings over a mixed alphabet mix character classes; a single class needs more length.
  if (alphabet !== 'hex') {
    const classes = (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0) + (/[^A-Za-z0-9]/.test(value) ? 1 : 0);
    if (classes < 2 && n < 24) return false;
  }
  return true;
}
