import type { BacktestVersionRef, RuleSet, ScreeningPolicySettings } from '@aeolus/contracts';
import { compileRuleSet, demoRuleSet, demoWatchLists, generateConsignments } from '@aeolus/risk-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BacktestReplay, type ReplayRow } from './backtest.replay.js';

/**
 * The backtest's pure half: a version replayed against itself never changes a lane (whatever the policy,
 * the AEO treatment, capacity and the consignments), and a changed rule shows up as the rule that drives the
 * difference, with counts that add up.
 */

const ref = (version: number, status: BacktestVersionRef['status']): BacktestVersionRef => ({
  id: `00000000-0000-4000-8000-00000000000${version}`,
  ruleSetId: 'nl-demo',
  version,
  status,
  name: 'NL demo',
});

const compile = (ruleSet: RuleSet, version: number, status: RuleSet['status']) =>
  compileRuleSet({ ...ruleSet, version, status }, { watchLists: demoWatchLists });

function rows(count: number, seed: number, aeoShare: number): ReplayRow[] {
  return generateConsignments(count, seed).map(({ consignment, facts }, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    reference: `UCR${i}`,
    receivedAt: new Date(Date.UTC(2026, 9, 1) + i * 600_000),
    mode: consignment.modeOfTransport,
    office: consignment.placeOfUnloading ?? null,
    consignment,
    facts,
    aeoFacts: [],
    isAeo: (i * 7919) % 100 < aeoShare * 100,
    randomDraw: ((i * 2654435761) % 1_000_003) / 1_000_003,
    outcome: i % 11 === 0 ? 'discrepancy' : i % 5 === 0 ? 'no_finding' : null,
  }));
}

const policyArb = fc
  .record({
    blue: fc.integer({ min: 0, max: 60 }),
    yellowGap: fc.integer({ min: 0, max: 40 }),
    redGap: fc.integer({ min: 0, max: 80 }),
    random: fc.double({ min: 0, max: 20, noNaN: true }),
    capacity: fc.integer({ min: 0, max: 20 }),
    aeoReduction: fc.integer({ min: 0, max: 50 }),
    aeoShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((p) => ({
    settings: {
      thresholds: { blue: p.blue, yellow: p.blue + p.yellowGap, red: p.blue + p.yellowGap + p.redGap },
      randomSelectionPercent: { green: p.random, blue: p.random, yellow: p.random },
      aeoBenefitCode: 'reduced_examination',
      officeCapacities: [
        { office: 'NLRTM', dailyRedCapacity: p.capacity },
        { office: 'NLAMS', dailyRedCapacity: p.capacity },
      ],
      timeZone: 'Europe/Amsterdam',
    } satisfies ScreeningPolicySettings,
    aeo: { benefitCode: 'reduced_examination', scoreReduction: p.aeoReduction, randomSelectionPercent: 0.5 },
    aeoShare: p.aeoShare,
  }));

describe('backtest replay', () => {
  const published = compile(demoRuleSet, 1, 'published');

  it('shows no change when a version is compared with itself', () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 1_000_000 }), (policy, seed) => {
        const replay = new BacktestReplay(
          { candidate: published, baseline: published },
          { settings: policy.settings, aeo: policy.aeo },
        );
        replay.add(rows(300, seed, policy.aeoShare));
        const s = replay.finish({ candidate: ref(1, 'published'), baseline: ref(1, 'published') });
        expect(s.laneChanged).toBe(0);
        expect(s.referralsChanged).toBe(0);
        expect(s.rules).toEqual([]);
        expect(s.candidate.lanes).toEqual(s.baseline.lanes);
        expect(s.candidate.hits).toEqual(s.baseline.hits);
        for (const cell of s.transitions) if (cell.from !== cell.to) expect(cell.count).toBe(0);
      }),
      { numRuns: 20 },
    );
  });

  it('names the rule that drives the difference, with counts that add up', () => {
    const heavier = {
      ...demoRuleSet,
      rules: demoRuleSet.rules.map((r) => (r.id === 'no-aeo' ? { ...r, weight: 60 } : r)),
    };
    const dropped = { ...demoRuleSet, rules: demoRuleSet.rules.filter((r) => r.id !== 'seal-anomaly') };
    for (const [candidateSet, ruleId, side] of [
      [dropped, 'seal-anomaly', 'baselineOnly'],
      [heavier, null, null],
    ] as const) {
      const candidate = compile(candidateSet, 2, 'draft');
      const replay = new BacktestReplay(
        { candidate, baseline: published },
        {
          settings: {
            thresholds: { blue: 40, yellow: 55, red: 80 },
            randomSelectionPercent: { green: 1, blue: 2, yellow: 5 },
            aeoBenefitCode: null,
            officeCapacities: [],
            timeZone: 'UTC',
          },
          aeo: null,
        },
      );
      const input = rows(2_000, 7, 0);
      replay.add(input.slice(0, 700));
      replay.add(input.slice(700));
      const s = replay.finish({ candidate: ref(2, 'draft'), baseline: ref(1, 'published') });
      expect(replay.count).toBe(2_000);
      expect(s.laneChanged).toBeGreaterThan(0);
      const cells = s.transitions.reduce((n, c) => n + c.count, 0);
      expect(cells).toBe(2_000);
      const moved = s.transitions.filter((c) => c.from !== c.to).reduce((n, c) => n + c.count, 0);
      expect(moved).toBe(s.laneChanged);
      for (const cell of s.transitions) {
        expect(cell.samples.length).toBeLessThanOrEqual(cell.from === cell.to ? 0 : 5);
      }
      if (ruleId && side) {
        expect(s.rules.map((r) => r.ruleId)).toEqual([ruleId]);
        expect(s.rules[0]![side]).toBeGreaterThan(0);
      } else {
        // A weight change fires the same rules: lanes move, no rule fires on one side only.
        expect(s.rules).toEqual([]);
        const higher = s.transitions.filter((c) => c.from !== c.to && c.samples.length > 0);
        for (const cell of higher) {
          for (const sample of cell.samples)
            expect(sample.candidateScore).toBeGreaterThan(sample.baselineScore);
        }
      }
    }
  });
});
