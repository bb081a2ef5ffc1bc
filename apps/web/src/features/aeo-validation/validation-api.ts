import type {
  AeoAdministrationAction,
  AeoApplicationDetail,
  AeoValidationPlan,
  CreateAeoCorrectiveAction,
  RecordAeoChecklist,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';
import { caseApi, caseUrl } from '../aeo/case-api.js';

/** The AEO case API as the validator's pages use it: the shared case reads, and what the validator may do. */

export { certificatePdfUrl, documentContentUrl, verificationPath } from '../aeo/case-api.js';

export const validationApi = {
  ...caseApi,
  queue: caseApi.applications,
  /** Evidence the validator adds to the case (e.g. a photo taken on site for a checklist criterion). */
  uploadEvidence: caseApi.upload,
  act: (id: string, body: AeoAdministrationAction) =>
    request<AeoApplicationDetail>('POST', `${caseUrl(id)}/validation-actions`, { body }),
  setPlan: (id: string, body: AeoValidationPlan) =>
    request<AeoApplicationDetail>('PUT', `${caseUrl(id)}/validation-plan`, { body }),
  recordChecklist: (id: string, body: RecordAeoChecklist) =>
    request<AeoApplicationDetail>('PUT', `${caseUrl(id)}/checklist`, { body }),
  requestCorrectiveAction: (id: string, body: CreateAeoCorrectiveAction) =>
    request<AeoApplicationDetail>('POST', `${caseUrl(id)}/corrective-actions`, { body }),
  closeReview: (id: string, reportId: string, outcome: string) =>
    request<AeoApplicationDetail>(
      'POST',
      `${caseUrl(id)}/monitoring-reports/${encodeURIComponent(reportId)}/close`,
      { body: { outcome } },
    ),
};
