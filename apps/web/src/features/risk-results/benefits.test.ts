import type { BenefitGroup, BenefitPair } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import {
  aeoRatio,
  chartRows,
  figureOf,
  readBenefitFilters,
  toBenefitsQuery,
  writeBenefitFilters,
} from './benefits.js';

const group = (over: Partial<BenefitGroup> = {}): BenefitGroup => ({
  consignments: 200,
  red: 4,
  yellow: 10,
  referred: 6,
  randomlySelected: 2,
  examinationRatePercent: 2,
  documentaryRatePercent: 5,
  referralRatePercent: 3,
  outcomes: { recorded: 8, noFinding: 6, discrepancies: 1, seizures: 1, hitRatePercent: 25 },
  timeToDecision: { count: 8, medianHours: 5.25, p90Hours: 20, meanHours: 7 },
  ...over,
});

describe('AEO benefit figures', () => {
  it('gives each figure with the count it rests on', () => {
    expect(figureOf(group(), 'examination')).toEqual({ value: 2, basis: 200 });
    expect(figureOf(group(), 'hitRate')).toEqual({ value: 25, basis: 8 });
    expect(figureOf(group(), 'timeToDecision')).toEqual({ value: 5.25, basis: 8 });
  });

  it('keeps absent data absent: no group, no outcomes, no decision → null, never 0', () => {
    expect(figureOf(null, 'examination')).toEqual({ value: null, basis: 0 });
    const undecided = group({
      outcomes: { recorded: 0, noFinding: 0, discrepancies: 0, seizures: 0, hitRatePercent: null },
      timeToDecision: null,
    });
    expect(figureOf(undecided, 'hitRate').value).toBeNull();
    expect(figureOf(undecided, 'timeToDecision').value).toBeNull();
    const rows = chartRows(
      [{ start: '2026-11-02', aeo: null, nonAeo: group() }] as (BenefitPair & { start: string })[],
      (p) => p.start,
      'examination',
    );
    expect(rows).toEqual([{ key: '2026-11-02', aeo: null, nonAeo: 2, aeoBasis: 0, nonAeoBasis: 200 }]);
  });

  it('divides the AEO figure by the non-AEO one, only when both exist and the divisor is not zero', () => {
    const pair = { aeo: group({ examinationRatePercent: 1 }), nonAeo: group({ examinationRatePercent: 4 }) };
    expect(aeoRatio(pair, 'examination')).toBe(0.25);
    expect(aeoRatio({ aeo: null, nonAeo: group() }, 'examination')).toBeNull();
    expect(aeoRatio({ aeo: group(), nonAeo: group({ referralRatePercent: 0 }) }, 'referral')).toBeNull();
  });

  it('rounds chart values to one decimal', () => {
    const rows = chartRows(
      [{ mode: 'air', aeo: group({ documentaryRatePercent: 3.456 }), nonAeo: null }] as (BenefitPair & {
        mode: string;
      })[],
      (m) => m.mode,
      'documentary',
    );
    expect(rows[0]?.aeo).toBe(3.5);
    expect(rows[0]?.nonAeo).toBeNull();
  });
});

describe('benefit filters in the address', () => {
  it('defaults to weekly periods over the server’s default range, and round-trips', () => {
    const empty = readBenefitFilters(new URLSearchParams('bucket=year&mode=space&from=yesterday'));
    expect(empty).toEqual({ from: '', to: '', bucket: 'week', mode: '' });
    expect(writeBenefitFilters(empty).toString()).toBe('');
    const set = { from: '2026-09-01', to: '2026-11-30', bucket: 'month' as const, mode: 'sea' as const };
    expect(readBenefitFilters(writeBenefitFilters(set))).toEqual(set);
    const query = toBenefitsQuery(set);
    expect(query.bucket).toBe('month');
    expect(query.mode).toBe('sea');
    expect(new Date(query.from as string).getDate()).toBe(1);
    expect(toBenefitsQuery(empty)).toEqual({
      from: undefined,
      to: undefined,
      bucket: 'week',
      mode: undefined,
    });
  });
});
