import type {
  GroupScore,
  LocalisedText,
  QuestionnaireDefinition,
  ScoreAggregate,
  ScoreGap,
  ScoreReport,
} from '@aeolus/contracts';
import { getSafeMonitoringQuestionnaire, scoreResponse } from '../questionnaire/index.js';
import {
  type GapActionLibrary,
  loadGapActions,
  type RecommendedAction,
  recommendActions,
  SAFE_DIMENSIONS,
  type SafeDimension,
} from './gap-actions.js';

/**
 * SAFE implementation assessment scoring, built on the questionnaire engine's `scoreResponse`: the engine
 * computes every weighted mean (per question, per tag value, overall) and ranks question gaps by
 * weight × distance to target; this module only re-expresses those results in SAFE terms (0–100 per
 * pillar, standard, theme, focus area and resilience action), ranks gaps at the level of each standard or
 * theme as well, and attaches recommended actions from the library. One engine, so a member's score here
 * is always the score the questionnaire report shows.
 *
 * A monitoring response is given by a customs administration, never by an SME, so the profile is fixed.
 */
const ADMINISTRATION_PROFILE = { isSme: false } as const;
const DEFAULT_ACTIONS_PER_GAP = 3;

export interface SafeContribution {
  questionId: string;
  weight: number;
  /** weight / total weight of the group: how much this question moves the group's score. */
  share: number;
  percent: number;
}

export interface SafeOverallScore {
  /**
   * Weighted mean of the scored questions (for a dimension value, those carrying its tag); null when none
   * was scored.
   */
  percent: number | null;
  /** The same number on the 0–4 maturity scale. */
  maturity: number | null;
  targetPercent: number | null;
  /** max(0, target − score) in percentage points. */
  gapPercent: number | null;
  totalWeight: number;
  questionCount: number;
}

/** One value of a SAFE dimension (e.g. standard 1.4), on a 0–100 scale. */
export interface SafeDimensionScore extends SafeOverallScore {
  id: string;
  label: LocalisedText;
  contributions: SafeContribution[];
}

/**
 * The compact, serialisable result of one member's assessment in one cycle: what is stored, compared
 * across cycles and aggregated across members.
 */
export interface SafeScoreCard {
  questionnaireId: string;
  version: string | number;
  overall: SafeOverallScore;
  dimensions: Record<SafeDimension, SafeDimensionScore[]>;
}

/** A question-level gap from the engine (ranked by weight × distance), with recommended actions. */
export type SafeQuestionGap = ScoreGap & { recommendedActions: RecommendedAction[] };

/** A gap at the level of a standard, theme, focus area or action: totalWeight × gap, ranked. */
export interface SafePriority {
  rank: number;
  dimension: Exclude<SafeDimension, 'pillar'>;
  id: string;
  label: LocalisedText;
  percent: number;
  targetPercent: number;
  gapPercent: number;
  totalWeight: number;
  /** totalWeight × (target − score) on the 0..1 scale: the ranking key. */
  priority: number;
  recommendedActions: RecommendedAction[];
}

export interface SafeAssessment {
  card: SafeScoreCard;
  gaps: SafeQuestionGap[];
  priorities: SafePriority[];
  /** The engine's full report (sections, per-question scores), for explanations. */
  report: ScoreReport;
}

export interface ScoreSafeAssessmentOptions {
  /** Defaults to the shipped SAFE monitoring questionnaire. */
  definition?: QuestionnaireDefinition;
  /** Defaults to the shipped gap-action library. */
  actions?: GapActionLibrary;
  actionsPerGap?: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const pct = (fraction: number | null) => (fraction === null ? null : round1(fraction * 100));

function overallOf(aggregate: ScoreAggregate): SafeOverallScore {
  return {
    percent: aggregate.percent,
    maturity: aggregate.maturity,
    targetPercent: pct(aggregate.target),
    gapPercent: pct(aggregate.gap),
    totalWeight: aggregate.totalWeight,
    questionCount: aggregate.questionCount,
  };
}

function dimensionScoreOf(group: GroupScore): SafeDimensionScore {
  return {
    id: group.id,
    label: group.label,
    ...overallOf(group),
    contributions: group.contributions.map((c) => ({
      questionId: c.questionId,
      weight: c.weight,
      share: c.share,
      percent: round1(c.score * 100),
    })),
  };
}

/** Re-expresses an engine report in SAFE terms. Dimensions the definition lacks come back empty. */
export function toScoreCard(report: ScoreReport): SafeScoreCard {
  const dimensions = Object.fromEntries(
    SAFE_DIMENSIONS.map((dimension) => {
      const found = report.dimensions.find((d) => d.id === dimension);
      return [dimension, found ? found.groups.map(dimensionScoreOf) : []];
    }),
  ) as Record<SafeDimension, SafeDimensionScore[]>;
  return {
    questionnaireId: report.questionnaireId,
    version: report.version,
    overall: overallOf(report.overall),
    dimensions,
  };
}

function rankPriorities(
  report: ScoreReport,
  library: GapActionLibrary,
  actionsPerGap: number,
): SafePriority[] {
  const candidates: Array<Omit<SafePriority, 'rank'>> = [];
  for (const dimension of SAFE_DIMENSIONS) {
    if (dimension === 'pillar') continue; // a pillar is too broad to act on; its standards carry the gaps
    const groups = report.dimensions.find((d) => d.id === dimension)?.groups ?? [];
    for (const group of groups) {
      if (group.score === null || group.target === null || group.gap === null || group.gap <= 0) continue;
      candidates.push({
        dimension,
        id: group.id,
        label: group.label,
        percent: group.percent ?? 0,
        targetPercent: round1(group.target * 100),
        gapPercent: round1(group.gap * 100),
        totalWeight: group.totalWeight,
        priority: round4(group.totalWeight * group.gap),
        recommendedActions: recommendActions(library, { [dimension]: [group.id] }, actionsPerGap),
      });
    }
  }
  // Stable sort: equal priorities keep dimension order (standards first) and document order.
  return candidates.sort((a, b) => b.priority - a.priority).map((item, i) => ({ rank: i + 1, ...item }));
}

/**
 * Scores one member's answers to the SAFE monitoring questionnaire. Pure and deterministic: the same
 * answers and definition always give the same card, gaps and priorities.
 */
export function scoreSafeAssessment(
  answers: Record<string, unknown>,
  options: ScoreSafeAssessmentOptions = {},
): SafeAssessment {
  const definition = options.definition ?? getSafeMonitoringQuestionnaire();
  const library = options.actions ?? loadGapActions();
  const actionsPerGap = options.actionsPerGap ?? DEFAULT_ACTIONS_PER_GAP;
  const report = scoreResponse(definition, answers, { profile: ADMINISTRATION_PROFILE });
  return {
    card: toScoreCard(report),
    gaps: report.gaps.map((gap) => ({
      ...gap,
      recommendedActions: recommendActions(library, gap.tags, actionsPerGap),
    })),
    priorities: rankPriorities(report, library, actionsPerGap),
    report,
  };
}
