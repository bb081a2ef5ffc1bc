import type { FieldSpec } from '../facts/fields.js';
import { literalPrefilter } from '../text/literals.js';
import type { Analysis } from './analysis.js';
import type { Cmp, Node } from './ir.js';
import { type Bit, DESCRIPTION_FIELDS, type HsIndex, type TextIndex } from './item-index.js';

/**
 * Writes the boolean expressions of one rule set's screening pass. Safety: the text is assembled from fixed
 * templates, identifiers numbered here and `JSON.stringify`-escaped catalogue field names; every value from
 * the rule set (strings, numbers, lists, automata) reaches the code through the constants array `K`, never
 * as source text.
 *
 * Names in the generated module: `c` consignment, `f` caller facts, `s`/`i` the item or container and its
 * index inside a quantifier, `F*` memoised derived facts and `B*` bases (parsed timestamps), each with its
 * epoch stamp `*e`; `M` results of shared conditions stamped with the evaluation's epoch `E`; `IM`/`AM` HS
 * bits per item / of any item; `DM`/`DA` description pattern bits per item / of any description.
 */
export type Scope = 'consignment' | 'item' | 'container';

/** One scan answering several patterns on the same consignment-level text: bit per pattern source. */
export interface FieldScan {
  scan: (text: string) => number;
  bits: ReadonlyMap<string, number>;
}

export class Writer {
  readonly constants: unknown[] = [];
  readonly declarations: string[] = [];
  readonly helpers: string[] = [];
  /** Epoch stamps (`… = 0` when the epoch wraps). */
  readonly stamps: string[] = [];
  sharedCount = 0;
  private readonly constantNames = new Map<unknown, string>();
  private readonly factSlots = new Map<string, string>();
  private readonly basisSlots = new Map<string, string>();
  private readonly sharedCalls = new Map<string, string>();
  private readonly fieldScans = new Map<string, FieldScan & { fn?: string }>();
  private readonly prefilters = new Map<string, RegExp | undefined>();
  /** Helper calls by scope and structural key: a comparison repeated across rules gets one helper. */
  private readonly calls = new Map<string, string>();
  private counter = 0;

  readonly analysis: Analysis;
  readonly hs: HsIndex | undefined;
  readonly descriptions: TextIndex | undefined;
  /** The description pass counts words: `derived.minDescriptionWords` is read from it. */
  private readonly countWords: boolean;

  constructor(options: {
    analysis: Analysis;
    hs: HsIndex | undefined;
    descriptions: TextIndex | undefined;
    countWords: boolean;
    fieldScans: ReadonlyMap<string, FieldScan>;
  }) {
    this.analysis = options.analysis;
    this.hs = options.hs;
    this.descriptions = options.descriptions;
    this.countWords = options.countWords;
    for (const [path, scan] of options.fieldScans) this.fieldScans.set(path, { ...scan });
  }

  id(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  constant(value: unknown): string {
    // -0 keeps its own constant: it must stay -0 where it is reported (a weight, say).
    const dedupe = !Object.is(value, -0);
    const known = dedupe ? this.constantNames.get(value) : undefined;
    if (known) return known;
    const name = `k${this.constants.length}`;
    this.declarations.push(`const ${name} = K[${this.constants.length}];`);
    this.constants.push(value);
    if (dedupe) this.constantNames.set(value, name);
    return name;
  }

  /** Reads a field in `scope` (consignment-level fields always read the consignment). */
  read(spec: FieldSpec): string {
    if (spec.fact) return `f[${JSON.stringify(spec.fact)}]`;
    if (this.countWords && spec.path === 'derived.minDescriptionWords') return '((DE === E || dp(c)) && DW)';
    const base = spec.scope === 'consignment' ? 'c' : 's';
    if (spec.data) {
      const [first, ...rest] = spec.data;
      const head = base === 'c' ? `c[${JSON.stringify(first)}]` : `s?.[${JSON.stringify(first)}]`;
      return head + rest.map((segment) => `?.[${JSON.stringify(segment)}]`).join('');
    }
    const compute = this.constant(spec.compute);
    const basis = spec.basis ? `, ${this.basis(spec.basis)}` : '';
    if (!spec.memoise) return `${compute}(${base}, c, f${basis})`;
    let slot = this.factSlots.get(spec.path);
    if (!slot) {
      slot = this.slot(`F${this.factSlots.size}`);
      this.factSlots.set(spec.path, slot);
    }
    return this.memo(slot, `${compute}(c, c, f${basis})`);
  }

  private basis(basis: NonNullable<FieldSpec['basis']>): string {
    let slot = this.basisSlots.get(basis.id);
    if (!slot) {
      slot = this.slot(`B${this.basisSlots.size}`);
      this.basisSlots.set(basis.id, slot);
    }
    return this.memo(slot, `${this.constant(basis.compute)}(c)`);
  }

  /** A memo slot: its value and the epoch it was computed in (nothing to reset between evaluations). */
  private slot(name: string): string {
    this.declarations.push(`let ${name} = undefined, ${name}e = 0;`);
    this.stamps.push(`${name}e`);
    return name;
  }

  private memo(slot: string, compute: string): string {
    return `(${slot}e === E ? ${slot} : (${slot} = ${compute}, ${slot}e = E, ${slot}))`;
  }

  /** The test of a comparison on one value `v` (absent values never satisfy a comparison). */
  scalar(cmp: Cmp, v: string): string {
    switch (cmp.op) {
      case 'eq':
        return `${v} === ${this.constant(cmp.value)}`;
      case 'ne':
        return `${v} !== undefined && ${v} !== null && ${v} !== ${this.constant(cmp.value)}`;
      case 'in':
        return `${this.constant(cmp.set)}.has(${v})`;
      case 'notIn':
        return `${v} !== undefined && ${v} !== null && !${this.constant(cmp.set)}.has(${v})`;
      case 'startsWith':
        return `typeof ${v} === "string" && ${this.constant(cmp.prefix)}(${v})`;
      case 'gt':
        return `typeof ${v} === "number" && ${v} > ${this.constant(cmp.value)}`;
      case 'gte':
        return `typeof ${v} === "number" && ${v} >= ${this.constant(cmp.value)}`;
      case 'lt':
        return `typeof ${v} === "number" && ${v} < ${this.constant(cmp.value)}`;
      case 'lte':
        return `typeof ${v} === "number" && ${v} <= ${this.constant(cmp.value)}`;
      case 'between':
        return `typeof ${v} === "number" && ${v} >= ${this.constant(cmp.value)} && ${v} <= ${this.constant(cmp.max)}`;
      case 'matches': {
        // A text without any of the pattern's required literals is refused by a fast literal search.
        if (!this.prefilters.has(cmp.source!)) {
          this.prefilters.set(cmp.source!, literalPrefilter(cmp.source!));
        }
        const prefilter = this.prefilters.get(cmp.source!);
        const test = `${this.constant(cmp.matcher!.test)}(${v})`;
        return prefilter
          ? `typeof ${v} === "string" && ${this.constant(prefilter)}.test(${v}) && ${test}`
          : `typeof ${v} === "string" && ${test}`;
      }
      case 'inWatchList':
        return `typeof ${v} === "string" && ${this.constant(cmp.member)}(${v})`;
      case 'exists':
        return `${v} !== undefined && ${v} !== null`;
      default:
        return cmp.op satisfies never;
    }
  }

  /** Boolean expression for `node`; in an item or container scope `s` and `i` are bound. */
  test(node: Node, scope: Scope = 'consignment'): string {
    if (scope === 'consignment' && this.analysis.isShared(node)) return this.shared(node);
    return this.plain(node, scope);
  }

  private plain(node: Node, scope: Scope): string {
    switch (node.k) {
      case 'all':
        return node.children.length === 0
          ? 'true'
          : `(${node.children.map((child) => this.test(child, scope)).join(' && ')})`;
      case 'any':
        return node.children.length === 0
          ? 'false'
          : `(${node.children.map((child) => this.test(child, scope)).join(' || ')})`;
      case 'not':
        return `!(${this.test(node.child, scope)})`;
      case 'quant':
        return this.cached(node, scope, () => this.quantifier(node));
      case 'cmp':
        return this.cached(node, scope, () => this.comparison(node, scope));
      default:
        return node satisfies never;
    }
  }

  private cached(node: Node, scope: Scope, make: () => string): string {
    const key = `${scope}:${this.analysis.keyOf(node)}`;
    let call = this.calls.get(key);
    if (call === undefined) {
      call = make();
      this.calls.set(key, call);
    }
    return call;
  }

  /** A condition found in several rules: computed once per consignment, kept in `M` under epoch `E`. */
  private shared(node: Node): string {
    const key = this.analysis.keyOf(node);
    let call = this.sharedCalls.get(key);
    if (!call) {
      const slot = this.sharedCount++;
      const name = `x${slot}`;
      this.helpers.push(
        `function ${name}(c, f) { const r = ${this.plain(node, 'consignment')}; M[${slot}] = r ? E : -E; return r; }`,
      );
      call = `(M[${slot}] === E || (M[${slot}] !== -E && ${name}(c, f)))`;
      this.sharedCalls.set(key, call);
    }
    return call;
  }

  list(scope: 'item' | 'container'): string {
    return scope === 'item'
      ? '(c.dataset === "full" ? c.goodsItems : undefined)'
      : '(c.dataset === "full" ? c.transportEquipment : undefined)';
  }

  private quantifier(node: Extract<Node, { k: 'quant' }>): string {
    // anyItem over one HS prefix list: answered by the item index without a loop.
    if (!node.every && node.child.k === 'cmp') {
      const bit = this.hsBit(node.child);
      if (bit) return this.anyHs(bit);
    }
    const name = this.id('q');
    const body = this.test(node.child, node.scope);
    const list = this.list(node.scope);
    this.helpers.push(
      node.every
        ? `function ${name}(c, f) { const l = ${list}; if (l === undefined || l.length === 0) return false; ` +
            `for (let i = 0; i < l.length; i++) { const s = l[i]; if (!${body}) return false; } return true; }`
        : `function ${name}(c, f) { const l = ${list}; if (l === undefined) return false; ` +
            `for (let i = 0; i < l.length; i++) { const s = l[i]; if (${body}) return true; } return false; }`,
    );
    return `${name}(c, f)`;
  }

  hsBit(cmp: Cmp): Bit | undefined {
    return cmp.op === 'startsWith' ? this.hs?.bits.get(cmp.prefix) : undefined;
  }

  anyHs(bit: Bit): string {
    return `((HE === E || hp(c)) && (AM[${bit.word}] & ${bit.mask}) !== 0)`;
  }

  private comparison(cmp: Cmp, scope: Scope): string {
    const path = cmp.field.path;
    const hs = this.hsBit(cmp);
    if (hs && path === 'item.hsCode') {
      return `((HE === E || hp(c)) && (IM[${this.at('i', this.hs!.words, hs.word)}] & ${hs.mask}) !== 0)`;
    }
    if (hs && path === 'derived.hsCodes') return this.anyHs(hs);
    if (cmp.op === 'matches' && DESCRIPTION_FIELDS.has(path)) {
      const bit = this.descriptions!.bits.get(cmp.source!)!;
      const words = this.descriptions!.words;
      const mask = path === 'item.description' ? `DM[${this.at('i', words, bit.word)}]` : `DA[${bit.word}]`;
      return `((DE === E || dp(c)) && (${mask} & ${bit.mask}) !== 0)`;
    }
    const scan = cmp.op === 'matches' ? this.fieldScans.get(path) : undefined;
    if (scan) {
      scan.fn ??= this.fieldScan(cmp.field, scan.scan);
      return `((${scan.fn}(c, f) & ${scan.bits.get(cmp.source!)!}) !== 0)`;
    }
    const name = this.id('p');
    const args = scope === 'consignment' ? '(c, f)' : '(c, f, s, i)';
    const read = this.read(cmp.field);
    if (cmp.field.type !== 'string[]') {
      this.helpers.push(`function ${name}${args} { const v = ${read}; return ${this.scalar(cmp, 'v')}; }`);
    } else if (cmp.op === 'exists') {
      this.helpers.push(
        `function ${name}${args} { const a = ${read}; return a !== undefined && a !== null && a.length > 0; }`,
      );
    } else {
      this.helpers.push(
        `function ${name}${args} { const a = ${read}; if (a === undefined || a === null) return false; ` +
          `for (let j = 0; j < a.length; j++) { const v = a[j]; if (${this.scalar(cmp, 'v')}) return true; } return false; }`,
      );
    }
    return `${name}${args}`;
  }

  private at(index: string, words: number, word: number): string {
    return words === 1 ? index : `${index} * ${words} + ${word}`;
  }

  /** Several patterns on one consignment-level text: one scan per evaluation answers all of them. */
  private fieldScan(spec: FieldSpec, scan: FieldScan['scan']): string {
    const name = this.id('t');
    const stamp = `${name}e`;
    this.stamps.push(stamp);
    this.declarations.push(`let ${stamp} = 0, ${name}m = 0;`);
    this.helpers.push(
      `function ${name}(c, f) { if (${stamp} === E) return ${name}m; ${stamp} = E; const v = ${this.read(spec)}; ` +
        `return (${name}m = typeof v === "string" ? ${this.constant(scan)}(v) : 0); }`,
    );
    return name;
  }
}
