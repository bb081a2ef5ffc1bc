import type { LocalisedText } from '@aeolus/contracts';
import { AppError } from '../errors.js';
import { SAFE_DIMENSIONS, type SafeDimension } from './gap-actions.js';
import type { SafeScoreCard } from './scoring.js';

/**
 * Compares a member's scores between two review cycles, dimension value by dimension value (matched by
 * id, so a newer questionnaire version still compares on the standards both versions share).
 */
export type CycleTrend = 'up' | 'down' | 'flat' | 'not_comparable';

export interface CycleDelta {
  dimension: SafeDimension | 'overall';
  id: string;
  label: LocalisedText | null;
  previous: number | null;
  current: number | null;
  /** current − previous in percentage points; null when either side was not scored. */
  delta: number | null;
  trend: CycleTrend;
}

export interface CycleComparison {
  /** Changes smaller than this (in points) count as flat. */
  flatWithin: number;
  overall: CycleDelta;
  rows: CycleDelta[];
  /** Rows that went up, biggest rise first. */
  improved: CycleDelta[];
  /** Rows that went down, biggest fall first. */
  slipped: CycleDelta[];
}

export interface CompareCyclesOptions {
  /** Default 1 percentage point: a one-level change on a single light question is not a trend. */
  flatWithin?: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function deltaOf(
  key: Pick<CycleDelta, 'dimension' | 'id' | 'label'>,
  previous: number | null,
  current: number | null,
  flatWithin: number,
): CycleDelta {
  if (previous === null || current === null) {
    return { ...key, previous, current, delta: null, trend: 'not_comparable' };
  }
  const delta = round1(current - previous);
  const trend: CycleTrend = Math.abs(delta) < flatWithin ? 'flat' : delta > 0 ? 'up' : 'down';
  return { ...key, previous, current, delta, trend };
}

export function compareCycles(
  previous: SafeScoreCard,
  current: SafeScoreCard,
  options: CompareCyclesOptions = {},
): CycleComparison {
  const flatWithin = options.flatWithin ?? 1;
  if (!Number.isFinite(flatWithin) || flatWithin < 0)
    throw AppError.validation([{ path: 'flatWithin', message: 'must be a number of points, 0 or more' }]);

  const overall = deltaOf(
    { dimension: 'overall', id: 'overall', label: null },
    previous.overall.percent,
    current.overall.percent,
    flatWithin,
  );
  const rows: CycleDelta[] = [];
  for (const dimension of SAFE_DIMENSIONS) {
    const before = new Map(previous.dimensions[dimension].map((s) => [s.id, s]));
    const seen = new Set<string>();
    // Current order first (the latest questionnaire's order), then values only the previous cycle had.
    for (const score of current.dimensions[dimension]) {
      seen.add(score.id);
      const old = before.get(score.id);
      rows.push(
        deltaOf(
          { dimension, id: score.id, label: score.label },
          old?.percent ?? null,
          score.percent,
          flatWithin,
        ),
      );
    }
    for (const old of previous.dimensions[dimension]) {
      if (!seen.has(old.id))
        rows.push(deltaOf({ dimension, id: old.id, label: old.label }, old.percent, null, flatWithin));
    }
  }
  // Stable sorts: ties keep dimension and document order.
  const improved = rows.filter((r) => r.trend === 'up').sort((a, b) => (b.delta ?? 0) - (a.delta ?? 0));
  const slipped = rows.filter((r) => r.trend === 'down').sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0));
  return { flatWithin, overall, rows, improved, slipped };
}
