import {
  BENEFIT_BUCKETS,
  type BenefitBucket,
  type BenefitGroup,
  type BenefitPair,
  type BenefitsReport,
  TRANSPORT_MODES,
  type TransportMode,
} from '@aeolus/contracts';
import { dayBoundary } from '../../lib/format.js';

/**
 * The AEO benefit measurement as the dashboard shows it (SAFE pillar 2: fewer examinations for AEOs). A
 * group with no consignments is absent (`null`) and stays absent: a chart leaves a gap and a table says
 * "no consignments", never 0 %, because 0 % would read as "never examined".
 */

export const METRICS = ['examination', 'documentary', 'referral', 'hitRate', 'timeToDecision'] as const;
export type Metric = (typeof METRICS)[number];

/** A metric's value for one group, and the number it rests on; null when the group or figure is absent. */
export interface Figure {
  value: number | null;
  /** Consignments (rates), recorded outcomes (hit rate) or decided consignments (time to decision). */
  basis: number;
}

export function figureOf(group: BenefitGroup | null, metric: Metric): Figure {
  if (!group) return { value: null, basis: 0 };
  switch (metric) {
    case 'examination':
      return { value: group.examinationRatePercent, basis: group.consignments };
    case 'documentary':
      return { value: group.documentaryRatePercent, basis: group.consignments };
    case 'referral':
      return { value: group.referralRatePercent, basis: group.consignments };
    case 'hitRate':
      return { value: group.outcomes.hitRatePercent, basis: group.outcomes.recorded };
    case 'timeToDecision':
      return { value: group.timeToDecision?.medianHours ?? null, basis: group.timeToDecision?.count ?? 0 };
    default:
      return metric satisfies never;
  }
}

/** One chart row: a period or mode, with the AEO and non-AEO figures side by side (null leaves a gap). */
export interface ChartRow {
  key: string;
  aeo: number | null;
  nonAeo: number | null;
  aeoBasis: number;
  nonAeoBasis: number;
}

export function chartRows<T extends BenefitPair>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  metric: Metric,
) {
  return rows.map((row): ChartRow => {
    const aeo = figureOf(row.aeo, metric);
    const nonAeo = figureOf(row.nonAeo, metric);
    return {
      key: keyOf(row),
      aeo: round(aeo.value),
      nonAeo: round(nonAeo.value),
      aeoBasis: aeo.basis,
      nonAeoBasis: nonAeo.basis,
    };
  });
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * The headline: how often an AEO consignment meets the metric compared with a non-AEO one (0.4 → "0.4×").
 * Absent when either side is absent or the non-AEO figure is zero (no ratio to speak of).
 */
export function aeoRatio(pair: BenefitPair, metric: Metric): number | null {
  const aeo = figureOf(pair.aeo, metric).value;
  const nonAeo = figureOf(pair.nonAeo, metric).value;
  if (aeo === null || nonAeo === null || nonAeo === 0) return null;
  return Math.round((aeo / nonAeo) * 100) / 100;
}

export interface BenefitFilterValues {
  /** Calendar days `YYYY-MM-DD`; empty: the server's default (the 90 days up to now). */
  from: string;
  to: string;
  bucket: BenefitBucket;
  mode: '' | TransportMode;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readBenefitFilters(params: URLSearchParams): BenefitFilterValues {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const bucket = params.get('bucket') ?? '';
  const mode = params.get('mode') ?? '';
  return {
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    bucket: (BENEFIT_BUCKETS as readonly string[]).includes(bucket) ? (bucket as BenefitBucket) : 'week',
    mode: (TRANSPORT_MODES as readonly string[]).includes(mode) ? (mode as TransportMode) : '',
  };
}

export function writeBenefitFilters(values: BenefitFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  if (values.from) search.set('from', values.from);
  if (values.to) search.set('to', values.to);
  if (values.bucket !== 'week') search.set('bucket', values.bucket);
  if (values.mode) search.set('mode', values.mode);
  return search;
}

export function toBenefitsQuery(values: BenefitFilterValues): Record<string, string | undefined> {
  return {
    from: values.from ? dayBoundary(values.from, 'start') : undefined,
    to: values.to ? dayBoundary(values.to, 'end') : undefined,
    bucket: values.bucket,
    mode: values.mode || undefined,
  };
}

/** Every group's consignments in the report, to say how much the figures rest on. */
export function totalConsignments(report: Pick<BenefitsReport, 'total'>): { aeo: number; nonAeo: number } {
  return { aeo: report.total.aeo?.consignments ?? 0, nonAeo: report.total.nonAeo?.consignments ?? 0 };
}
