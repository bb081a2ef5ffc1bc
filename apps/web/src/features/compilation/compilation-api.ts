import type {
  CompilationProgramme,
  CompilationProgrammeList,
  CompilationStats,
  CuratedProgramme,
  CuratedProgrammeInput,
  MraNetwork,
  ReviewDecision,
  ReviewState,
} from '@aeolus/contracts';
import { ApiError, type ClientErrorCode, request, toApiError, withQuery } from '../../lib/api.js';

/** The directory's filters as they appear in the page address and the API query. */
export interface DirectoryFilters {
  q?: string;
  region?: string;
  country?: string;
  status?: string;
  type?: string;
}

export const PAGE_SIZE = 25;

/**
 * The public compilation calls go without cookies (no account needed, and a 401 elsewhere can never sign
 * a visitor out); the browser's HTTP cache revalidates them with the server's ETag.
 */
async function publicGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR' satisfies ClientErrorCode,
      message: 'The server could not be reached',
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

const BASE = '/api/public/compilation';

export function exportUrl(format: 'csv' | 'xlsx' | 'json', filters: DirectoryFilters): string {
  return withQuery(`${BASE}/programmes.${format}`, { ...filters });
}

export const compilationApi = {
  list: (filters: DirectoryFilters & { offset?: number; limit?: number }, signal?: AbortSignal) =>
    publicGet<CompilationProgrammeList>(withQuery(`${BASE}/programmes`, { ...filters }), signal),
  get: (id: string, signal?: AbortSignal) =>
    publicGet<CompilationProgramme>(`${BASE}/programmes/${encodeURIComponent(id)}`, signal),
  stats: (signal?: AbortSignal) => publicGet<CompilationStats>(`${BASE}/stats`, signal),
  network: (signal?: AbortSignal) => publicGet<MraNetwork>(`${BASE}/network`, signal),

  // Curation (signed in).
  entries: (reviewState: ReviewState | undefined, signal?: AbortSignal) =>
    request<{ items: CuratedProgramme[] }>('GET', '/api/compilation/entries', {
      query: { reviewState },
      signal,
    }),
  create: (body: CuratedProgrammeInput) =>
    request<CuratedProgramme>('POST', '/api/compilation/entries', { body }),
  update: (id: string, body: CuratedProgrammeInput) =>
    request<CuratedProgramme>('PUT', `/api/compilation/entries/${encodeURIComponent(id)}`, { body }),
  submit: (id: string) =>
    request<CuratedProgramme>('POST', `/api/compilation/entries/${encodeURIComponent(id)}/submit`),
  review: (body: ReviewDecision) => request<CuratedProgramme>('POST', '/api/compilation/reviews', { body }),
};
