import type {
  AeoAdministrationAction,
  AeoApplicationDetail,
  AeoApplicationQuestionnaire,
  AeoApplicationSummary,
  AeoProgramme,
  AeoValidationPlan,
  CreateAeoCorrectiveAction,
  Document,
  DocumentList,
  RecordAeoChecklist,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';

/** The AEO case API as the validator's pages use it; request and response types come from the contracts. */

const caseUrl = (id: string) => `/api/aeo/applications/${encodeURIComponent(id)}`;

export const validationApi = {
  programme: (signal?: AbortSignal) => request<AeoProgramme>('GET', '/api/aeo/programme', { signal }),
  queue: (signal?: AbortSignal) =>
    request<{ items: AeoApplicationSummary[] }>('GET', '/api/aeo/applications', { signal }),
  getCase: (id: string, signal?: AbortSignal) =>
    request<AeoApplicationDetail>('GET', caseUrl(id), { signal }),
  /** The SAQ version the application pinned, to read the answers against. */
  questionnaire: (id: string, signal?: AbortSignal) =>
    request<AeoApplicationQuestionnaire>('GET', `${caseUrl(id)}/questionnaire`, { signal }),
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
  caseDocuments: (id: string, signal?: AbortSignal) =>
    request<DocumentList>('GET', '/api/documents', {
      query: { attachedToType: 'aeo_application', attachedToId: id },
      signal,
    }),
  /** Evidence the validator adds to the case (e.g. a photo taken on site for a checklist criterion). */
  uploadEvidence: (id: string, file: File) => {
    const form = new FormData();
    form.set('attachedToType', 'aeo_application');
    form.set('attachedToId', id);
    form.set('file', file, file.name);
    return request<Document>('POST', '/api/documents', { body: form });
  },
};

/** Download links: the server always answers with an attachment, never rendered in our origin. */
export const documentContentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}/content`;
export const certificatePdfUrl = (aeoId: string) =>
  `/api/public/aeo/${encodeURIComponent(aeoId)}/certificate.pdf`;
export const verificationPath = (aeoId: string) => `/verify/${encodeURIComponent(aeoId)}`;
