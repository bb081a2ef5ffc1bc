import type {
  AeoApplicationDetail,
  AeoApplicationQuestionnaire,
  AeoApplicationSummary,
  AeoProgramme,
  Document,
  DocumentList,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';

/**
 * The AEO case API both sides read (the operator's pages and the validator's); each side adds the
 * actions it may take. Request and response types come from the contracts.
 */

export const caseUrl = (id: string) => `/api/aeo/applications/${encodeURIComponent(id)}`;

export const caseApi = {
  /** The supervising administration's programme (categories, benefits, clocks). */
  programme: (signal?: AbortSignal) => request<AeoProgramme>('GET', '/api/aeo/programme', { signal }),
  /** The applications the caller may see: the operator's own, or the validator's queue. */
  applications: (signal?: AbortSignal) =>
    request<{ items: AeoApplicationSummary[] }>('GET', '/api/aeo/applications', { signal }),
  getCase: (id: string, signal?: AbortSignal) =>
    request<AeoApplicationDetail>('GET', caseUrl(id), { signal }),
  /** The SAQ version the application pinned, and the variant (SME or standard) the server chose. */
  questionnaire: (id: string, signal?: AbortSignal) =>
    request<AeoApplicationQuestionnaire>('GET', `${caseUrl(id)}/questionnaire`, { signal }),
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
/** The public verification page. */
export const verificationPath = (aeoId: string) => `/verify/${encodeURIComponent(aeoId)}`;
