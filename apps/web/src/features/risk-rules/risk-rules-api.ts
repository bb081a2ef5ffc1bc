import type {
  CreateWatchList,
  Lane,
  Referral,
  RuleSetDraft,
  RuleSetVersion,
  RuleSetVersionSummary,
  ScreeningPolicy,
  ScreeningPolicySettings,
  UpdateWatchList,
  WatchListDetail,
  WatchListSummary,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';

/** The risk analyst's API (rule sets, watch lists, policy, backtests) as these pages use it. */

const versionUrl = (id: string) => `/api/screening/rule-sets/${encodeURIComponent(id)}`;
const listUrl = (name: string) => `/api/screening/watch-lists/${encodeURIComponent(name)}`;

/**
 * A backtest as the view reads it (`POST /api/screening/rule-sets/:id/backtests`, see the backtest handoff):
 * both versions replayed over the same stored consignments. Typed here until the contract
 * (`screening-analysis.ts`) lands; only the fields the view shows.
 */
export interface BacktestSide {
  version: { id: string; ruleSetId: string; version: number; status: string; name: string };
  lanes: Record<Lane, number>;
  referrals: Record<Referral, number>;
  referred: number;
}
export interface BacktestSample {
  resultId: string;
  reference: string;
  mode: string;
  isAeo: boolean;
  baselineScore: number;
  candidateScore: number;
  rulesAdded: string[];
  rulesRemoved: string[];
}
export interface BacktestSummary {
  candidate: BacktestSide;
  baseline: BacktestSide;
  transitions: { from: Lane; to: Lane; count: number; samples: BacktestSample[] }[];
  referralChanges: { referral: Referral; added: number; removed: number }[];
  rules: { ruleId: string; name: string; candidateOnly: number; baselineOnly: number; laneChanged: number }[];
  laneChanged: number;
  referralsChanged: number;
  truncated: boolean;
  limit: number;
  durationMs: number;
}
export interface Backtest {
  id: string;
  status: string;
  consignmentCount: number;
  summary: BacktestSummary | null;
  error: string | null;
}

export const riskRulesApi = {
  listVersions: (signal?: AbortSignal) =>
    request<{ items: RuleSetVersionSummary[] }>('GET', '/api/screening/rule-sets', { signal }),
  getVersion: (id: string, signal?: AbortSignal) =>
    request<RuleSetVersion>('GET', versionUrl(id), { signal }),
  createDraft: (definition: RuleSetDraft) =>
    request<RuleSetVersion>('POST', '/api/screening/rule-sets', { body: definition }),
  updateDraft: (id: string, definition: RuleSetDraft) =>
    request<RuleSetVersion>('PUT', versionUrl(id), { body: definition }),
  publish: (id: string) => request<RuleSetVersion>('POST', `${versionUrl(id)}/publish`),
  retire: (id: string) => request<RuleSetVersion>('POST', `${versionUrl(id)}/retire`),
  /** A plain link: the browser downloads the rule-set file with the session cookie. */
  exportUrl: (id: string) => `${versionUrl(id)}/export`,
  backtest: (id: string, body: { from?: string; to?: string; limit?: number } = {}) =>
    request<Backtest>('POST', `${versionUrl(id)}/backtests`, { body }),

  listWatchLists: (signal?: AbortSignal) =>
    request<{ items: WatchListSummary[] }>('GET', '/api/screening/watch-lists', { signal }),
  getWatchList: (name: string, signal?: AbortSignal) =>
    request<WatchListDetail>('GET', listUrl(name), { signal }),
  createWatchList: (body: CreateWatchList) =>
    request<WatchListDetail>('POST', '/api/screening/watch-lists', { body }),
  updateWatchList: (name: string, body: UpdateWatchList) =>
    request<WatchListDetail>('PUT', listUrl(name), { body }),
  deleteWatchList: (name: string) => request<{ ok: true }>('DELETE', listUrl(name)),

  getPolicy: (signal?: AbortSignal) => request<ScreeningPolicy>('GET', '/api/screening/policy', { signal }),
  updatePolicy: (body: ScreeningPolicySettings) =>
    request<ScreeningPolicy>('PUT', '/api/screening/policy', { body }),
};
