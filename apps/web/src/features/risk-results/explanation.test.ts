import type { FiredRule, ScreeningResult, SelectivityStep } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import {
  drawPercent,
  formatFieldPath,
  formatValue,
  laneReason,
  orderFiredRules,
  scoreBuildUp,
} from './explanation.js';

const threshold: SelectivityStep = { kind: 'threshold', score: 85, lane: 'red', threshold: 80 };
const random = (selected: boolean): SelectivityStep => ({
  kind: 'random_selection',
  draw: 0.012,
  ratePercent: 2,
  selected,
  fromLane: 'blue',
  aeoRate: false,
});
const capacity = (downgraded: boolean): SelectivityStep => ({
  kind: 'capacity',
  office: 'NLRTM',
  day: '2026-11-20',
  capacity: 40,
  used: 40,
  downgraded,
  reason: 'x',
});
const minimum = (raised: boolean): SelectivityStep => ({
  kind: 'rule_minimum',
  lane: 'red',
  ruleIds: ['DNL-LIST'],
  raised,
});

const fired = (ruleId: string, weight: number, extra: Partial<FiredRule> = {}): FiredRule => ({
  ruleId,
  name: ruleId,
  rationale: 'r',
  weight,
  evidence: [],
  ...extra,
});

describe('why a consignment got its lane', () => {
  it('names the step that decided, in the order selectivity overrides itself', () => {
    expect(laneReason([threshold]).kind).toBe('threshold');
    expect(laneReason([threshold, minimum(false)]).kind).toBe('threshold');
    expect(laneReason([threshold, minimum(true)]).kind).toBe('rule_minimum');
    expect(laneReason([threshold, random(false)]).kind).toBe('threshold');
    expect(laneReason([threshold, minimum(true), random(true)]).kind).toBe('random');
    expect(laneReason([threshold, capacity(false)]).kind).toBe('threshold');
    expect(laneReason([threshold, random(true), capacity(true)]).kind).toBe('capacity');
  });

  it('still answers when no step was recorded', () => {
    expect(laneReason([])).toEqual({ kind: 'threshold', step: undefined });
  });
});

describe('score build-up', () => {
  it('lists weighted rules heaviest first, then the AEO reduction, and ends on the score compared', () => {
    const result = {
      score: 50,
      explanation: {
        rawScore: 80,
        evaluation: {
          ruleSetId: 'nl-demo',
          ruleSetVersion: 1,
          score: 80,
          minLane: null,
          referrals: [],
          fired: [fired('A', 15), fired('ZERO', 0), fired('B', 50), fired('C', 15)],
        },
        steps: [
          { kind: 'aeo_reduction', benefitCode: 'reduced_examination', points: 30, aeoIds: ['NLAEOF1'] },
          threshold,
        ],
      },
    } as unknown as ScreeningResult;
    const build = scoreBuildUp(result);
    expect(build.lines.map((l) => l.ruleId)).toEqual(['B', 'A', 'C']);
    expect(build).toMatchObject({ rawScore: 80, aeoReduction: 30, score: 50 });
    expect(build.lines.reduce((sum, l) => sum + l.weight, 0)).toBe(build.rawScore);
  });

  it('has no AEO line when no AEO treatment applied', () => {
    const result = {
      score: 10,
      explanation: {
        rawScore: 10,
        evaluation: { fired: [fired('A', 10)] },
        steps: [threshold],
      },
    } as unknown as ScreeningResult;
    expect(scoreBuildUp(result).aeoReduction).toBeNull();
  });
});

describe('evidence as an officer reads it', () => {
  it('counts list positions from 1 and keeps the data model names', () => {
    expect(formatFieldPath('goodsItems.2.hsCode')).toBe('goodsItems #3 › hsCode');
    expect(formatFieldPath('routingCountries.0')).toBe('routingCountries #1');
    expect(formatFieldPath('consignor.address.country')).toBe('consignor › address › country');
  });

  it('quotes text, joins lists, trims long decimals, and shows nothing as a dash', () => {
    expect(formatValue('930690')).toBe('“930690”');
    expect(formatValue(['IR', 'SY'])).toBe('“IR”, “SY”');
    expect(formatValue(1234.567891)).toBe('1234.5679');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined)).toBe('—');
  });

  it('shows the draw as the percentage compared with the rate', () => {
    expect(drawPercent(0.012)).toBe('1.20');
  });
});

describe('order of fired rules', () => {
  it('puts referrals first (DNL, RFS, RFI), then minimum lanes, then weight, keeping ties in engine order', () => {
    const order = orderFiredRules([
      fired('light', 5),
      fired('heavy', 60),
      fired('rfi', 1, { referral: 'RFI' }),
      fired('red-min', 0, { minLane: 'red' }),
      fired('dnl', 0, { referral: 'DNL' }),
      fired('heavy-too', 60),
    ]).map((f) => f.ruleId);
    expect(order).toEqual(['dnl', 'rfi', 'red-min', 'heavy', 'heavy-too', 'light']);
  });
});
