import { type CharSet, canonicalise, canonTableOf, contains, isWordUnit, negate, WORD } from './charset.js';
import { escapeLiteral, type PatternNode, parsePattern } from './pattern-parser.js';

/**
 * Turns a safe pattern into a deterministic finite automaton (Thompson NFA, then subset construction) that
 * answers "does the text contain a match" in one pass: time linear in the text whatever the pattern, which
 * is the guarantee against regular-expression denial of service (the RE2 approach). Anchors and `\b` are
 * resolved during the construction by remembering whether the previous character was a word character.
 */

export const MAX_NFA_STATES = 20_000;
export const MAX_DFA_STATES = 10_000;

const CHAR = 0;
const SPLIT = 1;
const ASSERT = 2;
const MATCH = 3;
const EPS = 4;

const A_START = 0;
const A_END = 1;
const A_BOUNDARY = 2;
const A_NOT_BOUNDARY = 3;

const PREV_START = 0;
const PREV_WORD = 1;
const PREV_OTHER = 2;
const END = -1;

export class PatternTooComplexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternTooComplexError';
  }
}

interface Nfa {
  type: number[];
  out1: number[];
  out2: number[];
  set: (CharSet | undefined)[];
  start: number;
}

function buildNfa(roots: readonly PatternNode[]): Nfa {
  const nfa: Nfa = { type: [], out1: [], out2: [], set: [], start: 0 };
  const add = (type: number, out1 = -1, out2 = -1, set?: CharSet): number => {
    if (nfa.type.length >= MAX_NFA_STATES) {
      throw new PatternTooComplexError(`pattern expands to more than ${MAX_NFA_STATES} automaton states`);
    }
    nfa.type.push(type);
    nfa.out1.push(out1);
    nfa.out2.push(out2);
    nfa.set.push(set);
    return nfa.type.length - 1;
  };
  const canonical = new Map<string, CharSet>();
  const canon = (set: CharSet): CharSet => {
    const key = set.join(',');
    let found = canonical.get(key);
    if (!found) {
      found = canonicalise(set);
      canonical.set(key, found);
    }
    return found;
  };
  // Continuation style: build(node, next) returns the state that matches `node` and then continues at `next`.
  const build = (node: PatternNode, next: number): number => {
    switch (node.t) {
      case 'set': {
        const folded = canon(node.set);
        return add(CHAR, next, -1, node.negated ? negate(folded) : folded);
      }
      case 'assert': {
        const kind = { start: A_START, end: A_END, boundary: A_BOUNDARY, notBoundary: A_NOT_BOUNDARY }[
          node.kind
        ];
        return add(ASSERT, next, kind);
      }
      case 'seq': {
        let state = next;
        for (let i = node.items.length - 1; i >= 0; i--) state = build(node.items[i]!, state);
        return state;
      }
      case 'alt': {
        const starts = node.options.map((option) => build(option, next));
        let state = starts[starts.length - 1]!;
        for (let i = starts.length - 2; i >= 0; i--) state = add(SPLIT, starts[i]!, state);
        return state;
      }
      case 'rep': {
        let tail = next;
        if (node.max === Number.POSITIVE_INFINITY) {
          const loop = add(SPLIT, -1, next);
          nfa.out1[loop] = build(node.node, loop);
          tail = loop;
        } else {
          for (let k = 0; k < node.max - node.min; k++) tail = add(SPLIT, build(node.node, tail), next);
        }
        for (let i = 0; i < node.min; i++) tail = build(node.node, tail);
        return tail;
      }
      default:
        return node satisfies never;
    }
  };
  const starts = roots.map((root, index) => build(root, add(MATCH, -1, index)));
  let start = starts[starts.length - 1]!;
  for (let i = starts.length - 2; i >= 0; i--) start = add(SPLIT, starts[i]!, start);
  nfa.start = add(EPS, start);
  return nfa;
}

export interface TextMatcher {
  /** True when some substring of `text` matches (case-insensitive). */
  test(text: string): boolean;
  readonly stateCount: number;
  readonly classCount: number;
}

interface Automaton {
  n: number;
  /** Row offsets (state * n); `emit` holds, per transition, the patterns that match before that character. */
  table: Int32Array;
  emit: Int32Array;
  endMask: Int32Array;
  ascii: Int32Array;
  classOf: (unit: number) => number;
  stateCount: number;
}

function buildAutomaton(sources: readonly string[]): Automaton {
  const nfa = buildNfa(sources.map(parsePattern));
  const canonTable = canonTableOf();

  // Alphabet classes: intervals of canonical code units on which every character set (and \w) agrees.
  const sets = [WORD, ...nfa.set.filter((s): s is CharSet => s !== undefined)];
  const cuts = new Set<number>([0]);
  for (const set of sets) {
    for (let i = 0; i < set.length; i += 2) {
      cuts.add(set[i]!);
      if (set[i + 1]! < 0xffff) cuts.add(set[i + 1]! + 1);
    }
  }
  const starts = Int32Array.from([...cuts].sort((a, b) => a - b));
  const signatureClass = new Map<string, number>();
  const intervalClass = new Int32Array(starts.length);
  const classRep: number[] = [];
  for (let j = 0; j < starts.length; j++) {
    const unit = starts[j]!;
    const signature = sets.map((set) => (contains(set, unit) ? '1' : '0')).join('');
    let cls = signatureClass.get(signature);
    if (cls === undefined) {
      cls = classRep.length;
      signatureClass.set(signature, cls);
      classRep.push(unit);
    }
    intervalClass[j] = cls;
  }
  const classCount = classRep.length;
  const classIsWord = classRep.map(isWordUnit);
  const classOfCanonical = (unit: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= unit) lo = mid;
      else hi = mid - 1;
    }
    return intervalClass[lo]!;
  };
  const ascii = new Int32Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = classOfCanonical(canonTable[c]!);

  // Subset construction. A DFA state is (NFA states waiting for a character, kind of previous character).
  const mark = new Int32Array(nfa.type.length);
  let generation = 0;
  const closure = (kernel: readonly number[], prev: number, next: number): number[] => {
    generation++;
    const out: number[] = [];
    const stack = [nfa.start, ...kernel];
    const nextIsWord = next !== END && classIsWord[next]!;
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (mark[s] === generation) continue;
      mark[s] = generation;
      switch (nfa.type[s]) {
        case CHAR:
        case MATCH:
          out.push(s);
          break;
        case SPLIT:
          stack.push(nfa.out2[s]!, nfa.out1[s]!);
          break;
        case EPS:
          stack.push(nfa.out1[s]!);
          break;
        case ASSERT: {
          const kind = nfa.out2[s];
          const prevIsWord = prev === PREV_WORD;
          const holds =
            kind === A_START
              ? prev === PREV_START
              : kind === A_END
                ? next === END
                : kind === A_BOUNDARY
                  ? prevIsWord !== nextIsWord
                  : prevIsWord === nextIsWord;
          if (holds) stack.push(nfa.out1[s]!);
          break;
        }
      }
    }
    return out;
  };

  const keys = new Map<string, number>();
  const kernels: number[][] = [];
  const prevs: number[] = [];
  const stateOf = (kernel: number[], prev: number): number => {
    kernel.sort((a, b) => a - b);
    const key = `${prev}|${kernel.join(',')}`;
    let id = keys.get(key);
    if (id === undefined) {
      if (kernels.length >= MAX_DFA_STATES) {
        throw new PatternTooComplexError(`pattern needs more than ${MAX_DFA_STATES} automaton states`);
      }
      id = kernels.length;
      keys.set(key, id);
      kernels.push(kernel);
      prevs.push(prev);
    }
    return id;
  };
  stateOf([], PREV_START);
  const rows: Int32Array[] = [];
  const emitRows: number[] = [];
  const acceptAtEnd: number[] = [];
  for (let d = 0; d < kernels.length; d++) {
    const row = new Int32Array(classCount);
    // The closure depends on the next character only through "is it a word character".
    const wordClass = classIsWord.indexOf(true);
    const otherClass = classIsWord.indexOf(false);
    const byKind = [
      wordClass >= 0 ? closure(kernels[d]!, prevs[d]!, wordClass) : [],
      otherClass >= 0 ? closure(kernels[d]!, prevs[d]!, otherClass) : [],
    ];
    for (let k = 0; k < classCount; k++) {
      const reached = byKind[classIsWord[k] ? 0 : 1]!;
      let mask = 0;
      for (const s of reached) if (nfa.type[s] === MATCH) mask |= 1 << nfa.out2[s]!;
      emitRows.push(mask);
      const kernel: number[] = [];
      for (const s of reached) {
        if (nfa.type[s] === CHAR && contains(nfa.set[s]!, classRep[k]!)) kernel.push(nfa.out1[s]!);
      }
      row[k] = stateOf([...new Set(kernel)], classIsWord[k] ? PREV_WORD : PREV_OTHER);
    }
    rows.push(row);
    let endMask = 0;
    for (const s of closure(kernels[d]!, prevs[d]!, END))
      if (nfa.type[s] === MATCH) endMask |= 1 << nfa.out2[s]!;
    acceptAtEnd.push(endMask);
  }
  const n = classCount;
  const table = new Int32Array(rows.length * n);
  rows.forEach((row, d) => {
    for (let k = 0; k < n; k++) table[d * n + k] = row[k]! * n;
  });
  const endMask = new Int32Array(rows.length * n);
  acceptAtEnd.forEach((mask, d) => {
    endMask[d * n] = mask;
  });
  return {
    n,
    table,
    emit: Int32Array.from(emitRows),
    endMask,
    ascii,
    classOf: (unit) => classOfCanonical(canonTable[unit]!),
    stateCount: rows.length,
  };
}

export function compilePattern(source: string): TextMatcher {
  const { n, table, emit, endMask, ascii, classOf, stateCount } = buildAutomaton([source]);
  // A state from which no match can be reached any more (e.g. after the first character of an anchored
  // pattern failed) is dead: the scan stops there with "no match". Live states are found backwards.
  const states = stateCount;
  const live = new Uint8Array(states);
  for (let d = 0; d < states; d++) {
    if (endMask[d * n] !== 0) live[d] = 1;
    for (let k = 0; k < n; k++) if (emit[d * n + k] !== 0) live[d] = 1;
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (let d = 0; d < states; d++) {
      if (live[d]) continue;
      for (let k = 0; k < n; k++) {
        if (emit[d * n + k] === 0 && live[table[d * n + k]! / n]) {
          live[d] = 1;
          changed = true;
          break;
        }
      }
    }
  }
  // One table for the scan: a row offset, or -1 "matched", or -2 "can no longer match".
  const step = new Int32Array(states * n);
  for (let i = 0; i < step.length; i++) {
    step[i] = emit[i] !== 0 ? -1 : live[table[i]! / n] ? table[i]! : -2;
  }
  const test = (text: string): boolean => {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = step[state + (c < 128 ? ascii[c]! : classOf(c))]!;
      if (state < 0) return state === -1;
    }
    return endMask[state] !== 0;
  };
  return { test, stateCount, classCount: n };
}

/**
 * Several patterns over the same text in one pass: returns the bit mask of the patterns (at most 31) that
 * match. Rules that scan the same goods description with different keyword lists share the scan.
 */
export function compilePatternSet(sources: readonly string[]): (text: string) => number {
  const { table, emit, endMask, ascii, classOf, all } = patternSetTables(sources);
  return (text) => {
    let state = 0;
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const at = state + (c < 128 ? ascii[c]! : classOf(c));
      mask |= emit[at]!;
      if (mask === all) return mask;
      state = table[at]!;
    }
    return mask | endMask[state]!;
  };
}

/**
 * The tables behind `compilePatternSet`, for code that runs the scan inline (the code generator fuses the
 * scans of several pattern sets, and word counting, into one pass over a goods description). Per character
 * `u`: `at = state + (u < 128 ? ascii[u] : classOf(u))`, `mask |= emit[at]`, `state = table[at]`; at the end
 * `mask |= endMask[state]`. `all` is the mask of every pattern.
 */
export interface PatternSetTables {
  table: Int32Array;
  emit: Int32Array;
  endMask: Int32Array;
  ascii: Int32Array;
  classOf: (unit: number) => number;
  all: number;
}

export function patternSetTables(sources: readonly string[]): PatternSetTables {
  if (sources.length > 31) throw new RangeError('at most 31 patterns per set');
  const { table, emit, endMask, ascii, classOf } = buildAutomaton(sources);
  const all = sources.length === 31 ? 0x7fffffff : (1 << sources.length) - 1;
  return { table, emit, endMask, ascii, classOf, all };
}

/**
 * A keyword list as a pattern: each keyword is matched literally, case-insensitively, as a whole word (a
 * word boundary where the keyword starts or ends with a letter or digit), with any run of white space
 * between the words of a phrase.
 */
export function keywordsPattern(keywords: readonly string[]): string {
  const alternatives = keywords.map((keyword) => {
    const words = keyword.trim().split(/\s+/).map(escapeLiteral);
    const body = words.join('\\s+');
    const head = isWordUnit(keyword.trim().charCodeAt(0)) ? '\\b' : '';
    const tail = isWordUnit(keyword.trim().charCodeAt(keyword.trim().length - 1)) ? '\\b' : '';
    return `${head}${body}${tail}`;
  });
  return alternatives.join('|');
}
