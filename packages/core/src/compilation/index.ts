export {
  type CompilationProblem,
  type CompilationStatistics,
  type CompiledProgramme,
  type CuratedCompilation,
  checkCompilation,
  compilationStatistics,
  loadCuratedCompilation,
  mrasOf,
  type ProgrammeMra,
} from './compilation.data.js';
export {
  compilationStats,
  filterProgrammes,
  getPublicProgramme,
  listPublicProgrammes,
  loadPublicCompilation,
  mraNetwork,
  type PublicCompilation,
} from './compilation.directory.js';
export { programmesToCsv, programmesToXlsx } from './compilation.export.js';
export {
  AEO_BENEFITS,
  AEO_HEADINGS,
  AeoBenefit,
  AeoProgramme,
  AeoProgrammeFile,
  Jurisdiction,
  MRA_STATUSES,
  MraFile,
  MraStatus,
  MutualRecognitionArrangement,
  OPERATOR_ROLES,
  OperatorRole,
  PartialDate,
  PublicSource,
  Reassessment,
  WCO_REGION_LABELS,
  WCO_REGIONS,
  WcoRegion,
} from './compilation.schemas.js';
export { seedCompilation } from './compilation.seed.js';
export {
  createCuratedProgramme,
  getCuratedProgramme,
  listCuratedProgrammes,
  publishCuratedProgramme,
  rejectCuratedProgramme,
  submitCuratedProgramme,
  updateCuratedProgramme,
} from './compilation-curation.service.js';
