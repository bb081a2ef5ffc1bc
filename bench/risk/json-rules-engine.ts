import type {
  Consignment,
  RuleComparison,
  RuleCondition,
  RuleSet,
  ScreeningFacts,
  WatchList,
} from '@aeolus/contracts';
import { FIELDS, keywordsPattern, normaliseListValue } from '@aeolus/risk-engine';
import { Engine } from 'json-rules-engine';
import { flatten, watchListEntries } from './flatten.js';

/**
 * Our rule format translated to json-rules-engine: one engine rule per unit (rules and table rows), the
 * engine's own operators where their semantics match ours (equal, in, greaterThan...), custom operators
 * for the rest, and one dynamic fact per field path (derived facts computed by the same functions as ours).
 * Quantifiers over items and containers become a custom operator that evaluates the nested condition per
 * element with the same operator set — how one extends json-rules-engine for lists of objects.
 */
type Jre =
  | { all: Jre[] }
  | { any: Jre[] }
  | { not: Jre }
  | { fact: string; operator: string; value: unknown };
type Op = (fact: unknown, value: never) => boolean;

const BUILT_IN: Record<string, string> = {
  eq: 'equal',
  in: 'in',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
};

export function buildJsonRulesEngine(ruleSet: RuleSet, watchLists: readonly WatchList[]) {
  const entries = watchListEntries(watchLists);
  const regexes = new Map<string, RegExp>();
  const custom: Record<string, Op> = {
    ne: (v, value: unknown) => v !== undefined && v !== value,
    notIn: (v, values: unknown[]) => v !== undefined && !values.includes(v),
    startsWith: (v, values: string[]) => typeof v === 'string' && values.some((p) => v.startsWith(p)),
    between: (v, [min, max]: [number, number]) => typeof v === 'number' && v >= min && v <= max,
    matches: (v, source: string) => {
      let re = regexes.get(source);
      if (!re) {
        re = new RegExp(source, 'i');
        regexes.set(source, re);
      }
      return typeof v === 'string' && re.test(v);
    },
    inWatchList: (v, set: Set<string>) => typeof v === 'string' && set.has(normaliseListValue(v)),
  };
  const builtIns: Record<string, Op> = {
    equal: (v, value: unknown) => v === value,
    in: (v, values: unknown[]) => values.includes(v),
    greaterThan: (v, n: number) => typeof v === 'number' && v > n,
    greaterThanInclusive: (v, n: number) => typeof v === 'number' && v >= n,
    lessThan: (v, n: number) => typeof v === 'number' && v < n,
    lessThanInclusive: (v, n: number) => typeof v === 'number' && v <= n,
  };
  const byName: Record<string, Op> = { ...builtIns, ...custom };

  const operand = (cmp: RuleComparison): [string, unknown] => {
    switch (cmp.op) {
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return [BUILT_IN[cmp.op] ?? cmp.op, cmp.value];
      case 'in':
      case 'notIn':
      case 'startsWith':
        return [BUILT_IN[cmp.op] ?? cmp.op, cmp.values];
      case 'between':
        return ['between', [cmp.min, cmp.max]];
      case 'matches':
        return ['matches', cmp.pattern ?? keywordsPattern(cmp.keywords!)];
      case 'inWatchList':
        return ['inWatchList', new Set(entries(cmp.list))];
      case 'exists':
        return ['exists', true];
    }
  };

  const translate = (cond: RuleCondition): Jre => {
    switch (cond.op) {
      case 'all':
        return { all: cond.conditions.map(translate) };
      case 'any':
        return { any: cond.conditions.map(translate) };
      case 'not':
        return { not: translate(cond.condition) };
      case 'anyItem':
      case 'allItems':
      case 'anyContainer':
      case 'allContainers': {
        const collection =
          cond.op.endsWith('Items') || cond.op === 'anyItem' ? 'goodsItems' : 'transportEquipment';
        // Wrapped: json-rules-engine reads a `value` object with a `fact` key as a reference to another fact.
        return { fact: collection, operator: cond.op, value: { nested: translate(cond.condition) } };
      }
      default: {
        const [operator, value] = operand(cond);
        const spec = FIELDS.get(cond.field)!;
        const listOp = spec.type === 'string[]' && operator !== 'exists' ? `some:${operator}` : operator;
        return { fact: cond.field, operator: listOp, value };
      }
    }
  };

  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, fn] of Object.entries(custom)) engine.addOperator(name, fn as never);
  for (const [name, fn] of Object.entries(byName)) {
    engine.addOperator(
      `some:${name}`,
      ((v: unknown, value: never) => Array.isArray(v) && v.some((e) => fn(e, value))) as never,
    );
  }
  const existsList: Op = (v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);
  engine.addOperator('exists', existsList as never);

  // Quantifiers: the nested condition runs per element with the same operators.
  type Ctx = { c: Consignment; f: ScreeningFacts };
  let current: Ctx | undefined;
  const holds = (node: Jre, element: unknown): boolean => {
    if ('all' in node) return node.all.every((n) => holds(n, element));
    if ('any' in node) return node.any.some((n) => holds(n, element));
    if ('not' in node) return !holds(node.not, element);
    const spec = FIELDS.get(node.fact)!;
    const value = spec.compute
      ? spec.compute(element as Consignment, current!.c, current!.f)
      : spec.data!.reduce<unknown>(
          (o, k) => (o as Record<string, unknown> | undefined)?.[k],
          spec.scope === 'consignment' ? current!.c : element,
        );
    if (node.operator.startsWith('some:')) {
      const fn = byName[node.operator.slice(5)]!;
      return Array.isArray(value) && value.some((e) => fn(e, node.value as never));
    }
    return (node.operator === 'exists' ? existsList : byName[node.operator]!)(value, node.value as never);
  };
  for (const q of ['anyItem', 'allItems', 'anyContainer', 'allContainers']) {
    const every = q.startsWith('all');
    engine.addOperator(q, ((list: unknown[] | undefined, { nested }: { nested: Jre }) => {
      if (!list || list.length === 0) return false;
      return every ? list.every((e) => holds(nested, e)) : list.some((e) => holds(nested, e));
    }) as never);
  }

  const units = flatten(ruleSet);
  const used = new Set<string>();
  const collect = (node: Jre) => {
    if ('all' in node) node.all.forEach(collect);
    else if ('any' in node) node.any.forEach(collect);
    else if ('not' in node) collect(node.not);
    else if (FIELDS.get(node.fact)?.scope !== 'item' && FIELDS.get(node.fact)?.scope !== 'container')
      used.add(node.fact);
  };
  for (const unit of units) {
    const conditions = translate(unit.condition);
    collect(conditions);
    engine.addRule({
      name: unit.id,
      conditions: ('all' in conditions || 'any' in conditions ? conditions : { all: [conditions] }) as never,
      event: { type: unit.id },
    });
  }
  for (const path of used) {
    if (path === 'goodsItems') {
      engine.addFact(path, () => (current!.c.dataset === 'full' ? current!.c.goodsItems : []));
      continue;
    }
    if (path === 'transportEquipment') {
      engine.addFact(path, () =>
        current!.c.dataset === 'full' ? (current!.c.transportEquipment ?? []) : [],
      );
      continue;
    }
    const spec = FIELDS.get(path)!;
    engine.addFact(path, () =>
      spec.compute
        ? spec.compute(current!.c, current!.c, current!.f)
        : spec.data!.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], current!.c),
    );
  }

  return {
    ruleCount: units.length,
    async hits(c: Consignment, f: ScreeningFacts): Promise<string[]> {
      current = { c, f };
      const { events } = await engine.run({});
      return events.map((e) => e.type);
    },
  };
}
