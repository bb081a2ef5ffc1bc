import { type CharSet, DIGIT, DOT, negate, rangeSet, SPACE, union, WORD } from './charset.js';

/**
 * Parser for the safe regular-expression subset that `matches` rules may use: literals, `.`, classes with
 * ranges and `\d \w \s` (and negations), groups `( )` `(?: )`, alternation, the quantifiers `* + ? {n}
 * {n,} {n,m}` (counts up to 100), anchors `^ $` and word boundaries `\b \B`. Back-references and look-around
 * are left out because no finite automaton can run them; that is what lets the engine guarantee time linear
 * in the text. Nested repetition (`(a+)+`, `(a|ab)*`) is refused as well: it is the shape that backtracks
 * catastrophically (ReDoS) in the backtracking engines a rule set may also be run by (previews, exports).
 */
export type PatternNode =
  /** `negated` classes are inverted after case folding, as ECMAScript does for `[^...]` with the `i` flag. */
  | { t: 'set'; set: CharSet; negated?: boolean }
  | { t: 'seq'; items: PatternNode[] }
  | { t: 'alt'; options: PatternNode[] }
  | { t: 'rep'; node: PatternNode; min: number; max: number }
  | { t: 'assert'; kind: 'start' | 'end' | 'boundary' | 'notBoundary' };

export class PatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'PatternError';
  }
}

export const MAX_REPEAT = 100;
const SYNTAX = '^$\\.*+?()[]{}|/-';

export function parsePattern(source: string): PatternNode {
  const parser = new Parser(source);
  const node = parser.alternation();
  if (parser.pos < source.length) throw new PatternError('unmatched ")"', parser.pos);
  return node;
}

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  alternation(): PatternNode {
    const options = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  sequence(): PatternNode {
    const items: PatternNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const start = this.pos;
      const atom = this.atom();
      const quantified = this.quantifier(atom, start);
      items.push(quantified);
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  quantifier(atom: PatternNode, atomStart: number): PatternNode {
    const ch = this.src[this.pos];
    let min: number;
    let max: number;
    const at = this.pos;
    if (ch === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (ch === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') {
      const match = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(this.src.slice(this.pos));
      if (!match) throw new PatternError('"{" must start a count such as {2,5}; write \\{ for a brace', at);
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
      if (min > MAX_REPEAT || (max !== Number.POSITIVE_INFINITY && max > MAX_REPEAT)) {
        throw new PatternError(`repetition counts are limited to ${MAX_REPEAT}`, at);
      }
      if (max < min) throw new PatternError('repetition range is out of order', at);
      this.pos += match[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++; // lazy or greedy: the same for a yes/no match
    if (atom.t === 'assert') throw new PatternError('an anchor or word boundary cannot be repeated', at);
    if (max > 1 && atom.t !== 'set' && (containsRepetition(atom) || containsAlternation(atom))) {
      throw new PatternError(
        'nested repetition (a repeated group containing a quantifier or "|") can backtrack catastrophically; ' +
          'rewrite it without the outer repetition',
        atomStart,
      );
    }
    if (this.src[this.pos] !== undefined && '*+?{'.includes(this.src[this.pos]!)) {
      throw new PatternError('a quantifier cannot follow a quantifier', this.pos);
    }
    return { t: 'rep', node: atom, min, max };
  }

  atom(): PatternNode {
    const at = this.pos;
    const ch = this.src[this.pos++]!;
    switch (ch) {
      case '(': {
        if (this.src[this.pos] === '?') {
          if (this.src[this.pos + 1] !== ':') {
            throw new PatternError('look-around and named groups are not supported; use (?: ) or ( )', at);
          }
          this.pos += 2;
        }
        const inner = this.alternation();
        if (this.src[this.pos] !== ')') throw new PatternError('unclosed "("', at);
        this.pos++;
        return inner;
      }
      case '[':
        return this.charClass(at);
      case '.':
        return { t: 'set', set: DOT };
      case '^':
        return { t: 'assert', kind: 'start' };
      case '$':
        return { t: 'assert', kind: 'end' };
      case '*':
      case '+':
      case '?':
        throw new PatternError(`nothing to repeat before "${ch}"`, at);
      case '{':
        throw new PatternError('nothing to repeat before "{"; write \\{ for a brace', at);
      case '\\': {
        const next = this.src[this.pos];
        if (next === 'b' || next === 'B') {
          this.pos++;
          return { t: 'assert', kind: next === 'b' ? 'boundary' : 'notBoundary' };
        }
        return { t: 'set', set: this.escape(false) };
      }
      default:
        return { t: 'set', set: rangeSet(ch.charCodeAt(0), ch.charCodeAt(0)) };
    }
  }

  /** Reads an escape after the backslash; in a class `\b` is the backspace character. */
  escape(inClass: boolean): CharSet {
    const at = this.pos - 1;
    const ch = this.src[this.pos++];
    if (ch === undefined) throw new PatternError('pattern ends with "\\"', at);
    switch (ch) {
      case 'd':
        return DIGIT;
      case 'D':
        return negate(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return negate(WORD);
      case 's':
        return SPACE;
      case 'S':
        return negate(SPACE);
      case 't':
        return [9, 9];
      case 'n':
        return [10, 10];
      case 'v':
        return [11, 11];
      case 'f':
        return [12, 12];
      case 'r':
        return [13, 13];
      case 'b':
        if (inClass) return [8, 8];
        break;
      case '0':
        if (!/\d/.test(this.src[this.pos] ?? '')) return [0, 0];
        break;
      case 'x':
      case 'u': {
        const length = ch === 'x' ? 2 : 4;
        const hex = this.src.slice(this.pos, this.pos + length);
        if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) {
          throw new PatternError(`\\${ch} must be followed by ${length} hex digits`, at);
        }
        this.pos += length;
        const unit = Number.parseInt(hex, 16);
        return [unit, unit];
      }
      default:
        if (SYNTAX.includes(ch)) return [ch.charCodeAt(0), ch.charCodeAt(0)];
    }
    if (/[1-9]/.test(ch)) throw new PatternError('back-references are not supported', at);
    throw new PatternError(`unsupported escape "\\${ch}"`, at);
  }

  charClass(at: number): PatternNode {
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const parts: CharSet[] = [];
    while (this.src[this.pos] !== ']') {
      if (this.pos >= this.src.length) throw new PatternError('unclosed "["', at);
      const lo = this.classAtom();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        const dash = this.pos;
        this.pos++;
        const hi = this.classAtom();
        if (lo.length !== 2 || hi.length !== 2 || lo[0] !== lo[1] || hi[0] !== hi[1]) {
          throw new PatternError('a range cannot use a class escape such as \\d; write "-" as \\-', dash);
        }
        if (hi[0]! < lo[0]!) throw new PatternError('character range is out of order', dash);
        parts.push([lo[0]!, hi[0]!]);
      } else parts.push(lo);
    }
    this.pos++;
    return { t: 'set', set: union(...parts), negated };
  }

  classAtom(): CharSet {
    const ch = this.src[this.pos++]!;
    if (ch === '\\') return this.escape(true);
    return [ch.charCodeAt(0), ch.charCodeAt(0)];
  }
}

function containsRepetition(node: PatternNode): boolean {
  switch (node.t) {
    case 'rep':
      return true;
    case 'seq':
      return node.items.some(containsRepetition);
    case 'alt':
      return node.options.some(containsRepetition);
    default:
      return false;
  }
}

function containsAlternation(node: PatternNode): boolean {
  switch (node.t) {
    case 'alt':
      return true;
    case 'rep':
      return containsAlternation(node.node);
    case 'seq':
      return node.items.some(containsAlternation);
    default:
      return false;
  }
}

/** Escapes text so that the pattern matches it literally (keyword lists are compiled to patterns). */
export function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
}
