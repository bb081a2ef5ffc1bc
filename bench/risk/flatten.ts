import type { DecisionTableCell, RuleComparison, RuleCondition, RuleSet, WatchList } from '@aeolus/contracts';
import { type Problem, resolveWatchLists } from '@aeolus/risk-engine';

/**
 * Flattens a rule set into independent "units" for engines without hit policies: each rule is one unit, and
 * each decision-table row becomes one unit whose condition is the row's cells (and, under hit policy
 * `first` or `priority`, "no earlier row matched"). The benchmark translators start from these.
 */
export interface FlatUnit {
  id: string;
  condition: RuleCondition;
}

const TRUE: RuleCondition = { op: 'all', conditions: [] } as unknown as RuleCondition;

export function flatten(ruleSet: RuleSet): FlatUnit[] {
  const units: FlatUnit[] = [];
  for (const rule of ruleSet.rules) {
    if (rule.enabled !== false) units.push({ id: rule.id, condition: rule.conditions });
  }
  for (const table of ruleSet.decisionTables) {
    const rows = table.rows.map((row, index) => ({
      row,
      index,
      condition: {
        op: 'all',
        conditions: row.cells.flatMap((cell: DecisionTableCell | null, j) =>
          cell === null ? [] : [{ ...cell, field: table.inputs[j]!.field } as RuleComparison],
        ),
      } as RuleCondition,
    }));
    const ordered =
      table.hitPolicy === 'priority'
        ? [...rows].sort((a, b) => (b.row.priority ?? 0) - (a.row.priority ?? 0) || a.index - b.index)
        : rows;
    ordered.forEach((entry, k) => {
      const earlier = ordered.slice(0, k).map((e) => e.condition);
      const condition: RuleCondition =
        table.hitPolicy === 'collect-sum' || earlier.length === 0
          ? entry.condition
          : {
              op: 'all',
              conditions: [entry.condition, { op: 'not', condition: { op: 'any', conditions: earlier } }],
            };
      units.push({
        id: `${table.id}/${entry.row.id}`,
        condition: condition.op === 'all' && condition.conditions.length === 0 ? TRUE : condition,
      });
    });
  }
  return units;
}

/**
 * The normalised entries of each watch list, `includes` followed, as the engine resolves them — so that
 * every engine in the comparison screens against exactly the same lists.
 */
export function watchListEntries(watchLists: readonly WatchList[]): (name: string) => string[] {
  const problems: Problem[] = [];
  const resolved = resolveWatchLists(
    watchLists.map((l) => l.name),
    watchLists,
    problems,
  );
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return (name) => [...(resolved.get(name) ?? [])];
}
