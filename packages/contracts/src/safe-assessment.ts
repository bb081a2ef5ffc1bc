import { z } from 'zod';
import { CountryCode, IsoDateTime, Uuid } from './common.js';
import { Answers, ScoreGap } from './questionnaire-results.js';
import { WcoRegion } from './wco-regions.js';

/**
 * SAFE implementation assessment: review-cycle campaigns opened by the WCO secretariat, each invited
 * customs administration's response to the SAFE monitoring questionnaire (scored by the one questionnaire
 * engine against the version the campaign pinned), improvement plans, and the secretariat's views
 * (progress, aggregates with a minimum group size).
 */

const Localised = z.object({ en: z.string(), fr: z.string() });
const IsoDate = z.iso.date();

// ---------------------------------------------------------------------------------------------------------
// Campaigns

export const SAFE_RESPONSE_STATUSES = ['draft', 'submitted', 'returned'] as const;
export const SafeResponseStatus = z.enum(SAFE_RESPONSE_STATUSES);
export type SafeResponseStatus = z.infer<typeof SafeResponseStatus>;

/** Progress of an invited administration: a response not yet saved once is `not_started`. */
export const SafeResponseProgressStatus = z.enum(['not_started', ...SAFE_RESPONSE_STATUSES]);
export type SafeResponseProgressStatus = z.infer<typeof SafeResponseProgressStatus>;

export const SAFE_CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export const SafeCampaignStatus = z.enum(SAFE_CAMPAIGN_STATUSES);
export type SafeCampaignStatus = z.infer<typeof SafeCampaignStatus>;

export const CreateSafeCampaign = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    /** The review period the answers describe. */
    periodStart: IsoDate,
    periodEnd: IsoDate,
    /** Version of the SAFE monitoring questionnaire to pin; default: the shipped one. */
    questionnaireVersion: z.string().max(40).optional(),
    /** Responses are accepted until this instant. */
    deadline: IsoDateTime,
    /** Customs administrations to invite (organisation ids); more can be invited later. */
    invitedOrganisationIds: z.array(Uuid).max(500).default([]),
  })
  .refine((v) => v.periodStart <= v.periodEnd, {
    path: ['periodEnd'],
    message: 'must not be before periodStart',
  });
export type CreateSafeCampaign = z.infer<typeof CreateSafeCampaign>;

export const InviteSafeAdministrations = z.strictObject({
  organisationIds: z.array(Uuid).min(1).max(500),
});
export type InviteSafeAdministrations = z.infer<typeof InviteSafeAdministrations>;

export const SafeCampaign = z.object({
  id: Uuid,
  name: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  deadline: IsoDateTime,
  status: SafeCampaignStatus,
  /** Whether the deadline has passed (no more submissions). */
  deadlinePassed: z.boolean(),
  invitedCount: z.number().int(),
  submittedCount: z.number().int(),
  createdAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  /** For an administration: the status of its own response (null for the secretariat). */
  myResponseStatus: SafeResponseProgressStatus.nullable(),
});
export type SafeCampaign = z.infer<typeof SafeCampaign>;

export const SafeCampaignList = z.object({ items: z.array(SafeCampaign) });
export type SafeCampaignList = z.infer<typeof SafeCampaignList>;

/** A customs administration the secretariat can invite. */
export const SafeAdministration = z.object({
  organisationId: Uuid,
  name: z.string(),
  countryCode: CountryCode,
  region: WcoRegion.nullable(),
});
export type SafeAdministration = z.infer<typeof SafeAdministration>;
export const SafeAdministrationList = z.object({ items: z.array(SafeAdministration) });
export type SafeAdministrationList = z.infer<typeof SafeAdministrationList>;

// ---------------------------------------------------------------------------------------------------------
// Responses

export const SafeReturnComment = z.strictObject({
  /** The question the comment is about; omitted for a comment on the whole response. */
  questionId: z.string().max(64).optional(),
  text: z.string().trim().min(1).max(4000),
});
export type SafeReturnComment = z.infer<typeof SafeReturnComment>;

export const SafeResponseComment = SafeReturnComment.extend({
  id: Uuid,
  authorName: z.string(),
  createdAt: IsoDateTime,
});
export type SafeResponseComment = z.infer<typeof SafeResponseComment>;

export const SafeContributor = z.object({
  userId: Uuid,
  /** The person's display name when they last saved. */
  name: z.string(),
  /** Their sign-in email (absent on contributions recorded before it was kept). */
  email: z.string().optional(),
  lastSavedAt: IsoDateTime,
});
export type SafeContributor = z.infer<typeof SafeContributor>;

export const SafeResponse = z.object({
  /** null while `not_started` (nothing saved yet). */
  id: Uuid.nullable(),
  campaignId: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  countryCode: CountryCode,
  status: SafeResponseProgressStatus,
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  answers: Answers,
  contributors: z.array(SafeContributor),
  comments: z.array(SafeResponseComment),
  submittedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime.nullable(),
  updatedByName: z.string().nullable(),
  /** Whether the caller may still change it (invited, draft/returned, deadline not passed, `admin` role). */
  editable: z.boolean(),
});
export type SafeResponse = z.infer<typeof SafeResponse>;

/**
 * Autosave: a PUT of partial answers, merged into the stored ones (`null` clears an answer). Each answer is
 * checked against its question (type, offered choices, maturity 0–4); a problem is a 400 naming the
 * question (`details.problems[].path = answers.<questionId>`).
 */
export const SaveSafeResponse = z.strictObject({ answers: Answers });
export type SaveSafeResponse = z.infer<typeof SaveSafeResponse>;

export const ReturnSafeResponse = z.strictObject({
  comments: z.array(SafeReturnComment).min(1).max(200),
});
export type ReturnSafeResponse = z.infer<typeof ReturnSafeResponse>;

export const SafeResponseSummary = z.object({
  id: Uuid,
  campaignId: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  countryCode: CountryCode,
  status: SafeResponseStatus,
  submittedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
  /** Overall score 0–100 (submitted responses only; null otherwise). */
  overallPercent: z.number().nullable(),
});
export type SafeResponseSummary = z.infer<typeof SafeResponseSummary>;
export const SafeResponseList = z.object({ items: z.array(SafeResponseSummary) });
export type SafeResponseList = z.infer<typeof SafeResponseList>;

// ---------------------------------------------------------------------------------------------------------
// Scores, gaps, comparison (shapes of core's scoreSafeAssessment / compareCycles)

export const SAFE_DIMENSION_IDS = ['pillar', 'standard', 'theme', 'focus', 'action'] as const;
export const SafeDimensionId = z.enum(SAFE_DIMENSION_IDS);
export type SafeDimensionId = z.infer<typeof SafeDimensionId>;

export const SafeOverallScore = z.object({
  percent: z.number().nullable(),
  maturity: z.number().nullable(),
  targetPercent: z.number().nullable(),
  gapPercent: z.number().nullable(),
  totalWeight: z.number(),
  questionCount: z.number().int(),
});

export const SafeDimensionScore = SafeOverallScore.extend({
  id: z.string(),
  label: Localised,
  /** The weights shown: each question's weight and share of the group. */
  contributions: z.array(
    z.object({ questionId: z.string(), weight: z.number(), share: z.number(), percent: z.number() }),
  ),
});
export type SafeDimensionScore = z.infer<typeof SafeDimensionScore>;

export const SafeScoreCard = z.object({
  questionnaireId: z.string(),
  version: z.union([z.string(), z.number()]),
  overall: SafeOverallScore,
  dimensions: z.record(SafeDimensionId, z.array(SafeDimensionScore)),
});
export type SafeScoreCard = z.infer<typeof SafeScoreCard>;

export const SafeRecommendedAction = z.object({
  id: z.string(),
  title: Localised,
  description: Localised,
  effort: z.enum(['low', 'medium', 'high']),
  matchedTags: z.array(z.string()),
});
export type SafeRecommendedAction = z.infer<typeof SafeRecommendedAction>;

export const SafeQuestionGap = ScoreGap.extend({ recommendedActions: z.array(SafeRecommendedAction) });
export type SafeQuestionGap = z.infer<typeof SafeQuestionGap>;

/** A gap at the level of a standard, theme, focus area or resilience action, ranked by weight × gap. */
export const SafePriority = z.object({
  rank: z.number().int(),
  dimension: z.enum(['standard', 'theme', 'focus', 'action']),
  id: z.string(),
  label: Localised,
  percent: z.number(),
  targetPercent: z.number(),
  gapPercent: z.number(),
  totalWeight: z.number(),
  priority: z.number(),
  recommendedActions: z.array(SafeRecommendedAction),
});
export type SafePriority = z.infer<typeof SafePriority>;

export const SafeTrend = z.enum(['up', 'down', 'flat', 'not_comparable']);
export const SafeCycleDelta = z.object({
  dimension: z.enum(['overall', ...SAFE_DIMENSION_IDS]),
  id: z.string(),
  label: Localised.nullable(),
  previous: z.number().nullable(),
  current: z.number().nullable(),
  delta: z.number().nullable(),
  trend: SafeTrend,
});
export type SafeCycleDelta = z.infer<typeof SafeCycleDelta>;

export const SafeCycleComparison = z.object({
  previousCampaignId: Uuid,
  previousCampaignName: z.string(),
  flatWithin: z.number(),
  overall: SafeCycleDelta,
  rows: z.array(SafeCycleDelta),
  improved: z.array(SafeCycleDelta),
  slipped: z.array(SafeCycleDelta),
});
export type SafeCycleComparison = z.infer<typeof SafeCycleComparison>;

// ---------------------------------------------------------------------------------------------------------
// Measured beside declared: facts the platform holds. A fact the platform does not hold is null, never a
// guess.

export const SafeMeasured = z.object({
  aeo: z
    .object({
      activeCount: z.number().int(),
      /** Active AEOs at the start of the campaign's review period (certificates granted before it and not ended). */
      activeAtPeriodStart: z.number().int(),
      trend: SafeTrend,
    })
    .nullable(),
  mras: z
    .object({
      /** Number of MRAs of the member's programme by phase (curated compilation data). */
      byStatus: z.record(z.string(), z.number().int()),
      source: z.string(),
    })
    .nullable(),
  filing: z
    .object({
      consignments: z.number().int(),
      /** Share (0–100) of consignments filed before the deadline before loading/arrival. */
      onTimePercent: z.number(),
    })
    .nullable(),
  examination: z
    .object({
      aeoConsignments: z.number().int(),
      aeoExaminationPercent: z.number().nullable(),
      nonAeoConsignments: z.number().int(),
      nonAeoExaminationPercent: z.number().nullable(),
    })
    .nullable(),
});
export type SafeMeasured = z.infer<typeof SafeMeasured>;

/** Everything the results page of one response shows. Scored against the response's own version. */
export const SafeResults = z.object({
  responseId: Uuid,
  campaignId: Uuid,
  organisationId: Uuid,
  status: SafeResponseStatus,
  card: SafeScoreCard,
  gaps: z.array(SafeQuestionGap),
  priorities: z.array(SafePriority),
  /** null when the member has no submitted response in an earlier campaign. */
  comparison: SafeCycleComparison.nullable(),
  measured: SafeMeasured,
});
export type SafeResults = z.infer<typeof SafeResults>;

// ---------------------------------------------------------------------------------------------------------
// Secretariat views

export const SafeCampaignProgress = z.object({
  campaignId: Uuid,
  counts: z.record(SafeResponseProgressStatus, z.number().int()),
  items: z.array(
    z.object({
      organisationId: Uuid,
      organisationName: z.string(),
      countryCode: CountryCode,
      region: WcoRegion.nullable(),
      status: SafeResponseProgressStatus,
      responseId: Uuid.nullable(),
      submittedAt: IsoDateTime.nullable(),
      updatedAt: IsoDateTime.nullable(),
    }),
  ),
});
export type SafeCampaignProgress = z.infer<typeof SafeCampaignProgress>;

export const SafeDistribution = z.object({
  count: z.number().int(),
  mean: z.number(),
  median: z.number(),
  q1: z.number(),
  q3: z.number(),
  min: z.number(),
  max: z.number(),
});
export const SafeGroupAggregate = z.object({
  group: z.string(),
  memberCount: z.number().int(),
  overall: SafeDistribution.nullable(),
  dimensions: z.record(
    SafeDimensionId,
    z.array(z.object({ id: z.string(), label: Localised, distribution: SafeDistribution.nullable() })),
  ),
  /** Per standard: members at each nearest maturity level 0..4. */
  histograms: z.array(
    z.object({ id: z.string(), label: Localised, counts: z.array(z.number().int()).length(5) }),
  ),
});
export type SafeGroupAggregate = z.infer<typeof SafeGroupAggregate>;

/** `?region=` narrows to one WCO region; a region with fewer than `minGroupSize` members → 422 GROUP_TOO_SMALL. */
export const SafeAggregatesQuery = z.object({ region: WcoRegion.optional() });
export const SafeAggregates = z.object({
  campaignId: Uuid,
  minGroupSize: z.number().int(),
  memberCount: z.number().int(),
  global: SafeGroupAggregate.nullable(),
  regions: z.array(SafeGroupAggregate),
  withheldRegions: z.array(z.string()),
});
export type SafeAggregates = z.infer<typeof SafeAggregates>;

// ---------------------------------------------------------------------------------------------------------
// Improvement plans (carried across cycles)

export const SAFE_PLAN_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const SafePlanStatus = z.enum(SAFE_PLAN_STATUSES);
export type SafePlanStatus = z.infer<typeof SafePlanStatus>;

const GapLink = {
  /** The gap the action answers: a dimension value (e.g. standard 1.4) ... */
  gapDimension: z.enum(['standard', 'theme', 'focus', 'action']).optional(),
  gapId: z.string().max(40).optional(),
  /** ... and/or one question. */
  questionId: z.string().max(64).optional(),
  /** The library action it adopts, if any. */
  libraryActionId: z.string().max(64).optional(),
  /** The campaign whose results revealed the gap. */
  campaignId: Uuid.optional(),
};

export const CreateSafePlanAction = z
  .strictObject({
    ...GapLink,
    title: z.string().trim().min(3).max(300),
    owner: z.string().trim().min(1).max(200),
    dueDate: IsoDate,
    status: SafePlanStatus.default('planned'),
    progressNote: z.string().trim().max(4000).optional(),
  })
  .refine((v) => (v.gapDimension === undefined) === (v.gapId === undefined), {
    path: ['gapId'],
    message: 'gapDimension and gapId go together',
  });
export type CreateSafePlanAction = z.infer<typeof CreateSafePlanAction>;

export const UpdateSafePlanAction = z.strictObject({
  title: z.string().trim().min(3).max(300).optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  dueDate: IsoDate.optional(),
  status: SafePlanStatus.optional(),
  progressNote: z.string().trim().max(4000).optional(),
});
export type UpdateSafePlanAction = z.infer<typeof UpdateSafePlanAction>;

export const SafePlanAction = z.object({
  id: Uuid,
  organisationId: Uuid,
  gapDimension: z.enum(['standard', 'theme', 'focus', 'action']).nullable(),
  gapId: z.string().nullable(),
  gapLabel: Localised.nullable(),
  questionId: z.string().nullable(),
  libraryActionId: z.string().nullable(),
  campaignId: Uuid.nullable(),
  title: z.string(),
  owner: z.string(),
  dueDate: IsoDate,
  status: SafePlanStatus,
  progressNote: z.string().nullable(),
  /** For the linked standard/theme: its score in the member's latest submitted response (0–100). */
  latestPercent: z.number().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type SafePlanAction = z.infer<typeof SafePlanAction>;

/** `?organisationId=` is for the secretariat; an administration always gets its own plan. */
export const SafePlanQuery = z.object({ organisationId: Uuid.optional() });
export const SafePlanActionList = z.object({ items: z.array(SafePlanAction) });
export type SafePlanActionList = z.infer<typeof SafePlanActionList>;

export const SafeReportQuery = z.object({ lang: z.enum(['en', 'fr']).default('en') });
