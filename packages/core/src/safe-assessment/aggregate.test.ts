import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  aggregateSafeScores,
  type MemberScoreCard,
  maturityBin,
  type SafeAggregates,
  summarise,
  withhold,
} from './aggregate.js';
import { SAFE_DIMENSIONS } from './gap-actions.js';
import { MINI_ACTIONS, MINI_SAFE } from './safe-assessment.fixtures.js';
import { scoreSafeAssessment } from './scoring.js';

/** A member whose four mini-questionnaire answers are given; q_a drives standard 1.1 and the risk theme. */
function member(
  memberId: string,
  region: string,
  qa: number,
  qd: 'none' | 'partial' | 'full' = 'full',
): MemberScoreCard {
  const { card } = scoreSafeAssessment(
    { q_a: qa, q_b: true, q_c: 4, q_d: qd },
    { definition: MINI_SAFE, actions: MINI_ACTIONS },
  );
  return { memberId, region, card };
}

const cell = (aggregates: SafeAggregates['global'], dimension: 'standard' | 'pillar', id: string) =>
  aggregates?.dimensions[dimension].find((d) => d.id === id)?.distribution;

describe('summary statistics', () => {
  it.each([
    // sorted 10, 20, 30, 40: median (20+30)/2 = 25; q1 at h = 3×0.25 = 0.75 → 10 + 0.75×10 = 17.5;
    // q3 at h = 2.25 → 30 + 0.25×10 = 32.5.
    [[40, 10, 30, 20], { count: 4, mean: 25, median: 25, q1: 17.5, q3: 32.5, min: 10, max: 40 }],
    [[50], { count: 1, mean: 50, median: 50, q1: 50, q3: 50, min: 50, max: 50 }],
    [[0, 100, 100], { count: 3, mean: 66.7, median: 100, q1: 50, q3: 100, min: 0, max: 100 }],
  ])('summarises %j', (values, expected) => {
    expect(summarise(values)).toEqual(expected);
  });

  it.each([
    [0, 0],
    [12.4, 0],
    [12.5, 1],
    [37.4, 1],
    [62.5, 3],
    [87.5, 4],
    [100, 4],
  ])('puts %s percent in maturity bin %s', (percent, bin) => {
    expect(maturityBin(percent)).toBe(bin);
  });
});

describe('withholding small groups', () => {
  it.each([
    ['nothing small', { a: 6, b: 7 }, []],
    ['a small part, already protected by another withheld part', { a: 3, b: 3, c: 9 }, ['a', 'b']],
    ['a small part alone pulls in the smallest other part', { a: 2, b: 6, c: 9 }, ['a', 'b']],
    ['empty parts need no protection', { a: 0, b: 6 }, ['a']],
  ])('%s', (_name, sizes, expected) => {
    expect([...withhold(new Map(Object.entries(sizes)), 5)].sort()).toEqual(expected);
  });
});

describe('aggregating members for the secretariat', () => {
  const europe = ['eu1', 'eu2', 'eu3', 'eu4', 'eu5', 'eu6'].map((id, i) => member(id, 'europe', i % 5));
  const asia = ['ap1', 'ap2', 'ap3', 'ap4', 'ap5'].map((id, i) => member(id, 'asia_pacific', 4 - (i % 5)));
  const mena = ['me1', 'me2'].map((id) => member(id, 'mena', 4));

  it('omits regions under the minimum size, and protects them from being derived from the global figures', () => {
    const result = aggregateSafeScores([...europe, ...asia, ...mena]);
    expect(result.minGroupSize).toBe(5);
    expect(result.memberCount).toBe(13);
    // mena (2) is too small; publishing both other regions would let global − regions reveal it, so the
    // smaller one (asia_pacific, 5) is withheld as well.
    expect(result.withheldRegions).toEqual(['asia_pacific', 'mena']);
    expect(result.regions.map((r) => r.group)).toEqual(['europe']);
    expect(result.global?.memberCount).toBe(13);
  });

  it('publishes every region when none is small, with histograms per standard', () => {
    const result = aggregateSafeScores([...europe, ...asia]);
    expect(result.withheldRegions).toEqual([]);
    const eu = result.regions.find((r) => r.group === 'europe')!;
    // Europe's q_a levels 0,1,2,3,4,0 → standard 1.1 = (3×level/4 + 1)/4: 25, 43.8, 62.5, 81.3, 100, 25.
    expect(cell(eu, 'standard', '1.1')).toEqual({
      count: 6,
      mean: 56.3,
      median: 53.2,
      q1: 29.7,
      q3: 76.6,
      min: 25,
      max: 100,
    });
    expect(eu.histograms.find((h) => h.id === '1.1')?.counts).toEqual([0, 2, 1, 2, 1]);
    expect(cell(result.global, 'pillar', '2')?.count).toBe(11);
  });

  it('refuses everything when fewer members than the minimum responded', () => {
    const result = aggregateSafeScores(europe.slice(0, 4));
    expect(result.global).toBeNull();
    expect(result.regions).toEqual([]);
    expect(result.withheldRegions).toEqual(['europe']);
  });

  it('takes the minimum group size as a parameter', () => {
    const result = aggregateSafeScores([...europe, ...mena], { minGroupSize: 2 });
    expect(result.regions.map((r) => r.group)).toEqual(['europe', 'mena']);
    expect(aggregateSafeScores(europe, { minGroupSize: 7 }).global).toBeNull();
  });

  it.each([
    ['a zero minimum', europe, { minGroupSize: 0 }, 'minGroupSize'],
    ['a fractional minimum', europe, { minGroupSize: 2.5 }, 'minGroupSize'],
    ['a member listed twice', [...europe, europe[0]!], {}, 'members.6.memberId'],
    ['a member without region', [{ ...europe[0]!, region: ' ' }], {}, 'members.0.region'],
  ])('refuses %s, naming the field', (_name, members, options, path) => {
    try {
      aggregateSafeScores(members, options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify((error as AppError).details)).toContain(path);
    }
  });

  it('never publishes a statistic of fewer than the minimum, nor one that leaves a small remainder', () => {
    const regions = ['europe', 'asia_pacific', 'mena', 'americas_caribbean'];
    const population = fc.array(
      fc.record({
        region: fc.constantFrom(...regions),
        qa: fc.integer({ min: 0, max: 4 }),
        qd: fc.option(fc.constantFrom('none' as const, 'partial' as const, 'full' as const), {
          nil: undefined,
        }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(population, fc.integer({ min: 2, max: 6 }), (people, min) => {
        const members = people.map((p, i) => {
          const m = member(`m${i}`, p.region, p.qa, p.qd ?? 'full');
          // Some members leave Pillar 2 unanswered, so cells have different sizes from their groups.
          if (p.qd === undefined)
            m.card = {
              ...m.card,
              dimensions: {
                ...m.card.dimensions,
                pillar: m.card.dimensions.pillar.map((s) => (s.id === '2' ? { ...s, percent: null } : s)),
              },
            };
          return m;
        });
        const result = aggregateSafeScores(members, { minGroupSize: min });
        if (!result.global) {
          expect(members.length).toBeLessThan(min);
          return;
        }
        for (const dimension of SAFE_DIMENSIONS) {
          for (const g of result.global.dimensions[dimension]) {
            const published = result.regions.map(
              (r) => r.dimensions[dimension].find((d) => d.id === g.id)?.distribution?.count ?? 0,
            );
            for (const count of published) expect(count === 0 || count >= min).toBe(true);
            if (!g.distribution) continue;
            expect(g.distribution.count).toBeGreaterThanOrEqual(min);
            const remainder = g.distribution.count - published.reduce((a, b) => a + b, 0);
            expect(remainder === 0 || remainder >= min, `${dimension} ${g.id}: remainder ${remainder}`).toBe(
              true,
            );
            const { q1, median, q3, min: lo, max: hi, mean } = g.distribution;
            expect(lo <= q1 && q1 <= median && median <= q3 && q3 <= hi && lo <= mean && mean <= hi).toBe(
              true,
            );
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
