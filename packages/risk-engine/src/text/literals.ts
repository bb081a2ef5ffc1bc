import { type PatternNode, parsePattern } from './pattern-parser.js';

/**
 * Required literals of a pattern (the RE2 / Hyperscan "prefilter"): strings, in lower case, one of which
 * every match contains (case-insensitively), or undefined when no useful set exists. `\b(p\.?\s?o\.?\s?box|
 * postbus)\b` gives ["box", "postbus"]: a text containing neither cannot match, and searching for two
 * literals costs far less than running the automaton over every character. Only ASCII characters count as
 * literals: with the non-unicode `i` canonicalisation they match exactly their two ASCII cases.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const root = infoOf(parsePattern(source));
  const required = root.required ?? usable(root.exact);
  if (!required || required.length > MAX_LITERALS || shortest(required) < MIN_LENGTH) return undefined;
  // A literal containing another is implied by it: searching for the shorter one is enough.
  return required.filter((s) => !required.some((t) => t !== s && s.includes(t)));
}

/**
 * A case-insensitive search for any of the literals. It is a plain alternation of escaped literals (no
 * quantifier, hence no backtracking blow-up); it only ever refuses texts, the automaton still decides.
 */
export function literalPrefilter(source: string): RegExp | undefined {
  const literals = requiredLiterals(source);
  return literals && new RegExp(literals.map(escapeLiteral).join('|'), 'i');
}

const MAX_EXACT = 16;
const MAX_LITERALS = 16;
const MIN_LENGTH = 2;

interface Info {
  /** Every string the node matches, when there are few (lower case). */
  exact?: string[];
  /** Strings one of which every match of the node contains. */
  required?: string[];
}

function infoOf(node: PatternNode): Info {
  switch (node.t) {
    case 'assert':
      return { exact: [''] };
    case 'set': {
      const char = node.negated ? undefined : asciiLiteral(node.set);
      return char === undefined ? {} : { exact: [char] };
    }
    case 'alt': {
      const options = node.options.map(infoOf);
      const exact = options.every((o) => o.exact) ? unique(options.flatMap((o) => o.exact!)) : undefined;
      const each = options.map((o) => o.required ?? usable(o.exact));
      const required = each.every((r) => r) ? unique(each.flatMap((r) => r!)) : undefined;
      return { exact: exact && exact.length <= MAX_EXACT ? exact : undefined, required };
    }
    case 'rep': {
      const inner = infoOf(node.node);
      const required = node.min >= 1 ? (inner.required ?? usable(inner.exact)) : undefined;
      let exact: string[] | undefined;
      if (inner.exact && node.max === 1) exact = node.min === 0 ? unique([...inner.exact, '']) : inner.exact;
      else if (inner.exact && node.min === node.max && node.min <= 4) {
        exact = [''];
        for (let k = 0; k < node.min && exact; k++) exact = product(exact, inner.exact);
      }
      return { exact, required };
    }
    case 'seq': {
      // Runs of items with few exact strings multiply out into literals; every item's own required set and
      // every run are candidates, and the most selective (longest shortest string) wins.
      const candidates: string[][] = [];
      let run: string[] | undefined = [''];
      let whole = true;
      for (const item of node.items) {
        const info = infoOf(item);
        if (info.required) candidates.push(info.required);
        const next: string[] | undefined = run && info.exact ? product(run, info.exact) : undefined;
        if (next) {
          run = next;
          continue;
        }
        whole = false;
        const done = usable(run);
        if (done) candidates.push(done);
        run = info.exact ? [...info.exact] : undefined;
      }
      const last = usable(run);
      if (last) candidates.push(last);
      let required: string[] | undefined;
      for (const candidate of candidates) {
        if (
          !required ||
          shortest(candidate) > shortest(required) ||
          (shortest(candidate) === shortest(required) && candidate.length < required.length)
        ) {
          required = candidate;
        }
      }
      return { exact: whole ? run : undefined, required };
    }
    default:
      return node satisfies never;
  }
}

/** The character a set stands for when it is one ASCII character (either case), in lower case. */
function asciiLiteral(set: readonly number[]): string | undefined {
  const units: number[] = [];
  for (let i = 0; i < set.length; i += 2) {
    if (set[i + 1]! - set[i]! > 1) return undefined;
    for (let u = set[i]!; u <= set[i + 1]!; u++) units.push(u);
  }
  if (units.length === 0 || units.some((u) => u >= 128)) return undefined;
  const lower = new Set(units.map((u) => String.fromCharCode(u).toLowerCase()));
  return lower.size === 1 ? [...lower][0] : undefined;
}

/** A set of strings usable as required literals: known, and none of them empty. */
function usable(strings: string[] | undefined): string[] | undefined {
  return strings && strings.length > 0 && strings.every((s) => s.length > 0) ? strings : undefined;
}

function product(left: readonly string[], right: readonly string[]): string[] | undefined {
  if (left.length * right.length > MAX_EXACT) return undefined;
  return unique(left.flatMap((a) => right.map((b) => a + b)));
}

function unique(strings: readonly string[]): string[] {
  return [...new Set(strings)];
}

function shortest(strings: readonly string[]): number {
  return Math.min(...strings.map((s) => s.length));
}

function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
