import type { DecisionTable, Rule, RuleSet } from '@aeolus/contracts';

/**
 * What changed between two versions of a rule set, rule by rule and table by table, so that an analyst
 * reviews a draft against the published version before publishing (issue 4 item 3: editing a draft never
 * changes a published version, so the difference is exactly what publishing would change).
 */

export type ChangedPart = 'name' | 'rationale' | 'enabled' | 'conditions' | 'weight' | 'minLane' | 'referral';
export type ChangedTablePart = 'name' | 'rationale' | 'hitPolicy' | 'inputs' | 'rows';

export interface RuleSetDiff {
  rules: {
    added: Rule[];
    removed: Rule[];
    changed: { before: Rule; after: Rule; parts: ChangedPart[] }[];
  };
  decisionTables: {
    added: DecisionTable[];
    removed: DecisionTable[];
    changed: { before: DecisionTable; after: DecisionTable; parts: ChangedTablePart[] }[];
  };
  watchLists: { added: string[]; removed: string[] };
  isEmpty: boolean;
}

/** Deep equality of JSON values, where an absent key equals `undefined`. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameJson(ra[k], rb[k]));
}

function byId<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): { added: T[]; removed: T[]; pairs: [T, T][] } {
  const old = new Map(before.map((x) => [x.id, x]));
  const next = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !next.has(x.id)),
    pairs: after.flatMap((x) => {
      const prior = old.get(x.id);
      return prior ? [[prior, x] as [T, T]] : [];
    }),
  };
}

const RULE_PARTS: readonly ChangedPart[] = [
  'name',
  'rationale',
  'enabled',
  'conditions',
  'weight',
  'minLane',
  'referral',
];
const TABLE_PARTS: readonly ChangedTablePart[] = ['name', 'rationale', 'hitPolicy', 'inputs', 'rows'];

/** An enabled flag left out means enabled. */
const enabledOf = (rule: Rule) => rule.enabled ?? true;

export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const rules = byId(before.rules, after.rules);
  const tables = byId(before.decisionTables, after.decisionTables);
  const changedRules = rules.pairs.flatMap(([b, a]) => {
    const parts = RULE_PARTS.filter((part) =>
      part === 'enabled' ? enabledOf(b) !== enabledOf(a) : !sameJson(b[part], a[part]),
    );
    return parts.length > 0 ? [{ before: b, after: a, parts }] : [];
  });
  const changedTables = tables.pairs.flatMap(([b, a]) => {
    const parts = TABLE_PARTS.filter((part) => !sameJson(b[part], a[part]));
    return parts.length > 0 ? [{ before: b, after: a, parts }] : [];
  });
  const lists = {
    added: after.watchLists.filter((l) => !before.watchLists.includes(l)),
    removed: before.watchLists.filter((l) => !after.watchLists.includes(l)),
  };
  return {
    rules: { added: rules.added, removed: rules.removed, changed: changedRules },
    decisionTables: { added: tables.added, removed: tables.removed, changed: changedTables },
    watchLists: lists,
    isEmpty:
      rules.added.length + rules.removed.length + changedRules.length === 0 &&
      tables.added.length + tables.removed.length + changedTables.length === 0 &&
      lists.added.length + lists.removed.length === 0,
  };
}
