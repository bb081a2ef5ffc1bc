import type { Lane, RuleEvaluation, ScreeningPolicySettings } from '@aeolus/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCapacity, decideLane, laneForScore, officeDay, randomDraw } from './selectivity.js';

const RANK: Record<Lane, number> = { green: 0, blue: 1, yellow: 2, red: 3 };

const policy = (overrides: Partial<ScreeningPolicySettings> = {}): ScreeningPolicySettings => ({
  thresholds: { blue: 40, yellow: 55, red: 80 },
  randomSelectionPercent: { green: 0, blue: 0, yellow: 0 },
  aeoBenefitCode: 'reduced_examination',
  officeCapacities: [],
  timeZone: 'UTC',
  ...overrides,
});

const evaluation = (score: number, minLane: RuleEvaluation['minLane'] = null): RuleEvaluation => ({
  ruleSetId: 'test',
  ruleSetVersion: 1,
  score,
  minLane,
  referrals: [],
  fired: minLane ? [{ ruleId: 'r', name: 'r', rationale: 'r', weight: score, minLane, evidence: [] }] : [],
});

describe('the seeded random draw', () => {
  it('is the same number for the same consignment, in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (seed, key) => {
        const draw = randomDraw(seed, key);
        expect(randomDraw(seed, key)).toBe(draw);
        expect(draw).toBeGreaterThanOrEqual(0);
        expect(draw).toBeLessThan(1);
      }),
    );
  });

  it('depends on the administration’s secret seed', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `filer|UCR${i}`);
    const a = keys.map((k) => randomDraw('seed-a', k));
    const b = keys.map((k) => randomDraw('seed-b', k));
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('selects each lane at its configured rate (within 4.5 standard deviations)', () => {
    const n = 4_000;
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.constantFrom<Lane>('green', 'blue', 'yellow'),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        (seed, lane, ratePercent) => {
          const score = { green: 0, blue: 40, yellow: 55, red: 80 }[lane];
          const settings = policy({
            randomSelectionPercent: { green: 0, blue: 0, yellow: 0, [lane]: ratePercent },
          });
          let selected = 0;
          for (let i = 0; i < n; i++) {
            const draw = randomDraw(seed, `org|UCR-${i}`);
            const decision = decideLane({ evaluation: evaluation(score), policy: settings, draw, aeo: null });
            if (decision.randomlySelected) {
              expect(decision.lane).toBe('red');
              selected++;
            } else {
              expect(decision.lane).toBe(lane);
            }
          }
          const p = ratePercent / 100;
          const sigma = Math.sqrt(n * p * (1 - p));
          expect(Math.abs(selected - n * p)).toBeLessThanOrEqual(4.5 * sigma + 1);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('decideLane', () => {
  it('never gives a lane below the score’s threshold or a fired rule’s minimum, and applies the AEO reduction exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 400 }),
        fc.constantFrom(null, 'blue', 'yellow', 'red' as const),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (score, minLane, draw, reduction) => {
          const settings = policy({ randomSelectionPercent: { green: 5, blue: 5, yellow: 5 } });
          const aeo =
            reduction === null
              ? null
              : {
                  benefitCode: 'reduced_examination',
                  scoreReduction: reduction,
                  randomSelectionPercent: 0.5,
                  aeoIds: ['X'],
                };
          const decision = decideLane({
            evaluation: evaluation(score, minLane),
            policy: settings,
            draw,
            aeo,
          });
          expect(decision.rawScore).toBe(score);
          expect(decision.score).toBe(score - (reduction ?? 0));
          const floor = laneForScore(decision.score, settings.thresholds).lane;
          expect(RANK[decision.lane]).toBeGreaterThanOrEqual(RANK[floor]);
          if (minLane) expect(RANK[decision.lane]).toBeGreaterThanOrEqual(RANK[minLane]);
          expect(decision.mandatoryRed).toBe(minLane === 'red');
          // AEO consignments are drawn at the benefit's rate, others at the lane's.
          const random = decision.steps.find((s) => s.kind === 'random_selection');
          if (random) expect(random.ratePercent).toBe(aeo ? 0.5 : 5);
          if (decision.randomlySelected) expect(draw * 100).toBeLessThan(aeo ? 0.5 : 5);
        },
      ),
    );
  });

  it.each([
    [39, 'green'],
    [40, 'blue'],
    [54, 'blue'],
    [55, 'yellow'],
    [79, 'yellow'],
    [80, 'red'],
  ] as const)('score %i is %s', (score, lane) => {
    expect(laneForScore(score, policy().thresholds).lane).toBe(lane);
  });
});

describe('applyCapacity', () => {
  const candidate = fc.record({
    lane: fc.constantFrom<Lane>('green', 'yellow', 'red', 'red', 'red'),
    score: fc.integer({ min: 0, max: 300 }),
    office: fc.constantFrom('NLRTM', 'NLAMS', null),
    exempt: fc.constantFrom(null, null, null, 'rule' as const, 'random' as const),
  });

  it('keeps the highest-scoring reds within capacity, never downgrades exempt reds, and counts them all', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 25 }),
        (candidates, capacity, used) => {
          const outcome = applyCapacity({
            candidates,
            capacities: new Map([['NLRTM', capacity]]),
            used: new Map([['NLRTM', used]]),
            day: '2025-06-02',
          });
          const atRtm = candidates
            .map((c, i) => ({ ...c, i }))
            .filter((c) => c.lane === 'red' && c.office === 'NLRTM');
          const exempt = atRtm.filter((c) => c.exempt !== null);
          const ranked = atRtm.filter((c) => c.exempt === null);
          const kept = ranked.filter((c) => !outcome.downgraded.has(c.i));
          const dropped = ranked.filter((c) => outcome.downgraded.has(c.i));
          expect(exempt.every((c) => !outcome.downgraded.has(c.i))).toBe(true);
          expect(kept.length).toBe(Math.min(ranked.length, Math.max(0, capacity - used - exempt.length)));
          if (kept.length > 0 && dropped.length > 0) {
            expect(Math.min(...kept.map((c) => c.score))).toBeGreaterThanOrEqual(
              Math.max(...dropped.map((c) => c.score)),
            );
          }
          expect(outcome.added.get('NLRTM') ?? 0).toBe(exempt.length + kept.length);
          // Only reds at a capped office are touched.
          for (const i of outcome.downgraded)
            expect(candidates[i]).toMatchObject({ lane: 'red', office: 'NLRTM' });
          expect(outcome.steps.size).toBe(atRtm.length);
          for (const c of dropped)
            expect(outcome.steps.get(c.i)).toMatchObject({ downgraded: true, capacity });
        },
      ),
    );
  });
});

describe('officeDay', () => {
  it('counts the day where the office is', () => {
    const lateEvening = new Date('2025-06-02T22:30:00Z');
    expect(officeDay(lateEvening, 'UTC')).toBe('2025-06-02');
    expect(officeDay(lateEvening, 'Europe/Amsterdam')).toBe('2025-06-03');
    expect(officeDay(lateEvening, 'America/New_York')).toBe('2025-06-02');
  });
});
