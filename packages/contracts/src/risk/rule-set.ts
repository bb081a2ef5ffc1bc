import { z } from 'zod';

/**
 * Risk rule sets as data. A rule set is a versioned JSON document (draft -> published -> retired) of rules
 * and decision tables over consignment fields, derived facts and caller facts. The file exchanged on import
 * and export is exactly this JSON; `ruleSetJsonSchema()` gives its JSON Schema. Field names and operators are
 * checked against the engine's field catalogue when the rule set is compiled (`@aeolus/risk-engine`).
 * The format is described in packages/risk-engine/README.md.
 */

export const LANES = ['green', 'blue', 'yellow', 'red'] as const;
export const Lane = z.enum(LANES);
export type Lane = z.infer<typeof Lane>;

/** A rule may raise the lane to at least this; green is the default and so never a minimum. */
export const MinLane = z.enum(['blue', 'yellow', 'red']);
export type MinLane = z.infer<typeof MinLane>;

/** ICS2 / PACT referral types: Request for Information, Request for Screening (HRCM), Do Not Load. */
export const REFERRALS = ['RFI', 'RFS', 'DNL'] as const;
export const Referral = z.enum(REFERRALS);
export type Referral = z.infer<typeof Referral>;

export const RULE_SET_STATUSES = ['draft', 'published', 'retired'] as const;
export const RuleSetStatus = z.enum(RULE_SET_STATUSES);
export type RuleSetStatus = z.infer<typeof RuleSetStatus>;

export const RuleSetId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2-63 lower-case letters, digits or hyphens');
export const RuleId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, "_", "." or "-"');
export const WatchListName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1-63 lower-case letters, digits or hyphens');
/** A dotted field path, e.g. `consignee.address.country`, `item.hsCode`, `derived.valuePerKg`. */
export const FieldPath = z
  .string()
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'must be a dotted field path');

const Scalar = z.union([z.string().max(512), z.number(), z.boolean()]);
const Finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/** The operand part of each comparison; a decision-table cell is exactly this, without `field`. */
const operands = {
  eq: { op: z.literal('eq'), value: Scalar },
  ne: { op: z.literal('ne'), value: Scalar },
  in: {
    op: z.literal('in'),
    values: z
      .array(z.union([z.string().max(512), z.number()]))
      .min(1)
      .max(100_000),
  },
  notIn: {
    op: z.literal('notIn'),
    values: z
      .array(z.union([z.string().max(512), z.number()]))
      .min(1)
      .max(100_000),
  },
  /** Prefix match, e.g. HS chapters ("93") and headings ("9301"). */
  startsWith: { op: z.literal('startsWith'), values: z.array(z.string().min(1).max(64)).min(1).max(10_000) },
  gt: { op: z.literal('gt'), value: Finite },
  gte: { op: z.literal('gte'), value: Finite },
  lt: { op: z.literal('lt'), value: Finite },
  lte: { op: z.literal('lte'), value: Finite },
  /** Inclusive range. */
  between: { op: z.literal('between'), min: Finite, max: Finite },
  /**
   * Case-insensitive text match: `keywords` (whole words or phrases) or one `pattern` in the engine's safe
   * regular-expression subset, run by a linear-time automaton. Exactly one of the two.
   */
  matches: {
    op: z.literal('matches'),
    keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(1_000).optional(),
    pattern: z.string().min(1).max(300).optional(),
  },
  /** Membership in a named watch list given to the compiler (normalised: trimmed, upper case). */
  inWatchList: { op: z.literal('inWatchList'), list: WatchListName },
  /** The field has a value (an array field: at least one element). */
  exists: { op: z.literal('exists') },
} as const;

export const COMPARISON_OPERATORS = Object.keys(operands) as (keyof typeof operands)[];
export type ComparisonOperator = keyof typeof operands;

const comparisonVariants = Object.values(operands).map((shape) =>
  z.strictObject({ ...shape, field: FieldPath }),
);
const cellVariants = Object.values(operands).map((shape) => z.strictObject(shape));

export type RuleComparison = { field: string } & (
  | { op: 'eq' | 'ne'; value: string | number | boolean }
  | { op: 'in' | 'notIn'; values: (string | number)[] }
  | { op: 'startsWith'; values: string[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { op: 'between'; min: number; max: number }
  | { op: 'matches'; keywords?: string[] | undefined; pattern?: string | undefined }
  | { op: 'inWatchList'; list: string }
  | { op: 'exists' }
);
export type DecisionTableCell = RuleComparison extends infer C
  ? C extends { field: string }
    ? Omit<C, 'field'>
    : never
  : never;

export const QUANTIFIERS = ['anyItem', 'allItems', 'anyContainer', 'allContainers'] as const;
export type Quantifier = (typeof QUANTIFIERS)[number];

export type RuleCondition =
  | RuleComparison
  | { op: 'all' | 'any'; conditions: RuleCondition[] }
  | { op: 'not'; condition: RuleCondition }
  | { op: Quantifier; condition: RuleCondition };

const OPERATOR_NAMES = ['all', 'any', 'not', ...QUANTIFIERS, ...COMPARISON_OPERATORS];

const unknownOperator = (issue: { code: string; input?: unknown }) =>
  issue.code === 'invalid_union'
    ? `unknown operator; expected one of ${OPERATOR_NAMES.join(', ')}`
    : undefined;

const Junction = (op: 'all' | 'any') =>
  z.strictObject({
    op: z.literal(op),
    get conditions(): z.ZodArray<z.ZodType<RuleCondition>> {
      return z.array(RuleCondition).min(1).max(1_000);
    },
  });
const Wrapper = <T extends string>(op: T) =>
  z.strictObject({
    op: z.literal(op),
    get condition(): z.ZodType<RuleCondition> {
      return RuleCondition;
    },
  });

export const RuleCondition: z.ZodType<RuleCondition> = z
  .discriminatedUnion(
    'op',
    [
      Junction('all'),
      Junction('any'),
      Wrapper('not'),
      ...QUANTIFIERS.map((q) => Wrapper(q)),
      ...comparisonVariants,
    ] as unknown as [z.ZodObject, ...z.ZodObject[]],
    { error: unknownOperator },
  )
  .meta({
    id: 'RuleCondition',
    description: 'A condition: all/any/not, a quantifier over items or containers, or a comparison',
  }) as unknown as z.ZodType<RuleCondition>;

export const DecisionTableCell: z.ZodType<DecisionTableCell> = z.discriminatedUnion(
  'op',
  cellVariants as unknown as [z.ZodObject, ...z.ZodObject[]],
  { error: unknownOperator },
) as unknown as z.ZodType<DecisionTableCell>;

const Outcome = {
  /** Score added when the rule fires; negative weights lower the score (e.g. mitigating facts). */
  weight: z.number().int().min(-1_000).max(1_000),
  minLane: MinLane.optional(),
  referral: Referral.optional(),
};

export const Rule = z.strictObject({
  id: RuleId,
  name: z.string().trim().min(1).max(120),
  /** Why the rule exists, shown to officers next to every hit. */
  rationale: z.string().trim().min(1).max(2_000),
  enabled: z.boolean().optional(),
  conditions: RuleCondition,
  ...Outcome,
});
export type Rule = z.infer<typeof Rule>;

export const HIT_POLICIES = ['first', 'collect-sum', 'priority'] as const;
export const HitPolicy = z.enum(HIT_POLICIES);
export type HitPolicy = z.infer<typeof HitPolicy>;

export const DecisionTableRow = z.strictObject({
  id: RuleId,
  /** One cell per input column; `null` matches anything ("-" in DMN). */
  cells: z.array(DecisionTableCell.nullable()).min(1).max(50),
  /** For hit policy `priority`: the matching row with the highest priority wins (ties: the earlier row). */
  priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  note: z.string().max(500).optional(),
  ...Outcome,
});
export type DecisionTableRow = z.infer<typeof DecisionTableRow>;

/**
 * A decision table: input columns are fields, each row a list of cells (comparisons on its column) and an
 * outcome. Hit policy `first` fires the first matching row, `collect-sum` every matching row (their weights
 * add up), `priority` the matching row with the highest priority.
 */
export const DecisionTable = z.strictObject({
  id: RuleId,
  name: z.string().trim().min(1).max(120),
  rationale: z.string().trim().min(1).max(2_000),
  hitPolicy: HitPolicy,
  inputs: z
    .array(z.strictObject({ field: FieldPath, label: z.string().max(120).optional() }))
    .min(1)
    .max(50),
  rows: z.array(DecisionTableRow).min(1).max(10_000),
});
export type DecisionTable = z.infer<typeof DecisionTable>;

export const RuleSet = z
  .strictObject({
    id: RuleSetId,
    version: z.number().int().min(1),
    status: RuleSetStatus,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5_000).optional(),
    /** Names of the watch lists the rules use; the lists themselves are given to the compiler. */
    watchLists: z.array(WatchListName).max(200),
    rules: z.array(Rule).max(20_000),
    decisionTables: z.array(DecisionTable).max(1_000),
  })
  .meta({ id: 'RuleSet', title: 'Aeolus risk rule set' });
export type RuleSet = z.infer<typeof RuleSet>;

/** A named list of values (party names, country codes, container prefixes...) that may include other lists. */
export const WatchList = z.strictObject({
  name: WatchListName,
  description: z.string().max(2_000).optional(),
  entries: z.array(z.string().trim().min(1).max(200)).max(1_000_000),
  includes: z.array(WatchListName).max(100).optional(),
});
export type WatchList = z.infer<typeof WatchList>;

let cachedJsonSchema: Record<string, unknown> | undefined;

/** JSON Schema (draft 2020-12) of the rule-set file, generated from the zod schema. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  cachedJsonSchema ??= z.toJSONSchema(RuleSet, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
  return cachedJsonSchema;
}
