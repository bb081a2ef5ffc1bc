import type {
  Consignment,
  DecisionTableCell,
  Evidence,
  FiredRule,
  RuleComparison,
  RuleCondition,
  RuleEvaluation,
  RuleSet,
  ScreeningFacts,
  WatchList,
} from '@aeolus/contracts';
import { evidenceName, FIELDS, type FieldSpec, readField } from '../facts/fields.js';
import { keywordsPattern } from '../text/automaton.js';

/**
 * The reference evaluator: a plain tree-walking interpreter over the rule-set JSON as written, with no
 * compilation, caching or code generation. It exists to be obviously right; the property tests check that
 * the compiled engine agrees with it on random rule sets and consignments. It runs `matches` with the
 * platform's own RegExp (the compiled engine uses its linear-time automaton), so the two cross-check each
 * other, and it assumes a rule set that `checkRuleSet` accepted.
 */
export function evaluateReference(
  ruleSet: RuleSet,
  watchLists: readonly WatchList[],
  consignment: Consignment,
  facts: ScreeningFacts = {},
): RuleEvaluation {
  const ctx: Ctx = { c: consignment, f: facts, lists: listEntries(watchLists) };
  const fired: FiredRule[] = [];
  ruleSet.rules.forEach((rule, r) => {
    if (rule.enabled === false) return;
    const evidence: Evidence[] = [];
    if (!holds(ctx, rule.conditions, `rules.${r}.conditions`, consignment, 0, evidence)) return;
    fired.push(withOutcome({ ruleId: rule.id, name: rule.name, rationale: rule.rationale, evidence }, rule));
  });
  ruleSet.decisionTables.forEach((table, t) => {
    const matching: { row: (typeof table.rows)[number]; evidence: Evidence[]; r: number }[] = [];
    table.rows.forEach((row, r) => {
      const evidence: Evidence[] = [];
      const ok = row.cells.every((cell, j) => {
        if (cell === null) return true;
        const comparison = { ...cell, field: table.inputs[j]!.field } as RuleComparison;
        return holds(ctx, comparison, `decisionTables.${t}.rows.${r}.cells.${j}`, consignment, 0, evidence);
      });
      if (ok) matching.push({ row, evidence, r });
    });
    let chosen = matching;
    if (table.hitPolicy === 'first') chosen = matching.slice(0, 1);
    if (table.hitPolicy === 'priority' && matching.length > 0) {
      let best = matching[0]!;
      for (const m of matching) if ((m.row.priority ?? 0) > (best.row.priority ?? 0)) best = m;
      chosen = [best];
    }
    for (const { row, evidence } of chosen) {
      fired.push(
        withOutcome(
          {
            ruleId: `${table.id}/${row.id}`,
            tableId: table.id,
            name: row.note ? `${table.name}: ${row.note}` : table.name,
            rationale: table.rationale,
            evidence,
          },
          row,
        ),
      );
    }
  });
  const lanes = ['blue', 'yellow', 'red'] as const;
  let minLane: RuleEvaluation['minLane'] = null;
  for (const hit of fired) {
    if (hit.minLane && (minLane === null || lanes.indexOf(hit.minLane) > lanes.indexOf(minLane)))
      minLane = hit.minLane;
  }
  return {
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    score: fired.reduce((sum, hit) => sum + hit.weight, 0),
    minLane,
    referrals: (['DNL', 'RFS', 'RFI'] as const).filter((type) => fired.some((hit) => hit.referral === type)),
    fired,
  };
}

type Ctx = { c: Consignment; f: ScreeningFacts; lists: Map<string, Set<string>> };

function withOutcome(
  base: Omit<FiredRule, 'weight'>,
  source: { weight: number; minLane?: FiredRule['minLane']; referral?: FiredRule['referral'] },
): FiredRule {
  const out: FiredRule = { ...base, weight: source.weight };
  if (source.minLane) out.minLane = source.minLane;
  if (source.referral) out.referral = source.referral;
  return out;
}

function normalise(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toUpperCase();
}

function listEntries(watchLists: readonly WatchList[]): Map<string, Set<string>> {
  const byName = new Map(watchLists.map((list) => [list.name, list]));
  const collect = (name: string, seen: Set<string>, into: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    const list = byName.get(name);
    if (!list) return;
    for (const entry of list.entries) into.add(normalise(entry));
    for (const included of list.includes ?? []) collect(included, seen, into);
  };
  const out = new Map<string, Set<string>>();
  for (const list of watchLists) {
    const entries = new Set<string>();
    collect(list.name, new Set(), entries);
    out.set(list.name, entries);
  }
  return out;
}

function holds(
  ctx: Ctx,
  cond: RuleCondition,
  at: string,
  scoped: unknown,
  index: number,
  out: Evidence[],
): boolean {
  switch (cond.op) {
    case 'all':
      return cond.conditions.every((child, i) =>
        holds(ctx, child, `${at}.conditions.${i}`, scoped, index, out),
      );
    case 'any':
      for (let i = 0; i < cond.conditions.length; i++) {
        const scratch: Evidence[] = [];
        if (holds(ctx, cond.conditions[i]!, `${at}.conditions.${i}`, scoped, index, scratch)) {
          out.push(...scratch);
          return true;
        }
      }
      return false;
    case 'not': {
      if (holds(ctx, cond.condition, `${at}.condition`, scoped, index, [])) return false;
      const inner = cond.condition;
      if ('field' in inner) {
        const spec = FIELDS.get(inner.field)!;
        const value = readField(spec, scoped as Consignment, ctx.c, ctx.f);
        out.push({
          at: `${at}.condition`,
          op: inner.op,
          field: evidenceName(spec, index),
          actual: value === undefined ? null : Array.isArray(value) ? [...value] : (value as string),
          negated: true,
        });
      } else {
        out.push({ at, op: 'not', negated: true });
      }
      return true;
    }
    case 'anyItem':
    case 'allItems':
    case 'anyContainer':
    case 'allContainers': {
      const list: unknown[] =
        cond.op === 'anyItem' || cond.op === 'allItems'
          ? ctx.c.dataset === 'full'
            ? ctx.c.goodsItems
            : []
          : ctx.c.dataset === 'full'
            ? (ctx.c.transportEquipment ?? [])
            : [];
      if (list.length === 0) return false;
      const every = cond.op === 'allItems' || cond.op === 'allContainers';
      const collected: Evidence[] = [];
      for (let i = 0; i < list.length; i++) {
        const scratch: Evidence[] = [];
        const ok = holds(ctx, cond.condition, `${at}.condition`, list[i], i, scratch);
        if (ok && !every) {
          out.push(...scratch);
          return true;
        }
        if (!ok && every) return false;
        if (ok) collected.push(...scratch);
      }
      if (!every) return false;
      out.push(...collected);
      return true;
    }
    default:
      return compare(ctx, cond, at, scoped, index, out);
  }
}

function compare(
  ctx: Ctx,
  cmp: RuleComparison,
  at: string,
  scoped: unknown,
  index: number,
  out: Evidence[],
): boolean {
  const spec = FIELDS.get(cmp.field) as FieldSpec;
  const value = readField(spec, scoped as Consignment, ctx.c, ctx.f);
  const name = evidenceName(spec, index);
  if (Array.isArray(value)) {
    if (cmp.op === 'exists') {
      if (value.length === 0) return false;
      out.push({ at, op: cmp.op, field: name, actual: [...value] });
      return true;
    }
    for (let j = 0; j < value.length; j++) {
      if (scalarHolds(ctx, cmp, value[j])) {
        out.push({ at, op: cmp.op, field: `${name}.${j}`, actual: value[j] });
        return true;
      }
    }
    return false;
  }
  if (!scalarHolds(ctx, cmp, value)) return false;
  out.push({ at, op: cmp.op, field: name, actual: value === undefined ? null : (value as string) });
  return true;
}

function scalarHolds(ctx: Ctx, cmp: DecisionTableCell, v: unknown): boolean {
  if (v === undefined || v === null) return false;
  switch (cmp.op) {
    case 'eq':
      return v === cmp.value;
    case 'ne':
      return v !== cmp.value;
    case 'in':
      return (cmp.values as unknown[]).includes(v);
    case 'notIn':
      return !(cmp.values as unknown[]).includes(v);
    case 'startsWith':
      return typeof v === 'string' && cmp.values.some((prefix) => v.startsWith(prefix));
    case 'gt':
      return typeof v === 'number' && v > cmp.value;
    case 'gte':
      return typeof v === 'number' && v >= cmp.value;
    case 'lt':
      return typeof v === 'number' && v < cmp.value;
    case 'lte':
      return typeof v === 'number' && v <= cmp.value;
    case 'between':
      return typeof v === 'number' && v >= cmp.min && v <= cmp.max;
    case 'matches':
      return typeof v === 'string' && new RegExp(cmp.pattern ?? keywordsPattern(cmp.keywords!), 'i').test(v);
    case 'inWatchList':
      return typeof v === 'string' && (ctx.lists.get(cmp.list)?.has(normalise(v)) ?? false);
    case 'exists':
      return true;
  }
}
