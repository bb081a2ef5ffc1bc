import type { Consignment, Evidence, FiredRule, ScreeningFacts } from '@aeolus/contracts';
import { compileWitness, type ReaderOf } from './closures.js';
import type { Unit } from './ir.js';

/** Builds the fired rule, with its evidence, of a unit that fired; see `compileWitness` for the evidence. */
export type Explainer = (c: Consignment, f: ScreeningFacts) => FiredRule;

export function compileExplainer(unit: Unit, readerOf: ReaderOf): Explainer {
  const witness = compileWitness(unit.condition, readerOf);
  const make = firedRule(unit);
  return (c, f) => {
    const evidence: Evidence[] = [];
    witness(c, f, c, 0, evidence);
    return make(evidence);
  };
}

/**
 * One object literal per combination of optional outcome fields: the fired rule is allocated with its final
 * shape, and has exactly the keys the reference evaluator gives it.
 */
function firedRule(unit: Unit): (evidence: Evidence[]) => FiredRule {
  const { ruleId, name, rationale, weight, tableId, minLane, referral } = unit;
  if (tableId === undefined) {
    if (minLane && referral)
      return (evidence) => ({ ruleId, name, rationale, weight, evidence, minLane, referral });
    if (minLane) return (evidence) => ({ ruleId, name, rationale, weight, evidence, minLane });
    if (referral) return (evidence) => ({ ruleId, name, rationale, weight, evidence, referral });
    return (evidence) => ({ ruleId, name, rationale, weight, evidence });
  }
  if (minLane && referral) {
    return (evidence) => ({ ruleId, name, rationale, weight, evidence, tableId, minLane, referral });
  }
  if (minLane) return (evidence) => ({ ruleId, name, rationale, weight, evidence, tableId, minLane });
  if (referral) return (evidence) => ({ ruleId, name, rationale, weight, evidence, tableId, referral });
  return (evidence) => ({ ruleId, name, rationale, weight, evidence, tableId });
}
