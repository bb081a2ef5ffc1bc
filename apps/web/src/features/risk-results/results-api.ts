import type {
  BenefitsReport,
  RecordOutcome,
  RuleSetVersionSummary,
  RuleStatistics,
  ScreeningOutcome,
  ScreeningResult,
  ScreeningResultPage,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';
import type { ResultsQuery } from './results-filters.js';

/** The screening results API as the analyst's results pages use it. */

const resultUrl = (id: string) => `/api/screening/results/${encodeURIComponent(id)}`;

export const resultsApi = {
  list: (query: ResultsQuery, signal?: AbortSignal) =>
    request<ScreeningResultPage>('GET', '/api/screening/results', { query, signal }),
  get: (id: string, signal?: AbortSignal) => request<ScreeningResult>('GET', resultUrl(id), { signal }),
  recordOutcome: (id: string, body: RecordOutcome) =>
    request<ScreeningOutcome>('POST', `${resultUrl(id)}/outcome`, { body }),
  /** Hit rates of every rule of a version (risk analysts only). */
  ruleStatistics: (versionId: string, query: Record<string, string | undefined>, signal?: AbortSignal) =>
    request<RuleStatistics>('GET', `/api/screening/rule-sets/${encodeURIComponent(versionId)}/statistics`, {
      query,
      signal,
    }),
  benefits: (query: Record<string, string | undefined>, signal?: AbortSignal) =>
    request<BenefitsReport>('GET', '/api/screening/benefits', { query, signal }),
  /** Rule-set versions that decided results (drafts decide nothing); readable by risk analysts only. */
  versions: async (signal?: AbortSignal) => {
    const page = await request<{ items: RuleSetVersionSummary[] }>('GET', '/api/screening/rule-sets', {
      signal,
    });
    return page.items.filter((v) => v.status !== 'draft');
  },
};
