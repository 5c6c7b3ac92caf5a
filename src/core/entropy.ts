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
