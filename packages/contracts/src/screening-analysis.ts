import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { TransportMode } from './risk/consignment.js';
import { Lane, Referral, RuleSetStatus } from './risk/rule-set.js';

/**
 * The analyst's measurements over stored screening results (issue 4 items 6–8): backtests of a rule-set
 * version against the published one, hit-rate statistics per rule, and the AEO benefit measurement
 * (SAFE pillar 2: do AEOs really get fewer examinations?). Counts are always given with their rates, so a
 * chart can show how much a rate rests on; a rate whose denominator is zero is `null`, never 0.
 */

/** Most stored consignments one backtest replays. */
export const MAX_BACKTEST_CONSIGNMENTS = 50_000;
/** Default backtest window: the last 30 days. */
export const DEFAULT_BACKTEST_DAYS = 30;
/** Sample consignments kept per lane transition. */
export const BACKTEST_SAMPLES_PER_TRANSITION = 5;

const DAY_MS = 86_400_000;

/** Whether `from` lies before `to` (both optional): a query's date range. */
function checkRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx, maxDays: number) {
  if (!value.from || !value.to) return;
  const span = Date.parse(value.to) - Date.parse(value.from);
  if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > maxDays * DAY_MS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxDays} days after from` });
  }
}

export const LaneCounts = z.object({ green: z.int(), blue: z.int(), yellow: z.int(), red: z.int() });
export type LaneCounts = z.infer<typeof LaneCounts>;

export const ReferralCounts = z.object({ RFI: z.int(), RFS: z.int(), DNL: z.int() });
export type ReferralCounts = z.infer<typeof ReferralCounts>;

// Backtests -----------------------------------------------------------------------------------------------

/**
 * `POST /api/screening/rule-sets/:id/backtests`: replay the version over the consignments filed in
 * [`from`, `to`) (default: the last 30 days), at most `limit` of them, newest first.
 */
export const BacktestRequest = z
  .strictObject({
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    limit: z.int().min(1).max(MAX_BACKTEST_CONSIGNMENTS).default(MAX_BACKTEST_CONSIGNMENTS),
  })
  .superRefine((value, ctx) => checkRange(value, ctx, 366));
export type BacktestRequest = z.input<typeof BacktestRequest>;

export const BacktestVersionRef = z.object({
  id: Uuid,
  ruleSetId: z.string(),
  version: z.int(),
  status: RuleSetStatus,
  name: z.string(),
});
export type BacktestVersionRef = z.infer<typeof BacktestVersionRef>;

/**
 * What one side would have controlled, against the recorded outcomes: `controlled` = red + yellow;
 * `withOutcome` of those have an outcome recorded; `findings` = discrepancies + seizures among them;
 * `findingsReleased`: consignments with a recorded finding that this side would send green or blue.
 */
export const BacktestHits = z.object({
  controlled: z.int(),
  withOutcome: z.int(),
  findings: z.int(),
  seizures: z.int(),
  /** findings / withOutcome × 100; null without outcomes. */
  hitRatePercent: z.number().nullable(),
  findingsReleased: z.int(),
});
export type BacktestHits = z.infer<typeof BacktestHits>;

export const BacktestSide = z.object({
  version: BacktestVersionRef,
  lanes: LaneCounts,
  /** Consignments with at least one referral of each type. */
  referrals: ReferralCounts,
  /** Consignments with any referral. */
  referred: z.int(),
  randomlySelected: z.int(),
  capacityDowngraded: z.int(),
  hits: BacktestHits,
});
export type BacktestSide = z.infer<typeof BacktestSide>;

export const BacktestSample = z.object({
  resultId: Uuid,
  reference: z.string(),
  receivedAt: IsoDateTime,
  mode: TransportMode,
  isAeo: z.boolean(),
  baselineScore: z.number(),
  candidateScore: z.number(),
  /** Rules (or `table/row`) that fire under the candidate only. */
  rulesAdded: z.array(z.string()),
  /** Rules that fire under the baseline only. */
  rulesRemoved: z.array(z.string()),
  /** The latest recorded outcome, if any. */
  outcome: z.enum(['no_finding', 'discrepancy', 'seizure']).nullable(),
});
export type BacktestSample = z.infer<typeof BacktestSample>;

/** One cell of the lane transition matrix (baseline lane → candidate lane); all 16 cells are listed. */
export const BacktestTransition = z.object({
  from: Lane,
  to: Lane,
  count: z.int(),
  /** Up to 5 consignments, for cells where the lane changed only. */
  samples: z.array(BacktestSample),
});
export type BacktestTransition = z.infer<typeof BacktestTransition>;

/** A rule that fires differently between the two versions, most consignments first. */
export const BacktestRuleDifference = z.object({
  ruleId: z.string(),
  name: z.string(),
  /** Consignments where it fires under the candidate but not under the baseline. */
  candidateOnly: z.int(),
  baselineOnly: z.int(),
  /** Of those, consignments whose lane changed. */
  laneChanged: z.int(),
});
export type BacktestRuleDifference = z.infer<typeof BacktestRuleDifference>;

export const BacktestSummary = z.object({
  candidate: BacktestSide,
  baseline: BacktestSide,
  /** Consignments whose lane differs between the two. */
  laneChanged: z.int(),
  /** Consignments whose referrals differ between the two. */
  referralsChanged: z.int(),
  transitions: z.array(BacktestTransition),
  referralChanges: z.array(z.object({ referral: Referral, added: z.int(), removed: z.int() })),
  rules: z.array(BacktestRuleDifference),
  /** The selectivity both sides were decided with (see ADR 0004, backtests). */
  selectivity: z.object({ policyRevision: z.int(), watchListsRevision: z.int() }),
  /** Whether more consignments were in the window than `limit` (the newest were replayed). */
  truncated: z.boolean(),
  limit: z.int(),
  durationMs: z.number(),
});
export type BacktestSummary = z.infer<typeof BacktestSummary>;

export const BacktestStatus = z.enum(['queued', 'running', 'completed', 'failed']);

export const BacktestListItem = z.object({
  id: Uuid,
  status: BacktestStatus,
  candidate: BacktestVersionRef,
  baseline: BacktestVersionRef.nullable(),
  from: IsoDateTime,
  to: IsoDateTime,
  consignmentCount: z.int(),
  laneChanged: z.int().nullable(),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type BacktestListItem = z.infer<typeof BacktestListItem>;

export const Backtest = BacktestListItem.extend({
  summary: BacktestSummary.nullable(),
  error: z.string().nullable(),
});
export type Backtest = z.infer<typeof Backtest>;

const PageCursorParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'must be the nextCursor of a previous page');

export const BacktestsQuery = z.strictObject({
  /** Only backtests of this rule-set version (the candidate). */
  version: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: PageCursorParam.optional(),
});
export type BacktestsQuery = z.infer<typeof BacktestsQuery>;

export const BacktestPage = z.object({ items: z.array(BacktestListItem), nextCursor: z.string().nullable() });
export type BacktestPage = z.infer<typeof BacktestPage>;

// Rule statistics -----------------------------------------------------------------------------------------

export const RuleStatisticsQuery = z
  .strictObject({ from: IsoDateTime.optional(), to: IsoDateTime.optional() })
  .superRefine((value, ctx) => checkRange(value, ctx, 3_660));
export type RuleStatisticsQuery = z.infer<typeof RuleStatisticsQuery>;

/** One rule (or decision-table row `table/row`) of a version, over the results that version decided. */
export const RuleStatistic = z.object({
  ruleId: z.string(),
  name: z.string(),
  fired: z.int(),
  /** Fired results with an outcome recorded (the latest counts). */
  withOutcome: z.int(),
  noFinding: z.int(),
  discrepancies: z.int(),
  seizures: z.int(),
  /** (discrepancies + seizures) / withOutcome × 100; null without outcomes. */
  hitRatePercent: z.number().nullable(),
  /** fired / screened × 100; null when the version screened nothing in the range. */
  firingRatePercent: z.number().nullable(),
});
export type RuleStatistic = z.infer<typeof RuleStatistic>;

export const RuleStatistics = z.object({
  version: BacktestVersionRef,
  from: IsoDateTime.nullable(),
  to: IsoDateTime.nullable(),
  /** Results this version decided in the range. */
  screened: z.int(),
  withOutcome: z.int(),
  /** Every rule of the version (fired or not), and table rows that fired; most fired first. */
  rules: z.array(RuleStatistic),
});
export type RuleStatistics = z.infer<typeof RuleStatistics>;

// Benefit measurement -------------------------------------------------------------------------------------

export const BENEFIT_BUCKETS = ['day', 'week', 'month'] as const;
export const BenefitBucket = z.enum(BENEFIT_BUCKETS);
export type BenefitBucket = z.infer<typeof BenefitBucket>;

export const BenefitsQuery = z
  .strictObject({
    /** Default: 90 days before `to`. */
    from: IsoDateTime.optional(),
    /** Default: now. */
    to: IsoDateTime.optional(),
    bucket: BenefitBucket.default('week'),
    mode: TransportMode.optional(),
  })
  .superRefine((value, ctx) => checkRange(value, ctx, 3_660));
export type BenefitsQuery = z.infer<typeof BenefitsQuery>;

/** Hours from filing to the first recorded outcome (the control's conclusion), over `count` consignments. */
export const TimeToDecision = z.object({
  count: z.int(),
  medianHours: z.number(),
  p90Hours: z.number(),
  meanHours: z.number(),
});

/**
 * One group (AEO or non-AEO) in one period or mode. Rates are percentages of `consignments`. Findings are
 * over the consignments with a recorded outcome. `timeToDecision` is null when no outcome was recorded.
 */
export const BenefitGroup = z.object({
  consignments: z.int(),
  red: z.int(),
  yellow: z.int(),
  /** Consignments with any referral (RFI, RFS, DNL). */
  referred: z.int(),
  randomlySelected: z.int(),
  examinationRatePercent: z.number(),
  documentaryRatePercent: z.number(),
  referralRatePercent: z.number(),
  outcomes: z.object({
    recorded: z.int(),
    noFinding: z.int(),
    discrepancies: z.int(),
    seizures: z.int(),
    /** (discrepancies + seizures) / recorded × 100; null without outcomes. */
    hitRatePercent: z.number().nullable(),
  }),
  timeToDecision: TimeToDecision.nullable(),
});
export type BenefitGroup = z.infer<typeof BenefitGroup>;

/** AEO (a party held an active AEO certificate the benefit applied to) vs the rest; null: no consignments. */
export const BenefitPair = z.object({ aeo: BenefitGroup.nullable(), nonAeo: BenefitGroup.nullable() });
export type BenefitPair = z.infer<typeof BenefitPair>;

export const BenefitsReport = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  bucket: BenefitBucket,
  mode: TransportMode.nullable(),
  /** The time zone periods are cut in (the selectivity policy's). */
  timeZone: z.string(),
  total: BenefitPair,
  /** Periods with at least one consignment, oldest first; `start` is the bucket's first day (YYYY-MM-DD). */
  periods: z.array(BenefitPair.extend({ start: z.iso.date() })),
  /** Modes with at least one consignment. */
  modes: z.array(BenefitPair.extend({ mode: TransportMode })),
});
export type BenefitsReport = z.infer<typeof BenefitsReport>;
