import { type PatternSetTables, PatternTooComplexError, patternSetTables } from '../text/automaton.js';
import type { Cmp, Node, Program } from './ir.js';

/**
 * Indexes over the goods items, built once per rule set so that each consignment's items are read once
 * however many rules look at them:
 *
 * - every HS prefix list of a `startsWith` on `item.hsCode` or `derived.hsCodes` becomes one bit, and all
 *   prefixes go into one digit trie: walking an item's HS code through it yields the bits of every list
 *   the code matches (one pass per item instead of one loop per rule);
 * - every pattern of a `matches` on `item.description` or `derived.descriptions` becomes one bit of a
 *   combined automaton: one scan per description answers every such rule.
 */
export interface Bit {
  word: number;
  mask: number;
}

export interface HsIndex {
  words: number;
  /** By prefix matcher (interned per prefix list by the checker). */
  bits: Map<unknown, Bit>;
  /** Trie node × digit → child node (0: none); node 0 is the root. */
  child: Int32Array;
  /** Trie node × word → bits of the prefix lists that contain the prefix ending at the node. */
  marks: Int32Array;
}

export interface TextIndex {
  words: number;
  /** By pattern source. */
  bits: Map<string, Bit>;
  /** One automaton per word, reporting which of that word's patterns a text contains. */
  sets: PatternSetTables[];
}

export const HS_FIELDS: ReadonlySet<string> = new Set(['item.hsCode', 'derived.hsCodes']);
export const DESCRIPTION_FIELDS: ReadonlySet<string> = new Set(['item.description', 'derived.descriptions']);

export function comparisons(program: Program): Cmp[] {
  const out: Cmp[] = [];
  const visit = (node: Node): void => {
    if (node.k === 'cmp') out.push(node);
    else if (node.k === 'not' || node.k === 'quant') visit(node.child);
    else for (const child of node.children) visit(child);
  };
  for (const unit of program.units) visit(unit.condition);
  return out;
}

export function hsIndex(cmps: readonly Cmp[]): HsIndex | undefined {
  const lists = new Map<unknown, readonly string[]>();
  for (const cmp of cmps) {
    if (cmp.op === 'startsWith' && HS_FIELDS.has(cmp.field.path)) lists.set(cmp.prefix, cmp.prefixes!);
  }
  if (lists.size === 0) return undefined;
  const words = Math.ceil(lists.size / 32);
  const child: number[] = new Array(10).fill(0);
  const marks: number[] = new Array(words).fill(0);
  const bits = new Map<unknown, Bit>();
  let n = 0;
  for (const [matcher, prefixes] of lists) {
    const bit = { word: n >> 5, mask: 1 << (n & 31) };
    bits.set(matcher, bit);
    n++;
    for (const prefix of prefixes) {
      let node = 0;
      for (let i = 0; i < prefix.length; i++) {
        // The checker accepts only digit prefixes on HS fields.
        const slot = node * 10 + prefix.charCodeAt(i) - 48;
        if (child[slot] === 0) {
          child[slot] = marks.length / words;
          child.push(...new Array(10).fill(0));
          marks.push(...new Array(words).fill(0));
        }
        node = child[slot]!;
      }
      marks[node * words + bit.word]! |= bit.mask;
    }
  }
  return { words, bits, child: Int32Array.from(child), marks: Int32Array.from(marks) };
}

export function descriptionIndex(cmps: readonly Cmp[]): TextIndex | undefined {
  const sources = new Set<string>();
  for (const cmp of cmps) {
    if (cmp.op === 'matches' && DESCRIPTION_FIELDS.has(cmp.field.path)) sources.add(cmp.source!);
  }
  return sources.size === 0 ? undefined : textIndex([...sources]);
}

/** Patterns grouped into automata of at most 31 patterns; a group too large to build is split in two. */
export function textIndex(sources: readonly string[]): TextIndex {
  const bits = new Map<string, Bit>();
  const sets: PatternSetTables[] = [];
  const add = (group: readonly string[]): void => {
    try {
      const set = patternSetTables(group);
      group.forEach((source, i) => {
        bits.set(source, { word: sets.length, mask: 1 << i });
      });
      sets.push(set);
    } catch (error) {
      // Each pattern compiled on its own, so a single one always fits.
      if (!(error instanceof PatternTooComplexError) || group.length === 1) throw error;
      const half = Math.ceil(group.length / 2);
      add(group.slice(0, half));
      add(group.slice(half));
    }
  };
  for (let i = 0; i < sources.length; i += 31) add(sources.slice(i, i + 31));
  return { words: sets.length, bits, sets };
}
