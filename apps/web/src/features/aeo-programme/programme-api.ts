import type { AeoProgramme, SaqVersionDetail, SaqVersionList, UpdateAeoProgramme } from '@aeolus/contracts';
import { request } from '../../lib/api.js';

/** The programme administration API as these pages use it; every type comes from the contracts. */

const versionUrl = (id: string) => `/api/aeo/saq-versions/${encodeURIComponent(id)}`;

export const programmeApi = {
  get: (signal?: AbortSignal) => request<AeoProgramme>('GET', '/api/aeo/programme', { signal }),
  update: (body: UpdateAeoProgramme) => request<AeoProgramme>('PUT', '/api/aeo/programme', { body }),

  listSaqVersions: (signal?: AbortSignal) =>
    request<SaqVersionList>('GET', '/api/aeo/saq-versions', { signal }),
  getSaqVersion: (id: string, signal?: AbortSignal) =>
    request<SaqVersionDetail>('GET', versionUrl(id), { signal }),
  createSaqVersion: (definition: unknown) =>
    request<SaqVersionDetail>('POST', '/api/aeo/saq-versions', { body: { definition } }),
  replaceSaqVersion: (id: string, definition: unknown) =>
    request<SaqVersionDetail>('PUT', versionUrl(id), { body: { definition } }),
  publishSaqVersion: (id: string) => request<SaqVersionDetail>('POST', `${versionUrl(id)}/publish`),
  retireSaqVersion: (id: string) => request<SaqVersionDetail>('POST', `${versionUrl(id)}/retire`),
  deleteSaqVersion: (id: string) => request<{ ok: true }>('DELETE', versionUrl(id)),
  /** A plain link: the browser downloads the file with the session cookie. */
  saqDownloadUrl: (id: string) => `${versionUrl(id)}/definition`,
};
