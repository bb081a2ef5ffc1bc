export {
  getDefaultAeoSaq,
  getSafeMonitoringQuestionnaire,
  getShippedDefinition,
  listShippedDefinitionIds,
  type ShippedDefinitionId,
} from './default-definitions.js';
export {
  type AnswerIssue,
  assertValidResponse,
  checkAnswer,
  type DocumentInfo,
  mergeAnswers,
  type ValidateResponseOptions,
  validateResponse,
} from './questionnaire.answers.js';
export { type AnswerLookup, evaluateCondition, isEmptyAnswer } from './questionnaire.conditions.js';
export {
  compareVersions,
  type DefinitionValidation,
  definitionKey,
  fingerprintDefinition,
  parseDefinition,
  validateDefinition,
} from './questionnaire.definition.js';
export {
  type DefinitionIndex,
  indexDefinition,
  maturityLevelsOf,
  type QuestionEntry,
  questionsForProfile,
  resolveVisibility,
  type Visibility,
  visibleQuestions,
} from './questionnaire.engine.js';
export { type ScoreResponseOptions, scoreResponse } from './questionnaire.report.js';
export { maxScore, scoreAnswer } from './questionnaire.scoring.js';
export { ensurePublishedDefinition, loadStoredDefinition } from './questionnaire.store.js';
