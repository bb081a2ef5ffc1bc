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
  closeSafeCampaign,
  createSafeCampaign,
  getSafeAggregates,
  getSafeCampaign,
  getSafeCampaignProgress,
  getSafeCampaignQuestionnaire,
  inviteSafeAdministrations,
  listSafeAdministrations,
  listSafeCampaigns,
  SAFE_REMINDER_DAYS,
  sendSafeDeadlineReminders,
  submittedCards,
} from './safe-campaigns.service.js';
export { exportSafeCampaign } from './safe-export.js';
export { measuredFacts, mrasByPhaseFor } from './safe-measured.js';
export { createSafePlanAction, listSafePlan, updateSafePlanAction } from './safe-plan.service.js';
export {
  createSafeQuestionnaireVersion,
  deleteSafeQuestionnaireVersion,
  getSafeQuestionnaireVersion,
  listSafeQuestionnaireVersions,
  publishSafeQuestionnaireVersion,
  retireSafeQuestionnaireVersion,
  updateSafeQuestionnaireVersion,
} from './safe-questionnaire-versions.service.js';
export { startSafeReminderLoop } from './safe-reminders.js';
export { buildSafeReportPdf, renderSafeReportPdf } from './safe-report.pdf.js';
export {
  copyPreviousSafeResponse,
  getMySafeResponse,
  getSafeResponse,
  getSafeResults,
  listSafeResponses,
  returnSafeResponse,
  SAFE_EVIDENCE_SUBJECT,
  saveSafeResponse,
  submitSafeResponse,
} from './safe-responses.service.js';
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
