import { z } from 'zod';
import { MinLane, Referral } from './rule-set.js';

/**
 * What the rule engine says about one consignment: the total score, every rule (or decision-table row) that
 * fired with the values that made its conditions true, the minimum lane and the referrals requested. The
 * selectivity step turns this into a lane; the evaluation is kept with the screening result so that an
 * officer sees why, and under which rule-set version, a consignment was selected.
 */

export const JsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const Evidence = z.object({
  /** Dotted path of the condition inside the rule, e.g. `conditions.conditions.1`, or a table cell. */
  at: z.string(),
  op: z.string(),
  /** The concrete field read, with indices, e.g. `goodsItems.2.hsCode` or `routingCountries.0`. */
  field: z.string().optional(),
  /** The value that made the condition true (for a negated condition: the value found). */
  actual: z.union([JsonScalar, z.array(JsonScalar)]).optional(),
  negated: z.literal(true).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const FiredRule = z.object({
  ruleId: z.string(),
  /** Set when the hit is a decision-table row: `ruleId` is then `<tableId>/<rowId>`. */
  tableId: z.string().optional(),
  name: z.string(),
  rationale: z.string(),
  weight: z.number(),
  minLane: MinLane.optional(),
  referral: Referral.optional(),
  evidence: z.array(Evidence),
});
export type FiredRule = z.infer<typeof FiredRule>;

export const RuleEvaluation = z.object({
  ruleSetId: z.string(),
  ruleSetVersion: z.number().int(),
  score: z.number(),
  minLane: MinLane.nullable(),
  /** Distinct referral types requested, most severe first (DNL, RFS, RFI). */
  referrals: z.array(Referral),
  fired: z.array(FiredRule),
});
export type RuleEvaluation = z.infer<typeof RuleEvaluation>;
