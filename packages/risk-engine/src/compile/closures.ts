import type { Consignment, Evidence, ScreeningFacts } from '@aeolus/contracts';
import { equipment } from '../facts/derived.js';
import { evidenceName, type FieldSpec, readField } from '../facts/fields.js';
import type { Cmp, Node } from './ir.js';

/**
 * The closure back end: each node becomes a JavaScript closure. It serves where `new Function` is refused
 * (a browser page under a strict Content Security Policy) and, always, to explain the rules that fired —
 * explanations are built only for hits, so they need not be as fast as the yes/no test.
 */
export type Scoped = unknown;
export type Test = (c: Consignment, f: ScreeningFacts, scoped: Scoped) => boolean;
export type Explain = (
  c: Consignment,
  f: ScreeningFacts,
  scoped: Scoped,
  index: number,
  out: Evidence[],
) => boolean;

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

type Reader = (c: Consignment, f: ScreeningFacts, scoped: Scoped) => unknown;

/** A reader specialised for one field: no loop over path segments at evaluation time. */
function readerOf(spec: FieldSpec): Reader {
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

export function compileTest(node: Node): Test {
  switch (node.k) {
    case 'all': {
      const children = node.children.map(compileTest);
      return (c, f, s) => children.every((child) => child(c, f, s));
    }
    case 'any': {
      const children = node.children.map(compileTest);
      return (c, f, s) => children.some((child) => child(c, f, s));
    }
    case 'not': {
      const child = compileTest(node.child);
      return (c, f, s) => !child(c, f, s);
    }
    case 'quant': {
      const child = compileTest(node.child);
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
 * Evidence semantics (the reference evaluator implements the same): `all` gives the evidence of every child,
 * `any` that of the first true child, `anyItem` that of the first matching item and `allItems` that of every
 * item; a comparison gives the value that satisfied it (on a list field, the first matching element); a true
 * `not` gives the value found for a negated comparison, or just its own position for a negated group.
 */
export function compileExplain(node: Node): Explain {
  switch (node.k) {
    case 'all': {
      const children = node.children.map(compileExplain);
      return (c, f, s, i, out) => children.every((child) => child(c, f, s, i, out));
    }
    case 'any': {
      const children = node.children.map(compileExplain);
      return (c, f, s, i, out) => {
        for (const child of children) {
          const scratch: Evidence[] = [];
          if (child(c, f, s, i, scratch)) {
            out.push(...scratch);
            return true;
          }
        }
        return false;
      };
    }
    case 'not': {
      const child = compileExplain(node.child);
      const inner = node.child;
      const read = inner.k === 'cmp' ? readerOf(inner.field) : undefined;
      const discard: Evidence[] = [];
      return (c, f, s, i, out) => {
        discard.length = 0;
        if (child(c, f, s, i, discard)) return false;
        if (inner.k === 'cmp') {
          const value = read!(c, f, s);
          out.push({
            at: inner.at,
            op: inner.op,
            field: evidenceName(inner.field, i),
            actual: toActual(value),
            negated: true,
          });
        } else {
          out.push({ at: node.at, op: 'not', negated: true });
        }
        return true;
      };
    }
    case 'quant': {
      const child = compileExplain(node.child);
      const { every, scope } = node;
      return (c, f, _s, _i, out) => {
        const list = scopedOf(c, scope);
        if (list.length === 0) return false;
        for (let index = 0; index < list.length; index++) {
          const scratch: Evidence[] = [];
          const hit = child(c, f, list[index], index, scratch);
          if (every) {
            if (!hit) return false;
            out.push(...scratch);
          } else if (hit) {
            out.push(...scratch);
            return true;
          }
        }
        return every;
      };
    }
    case 'cmp': {
      const test = scalarTest(node);
      const { field: spec, at, op } = node;
      const read = readerOf(spec);
      const fixedName = spec.scope === 'consignment' ? spec.path : undefined;
      return (c, f, s, i, out) => {
        const value = read(c, f, s);
        const name = fixedName ?? evidenceName(spec, i);
        if (spec.type === 'string[]') {
          const list = (value as string[] | undefined) ?? [];
          if (op === 'exists') {
            if (list.length === 0) return false;
            out.push({ at, op, field: name, actual: [...list] });
            return true;
          }
          const j = list.findIndex(test);
          if (j < 0) return false;
          out.push({ at, op, field: `${name}.${j}`, actual: list[j]! });
          return true;
        }
        if (!test(value)) return false;
        out.push({ at, op, field: name, actual: toActual(value) });
        return true;
      };
    }
    default:
      return node satisfies never;
  }
}
