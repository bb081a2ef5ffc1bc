import type { QuestionnaireVersionDetail, QuestionnaireVersionList } from '@aeolus/contracts';
import { request } from '../../lib/api.js';

/**
 * The questionnaire-version API of one kind (AEO SAQ, SAFE monitoring), as the versions pages use it.
 * `pagePath` is where the pages live in the web app (list at `pagePath`, one version at `pagePath/:id`).
 */
export interface VersionsApi {
  pagePath: string;
  /** The questionnaire has an SME variant (the AEO SAQ); the SAFE monitoring questionnaire has one form. */
  smeVariant: boolean;
  list(signal?: AbortSignal): Promise<QuestionnaireVersionList>;
  get(id: string, signal?: AbortSignal): Promise<QuestionnaireVersionDetail>;
  create(definition: unknown): Promise<QuestionnaireVersionDetail>;
  replace(id: string, definition: unknown): Promise<QuestionnaireVersionDetail>;
  publish(id: string): Promise<QuestionnaireVersionDetail>;
  retire(id: string): Promise<QuestionnaireVersionDetail>;
  remove(id: string): Promise<{ ok: true }>;
  /** A plain link: the browser downloads the file with the session cookie. */
  downloadUrl(id: string): string;
}

export function versionsApi(
  apiBase: string,
  pagePath: string,
  options: { smeVariant: boolean },
): VersionsApi {
  const url = (id: string) => `${apiBase}/${encodeURIComponent(id)}`;
  return {
    pagePath,
    smeVariant: options.smeVariant,
    list: (signal) => request<QuestionnaireVersionList>('GET', apiBase, { signal }),
    get: (id, signal) => request<QuestionnaireVersionDetail>('GET', url(id), { signal }),
    create: (definition) => request<QuestionnaireVersionDetail>('POST', apiBase, { body: { definition } }),
    replace: (id, definition) =>
      request<QuestionnaireVersionDetail>('PUT', url(id), { body: { definition } }),
    publish: (id) => request<QuestionnaireVersionDetail>('POST', `${url(id)}/publish`),
    retire: (id) => request<QuestionnaireVersionDetail>('POST', `${url(id)}/retire`),
    remove: (id) => request<{ ok: true }>('DELETE', url(id)),
    downloadUrl: (id) => `${url(id)}/definition`,
  };
}
