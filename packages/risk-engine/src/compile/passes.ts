import { wordCount } from '../facts/derived.js';
import { compilePatternSet, PatternTooComplexError } from '../text/automaton.js';
import type { Cmp } from './ir.js';
import type { TextIndex } from './item-index.js';
import type { FieldScan, Writer } from './writer.js';

/**
 * The per-consignment passes of the generated module, run at most once per evaluation and only when a rule
 * asks: over the goods items' HS codes, over the goods descriptions, and over consignment-level texts that
 * several patterns test.
 */

/** Reads every item's HS code once through the prefix trie: bits per item (`IM`) and of any item (`AM`). */
export function hsPass(w: Writer, words: number): string {
  const hs = w.hs!;
  const child = w.constant(hs.child);
  const marks = w.constant(hs.marks);
  const range = Array.from({ length: words }, (_, word) => word);
  return (
    `function hp(c) { HE = E; ${range.map((k) => `let a${k} = 0;`).join(' ')} ` +
    'const l = c.dataset === "full" ? c.goodsItems : undefined; ' +
    `if (l !== undefined) { if (l.length * ${words} > IM.length) IM = new Int32Array(l.length * ${words * 2}); ` +
    `for (let i = 0; i < l.length; i++) { ${range.map((k) => `let b${k} = 0;`).join(' ')} const h = l[i]?.hsCode; ` +
    'if (typeof h === "string") { let t = 0; for (let k = 0; k < h.length; k++) { const d = h.charCodeAt(k) - 48; ' +
    `if (d < 0 || d > 9) break; t = ${child}[t * 10 + d]; if (t === 0) break; ` +
    `${range.map((k) => `b${k} |= ${marks}[t * ${words} + ${k}];`).join(' ')} } } ` +
    `${range.map((k) => `IM[i * ${words} + ${k}] = b${k}; a${k} |= b${k};`).join(' ')} } } ` +
    `${range.map((k) => `AM[${k}] = a${k};`).join(' ')} return true; }`
  );
}

/**
 * Scans every goods description once for all description patterns: bits per item (`DM`) and of any
 * description (`DA`; a PLACI filing has its one description and no items). All automata advance in the same
 * pass over the characters, and when the rules use `derived.minDescriptionWords` the words are counted in
 * that pass too (`DW`): white space as `wordCount` defines it.
 */
export function descriptionPass(w: Writer, index: TextIndex, countWords: boolean): string {
  // One load per character and set: the next row offset shifted left, the low bit telling whether the
  // transition reports a pattern (most do not).
  const sets = index.sets.map((set) => ({
    next: w.constant(Int32Array.from(set.table, (row, at) => (row << 1) | (set.emit[at] !== 0 ? 1 : 0))),
    emit: w.constant(set.emit),
    end: w.constant(set.endMask),
    ascii: w.constant(set.ascii),
    classOf: w.constant(set.classOf),
  }));
  const range = sets.map((_, k) => k);
  const step = sets
    .map(
      (set, k) =>
        `at = s${k} + (u < 128 ? ${set.ascii}[u] : ${set.classOf}(u)); v = ${set.next}[at]; s${k} = v >> 1; ` +
        `if ((v & 1) !== 0) m${k} |= ${set.emit}[at];`,
    )
    .join(' ');
  const counting = countWords
    ? 'const blank = u === 32 || (u >= 9 && u <= 13) || u === 160; if (!blank && !inWord) n++; inWord = !blank;'
    : '';
  const words = countWords ? w.constant(wordCount) : '';
  const scan =
    `function sc(t) { let at = 0, v = 0, n = 0, inWord = false; ${range.map((k) => `let s${k} = 0, m${k} = 0;`).join(' ')} ` +
    `for (let x = 0; x < t.length; x++) { const u = t.charCodeAt(x); ${step} ${counting} } ` +
    `${range.map((k) => `S${k} = m${k} | ${sets[k]!.end}[s${k}];`).join(' ')} SW = n; }`;
  // A description that is not text: no pattern matches, and its words are counted as the reference counts them.
  const one = (target: (k: number) => string, assignWords: string) =>
    'if (typeof t === "string") { sc(t); ' +
    `${range.map((k) => `${target(k)} = S${k};`).join(' ')} ${countWords ? `${assignWords} = SW;` : ''} } else { ` +
    `${range.map((k) => `${target(k)} = 0;`).join(' ')} ${countWords ? `${assignWords} = ${words}(t);` : ''} }`;
  return [
    `let ${range.map((k) => `S${k} = 0`).join(', ')}, SW = 0, DW = 0;`,
    scan,
    `function dp(c) { DE = E; ${range.map((k) => `let a${k} = 0;`).join(' ')} let least = Infinity; ` +
      'if (c.dataset === "full") { const l = c.goodsItems; ' +
      `if (l !== undefined) { if (l.length * ${index.words} > DM.length) DM = new Int32Array(l.length * ${index.words * 2}); ` +
      `for (let i = 0; i < l.length; i++) { const t = l[i]?.description; ${range.map((k) => `let b${k} = 0;`).join(' ')} let n = 0; ` +
      `${one((k) => `b${k}`, 'n')} ` +
      `${range.map((k) => `DM[i * ${index.words} + ${k}] = b${k}; a${k} |= b${k};`).join(' ')} if (n < least) least = n; } } ` +
      `} else { const t = c.goodsDescription; let n = 0; ${one((k) => `a${k}`, 'n')} least = n; } ` +
      `${range.map((k) => `DA[${k}] = a${k};`).join(' ')} DW = least; return true; }`,
  ].join('\n');
}

/** Consignment-level text fields tested against two or more patterns get one combined scan. */
export function fieldScans(cmps: readonly Cmp[]): Map<string, FieldScan> {
  const byField = new Map<string, Set<string>>();
  for (const cmp of cmps) {
    const { field } = cmp;
    if (cmp.op !== 'matches' || field.scope !== 'consignment' || field.type !== 'string') continue;
    if (!byField.has(field.path)) byField.set(field.path, new Set());
    byField.get(field.path)!.add(cmp.source!);
  }
  const out = new Map<string, FieldScan>();
  for (const [path, set] of byField) {
    const sources = [...set];
    if (sources.length < 2 || sources.length > 31) continue;
    try {
      const scan = compilePatternSet(sources);
      out.set(path, { scan, bits: new Map(sources.map((source, i) => [source, 1 << i])) });
    } catch (error) {
      // The union of patterns that compile one by one can still exceed the automaton limit: scan separately.
      if (!(error instanceof PatternTooComplexError)) throw error;
    }
  }
  return out;
}
