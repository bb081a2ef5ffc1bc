import type {
  Consignment,
  RuleComparison,
  RuleCondition,
  RuleSet,
  ScreeningFacts,
  WatchList,
} from '@aeolus/contracts';
import { FIELDS, type FieldSpec, keywordsPattern } from '@aeolus/risk-engine';
import { ZenEngine } from '@gorules/zen-engine';
import { flatten, watchListEntries } from './flatten.js';

/**
 * Our rule format translated to a GoRules ZEN decision (JDM): one expression node with one boolean
 * expression per unit in ZEN's expression language. Consignment-level derived facts are computed in
 * JavaScript before each evaluation (ZEN has no hook for them) and passed in the input as `d`; that time is
 * part of the measurement. ZEN string literals take no escapes, so a value containing a quote is refused.
 */
const lit = (value: string | number | boolean): string => {
  if (typeof value !== 'string') return String(value);
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new Error(`cannot write ${value} as a ZEN literal`);
};

const ITEM_DERIVED: Record<string, string> = {
  'item.valuePerKg': '(#.value.amount / #.grossMassKg)',
  'container.sealCount': 'len(#.seals)',
  'container.sealIds': 'map(#.seals, #.id)',
  'container.hasSealAnomaly': 'some(#.seals, #.condition == "damaged" or #.condition == "missing")',
};

export function buildZen(ruleSet: RuleSet, watchLists: readonly WatchList[]) {
  const entries = watchListEntries(watchLists);
  const derivedUsed = new Map<string, FieldSpec>();
  const key = (path: string) => path.replace(/\./g, '_');

  const access = (spec: FieldSpec): string => {
    if (spec.scope !== 'consignment') {
      if (spec.data) return `#.${spec.data.join('.')}`;
      const expr = ITEM_DERIVED[spec.path];
      if (!expr) throw new Error(`no ZEN translation for ${spec.path}`);
      return expr;
    }
    if (spec.data) return `c.${spec.data.join('.')}`;
    derivedUsed.set(spec.path, spec);
    return `d.${key(spec.path)}`;
  };

  const scalar = (cmp: RuleComparison, x: string): string => {
    switch (cmp.op) {
      case 'eq':
        return `(${x} == ${lit(cmp.value)})`;
      case 'ne':
        return `(${x} != null and ${x} != ${lit(cmp.value)})`;
      case 'in':
        return `(${x} in [${cmp.values.map(lit).join(', ')}])`;
      case 'notIn':
        return `(${x} != null and not (${x} in [${cmp.values.map(lit).join(', ')}]))`;
      case 'startsWith':
        return `(${x} != null and (${cmp.values.map((p) => `startsWith(${x}, ${lit(p)})`).join(' or ')}))`;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const sign = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[cmp.op];
        return `(${x} != null and ${x} ${sign} ${cmp.value})`;
      }
      case 'between':
        return `(${x} != null and ${x} >= ${cmp.min} and ${x} <= ${cmp.max})`;
      case 'matches':
        return `(${x} != null and matches(${x}, ${lit(`(?i)${cmp.pattern ?? keywordsPattern(cmp.keywords!)}`)}))`;
      case 'inWatchList':
        return `(${x} != null and upper(trim(${x})) in [${entries(cmp.list).map(lit).join(', ')}])`;
      case 'exists':
        return `(${x} != null)`;
    }
  };

  const expression = (cond: RuleCondition): string => {
    switch (cond.op) {
      case 'all':
        return cond.conditions.length === 0 ? 'true' : `(${cond.conditions.map(expression).join(' and ')})`;
      case 'any':
        return `(${cond.conditions.map(expression).join(' or ')})`;
      case 'not':
        return `(not ${expression(cond.condition)})`;
      case 'anyItem':
        return `some(items, ${expression(cond.condition)})`;
      case 'allItems':
        return `(len(items) > 0 and all(items, ${expression(cond.condition)}))`;
      case 'anyContainer':
        return `some(equipment, ${expression(cond.condition)})`;
      case 'allContainers':
        return `(len(equipment) > 0 and all(equipment, ${expression(cond.condition)}))`;
      default: {
        const spec = FIELDS.get(cond.field)!;
        const x = access(spec);
        if (spec.type !== 'string[]') return scalar(cond, x);
        if (cond.op === 'exists') return `(${x} != null and len(${x}) > 0)`;
        return `(${x} != null and some(${x}, ${scalar(cond, '#')}))`;
      }
    }
  };

  const units = flatten(ruleSet);
  const expressions = units.map((unit, i) => ({
    id: `e${i}`,
    key: `u${i}`,
    value: expression(unit.condition),
  }));
  const content = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'consignment', position: { x: 0, y: 0 }, content: {} },
      {
        id: 'rules',
        type: 'expressionNode',
        name: 'rules',
        position: { x: 1, y: 0 },
        content: { expressions },
      },
      { id: 'out', type: 'outputNode', name: 'hits', position: { x: 2, y: 0 }, content: {} },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'rules', type: 'edge' },
      { id: 'b', sourceId: 'rules', targetId: 'out', type: 'edge' },
    ],
  };
  const decision = new ZenEngine().createDecision(content);
  const derived = [...derivedUsed.values()];

  return {
    ruleCount: units.length,
    async hits(c: Consignment, f: ScreeningFacts): Promise<string[]> {
      const d: Record<string, unknown> = {};
      for (const spec of derived) {
        const value = spec.compute!(c, c, f) ?? null;
        // ZEN computes in 28-digit decimals and rejects floats such as 1.4e-14: round to 1e-9.
        d[key(spec.path)] = typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : value;
      }
      const input = {
        c,
        d,
        items: c.dataset === 'full' ? c.goodsItems : [],
        equipment: c.dataset === 'full' ? (c.transportEquipment ?? []) : [],
      };
      const { result } = await decision.evaluate(input);
      const out: string[] = [];
      units.forEach((unit, i) => {
        if ((result as Record<string, unknown>)[`u${i}`] === true) out.push(unit.id);
      });
      return out;
    },
  };
}
