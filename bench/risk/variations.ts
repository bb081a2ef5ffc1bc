import type { Rule, RuleCondition, RuleSet } from '@aeolus/contracts';

/**
 * Larger rule sets for the scaling runs: the demo rules repeated with variations — thresholds shifted,
 * ids made unique — so that each copy is a distinct rule the engine must evaluate, not a duplicate it
 * could share.
 */
export function withVariations(base: RuleSet, ruleCount: number): RuleSet {
  const rules: Rule[] = [];
  for (let k = 0; rules.length < ruleCount; k++) {
    const source = base.rules[k % base.rules.length]!;
    const round = Math.floor(k / base.rules.length);
    rules.push({ ...source, id: `${source.id}.v${round}`, conditions: vary(source.conditions, round) });
  }
  return { ...base, id: `${base.id}-x${ruleCount}`, status: 'draft', rules };
}

function vary(cond: RuleCondition, round: number): RuleCondition {
  const factor = 1 + (round % 9) * 0.03;
  switch (cond.op) {
    case 'all':
    case 'any':
      return { ...cond, conditions: cond.conditions.map((c) => vary(c, round)) };
    case 'not':
    case 'anyItem':
    case 'allItems':
    case 'anyContainer':
    case 'allContainers':
      return { ...cond, condition: vary(cond.condition, round) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { ...cond, value: cond.value >= 0 ? cond.value * factor : cond.value / factor };
    case 'between':
      return { ...cond, min: cond.min * factor, max: cond.max * factor };
    default:
      return cond;
  }
}
