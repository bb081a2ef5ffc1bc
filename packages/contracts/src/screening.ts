import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { Consignment, ScreeningFacts, TransportMode } from './risk/consignment.js';
import { RuleEvaluation } from './risk/evaluation.js';
import { UnLocode } from './risk/identifiers.js';
import { Lane, MinLane, Referral } from './risk/rule-set.js';

/**
 * Screening of advance cargo data (issue 4): filing, the selectivity policy that turns a rule-set evaluation
 * into a lane (thresholds, minimum random selection, AEO treatment, office capacity), screening results with
 * their explanation, examination outcomes, and the administration's rule-set versions and watch lists.
 */

/** Most consignments one JSON request may carry; the NDJSON stream without an idempotency key has no cap. */
export const MAX_FILING_BATCH = 10_000;

// Selectivity policy -----------------------------------------------------------------------------------

const Percent = z.number().min(0).max(100);

/** Lanes a consignment may be randomly selected from (a red one is examined anyway). */
export const RANDOM_LANES = ['green', 'blue', 'yellow'] as const;

export const OfficeCapacity = z.strictObject({
  /** The office by the UN/LOCODE of the place of unloading (the port or airport of entry). */
  office: UnLocode,
  /** Physical examinations (red lane) the office can carry out per day. */
  dailyRedCapacity: z.int().min(0).max(1_000_000),
});
export type OfficeCapacity = z.infer<typeof OfficeCapacity>;

/**
 * How an administration turns a risk score into a lane (ASYCUDA selectivity, DOMAIN.md §7). Thresholds are
 * minimum scores: at or above `red` → red, else at or above `yellow` → yellow, else at or above `blue` →
 * blue, else green; a rule's minimum lane is a floor. Random selection sends a share of each lane to red
 * (physical examination) so that compliance can be measured. AEO treatment applies the programme benefit
 * named by `aeoBenefitCode` (its `riskScoreReduction` and `randomSelectionPercent` parameters) when the
 * consignor or consignee holds an active AEO certificate of a category the benefit covers.
 */
export const ScreeningPolicySettings = z
  .strictObject({
    thresholds: z.strictObject({
      blue: z.int().min(-100_000).max(100_000),
      yellow: z.int().min(-100_000).max(100_000),
      red: z.int().min(-100_000).max(100_000),
    }),
    /** Minimum share (percent) of each lane selected at random for physical examination. */
    randomSelectionPercent: z.strictObject({ green: Percent, blue: Percent, yellow: Percent }),
    /** The AEO programme benefit code that carries the AEO treatment; null: no AEO treatment. */
    aeoBenefitCode: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,32}$/, 'must be a benefit code of the AEO programme')
      .nullable(),
    /** Daily examination capacity per office; an office not listed is not capped. */
    officeCapacities: z.array(OfficeCapacity).max(1_000),
    /** IANA time zone in which an office's day (for capacity) begins, e.g. Europe/Amsterdam. */
    timeZone: z.string().min(1).max(64),
  })
  .superRefine((value, ctx) => {
    const { blue, yellow, red } = value.thresholds;
    if (!(blue <= yellow)) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'yellow'],
        message: 'must be at least the blue threshold',
      });
    }
    if (!(yellow <= red)) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'red'],
        message: 'must be at least the yellow threshold',
      });
    }
    const seen = new Set<string>();
    value.officeCapacities.forEach((c, i) => {
      if (seen.has(c.office)) {
        ctx.addIssue({
          code: 'custom',
          path: ['officeCapacities', i, 'office'],
          message: `${c.office} appears twice`,
        });
      }
      seen.add(c.office);
    });
    try {
      new Intl.DateTimeFormat('en', { timeZone: value.timeZone });
    } catch {
      ctx.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: 'is not an IANA time zone such as Europe/Amsterdam',
      });
    }
  });
export type ScreeningPolicySettings = z.infer<typeof ScreeningPolicySettings>;

export const ScreeningPolicy = z.object({
  administrationId: Uuid,
  /** Increases with every change; each screening result names the revision that decided it. */
  revision: z.int(),
  settings: ScreeningPolicySettings,
  updatedAt: IsoDateTime,
});
export type ScreeningPolicy = z.infer<typeof ScreeningPolicy>;

// Filing -------------------------------------------------------------------------------------------------

/** A batch of consignments in one JSON request; a single consignment may also be sent on its own. */
export const ConsignmentBatch = z.strictObject({
  consignments: z.array(Consignment).max(MAX_FILING_BATCH),
});
export type ConsignmentBatch = z.infer<typeof ConsignmentBatch>;

/** The body of `POST /api/screening/consignments` as documented (validation is per consignment). */
export const FilingRequest = z.union([ConsignmentBatch, Consignment]);

export const FilingProblem = z.object({ path: z.string(), message: z.string() });
export type FilingProblem = z.infer<typeof FilingProblem>;

/**
 * What the filer learns about a screened consignment: the lane and the referrals (the ICS2 / PACT
 * messages), never the score or the rules that fired — targeting stays with customs.
 */
export const FilingReceipt = z.object({
  index: z.int(),
  status: z.literal('screened'),
  resultId: Uuid,
  /** The consignment's key: its UCR, or the transport document (type and number). */
  reference: z.string(),
  lane: Lane,
  referrals: z.array(Referral),
});
export type FilingReceipt = z.infer<typeof FilingReceipt>;

export const FilingRejection = z.object({
  index: z.int(),
  status: z.literal('rejected'),
  problems: z.array(FilingProblem),
});
export type FilingRejection = z.infer<typeof FilingRejection>;

export const FilingItem = z.discriminatedUnion('status', [FilingReceipt, FilingRejection]);
export type FilingItem = z.infer<typeof FilingItem>;

export const FilingBatchResponse = z.object({
  batchId: Uuid,
  receivedAt: IsoDateTime,
  accepted: z.int(),
  rejected: z.int(),
  items: z.array(FilingItem),
});
export type FilingBatchResponse = z.infer<typeof FilingBatchResponse>;

export const FilingSingleResponse = FilingReceipt.omit({ index: true }).extend({
  batchId: Uuid,
  receivedAt: IsoDateTime,
});
export type FilingSingleResponse = z.infer<typeof FilingSingleResponse>;

// Results and explanations -------------------------------------------------------------------------------

export const AEO_CLAIM_STATUSES = [
  'active',
  'suspended',
  'revoked',
  'not_yet_valid',
  'expired',
  'unknown',
  'holder_mismatch',
] as const;

/** An AEO identifier declared for the consignor or consignee, as the AEO register saw it at screening. */
export const AeoFact = z.object({
  party: z.enum(['consignor', 'consignee']),
  aeoId: z.string(),
  status: z.enum(AEO_CLAIM_STATUSES),
  category: z.string().nullable(),
  /** Whether the programme benefit applied (active, and a category the benefit covers). */
  benefitApplied: z.boolean(),
});
export type AeoFact = z.infer<typeof AeoFact>;

/** One step of the selectivity decision, in order; the web app words each one. */
export const SelectivityStep = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('aeo_reduction'),
    benefitCode: z.string(),
    points: z.number(),
    aeoIds: z.array(z.string()),
  }),
  z.object({ kind: z.literal('threshold'), score: z.number(), lane: Lane, threshold: z.number().nullable() }),
  z.object({
    kind: z.literal('rule_minimum'),
    lane: MinLane,
    ruleIds: z.array(z.string()),
    /** Whether the rules' minimum raised the lane the score gave. */
    raised: z.boolean(),
  }),
  z.object({
    kind: z.literal('random_selection'),
    draw: z.number(),
    ratePercent: z.number(),
    selected: z.boolean(),
    fromLane: Lane,
    aeoRate: z.boolean(),
  }),
  z.object({
    kind: z.literal('capacity'),
    office: z.string(),
    day: z.string(),
    capacity: z.int(),
    /** Red examinations already counted for the office that day, before this consignment. */
    used: z.int(),
    downgraded: z.boolean(),
    reason: z.string(),
  }),
]);
export type SelectivityStep = z.infer<typeof SelectivityStep>;

export const ScreeningExplanation = z.object({
  evaluation: RuleEvaluation,
  /** The engine's score before AEO treatment; `score` on the result is after it. */
  rawScore: z.number(),
  steps: z.array(SelectivityStep),
  /**
   * The facts the engine was given besides the consignment (parties first seen, AEO status), so that a
   * backtest replays the consignment with the facts of its day. Absent on results filed before it was kept.
   */
  facts: ScreeningFacts.optional(),
});
export type ScreeningExplanation = z.infer<typeof ScreeningExplanation>;

export const OUTCOMES = ['no_finding', 'discrepancy', 'seizure'] as const;
export const OutcomeKind = z.enum(OUTCOMES);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

export const RecordOutcome = z.strictObject({
  outcome: OutcomeKind,
  notes: z.string().trim().max(4_000).optional(),
});
export type RecordOutcome = z.infer<typeof RecordOutcome>;

export const ScreeningOutcome = z.object({
  id: Uuid,
  resultId: Uuid,
  outcome: OutcomeKind,
  notes: z.string().nullable(),
  officer: z.string(),
  recordedAt: IsoDateTime,
});
export type ScreeningOutcome = z.infer<typeof ScreeningOutcome>;

export const RuleSetVersionRef = z.object({ id: Uuid, ruleSetId: z.string(), version: z.int() });
export type RuleSetVersionRef = z.infer<typeof RuleSetVersionRef>;

export const ScreeningResultSummary = z.object({
  id: Uuid,
  batchId: Uuid,
  reference: z.string(),
  transportDocument: z.string(),
  filerOrganisationId: Uuid,
  filerName: z.string(),
  mode: TransportMode,
  office: z.string().nullable(),
  receivedAt: IsoDateTime,
  lane: Lane,
  score: z.number(),
  referrals: z.array(Referral),
  firedRuleIds: z.array(z.string()),
  isAeo: z.boolean(),
  randomlySelected: z.boolean(),
  capacityDowngraded: z.boolean(),
  ruleSet: RuleSetVersionRef,
  /** The latest recorded examination outcome, if any. */
  outcome: OutcomeKind.nullable(),
});
export type ScreeningResultSummary = z.infer<typeof ScreeningResultSummary>;

export const ScreeningResult = ScreeningResultSummary.extend({
  consignment: Consignment,
  explanation: ScreeningExplanation,
  aeoFacts: z.array(AeoFact),
  randomDraw: z.number(),
  policyRevision: z.int(),
  watchListsRevision: z.int(),
  outcomes: z.array(ScreeningOutcome),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

const ResultCursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'must be the nextCursor of a previous page');
const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ScreeningResultsQuery = z.strictObject({
  lane: Lane.optional(),
  mode: TransportMode.optional(),
  /** `true`: a party held an active AEO certificate that the benefit applied to; `false`: none did. */
  aeo: QueryBoolean.optional(),
  /** Only results where this rule (or decision-table row, `table/row`) fired. */
  rule: z.string().min(1).max(130).optional(),
  referral: Referral.optional(),
  /** Only results decided by this rule-set version (its id). */
  version: Uuid.optional(),
  /**
   * `recorded`: an outcome was recorded; `none`: none yet; an outcome kind: the latest outcome is that kind.
   */
  outcome: z.enum(['recorded', 'none', ...OUTCOMES]).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ResultCursor.optional(),
});
export type ScreeningResultsQuery = z.infer<typeof ScreeningResultsQuery>;

export const ScreeningResultPage = z.object({
  items: z.array(ScreeningResultSummary),
  nextCursor: z.string().nullable(),
});
export type ScreeningResultPage = z.infer<typeof ScreeningResultPage>;

export * from './screening-analysis.js';
export * from './screening-rules.js';
