import type { Consignment, ScreeningFacts } from '@aeolus/contracts';
import type { FieldSpec } from '../facts/fields.js';
import { compilePatternSet, PatternTooComplexError } from '../text/automaton.js';
import type { Cmp, Node, Program, Unit } from './ir.js';

/**
 * The code-generating back end: the whole program becomes one JavaScript module built with `new Function`,
 * where every comparison is a small function V8 can inline and consignment-level derived facts are computed
 * at most once per evaluation. Safety: the source is assembled only from fixed templates, identifiers we
 * number ourselves and `JSON.stringify`-escaped catalogue field names; every value from the rule set
 * (strings, numbers, lists, automata) is passed in through the constants array `K`, never written into code.
 */
export type HitRunner = (c: Consignment, f: ScreeningFacts) => number;

const CHUNK = 40;

export function generate(program: Program): { source: string; constants: unknown[] } {
  const constants: unknown[] = [];
  const lines: string[] = ['"use strict";'];
  const constant = (value: unknown): string => {
    constants.push(value);
    const name = `k${constants.length - 1}`;
    lines.push(`const ${name} = K[${constants.length - 1}];`);
    return name;
  };
  const memo = new Map<string, string>();
  const scans = sharedScans(program);
  const helpers: string[] = [];
  let counter = 0;

  const access = (spec: FieldSpec, base: string): string => {
    if (spec.data) return base + spec.data.map((segment) => `?.[${JSON.stringify(segment)}]`).join('');
    const compute = constant(spec.compute);
    if (!spec.memoise) return `${compute}(${base}, c, f)`;
    let slot = memo.get(spec.path);
    if (!slot) {
      slot = `m${memo.size}`;
      memo.set(spec.path, slot);
    }
    return `(${slot} !== U ? ${slot} : (${slot} = ${compute}(c, c, f)))`;
  };

  const scalar = (cmp: Cmp, v: string): string => {
    switch (cmp.op) {
      case 'eq':
        return `${v} === ${constant(cmp.value)}`;
      case 'ne':
        return `${v} !== undefined && ${v} !== ${constant(cmp.value)}`;
      case 'in':
        return `${constant(cmp.set)}.has(${v})`;
      case 'notIn':
        return `${v} !== undefined && !${constant(cmp.set)}.has(${v})`;
      case 'startsWith':
        return `typeof ${v} === "string" && ${constant(cmp.prefix)}(${v})`;
      case 'gt':
        return `typeof ${v} === "number" && ${v} > ${constant(cmp.value)}`;
      case 'gte':
        return `typeof ${v} === "number" && ${v} >= ${constant(cmp.value)}`;
      case 'lt':
        return `typeof ${v} === "number" && ${v} < ${constant(cmp.value)}`;
      case 'lte':
        return `typeof ${v} === "number" && ${v} <= ${constant(cmp.value)}`;
      case 'between':
        return `typeof ${v} === "number" && ${v} >= ${constant(cmp.value)} && ${v} <= ${constant(cmp.max)}`;
      case 'matches': {
        const shared = scans.get(cmp.field.path);
        const bit = shared?.bits.get(cmp.source!);
        if (shared && bit !== undefined) {
          shared.name ??= constant(shared.scan);
          return `typeof ${v} === "string" && (${shared.name}(${v}) & ${constant(bit)}) !== 0`;
        }
        return `typeof ${v} === "string" && ${constant(cmp.matcher!.test)}(${v})`;
      }
      case 'inWatchList':
        return `typeof ${v} === "string" && ${constant(cmp.member)}(${v})`;
      case 'exists':
        return `${v} !== undefined && ${v} !== null`;
      default:
        return cmp.op satisfies never;
    }
  };

  const predicate = (cmp: Cmp): string => {
    const name = `p${counter++}`;
    const base = cmp.field.scope === 'consignment' ? 'c' : 's';
    const read = access(cmp.field, base);
    if (cmp.field.type !== 'string[]') {
      helpers.push(`function ${name}(c, f, s) { const v = ${read}; return ${scalar(cmp, 'v')}; }`);
    } else if (cmp.op === 'exists') {
      helpers.push(
        `function ${name}(c, f, s) { const a = ${read}; return a !== undefined && a.length > 0; }`,
      );
    } else {
      helpers.push(
        `function ${name}(c, f, s) { const a = ${read}; if (a === undefined) return false; ` +
          `for (let i = 0; i < a.length; i++) { const v = a[i]; if (${scalar(cmp, 'v')}) return true; } return false; }`,
      );
    }
    return `${name}(c, f, s)`;
  };

  // Common subexpressions: a consignment-level condition that occurs in several rules (the same HS list,
  // the same mode test) is evaluated once per consignment; its result is kept in M under the epoch E.
  const ids = new Map<unknown, number>();
  const identity = (value: unknown) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (!ids.has(value)) ids.set(value, ids.size);
    return `#${ids.get(value)}`;
  };
  const keyOf = (node: Node): string => {
    switch (node.k) {
      case 'all':
      case 'any':
        return `${node.k}(${node.children.map(keyOf).join(',')})`;
      case 'not':
        return `not(${keyOf(node.child)})`;
      case 'quant':
        return `${node.every ? 'all' : 'any'}-${node.scope}(${keyOf(node.child)})`;
      case 'cmp':
        return JSON.stringify([
          node.field.path,
          node.op,
          node.value,
          node.max,
          node.list,
          identity(node.set),
          identity(node.prefix),
          identity(node.matcher),
        ]);
      default:
        return node satisfies never;
    }
  };
  const occurrences = new Map<string, number>();
  const count = (node: Node, inScope: boolean) => {
    if (!inScope && node.k !== 'all' && node.k !== 'any') {
      const key = keyOf(node);
      occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
    }
    if (node.k === 'all' || node.k === 'any') for (const child of node.children) count(child, inScope);
    else if (node.k === 'not') count(node.child, inScope);
    else if (node.k === 'quant') count(node.child, true);
  };
  for (const unit of program.units) count(unit.condition, false);
  const memoSlots = new Map<string, string>();
  let shared = 0;
  const memoised = (node: Node, code: () => string): string => {
    const key = keyOf(node);
    if ((occurrences.get(key) ?? 0) < 2) return code();
    let call = memoSlots.get(key);
    if (!call) {
      const slot = shared++;
      const name = `x${slot}`;
      helpers.push(
        `function ${name}(c, f) { const s = c; const r = ${code()}; M[${slot}] = r ? E : -E; return r; }`,
      );
      call = `(M[${slot}] === E || (M[${slot}] !== -E && ${name}(c, f)))`;
      memoSlots.set(key, call);
    }
    return call;
  };

  const expression = (node: Node, inScope = false): string => {
    if (!inScope && (node.k === 'cmp' || node.k === 'quant' || node.k === 'not')) {
      return memoised(node, () => plain(node, inScope));
    }
    return plain(node, inScope);
  };
  const plain = (node: Node, inScope: boolean): string => {
    switch (node.k) {
      case 'all':
        return node.children.length === 0
          ? 'true'
          : `(${node.children.map((child) => expression(child, inScope)).join(' && ')})`;
      case 'any':
        return `(${node.children.map((child) => expression(child, inScope)).join(' || ')})`;
      case 'not':
        return `!${expression(node.child, inScope)}`;
      case 'quant': {
        const name = `q${counter++}`;
        const list = node.scope === 'item' ? 'c.goodsItems' : 'c.transportEquipment';
        const body = expression(node.child, true);
        helpers.push(
          node.every
            ? `function ${name}(c, f) { const l = ${list}; if (l === undefined || l.length === 0) return false; ` +
                `for (let i = 0; i < l.length; i++) { const s = l[i]; if (!${body}) return false; } return true; }`
            : `function ${name}(c, f) { const l = ${list}; if (l === undefined) return false; ` +
                `for (let i = 0; i < l.length; i++) { const s = l[i]; if (${body}) return true; } return false; }`,
        );
        return `${name}(c, f)`;
      }
      case 'cmp':
        return predicate(node);
      default:
        return node satisfies never;
    }
  };

  // One statement per group: a rule, or a table with its hit policy (priority = first over rows ordered
  // by descending priority, ties in row order).
  const statements: string[] = [];
  const hit = (unit: Unit) => `H[n++] = ${unit.index};`;
  for (const group of program.groups) {
    if (group.kind === 'rule') {
      statements.push(`if (${expression(group.unit.condition)}) ${hit(group.unit)}`);
      continue;
    }
    if (group.hitPolicy === 'collect-sum') {
      for (const unit of group.units) statements.push(`if (${expression(unit.condition)}) ${hit(unit)}`);
      continue;
    }
    const ordered =
      group.hitPolicy === 'priority'
        ? [...group.units].sort((a, b) => b.priority - a.priority || a.index - b.index)
        : group.units;
    statements.push(ordered.map((unit) => `if (${expression(unit.condition)}) ${hit(unit)}`).join(' else '));
  }

  // Large programs are split into functions of a few dozen statements so each stays optimisable.
  const chunks: string[] = [];
  for (let i = 0; i < statements.length; i += CHUNK) {
    const name = `g${chunks.length}`;
    lines.push(
      `function ${name}(c, f, n) { const s = c; ${statements.slice(i, i + CHUNK).join('\n')} return n; }`,
    );
    chunks.push(name);
  }
  const slots = [...memo.values()];
  if (slots.length > 0) lines.push(`let ${slots.map((slot) => `${slot} = U`).join(', ')};`);
  lines.push(...helpers);
  lines.push(`const M = new Int32Array(${Math.max(shared, 1)}); let E = 0;`);
  lines.push(
    `return function run(c, f) { ${slots.map((slot) => `${slot} = U;`).join(' ')} let n = 0; ` +
      'if (++E === 1073741824) { E = 1; M.fill(0); } ' +
      `${chunks.map((chunk) => `n = ${chunk}(c, f, n);`).join(' ')} return n; };`,
  );
  return { source: lines.join('\n'), constants };
}

/** Builds the runner; throws when the environment forbids `new Function` (the caller falls back to closures). */
export function instantiate(program: Program, hits: Int32Array): HitRunner {
  const { source, constants } = generate(program);
  const factory = new Function('K', 'U', 'H', source) as (
    K: unknown[],
    U: symbol,
    H: Int32Array,
  ) => HitRunner;
  return factory(constants, Symbol('unset'), hits);
}

interface SharedScan {
  scan: (text: string) => number;
  bits: Map<string, number>;
  name?: string;
}

/**
 * Rules that test the same text field with different patterns (vague wording, dual-use terms, drugs...)
 * share one pass over the text: one automaton for all of the field's patterns reports which matched, and
 * the last few texts' answers are remembered, since every rule asks about the same descriptions.
 */
function sharedScans(program: Program): Map<string, SharedScan> {
  const byField = new Map<string, Set<string>>();
  const visit = (node: Node): void => {
    switch (node.k) {
      case 'all':
      case 'any':
        for (const child of node.children) visit(child);
        return;
      case 'not':
      case 'quant':
        visit(node.child);
        return;
      case 'cmp':
        if (node.op !== 'matches') return;
        if (!byField.has(node.field.path)) byField.set(node.field.path, new Set());
        byField.get(node.field.path)!.add(node.source!);
    }
  };
  for (const unit of program.units) visit(unit.condition);
  const out = new Map<string, SharedScan>();
  for (const [field, sources] of byField) {
    const list = [...sources].slice(0, 31);
    if (list.length < 2) continue;
    try {
      const scan = rememberLast(compilePatternSet(list));
      out.set(field, { scan, bits: new Map(list.map((source, i) => [source, 1 << i])) });
    } catch (error) {
      // The union of patterns that compile one by one can still exceed the automaton limit: scan separately.
      if (!(error instanceof PatternTooComplexError)) throw error;
    }
  }
  return out;
}

function rememberLast(scan: (text: string) => number): (text: string) => number {
  const keys: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  const masks = [0, 0, 0, 0];
  let next = 0;
  return (text) => {
    for (let i = 0; i < 4; i++) if (keys[i] === text) return masks[i]!;
    const mask = scan(text);
    keys[next] = text;
    masks[next] = mask;
    next = (next + 1) & 3;
    return mask;
  };
}
