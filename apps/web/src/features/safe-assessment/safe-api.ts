import type {
  CreateSafeCampaign,
  CreateSafePlanAction,
  Document,
  DocumentList,
  QuestionnaireDefinition,
  ReturnSafeResponse,
  SafeAdministrationList,
  SafeAggregates,
  SafeCampaign,
  SafeCampaignList,
  SafeCampaignProgress,
  SafePlanAction,
  SafePlanActionList,
  SafeResponse,
  SafeResults,
  UpdateSafePlanAction,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';
import { versionsApi } from '../aeo-programme/versions-api.js';

/** The SAFE implementation assessment API as the pages use it (`/api/safe-assessment`). */

const base = '/api/safe-assessment';
const campaignUrl = (id: string) => `${base}/campaigns/${encodeURIComponent(id)}`;
const responseUrl = (id: string) => `${base}/responses/${encodeURIComponent(id)}`;

export const safeApi = {
  administrations: (signal?: AbortSignal) =>
    request<SafeAdministrationList>('GET', `${base}/administrations`, { signal }),
  campaigns: (signal?: AbortSignal) => request<SafeCampaignList>('GET', `${base}/campaigns`, { signal }),
  createCampaign: (body: CreateSafeCampaign) => request<SafeCampaign>('POST', `${base}/campaigns`, { body }),
  campaign: (id: string, signal?: AbortSignal) => request<SafeCampaign>('GET', campaignUrl(id), { signal }),
  questionnaire: (id: string, signal?: AbortSignal) =>
    request<QuestionnaireDefinition>('GET', `${campaignUrl(id)}/questionnaire`, { signal }),
  progress: (id: string, signal?: AbortSignal) =>
    request<SafeCampaignProgress>('GET', `${campaignUrl(id)}/progress`, { signal }),
  aggregates: (id: string, signal?: AbortSignal) =>
    request<SafeAggregates>('GET', `${campaignUrl(id)}/aggregates`, { signal }),
  myResponse: (campaignId: string, signal?: AbortSignal) =>
    request<SafeResponse>('GET', `${campaignUrl(campaignId)}/response`, { signal }),
  /** Autosave: partial answers, merged; `null` clears one. */
  saveAnswers: (campaignId: string, answers: Record<string, unknown>) =>
    request<SafeResponse>('PUT', `${campaignUrl(campaignId)}/response`, { body: { answers } }),
  copyPrevious: (campaignId: string) =>
    request<SafeResponse>('POST', `${campaignUrl(campaignId)}/response/copy-previous`),
  submit: (campaignId: string) => request<SafeResponse>('POST', `${campaignUrl(campaignId)}/response/submit`),
  response: (id: string, signal?: AbortSignal) => request<SafeResponse>('GET', responseUrl(id), { signal }),
  returnResponse: (id: string, body: ReturnSafeResponse) =>
    request<SafeResponse>('POST', `${responseUrl(id)}/return`, { body }),
  results: (id: string, signal?: AbortSignal) =>
    request<SafeResults>('GET', `${responseUrl(id)}/results`, { signal }),
  plan: (signal?: AbortSignal) => request<SafePlanActionList>('GET', `${base}/plan`, { signal }),
  createAction: (body: CreateSafePlanAction) =>
    request<SafePlanAction>('POST', `${base}/plan/actions`, { body }),
  updateAction: (id: string, body: UpdateSafePlanAction) =>
    request<SafePlanAction>('PATCH', `${base}/plan/actions/${encodeURIComponent(id)}`, { body }),
  organisationDocuments: (organisationId: string, signal?: AbortSignal) =>
    request<DocumentList>('GET', '/api/documents', {
      query: { attachedToType: 'organisation', attachedToId: organisationId },
      signal,
    }).then((list) => list.items),
  /** Evidence is a document of the administration itself, then named in the evidence answer. */
  uploadEvidence: (organisationId: string, file: File) => {
    const form = new FormData();
    form.set('attachedToType', 'organisation');
    form.set('attachedToId', organisationId);
    form.set('file', file, file.name);
    return request<Document>('POST', '/api/documents', { body: form });
  },
};

/** Download links: the server answers with an attachment. */
export const reportPdfUrl = (responseId: string, language: string) =>
  `${responseUrl(responseId)}/report.pdf?lang=${language.startsWith('fr') ? 'fr' : 'en'}`;
export const exportUrl = (campaignId: string, format: 'csv' | 'xlsx') =>
  `${campaignUrl(campaignId)}/export.${format}`;

/** The secretariat's versions of the SAFE monitoring questionnaire (pages under /safe/monitoring/questionnaire-versions). */
export const safeVersionsApi = versionsApi(
  `${base}/questionnaire-versions`,
  '/safe/monitoring/questionnaire-versions',
  { smeVariant: false },
);
