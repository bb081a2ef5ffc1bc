import type { AeoProgramme, UpdateAeoProgramme } from '@aeolus/contracts';
import { request } from '../../lib/api.js';
import { versionsApi } from './versions-api.js';

/** The programme administration API as these pages use it; every type comes from the contracts. */

export const programmeApi = {
  get: (signal?: AbortSignal) => request<AeoProgramme>('GET', '/api/aeo/programme', { signal }),
  update: (body: UpdateAeoProgramme) => request<AeoProgramme>('PUT', '/api/aeo/programme', { body }),
};

/** The programme's SAQ versions. */
export const saqVersionsApi = versionsApi('/api/aeo/saq-versions', '/aeo/programme/saq', {
  smeVariant: true,
});
