import type { FieldSpec } from '../facts/fields.js';
import type { Node, Program, Unit } from './ir.js';
import { type Bit, HS_FIELDS, type HsIndex } from './item-index.js';

/**
 * Static analysis for the code generator: which consignment-level conditions occur more than once (they are
 * evaluated once per consignment and shared), and, for each rule, a cheap necessary condition — its guard —
 * under which the rule is indexed so that most rules are not looked at for a given consignment.
 */
export class Analysis {
  private readonly ids = new Map<unknown, number>();
  private readonly keys = new Map<Node, string>();
  private readonly occurrences = new Map<string, number>();

  constructor(program: Program) {
    const count = (node: Node, inScope: boolean): void => {
      if (!inScope) {
        const key = this.keyOf(node);
        this.occurrences.set(key, (this.occurrences.get(key) ?? 0) + 1);
      }
      if (node.k === 'all' || node.k === 'any') for (const child of node.children) count(child, inScope);
      else if (node.k === 'not') count(node.child, inScope);
      else if (node.k === 'quant') count(node.child, true);
    };
    for (const unit of program.units) count(unit.condition, false);
  }

  /** Structural key: equal keys mean the same test (operands are interned, so compared by identity). */
  keyOf(node: Node): string {
    let key = this.keys.get(node);
    if (key !== undefined) return key;
    switch (node.k) {
      case 'all':
      case 'any':
        key = `${node.k}(${node.children.map((child) => this.keyOf(child)).join(',')})`;
        break;
      case 'not':
        key = `not(${this.keyOf(node.child)})`;
        break;
      case 'quant':
        key = `${node.every ? 'all' : 'any'}-${node.scope}(${this.keyOf(node.child)})`;
        break;
      case 'cmp':
        key = JSON.stringify([
          node.field.path,
          node.op,
          node.value,
          node.max,
          node.list,
          this.identity(node.set),
          this.identity(node.prefix),
          this.identity(node.matcher),
        ]);
        break;
      default:
        return node satisfies never;
    }
    this.keys.set(node, key);
    return key;
  }

  /** A consignment-level condition found in more than one place (outside quantifiers). */
  isShared(node: Node): boolean {
    return (this.occurrences.get(this.keyOf(node)) ?? 0) > 1;
  }

  private identity(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (!this.ids.has(value)) this.ids.set(value, this.ids.size);
    return `#${this.ids.get(value)}`;
  }
}

export type Guard =
  /** Some goods item's HS code starts with one of a prefix list (a bit of the HS index). */
  | { kind: 'hs'; bit: Bit }
  /** A consignment-level text field (mode of transport, dataset ...) holds one of `values`. */
  | { kind: 'value'; field: FieldSpec; values: string[] }
  /** A shared condition, evaluated once per consignment for every rule it guards. */
  | { kind: 'node'; node: Node; key: string };

/** The conditions that must all hold for `node` to hold (`all` flattened). */
export function conjuncts(node: Node): Node[] {
  return node.k === 'all' ? node.children.flatMap(conjuncts) : [node];
}

/**
 * Picks the most selective guard among the rule's top-level conjuncts: an HS prefix list first (few
 * consignments carry a given chapter or heading), then a code value such as the mode of transport (one
 * lookup selects the rules of that value), then a shared condition. Rules without one are evaluated for
 * every consignment.
 */
export function guardOf(unit: Unit, analysis: Analysis, hs: HsIndex | undefined): Guard | undefined {
  let best: Guard | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  const offer = (guard: Guard, rank: number) => {
    if (rank < bestRank) {
      best = guard;
      bestRank = rank;
    }
  };
  for (const node of conjuncts(unit.condition)) {
    const bit = hs && hsBit(node, hs);
    if (bit) offer({ kind: 'hs', bit }, 0);
    if (node.k === 'cmp' && node.field.scope === 'consignment' && node.field.type === 'string') {
      if (node.op === 'eq' && typeof node.value === 'string') {
        offer({ kind: 'value', field: node.field, values: [node.value] }, 1);
      } else if (node.op === 'in' && [...node.set!].every((v) => typeof v === 'string')) {
        offer({ kind: 'value', field: node.field, values: [...node.set!] as string[] }, 1);
      }
    }
    // A negation usually holds, so it selects little; it still shares one test among many rules.
    if (analysis.isShared(node))
      offer({ kind: 'node', node, key: analysis.keyOf(node) }, node.k === 'not' ? 3 : 2);
  }
  return best;
}

function hsBit(node: Node, hs: HsIndex): Bit | undefined {
  if (node.k === 'cmp') {
    return node.op === 'startsWith' && node.field.path === 'derived.hsCodes'
      ? hs.bits.get(node.prefix)
      : undefined;
  }
  if (node.k !== 'quant' || node.scope !== 'item') return undefined;
  // anyItem and allItems (which is false without items) both need some item with the prefix.
  for (const inner of conjuncts(node.child)) {
    if (inner.k === 'cmp' && inner.op === 'startsWith' && HS_FIELDS.has(inner.field.path)) {
      return hs.bits.get(inner.prefix);
    }
  }
  return undefined;
}
