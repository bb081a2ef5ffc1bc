// The screening module's public surface (issue 4: risk management and screening of advance cargo data).

export { parseIdempotencyKey } from '../shared/idempotency.js';
export {
  getBacktest,
  getBenefits,
  getRuleStatistics,
  listBacktests,
  runBacktest,
} from './analysis.service.js';
export {
  type FileConsignments,
  type FilingFormat,
  type FilingResult,
  fileConsignments,
} from './filing.service.js';
export { parseNdjsonLine } from './filing.validation.js';
export { SCREENING_IMPORT_COLUMNS } from './import.columns.js';
export { mapConsignmentCsv } from './import.mapper.js';
export {
  type ImportConsignments,
  type ImportOutcome,
  importConsignmentsCsv,
} from './import.service.js';
export { getScreeningPolicy, updateScreeningPolicy } from './policy.service.js';
export { getScreeningResult, listScreeningResults, recordScreeningOutcome } from './results.service.js';
export {
  createRuleSetDraft,
  exportRuleSetVersion,
  getRuleSetVersion,
  listRuleSetVersions,
  publishRuleSetVersion,
  retireRuleSetVersion,
  updateRuleSetDraft,
} from './rule-sets.service.js';
export { DEFAULT_POLICY } from './screening-context.js';
export {
  applyCapacity,
  decideLane,
  laneForScore,
  officeDay,
  randomDraw,
} from './selectivity.js';
export {
  createWatchList,
  deleteWatchList,
  getWatchList,
  listWatchLists,
  updateWatchList,
} from './watch-lists.service.js';
