import type {
  AeoApplicationDetail,
  AeoApplicationQuestionnaire,
  AeoApplicationSummary,
  AeoOperatorAction,
  AeoProgramme,
  CreateAeoApplication,
  CreateAeoMonitoringReport,
  Document,
  DocumentList,
} from '@aeolus/contracts';
import { ApiError, request } from '../../lib/api.js';

/** The AEO API as the operator's pages use it; request and response types come from the contracts. */

const caseUrl = (id: string) => `/api/aeo/applications/${encodeURIComponent(id)}`;

export const operatorApi = {
  /** The supervising administration's programme (categories, benefits, clocks). */
  programme: (signal?: AbortSignal) => request<AeoProgramme>('GET', '/api/aeo/programme', { signal }),
  applications: (signal?: AbortSignal) =>
    request<{ items: AeoApplicationSummary[] }>('GET', '/api/aeo/applications', { signal }),
  getCase: (id: string, signal?: AbortSignal) =>
    request<AeoApplicationDetail>('GET', caseUrl(id), { signal }),
  createApplication: (body: CreateAeoApplication) =>
    request<AeoApplicationDetail>('POST', '/api/aeo/applications', { body }),
  /** The SAQ version the application pinned, and the variant (SME or standard) the server chose. */
  questionnaire: (id: string, signal?: AbortSignal) =>
    request<AeoApplicationQuestionnaire>('GET', `${caseUrl(id)}/questionnaire`, { signal }),
  /** Autosave: a patch keyed by question id; `null` clears an answer. */
  saveAnswers: (id: string, answers: Record<string, unknown>) =>
    request<AeoApplicationDetail>('PATCH', `${caseUrl(id)}/answers`, { body: { answers } }),
  act: (id: string, body: AeoOperatorAction) =>
    request<AeoApplicationDetail>('POST', `${caseUrl(id)}/operator-actions`, { body }),
  reportChange: (id: string, body: CreateAeoMonitoringReport) =>
    request<AeoApplicationDetail>('POST', `${caseUrl(id)}/monitoring-reports`, { body }),
  caseDocuments: (id: string, signal?: AbortSignal) =>
    request<DocumentList>('GET', '/api/documents', {
      query: { attachedToType: 'aeo_application', attachedToId: id },
      signal,
    }),
  /** Evidence for the case: the server decides the type from the content and refuses what it cannot take. */
  upload: (id: string, file: File) => {
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
/** The public verification page, with the signed credential so it can be checked offline as well. */
export const verificationHref = (aeoId: string, credential: string) =>
  `/verify/${encodeURIComponent(aeoId)}?c=${encodeURIComponent(credential)}`;

/**
 * The programme, or null when the operator has none to apply to (no supervising administration, or one
 * without a programme): pages still show the operator's cases, only without the programme's names.
 */
export async function optionalProgramme(signal?: AbortSignal): Promise<AeoProgramme | null> {
  try {
    return await operatorApi.programme(signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
