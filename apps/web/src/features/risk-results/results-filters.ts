import {
  LANES,
  type Lane,
  OUTCOMES,
  type OutcomeKind,
  TRANSPORT_MODES,
  type TransportMode,
} from '@aeolus/contracts';
import { dayBoundary } from '../../lib/format.js';

/**
 * The results list's filters, kept in the address (`?lane=red&aeo=false&from=2026-11-01`) so that an
 * officer can bookmark a view or send it to a colleague, and the back button returns to the previous one.
 * Anything the address holds that is not a known value is ignored rather than sent to the server.
 */

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

/** `recorded`/`none`: whether any outcome was recorded; or one outcome kind. */
export type OutcomeFilter = '' | 'recorded' | 'none' | OutcomeKind;
export const OUTCOME_FILTERS = ['recorded', 'none', ...OUTCOMES] as const;

export interface ResultFilterValues {
  lane: '' | Lane;
  aeo: '' | 'true' | 'false';
  mode: '' | TransportMode;
  /** A rule id, or a decision-table row `table/row`. */
  rule: string;
  /** A rule-set version, by its id. */
  version: string;
  outcome: OutcomeFilter;
  /** Calendar days, `YYYY-MM-DD`, in the officer's time zone. */
  from: string;
  to: string;
  limit: number;
}

export const EMPTY_FILTERS: ResultFilterValues = {
  lane: '',
  aeo: '',
  mode: '',
  rule: '',
  version: '',
  outcome: '',
  from: '',
  to: '',
  limit: DEFAULT_PAGE_SIZE,
};

const pick = <T extends string>(allowed: readonly T[], value: string | null): '' | T =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : '';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RULE = /^[A-Za-z0-9_./:-]{1,130}$/;

export function readResultFilters(params: URLSearchParams): ResultFilterValues {
  const size = Number(params.get('limit'));
  const version = params.get('version') ?? '';
  const rule = (params.get('rule') ?? '').trim();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    lane: pick(LANES, params.get('lane')),
    aeo: pick(['true', 'false'] as const, params.get('aeo')),
    mode: pick(TRANSPORT_MODES, params.get('mode')),
    rule: RULE.test(rule) ? rule : '',
    version: UUID.test(version) ? version : '',
    outcome: pick(OUTCOME_FILTERS, params.get('outcome')),
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    limit: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The address for a set of filters: defaults are left out, and a new filter starts from the first page. */
export function writeResultFilters(values: ResultFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values) as [keyof ResultFilterValues, string | number][]) {
    if (value === '' || (key === 'limit' && value === DEFAULT_PAGE_SIZE)) continue;
    search.set(key, String(value).trim());
  }
  return search;
}

export function hasActiveFilters(values: ResultFilterValues): boolean {
  return (Object.keys(EMPTY_FILTERS) as (keyof ResultFilterValues)[]).some(
    (key) => key !== 'limit' && values[key] !== EMPTY_FILTERS[key],
  );
}

/** A problem with the filters as typed, named by field; the form shows it instead of asking the server. */
export function checkResultFilters(values: ResultFilterValues): { to?: 'range'; rule?: 'rule' } {
  const problems: { to?: 'range'; rule?: 'rule' } = {};
  if (values.from && values.to && values.from > values.to) problems.to = 'range';
  if (values.rule.trim() && !RULE.test(values.rule.trim())) problems.rule = 'rule';
  return problems;
}

export type ResultsQuery = Record<string, string | number | undefined>;

/** The query string of `GET /api/screening/results` for these filters and page. */
export function toResultsQuery(values: ResultFilterValues, cursor: string | undefined): ResultsQuery {
  return {
    lane: values.lane || undefined,
    aeo: values.aeo || undefined,
    mode: values.mode || undefined,
    rule: values.rule || undefined,
    version: values.version || undefined,
    outcome: values.outcome || undefined,
    from: values.from ? dayBoundary(values.from, 'start') : undefined,
    to: values.to ? dayBoundary(values.to, 'end') : undefined,
    limit: values.limit,
    cursor,
  };
}
