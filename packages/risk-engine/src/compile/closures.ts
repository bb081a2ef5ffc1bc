import type { Consignment, Evidence, ScreeningFacts } from '@aeolus/contracts';
import { equipment } from '../facts/derived.js';
import { COLLECTIONS, type FieldSpec, readField } from '../facts/fields.js';
import type { Cmp, Node } from './ir.js';

/**
 * The closure back end: each node becomes a JavaScript closure. It screens where `new Function` is refused
 * (a browser page under a strict Content Security Policy) and, for both back ends, explains the rules that
 * fired. Closures made by the same function share their optimised code, so explaining stays fast however
 * many rules there are; the code generator passes readers that reuse the facts its run computed.
 */
export type Scoped = unknown;
export type Test = (c: Consignment, f: ScreeningFacts, scoped: Scoped) => boolean;
/** Pushes the evidence of a node that holds; `index` is the item or container's position. */
export type Witness = (
  c: Consignment,
  f: ScreeningFacts,
  scoped: Scoped,
  index: number,
  out: Evidence[],
) => void;
export type Reader = (c: Consignment, f: ScreeningFacts, scoped: Scoped) => unknown;
export type ReaderOf = (spec: FieldSpec) => Reader;
/** The scalar test of a comparison, one closure per operator so nothing is decided per call. */
export function scalarTest(cmp: Cmp): (v: unknown) => boolean {
  const { value, max, set, prefix, matcher } = cmp;
  switch (cmp.op) {
    case 'eq':
      return (v) => v === value;
    case 'ne':
      return (v) => v !== undefined && v !== value;
    case 'in':
      return (v) => set!.has(v as string);
    case 'notIn':
      return (v) => v !== undefined && !set!.has(v as string);
    case 'startsWith':
      return (v) => typeof v === 'string' && prefix!(v);
    case 'gt':
      return (v) => typeof v === 'number' && v > (value as number);
    case 'gte':
      return (v) => typeof v === 'number' && v >= (value as number);
    case 'lt':
      return (v) => typeof v === 'number' && v < (value as number);
    case 'lte':
      return (v) => typeof v === 'number' && v <= (value as number);
    case 'between':
      return (v) => typeof v === 'number' && v >= (value as number) && v <= max!;
    case 'matches':
      return (v) => typeof v === 'string' && matcher!.test(v);
    case 'inWatchList': {
      const member = cmp.member!;
      return (v) => typeof v === 'string' && member(v);
    }
    case 'exists':
      return (v) => v !== undefined && v !== null;
    default:
      return cmp.op satisfies never;
  }
}

/** A reader specialised for one field: no loop over path segments at evaluation time. */
export function plainReader(spec: FieldSpec): Reader {
  const { compute, data } = spec;
  if (compute) return (c, f, s) => compute(s as Consignment, c, f);
  const fromConsignment = spec.scope === 'consignment';
  const [a, b, d] = data as string[];
  type Obj = Record<string, unknown> | undefined;
  switch (data!.length) {
    case 1:
      return (c, _f, s) => ((fromConsignment ? c : s) as Obj)?.[a!];
    case 2:
      return (c, _f, s) => (((fromConsignment ? c : s) as Obj)?.[a!] as Obj)?.[b!];
    case 3:
      return (c, _f, s) => ((((fromConsignment ? c : s) as Obj)?.[a!] as Obj)?.[b!] as Obj)?.[d!];
    default:
      return (c, f, s) => readField(spec, s as Consignment, c, f);
  }
}

function scopedOf(c: Consignment, scope: 'item' | 'container'): readonly unknown[] {
  if (scope === 'item') return c.dataset === 'full' ? c.goodsItems : [];
  return equipment(c);
}

export function compileTest(node: Node, readerOf: ReaderOf = plainReader): Test {
  switch (node.k) {
    case 'all': {
      const children = node.children.map((child) => compileTest(child, readerOf));
      return (c, f, s) => children.every((child) => child(c, f, s));
    }
    case 'any': {
      const children = node.children.map((child) => compileTest(child, readerOf));
      return (c, f, s) => children.some((child) => child(c, f, s));
    }
    case 'not': {
      const child = compileTest(node.child, readerOf);
      return (c, f, s) => !child(c, f, s);
    }
    case 'quant': {
      const child = compileTest(node.child, readerOf);
      const { every, scope } = node;
      return (c, f) => {
        const list = scopedOf(c, scope);
        if (list.length === 0) return false;
        return every ? list.every((s) => child(c, f, s)) : list.some((s) => child(c, f, s));
      };
    }
    case 'cmp': {
      const test = scalarTest(node);
      const read = readerOf(node.field);
      if (node.field.type === 'string[]') {
        if (node.op === 'exists') {
          return (c, f, s) => ((read(c, f, s) as string[] | undefined)?.length ?? 0) > 0;
        }
        return (c, f, s) => (read(c, f, s) as string[] | undefined)?.some(test) === true;
      }
      return (c, f, s) => test(read(c, f, s));
    }
    default:
      return node satisfies never;
  }
}

function toActual(value: unknown): Evidence['actual'] {
  if (value === undefined) return null;
  if (Array.isArray(value)) return [...value] as Evidence['actual'];
  return value as Evidence['actual'];
}

/**
 * The evidence of a node known to hold (it belongs to a rule that fired), so nothing is evaluated twice to
 * find out whether it holds. Semantics, which the reference evaluator implements too: `all` gives the
 * evidence of every child, `any` that of its first true child, `anyItem` that of the first matching item and
 * `allItems` that of every item; a comparison gives the value that satisfied it (on a list field, the first
 * matching element); a true `not` gives the value found for a negated comparison, or its own position for a
 * negated group.
 */
export function compileWitness(node: Node, readerOf: ReaderOf = plainReader): Witness {
  switch (node.k) {
    case 'all': {
      const children = node.children.map((child) => compileWitness(child, readerOf));
      return (c, f, s, i, out) => {
        for (let k = 0; k < children.length; k++) children[k]!(c, f, s, i, out);
      };
    }
    case 'any': {
      const tests = node.children.map((child) => compileTest(child, readerOf));
      const witnesses = node.children.map((child) => compileWitness(child, readerOf));
      return (c, f, s, i, out) => {
        for (let k = 0; k < tests.length; k++) {
          if (tests[k]!(c, f, s)) {
            witnesses[k]!(c, f, s, i, out);
            return;
          }
        }
      };
    }
    case 'not': {
      const inner = node.child;
      if (inner.k !== 'cmp') {
        const at = node.at;
        return (_c, _f, _s, _i, out) => {
          out.push({ at, op: 'not', negated: true });
        };
      }
      const read = readerOf(inner.field);
      const name = namer(inner.field);
      const { at, op } = inner;
      return (c, f, s, i, out) => {
        out.push({ at, op, field: name(i), actual: toActual(read(c, f, s)), negated: true });
      };
    }
    case 'quant': {
      const test = compileTest(node.child, readerOf);
      const witness = compileWitness(node.child, readerOf);
      const { every, scope } = node;
      return (c, f, _s, _i, out) => {
        const list = scopedOf(c, scope);
        for (let k = 0; k < list.length; k++) {
          if (every) witness(c, f, list[k], k, out);
          else if (test(c, f, list[k])) {
            witness(c, f, list[k], k, out);
            return;
          }
        }
      };
    }
    case 'cmp':
      return cmpWitness(node, readerOf);
    default:
      return node satisfies never;
  }
}

function cmpWitness(node: Cmp, readerOf: ReaderOf): Witness {
  const { at, op, field: spec } = node;
  const read = readerOf(spec);
  const name = namer(spec);
  if (spec.type !== 'string[]') {
    return (c, f, s, i, out) => {
      out.push({ at, op, field: name(i), actual: toActual(read(c, f, s)) });
    };
  }
  if (op === 'exists') {
    return (c, f, s, i, out) => {
      out.push({ at, op, field: name(i), actual: [...(read(c, f, s) as string[])] });
    };
  }
  const test = scalarTest(node);
  return (c, f, s, i, out) => {
    const list = read(c, f, s) as string[];
    for (let j = 0; j < list.length; j++) {
      if (test(list[j])) {
        out.push({ at, op, field: `${name(i)}.${j}`, actual: list[j]! });
        return;
      }
    }
  };
}

/** `evidenceName` with the names of item and container fields kept per index instead of built per hit. */
function namer(spec: FieldSpec): (index: number) => string {
  if (spec.scope === 'consignment') {
    const { path } = spec;
    return () => path;
  }
  const head = `${COLLECTIONS[spec.scope]}.`;
  const tail = `.${spec.path.slice(spec.scope.length + 1)}`;
  const names: string[] = [];
  return (index) => {
    let name = names[index];
    if (name === undefined) {
      name = head + index + tail;
      names[index] = name;
    }
    return name;
  };
}
