// One-pass prefilter for the scanner. Two parts:
//  1. `analyzeAnchors` reads a rule's regex and derives literal strings every match must contain,
//     plus a bound on where the match can start relative to them. The scanner then tries the regex
//     only near those literals instead of across the whole text.
//  2. `KeywordAutomaton`, a case-insensitive Aho–Corasick automaton over all rules' literals and
//     keywords, finds every occurrence in one pass over char codes (no `toLowerCase` copy).
// Every approximation here errs wide (more chars, longer windows): a wider window only costs time,
// a narrower one would lose findings.

/** ASCII membership bitmap plus a flag for "may match some non-ASCII char". */
interface CharSet {
  readonly ascii: Uint8Array;
  other: boolean;
}

type Node =
  | { readonly k: 'char'; readonly c: number }
  | { readonly k: 'set'; readonly set: CharSet }
  /** Zero-width. `notBefore`: a `(?<![…])` of one class; `boundary`: a `\b`. */
  | { readonly k: 'zero'; readonly notBefore?: CharSet; readonly boundary?: boolean }
  /** Positive lookahead: zero-width, but its literals lie within a bounded distance of the match start. */
  | { readonly k: 'look'; readonly alts: Node[][] }
  | { readonly k: 'group'; readonly alts: Node[][] }
  | { readonly k: 'rep'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly k: 'opaque' };

/** Where a rule's matches can be: each contains one of `literals`, starting at most `maxPre` chars before it. */
export interface AnchorSpec {
  /** Lower-case ASCII strings; every match contains one of them. */
  readonly literals: readonly string[];
  /**
   * Per literal: the chars that can come right after it in a match, or undefined (any char). An
   * occurrence followed by another char anchors no match (at the end of the text it may).
   */
  readonly follows: readonly (FollowSet | undefined)[];
  /** Upper bound on the number of chars a match has before the literal (may be Infinity). */
  readonly maxPre: number;
  /** Chars that may occur before the literal inside a match (ASCII bitmap). */
  readonly preAscii: Uint8Array;
  /** Whether non-ASCII chars may occur before the literal. */
  readonly preOther: boolean;
  /** Chars a non-empty match can start with (ASCII bitmap); offsets starting elsewhere are skipped. */
  readonly firstAscii: Uint8Array;
  readonly firstOther: boolean;
  /**
   * ASCII chars that cannot precede a match (from a leading `(?<![…])` or `\b`), or undefined.
   * Inside a run of name chars only the run's first offset can start `(?<![\w…])name…`: the
   * others are skipped without calling the regex.
   */
  readonly notAfterAscii: Uint8Array | undefined;
  /** Every char that may precede the literal is in `notAfterAscii`: only a window's first offset can start a match. */
  readonly runStartOnly: boolean;
}

/** Chars that may follow a literal: ASCII bitmap plus "any non-ASCII char". */
export interface FollowSet {
  readonly ascii: Uint8Array;
  readonly other: boolean;
}

class Unsupported extends Error {}

function emptySet(): CharSet {
  return { ascii: new Uint8Array(128), other: false };
}

function fullSet(): CharSet {
  return { ascii: new Uint8Array(128).fill(1), other: true };
}

function setOf(codes: string): CharSet {
  const s = emptySet();
  for (let i = 0; i < codes.length; i++) s.ascii[codes.charCodeAt(i)] = 1;
  return s;
}

function addRange(s: CharSet, from: number, to: number): void {
  for (let c = from; c <= Math.min(to, 127); c++) s.ascii[c] = 1;
  if (to > 127) s.other = true;
}

function union(into: CharSet, from: CharSet): void {
  for (let c = 0; c < 128; c++) if (from.ascii[c]) into.ascii[c] = 1;
  if (from.other) into.other = true;
}

function complement(s: CharSet): CharSet {
  const out = emptySet();
  for (let c = 0; c < 128; c++) out.ascii[c] = s.ascii[c] ? 0 : 1;
  out.other = true;
  return out;
}

function caseClose(s: CharSet): void {
  for (let c = 65; c <= 90; c++) {
    if (s.ascii[c] || s.ascii[c + 32]) { s.ascii[c] = 1; s.ascii[c + 32] = 1; }
  }
}

const DIGITS = (): CharSet => { const s = emptySet(); addRange(s, 48, 57); return s; };
const WORD = (): CharSet => { const s = DIGITS(); addRange(s, 65, 90); addRange(s, 97, 122); s.ascii[95] = 1; return s; };
const SPACE = (): CharSet => { const s = setOf('\t\n\v\f\r '); s.other = true; return s; };

/** A small recursive-descent reader of JS regex syntax, enough to bound what a pattern matches. */
class Parser {
  private i = 0;
  private readonly ignoreCase: boolean;
  private readonly unicode: boolean;
  private readonly dotAll: boolean;

  constructor(private readonly src: string, flags: string) {
    if (flags.includes('v')) throw new Unsupported('v flag');
    this.ignoreCase = flags.includes('i');
    this.unicode = flags.includes('u');
    this.dotAll = flags.includes('s');
  }

  parse(): Node[][] {
    const alts = this.disjunction();
    if (this.i < this.src.length) throw new Unsupported('trailing');
    return alts;
  }

  private disjunction(): Node[][] {
    const alts: Node[][] = [this.alternative()];
    while (this.src[this.i] === '|') { this.i++; alts.push(this.alternative()); }
    return alts;
  }

  private alternative(): Node[] {
    const seq: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      seq.push(this.quantified(atom));
    }
    return seq;
  }

  private quantified(atom: Node): Node {
    const src = this.src;
    let min: number;
    let max: number;
    const ch = src[this.i];
    if (ch === '*') { min = 0; max = Infinity; this.i++; }
    else if (ch === '+') { min = 1; max = Infinity; this.i++; }
    else if (ch === '?') { min = 0; max = 1; this.i++; }
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else return atom;
    if (src[this.i] === '?') this.i++;
    if (atom.k === 'zero') return min === 0 ? { k: 'zero' } : atom;
    // A quantified lookahead may be skipped (min 0), so it no longer guarantees its literals.
    if (atom.k === 'look') return min === 0 ? { k: 'zero' } : atom;
    return { k: 'rep', node: atom, min, max };
  }

  private atom(): Node {
    const src = this.src;
    const ch = src[this.i];
    switch (ch) {
      case '^': case '$': this.i++; return { k: 'zero' };
      case '.': {
        this.i++;
        if (this.dotAll) return { k: 'set', set: fullSet() };
        const s = complement(setOf('\n\r'));
        return { k: 'set', set: s };
      }
      case '(': return this.group();
      case '[': return this.charClass();
      case '\\': return this.escape();
      case '*': case '+': case '?': throw new Unsupported('nothing to repeat');
      default: {
        const cp = src.codePointAt(this.i)!;
        this.i += cp > 0xffff && this.unicode ? 2 : 1;
        return this.char(cp > 0xffff && !this.unicode ? src.charCodeAt(this.i - 1) : cp);
      }
    }
  }

  private char(c: number): Node {
    return { k: 'char', c };
  }

  private group(): Node {
    const src = this.src;
    this.i++;
    let zero = false;
    let look = false;
    let negBehind = false;
    if (src[this.i] === '?') {
      const next = src.slice(this.i, this.i + 3);
      if (next.startsWith('?:')) this.i += 2;
      else if (next.startsWith('?=')) { this.i += 2; look = true; }
      else if (next.startsWith('?!')) { this.i += 2; zero = true; }
      else if (next === '?<=' || next === '?<!') { negBehind = next === '?<!'; this.i += 3; zero = true; }
      else if (next.startsWith('?<')) {
        const close = src.indexOf('>', this.i);
        if (close < 0) throw new Unsupported('group name');
        this.i = close + 1;
      } else throw new Unsupported('group kind');
    }
    const alts = this.disjunction();
    if (src[this.i] !== ')') throw new Unsupported('unclosed group');
    this.i++;
    if (negBehind && alts.length === 1 && alts[0].length === 1 && (alts[0][0].k === 'set' || alts[0][0].k === 'char')) {
      return { k: 'zero', notBefore: width(alts[0][0], this.ignoreCase, this.unicode).set };
    }
    return zero ? { k: 'zero' } : look ? { k: 'look', alts } : { k: 'group', alts };
  }

  /** Reads one escape; returns a char code, or a set for class escapes (\d, \w, \s and negations). */
  private escapeValue(inClass: boolean): number | CharSet | 'zero' | 'opaque' {
    const src = this.src;
    this.i++; // backslash
    const ch = src[this.i++];
    if (ch === undefined) throw new Unsupported('trailing backslash');
    switch (ch) {
      case 'd': return DIGITS();
      case 'D': return complement(DIGITS());
      case 'w': { const s = WORD(); if (this.ignoreCase && this.unicode) s.other = true; return s; }
      case 'W': return complement(WORD());
      case 's': return SPACE();
      case 'S': return complement(SPACE());
      case 'b': return inClass ? 8 : 'zero';
      case 'B': if (inClass) throw new Unsupported('\\B in class'); return 'zero';
      case 'n': return 10;
      case 'r': return 13;
      case 't': return 9;
      case 'v': return 11;
      case 'f': return 12;
      case '0':
        if (/[0-9]/.test(src[this.i] ?? '')) return 'opaque';
        return 0;
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(src.slice(this.i, this.i + 2));
        if (!m) { if (this.unicode) throw new Unsupported('\\x'); return 120; }
        this.i += 2;
        return parseInt(m[0], 16);
      }
      case 'u': {
        if (src[this.i] === '{' && this.unicode) {
          const close = src.indexOf('}', this.i);
          if (close < 0) throw new Unsupported('\\u{');
          const v = parseInt(src.slice(this.i + 1, close), 16);
          this.i = close + 1;
          return v;
        }
        const m = /^[0-9a-fA-F]{4}/.exec(src.slice(this.i, this.i + 4));
        if (!m) { if (this.unicode) throw new Unsupported('\\u'); return 117; }
        this.i += 4;
        const v = parseInt(m[0], 16);
        // A surrogate pair written as two \u escapes is one astral char under the u flag.
        if (this.unicode && v >= 0xd800 && v <= 0xdbff && src.startsWith('\\u', this.i)) return 'opaque';
        return v;
      }
      case 'c': {
        const l = src[this.i];
        if (l && /[A-Za-z]/.test(l)) { this.i++; return l.charCodeAt(0) % 32; }
        throw new Unsupported('\\c');
      }
      case 'p': case 'P':
        if (!this.unicode) return ch.charCodeAt(0);
        if (src[this.i] === '{') {
          const close = src.indexOf('}', this.i);
          if (close < 0) throw new Unsupported('\\p');
          this.i = close + 1;
        }
        return fullSet();
      case 'k':
        if (src[this.i] === '<') {
          const close = src.indexOf('>', this.i);
          if (close < 0) throw new Unsupported('\\k');
          this.i = close + 1;
          return 'opaque';
        }
        if (this.unicode) throw new Unsupported('\\k');
        return 107;
      default:
        if (ch >= '1' && ch <= '9') {
          if (inClass) return fullSet();
          while (/[0-9]/.test(src[this.i] ?? '')) this.i++;
          return 'opaque';
        }
        {
          const cp = src.codePointAt(this.i - 1)!;
          if (cp > 0xffff) { if (this.unicode) { this.i++; return cp; } return src.charCodeAt(this.i - 1); }
          return cp;
        }
    }
  }

  private escape(): Node {
    const boundary = this.src[this.i + 1] === 'b';
    const v = this.escapeValue(false);
    if (v === 'zero') return boundary ? { k: 'zero', boundary } : { k: 'zero' };
    if (v === 'opaque') return { k: 'opaque' };
    if (typeof v === 'number') return this.char(v);
    if (this.ignoreCase) caseClose(v);
    return { k: 'set', set: v };
  }

  private classAtom(): number | CharSet {
    const src = this.src;
    if (src[this.i] === '\\') {
      const v = this.escapeValue(true);
      if (v === 'zero' || v === 'opaque') return fullSet();
      return v;
    }
    const cp = src.codePointAt(this.i)!;
    this.i += cp > 0xffff && this.unicode ? 2 : 1;
    return cp > 0xffff && !this.unicode ? src.charCodeAt(this.i - 1) : cp;
  }

  private charClass(): Node {
    const src = this.src;
    this.i++;
    let negate = false;
    if (src[this.i] === '^') { negate = true; this.i++; }
    const set = emptySet();
    const addCode = (c: number): void => { if (c < 128) set.ascii[c] = 1; else set.other = true; };
    while (src[this.i] !== ']') {
      if (this.i >= src.length) throw new Unsupported('unclosed class');
      const a = this.classAtom();
      if (src[this.i] === '-' && src[this.i + 1] !== ']' && this.i + 1 < src.length) {
        this.i++;
        const b = this.classAtom();
        if (typeof a === 'number' && typeof b === 'number') { addRange(set, a, b); continue; }
        if (this.unicode) throw new Unsupported('class range');
        if (typeof a === 'number') addCode(a); else union(set, a);
        addCode(45);
        if (typeof b === 'number') addCode(b); else union(set, b);
        continue;
      }
      if (typeof a === 'number') addCode(a); else union(set, a);
    }
    this.i++;
    if (this.ignoreCase) { caseClose(set); if (this.unicode) set.other = true; }
    return { k: 'set', set: negate ? complement(set) : set };
  }
}

const MAX_LITERALS = 64;
const ENOUGH_LENGTH = 12;
const MAX_SEQUENCES = 64;

/** Expand a group written in a sequence into one sequence per alternative, while few enough. */
function normalize(seq: readonly Node[]): Node[][] {
  let out: Node[][] = [[]];
  for (const node of seq) {
    const inner = node.k === 'group' ? node.alts : node.k === 'rep' && node.min === 1 && node.max === 1 && node.node.k === 'group' ? node.node.alts : undefined;
    if (inner) {
      const expanded = inner.flatMap((alt) => normalize(alt));
      if (out.length * expanded.length <= MAX_SEQUENCES) {
        out = out.flatMap((prefix) => expanded.map((alt) => [...prefix, ...alt]));
        continue;
      }
    }
    for (const prefix of out) prefix.push(node);
  }
  return out;
}

interface Expansion { readonly strs: string[]; readonly complete: boolean }

function lowerAscii(c: number): string {
  return String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
}

function cross(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_LITERALS) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function power(strs: readonly string[], n: number): string[] | undefined {
  let out: string[] | undefined = [''];
  for (let i = 0; i < n && out; i++) out = cross(out, strs);
  return out;
}

// Expansions per parsed node: expandSeq starts at every offset of a sequence, so the same nodes
// are expanded many times. Results are never mutated.
const expansionMemo = new WeakMap<Node, Expansion | null>();

/** The strings a node can consume, if few and known; `complete` says whether they are all of it. */
function expandNode(node: Node): Expansion | undefined {
  let e = expansionMemo.get(node);
  if (e === undefined) { e = computeExpansion(node) ?? null; expansionMemo.set(node, e); }
  return e ?? undefined;
}

function computeExpansion(node: Node): Expansion | undefined {
  switch (node.k) {
    case 'char':
      return node.c < 128 ? { strs: [lowerAscii(node.c)], complete: true } : undefined;
    case 'set': {
      if (node.set.other) return undefined;
      const chars = new Set<string>();
      for (let c = 0; c < 128; c++) if (node.set.ascii[c]) chars.add(lowerAscii(c));
      return chars.size > 0 && chars.size <= 4 ? { strs: [...chars], complete: true } : undefined;
    }
    case 'zero': case 'look':
      return { strs: [''], complete: true };
    case 'group': {
      const all = new Set<string>();
      let complete = true;
      for (const alt of node.alts) {
        const e = expandSeq(alt, 0);
        for (const s of e.strs) all.add(s);
        if (!e.complete) complete = false;
      }
      return all.size <= MAX_LITERALS ? { strs: [...all], complete } : undefined;
    }
    case 'rep': {
      const inner = expandNode(node.node);
      if (!inner || node.min === 0 && node.max !== 1) return node.min === 0 ? { strs: [''], complete: false } : undefined;
      if (node.min === 0) {
        return inner.complete ? { strs: [...new Set(['', ...inner.strs])], complete: true } : { strs: [''], complete: false };
      }
      const n = Math.min(node.min, 4);
      const strs = inner.complete ? power(inner.strs, n) : inner.strs;
      if (!strs) return undefined;
      return { strs, complete: inner.complete && node.min === node.max && n === node.min };
    }
    case 'opaque':
      return undefined;
  }
}

/**
 * Concatenate the expansions of `seq[from..]` for as long as they stay known and few. `next` is
 * the index of the first node the strings do not cover, or -1 when they end inside a node.
 */
function expandSeq(seq: readonly Node[], from: number): Expansion & { readonly next: number } {
  let strs = [''];
  for (let j = from; j < seq.length; j++) {
    const e = expandNode(seq[j]);
    if (!e) return { strs, complete: false, next: j };
    const next = cross(strs, e.strs);
    if (!next) return { strs, complete: false, next: j };
    strs = next;
    // An incomplete node that contributed only '' (an unbounded optional part) is not entered.
    if (!e.complete) return { strs, complete: false, next: e.strs.length === 1 && e.strs[0] === '' ? j : -1 };
    if (Math.min(...strs.map((s) => s.length)) >= ENOUGH_LENGTH) return { strs, complete: false, next: j + 1 };
  }
  return { strs, complete: true, next: seq.length };
}

interface Width { max: number; readonly set: CharSet }

// Widths per parsed node (a node belongs to one pattern, so its flags are fixed). Callers only
// union from the returned sets, never into them.
const widthMemo = new WeakMap<Node, Width>();

/** Longest consumption and the chars a node may consume (both over-approximated). */
function width(node: Node, ignoreCase: boolean, unicode: boolean): Width {
  let w = widthMemo.get(node);
  if (w === undefined) { w = computeWidth(node, ignoreCase, unicode); widthMemo.set(node, w); }
  return w;
}

function computeWidth(node: Node, ignoreCase: boolean, unicode: boolean): Width {
  switch (node.k) {
    case 'char': {
      const set = emptySet();
      if (node.c < 128) set.ascii[node.c] = 1; else set.other = true;
      if (ignoreCase) { caseClose(set); if (unicode) set.other = true; }
      return { max: 1, set };
    }
    case 'set': return { max: 1, set: node.set };
    case 'zero': case 'look': return { max: 0, set: emptySet() };
    case 'group': {
      const set = emptySet();
      let max = 0;
      for (const alt of node.alts) {
        const w = seqWidth(alt, ignoreCase, unicode);
        union(set, w.set);
        max = Math.max(max, w.max);
      }
      return { max, set };
    }
    case 'rep': {
      const w = width(node.node, ignoreCase, unicode);
      return { max: w.max === 0 ? 0 : w.max * node.max, set: w.set };
    }
    case 'opaque': return { max: Infinity, set: fullSet() };
  }
}

function seqWidth(seq: readonly Node[], ignoreCase: boolean, unicode: boolean): Width {
  const set = emptySet();
  let max = 0;
  for (const n of seq) {
    const w = width(n, ignoreCase, unicode);
    union(set, w.set);
    max += w.max;
  }
  return { max, set };
}

interface Candidate {
  readonly literals: string[];
  /** Per literal, what may follow it (undefined: anything). */
  readonly follows: Map<string, CharSet | undefined>;
  readonly pre: Width;
  readonly score: number;
}

/** Merge `from` into `into`: a literal that may be followed by anything stays so. */
function mergeFollows(into: Map<string, CharSet | undefined>, from: ReadonlyMap<string, CharSet | undefined>): void {
  for (const [l, f] of from) {
    if (!into.has(l)) { into.set(l, f === undefined ? undefined : copySet(f)); continue; }
    const cur = into.get(l);
    if (cur === undefined) continue;
    if (f === undefined) into.set(l, undefined); else union(cur, f);
  }
}

function copySet(s: CharSet): CharSet {
  const out = emptySet();
  union(out, s);
  return out;
}

function score(literals: readonly string[], pre: Width): number {
  const minLen = Math.min(...literals.map((s) => s.length));
  // Longer literals hit less often; a short bounded window is cheap to try; unbounded is the last resort.
  return Math.min(minLen, 8) * 10 - (pre.max === 0 ? 0 : pre.max <= 32 ? 5 : pre.max <= 80 ? 25 : 45) - literals.length / 16;
}

function bestCandidate(seq: readonly Node[], ignoreCase: boolean, unicode: boolean, minLength: number): Candidate | undefined {
  let best: Candidate | undefined;
  const consider = (c: Candidate | undefined): void => { if (c && (!best || c.score > best.score)) best = c; };
  // The width of seq[0..k), grown one node at a time and copied only into a kept candidate.
  const preSet = emptySet();
  let preMax = 0;
  const snapshot = (): Width => { const set = emptySet(); union(set, preSet); return { max: preMax, set }; };
  for (let k = 0; k < seq.length; k++) {
    const node = seq[k];
    if (k > 0) {
      const w = width(seq[k - 1], ignoreCase, unicode);
      union(preSet, w.set);
      preMax += w.max;
    }
    const pre = { max: preMax, set: preSet };
    if (node.k === 'look') {
      // Literals inside a lookahead: the window before them adds up the text before the
      // lookahead and the part of the lookahead before the literal.
      const literals = new Set<string>();
      const follows = new Map<string, CharSet | undefined>();
      const set = emptySet();
      union(set, pre.set);
      let max = 0;
      let ok = true;
      for (const alt of node.alts) {
        for (const inner of normalize(alt)) {
          const c = bestCandidate(inner, ignoreCase, unicode, minLength);
          if (!c) { ok = false; break; }
          for (const l of c.literals) literals.add(l);
          mergeFollows(follows, c.follows);
          union(set, c.pre.set);
          max = Math.max(max, c.pre.max);
        }
        if (!ok) break;
      }
      if (ok && literals.size <= MAX_LITERALS) {
        const w = { max: pre.max + max, set };
        consider({ literals: [...literals], follows, pre: w, score: score([...literals], w) });
      }
    }
    const e = expandSeq(seq, k);
    if (Math.min(...e.strs.map((s) => s.length)) < minLength) continue;
    const sc = score(e.strs, pre);
    if (!best || sc > best.score) {
      // The strings cover whole nodes up to `next`: what follows them is the rest's first char.
      // firstOfSeq answers "any char" when the rest may be empty.
      const after = e.next < 0 ? undefined : firstOfSeq(seq.slice(e.next), ignoreCase, unicode);
      const follow = after === undefined || isFull(after) ? undefined : after;
      best = { literals: e.strs, follows: new Map(e.strs.map((l) => [l, follow])), pre: snapshot(), score: sc };
    }
  }
  return best;
}

function isFull(s: CharSet): boolean {
  if (!s.other) return false;
  for (let c = 0; c < 128; c++) if (!s.ascii[c]) return false;
  return true;
}

/** Whether a node can match the empty string. */
function nullable(node: Node): boolean {
  switch (node.k) {
    case 'char': case 'set': return false;
    case 'zero': case 'look': case 'opaque': return true;
    case 'group': return node.alts.some((alt) => alt.every(nullable));
    case 'rep': return node.min === 0 || nullable(node.node);
  }
}

/** Chars the first consumed char of a node can be (over-approximated). */
function firstOf(node: Node, ignoreCase: boolean, unicode: boolean): CharSet {
  switch (node.k) {
    case 'char': case 'set': return width(node, ignoreCase, unicode).set;
    case 'zero': case 'look': return emptySet();
    case 'opaque': return fullSet();
    case 'group': { const set = emptySet(); for (const alt of node.alts) union(set, firstOfSeq(alt, ignoreCase, unicode)); return set; }
    case 'rep': return node.max === 0 ? emptySet() : firstOf(node.node, ignoreCase, unicode);
  }
}

function firstOfSeq(seq: readonly Node[], ignoreCase: boolean, unicode: boolean): CharSet {
  const set = emptySet();
  for (const n of seq) {
    union(set, firstOf(n, ignoreCase, unicode));
    if (!nullable(n)) return set;
  }
  // The rest may be empty: what follows the sequence is unknown here.
  return fullSet();
}

/**
 * Literals that every match of `pattern` contains, with the window before them where the match may
 * start. Undefined when the pattern gives no useful literal: the scanner then runs it on the full text.
 * All sequences' windows are merged into one (widest) so windows grow with the literal's offset.
 */
export function analyzeAnchors(pattern: RegExp): AnchorSpec | undefined {
  let alts: Node[][];
  try {
    alts = new Parser(pattern.source, pattern.flags).parse();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const ignoreCase = pattern.flags.includes('i');
  const unicode = pattern.flags.includes('u');
  const literals = new Set<string>();
  const follows = new Map<string, CharSet | undefined>();
  const preSet = emptySet();
  let maxPre = 0;
  for (const alt of alts) {
    for (const seq of normalize(alt)) {
      // Two-char literals only when nothing longer exists in this branch.
      const c = bestCandidate(seq, ignoreCase, unicode, 3) ?? bestCandidate(seq, ignoreCase, unicode, 2);
      if (!c) return undefined;
      for (const l of c.literals) literals.add(l);
      mergeFollows(follows, c.follows);
      union(preSet, c.pre.set);
      maxPre = Math.max(maxPre, c.pre.max);
    }
  }
  if (literals.size > MAX_LITERALS * 2) return undefined;
  const first = emptySet();
  for (const alt of alts) union(first, firstOfSeq(alt, ignoreCase, unicode));
  const notAfterAscii = notAfterOf([{ k: 'group', alts }], ignoreCase, unicode);
  let runStartOnly = notAfterAscii !== undefined && !preSet.other;
  for (let c = 0; c < 128 && runStartOnly; c++) if (preSet.ascii[c] && !notAfterAscii![c]) runStartOnly = false;
  const list = [...literals];
  return {
    literals: list, follows: list.map((l) => follows.get(l)), maxPre, preAscii: preSet.ascii, preOther: preSet.other, firstAscii: first.ascii, firstOther: first.other,
    notAfterAscii, runStartOnly,
  };
}

/**
 * ASCII chars that cannot precede a match of `seq`: from a leading `(?<![…])`, or a leading `\b`
 * before a word char. Alternatives intersect; undefined when some alternative says nothing.
 */
function notAfterOf(seq: readonly Node[], ignoreCase: boolean, unicode: boolean): Uint8Array | undefined {
  for (let i = 0; i < seq.length; i++) {
    const node = seq[i];
    if (node.k === 'zero') {
      if (node.notBefore) return node.notBefore.other ? undefined : node.notBefore.ascii;
      if (node.boundary) {
        const first = firstOfSeq(seq.slice(i + 1), ignoreCase, unicode);
        if (first.other) return undefined;
        const word = WORD();
        for (let c = 0; c < 128; c++) if (first.ascii[c] && !word.ascii[c]) return undefined;
        return word.ascii;
      }
      continue;
    }
    if (node.k === 'look') continue;
    const group = node.k === 'group' ? node : node.k === 'rep' && node.min === 1 && node.max === 1 && node.node.k === 'group' ? node.node : undefined;
    if (!group) return undefined;
    const rest = seq.slice(i + 1);
    let out: Uint8Array | undefined;
    for (const alt of group.alts) {
      const n = notAfterOf([...alt, ...rest], ignoreCase, unicode);
      if (!n) return undefined;
      if (!out) out = Uint8Array.from(n);
      else for (let c = 0; c < 128; c++) out[c] &= n[c];
    }
    return out;
  }
  return undefined;
}

/** Case-folding table: text char code -> automaton column (0: char in no pattern). */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  // The only non-ASCII chars a case-insensitive regex matches to ASCII letters (Kelvin sign, long s).
  if (c === 0x212a) return 107;
  if (c === 0x17f) return 115;
  return c;
}

/**
 * Aho–Corasick over lower-case ASCII patterns, case-insensitive on the text side. Built once; `run`
 * walks the text once and reports (pattern id, start offset) for every occurrence, overlaps included.
 */
export class KeywordAutomaton {
  private readonly columns: number;
  private readonly colOf: Uint8Array;
  /** Transition table; entries are target state * columns, bit-inverted when the target has output. */
  private readonly delta: Int32Array;
  /** Output pattern ids per state (state * columns as key): start offsets into outIds. */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    const alphabet = new Map<number, number>();
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c >= 128) throw new Error(`KeywordAutomaton: non-ASCII pattern ${JSON.stringify(p)}`);
        if (!alphabet.has(c)) alphabet.set(c, alphabet.size + 1);
      }
    }
    const columns = alphabet.size + 1;
    this.columns = columns;
    const colOf = new Uint8Array(65536);
    if (columns > 255) throw new Error('KeywordAutomaton: alphabet too large');
    for (const c of [...Array(128).keys(), 0x212a, 0x17f]) colOf[c] = alphabet.get(foldCode(c)) ?? 0;
    this.colOf = colOf;

    // Trie.
    const next: number[][] = [new Array<number>(columns).fill(-1)];
    const outs: number[][] = [[]];
    patterns.forEach((p, id) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const col = alphabet.get(p.charCodeAt(i))!;
        if (next[s][col] === -1) {
          next[s][col] = next.length;
          next.push(new Array<number>(columns).fill(-1));
          outs.push([]);
        }
        s = next[s][col];
      }
      outs[s].push(id);
    });
    // Failure links, breadth-first, turning the trie into a full DFA.
    const fail = new Array<number>(next.length).fill(0);
    const queue: number[] = [];
    for (let col = 0; col < columns; col++) {
      const t = next[0][col];
      if (t === -1) next[0][col] = 0; else { fail[t] = 0; queue.push(t); }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      outs[s].push(...outs[fail[s]]);
      for (let col = 0; col < columns; col++) {
        const t = next[s][col];
        if (t === -1) next[s][col] = next[fail[s]][col];
        else { fail[t] = next[fail[s]][col]; queue.push(t); }
      }
    }
    const n = next.length;
    const delta = new Int32Array(n * columns);
    const outStart = new Int32Array(n + 1);
    const ids: number[] = [];
    for (let s = 0; s < n; s++) {
      outStart[s] = ids.length;
      ids.push(...outs[s]);
      for (let col = 0; col < columns; col++) {
        const t = next[s][col];
        delta[s * columns + col] = outs[t].length > 0 ? ~(t * columns) : t * columns;
      }
    }
    outStart[n] = ids.length;
    this.delta = delta;
    this.outStart = outStart;
    this.outIds = Int32Array.from(ids);
    this.lengths = Int32Array.from(patterns.map((p) => p.length));
  }

  /** Calls `onHit(patternId, start)` for every occurrence, in order of end offset. */
  run(text: string, onHit: (patternId: number, start: number) => void): void {
    const delta = this.delta;
    const colOf = this.colOf;
    const columns = this.columns;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      let t = delta[s + colOf[text.charCodeAt(i)]];
      if (t < 0) {
        t = ~t;
        const state = t / columns;
        for (let o = this.outStart[state], e = this.outStart[state + 1]; o < e; o++) {
          const id = this.outIds[o];
          onHit(id, i + 1 - this.lengths[id]);
        }
      }
      s = t;
    }
  }
}
