export {
  type AggregateOptions,
  aggregateSafeScores,
  DEFAULT_MIN_GROUP_SIZE,
  type DimensionAggregate,
  type Distribution,
  type GroupAggregate,
  type MemberScoreCard,
  type SafeAggregates,
  type StandardHistogram,
} from './aggregate.js';
export {
  type CompareCyclesOptions,
  type CycleComparison,
  type CycleDelta,
  type CycleTrend,
  compareCycles,
} from './comparison.js';
export {
  GAP_ACTION_EFFORTS,
  GapAction,
  GapActionEffort,
  GapActionLibrary,
  GapActionTag,
  loadGapActions,
  type RecommendedAction,
  recommendActions,
  SAFE_DIMENSIONS,
  type SafeDimension,
} from './gap-actions.js';
export {
  type SafeAssessment,
  type SafeContribution,
  type SafeDimensionScore,
  type SafeOverallScore,
  type SafePriority,
  type SafeQuestionGap,
  type SafeScoreCard,
  type ScoreSafeAssessmentOptions,
  scoreSafeAssessment,
  toScoreCard,
} from './scoring.js';
