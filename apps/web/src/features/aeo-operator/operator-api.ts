import type {
  AeoApplicationDetail,
  AeoOperatorAction,
  AeoProgramme,
  CreateAeoApplication,
  CreateAeoMonitoringReport,
} from '@aeolus/contracts';
import { ApiError, request } from '../../lib/api.js';
import { caseApi, caseUrl, verificationPath } from '../aeo/case-api.js';

/** The AEO API as the operator's pages use it: the shared case reads, and what the operator may do. */

export { certificatePdfUrl, documentContentUrl } from '../aeo/case-api.js';

export const operatorApi = {
  ...caseApi,
  createApplication: (body: CreateAeoApplication) =>
    request<AeoApplicationDetail>('POST', '/api/aeo/applications', { body }),
  /** Autosave: a patch keyed by question id; `null` clears an answer. */
  saveAnswers: (id: string, answers: Record<string, unknown>) =>
    request<AeoApplicationDetail>('PATCH', `${caseUrl(id)}/answers`, { body: { answers } }),
  act: (id: string, body: AeoOperatorAction) =>
    request<AeoApplicationDetail>('POST', `${caseUrl(id)}/operator-actions`, { body }),
  reportChange: (id: string, body: CreateAeoMonitoringReport) =>
    request<AeoApplicationDetail>('POST', `${caseUrl(id)}/monitoring-reports`, { body }),
};

/** The public verification page, with the signed credential so it can be checked offline as well. */
export const verificationHref = (aeoId: string, credential: string) =>
  `${verificationPath(aeoId)}?c=${encodeURIComponent(credential)}`;

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
