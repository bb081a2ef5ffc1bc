// The AEO module's public surface; other modules and apps import only this.

export { computeDeadlines, EU_DEFAULT_CLOCKS, type StatutoryClocks } from './aeo.deadlines.js';
export { getApplication, listApplications } from './aeo-application.service.js';
// Certificates: identifier, signed credential, status, public verification, PDF.
export {
  AEO_CREDENTIAL_TYP,
  AEO_CREDENTIAL_TYPE,
  buildAeoCredential,
  composeAeoId,
  issuerIdFor,
  parseAeoCredential,
  subjectIdFor,
} from './aeo-certificate.credential.js';
export { renderCertificatePdf, verificationUrl } from './aeo-certificate.pdf.js';
export {
  findCertificateDetails,
  getPublicCertificate,
  verifyAeoCredential,
} from './aeo-certificate.public.js';
export {
  type AeoCertificateRow,
  type IssueCertificate,
  issueCertificate,
  setCertificateStatus,
} from './aeo-certificate.service.js';
export { actAsAdministration } from './aeo-decision.service.js';
// Import of AEOs granted before the platform (a legacy register), e.g. `aeolus aeo import`.
export {
  type AeoImportOperators,
  type ImportOperator,
  indexOperatorsByIdentifier,
} from './aeo-import.operators.js';
export * from './aeo-import.rows.js';
export {
  type AeoImportBatch,
  type AeoImportEntry,
  type AeoImportOutcome,
  getAeoImportTarget,
  importAeoBatch,
} from './aeo-import.service.js';
// The public AEO compilation reads platform programmes live through this.
export { listPlatformProgrammeSummaries, type PlatformProgrammeSummary } from './aeo-programme.public.js';
// Programme settings and the application lifecycle (submission, validation, decision, monitoring).
export {
  createProgramme,
  getProgramme,
  publishDefaultSaq,
  updateProgramme,
} from './aeo-programme.service.js';
export { getApplicationQuestionnaire } from './aeo-questionnaire.service.js';
// Read-only register look-ups for screening (AEO treatment of consignments).
export {
  type AeoRegisterEntry,
  findAeoRegisterEntries,
  findProgrammeBenefits,
} from './aeo-register.lookup.js';
export { APPLICATION_DOCUMENT_SUBJECT } from './aeo-saq.js';
// SAQ versions: drafts, publication to the programme, retirement.
export {
  createSaqVersion,
  deleteSaqVersion,
  getSaqVersion,
  listSaqVersions,
  publishSaqVersion,
  retireSaqVersion,
  updateSaqVersion,
} from './aeo-saq-version.service.js';
export {
  actAsOperator,
  createApplication,
  reportMonitoringChange,
  saveAnswers,
} from './aeo-submission.service.js';
export {
  closeMonitoringReview,
  recordChecklist,
  requestCorrectiveAction,
  setValidationPlan,
} from './aeo-validation.service.js';
