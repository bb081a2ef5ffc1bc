import type { RuleSetVersionSummary, RuleStatistic } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { defaultVersion, formatPercent, sortRuleStatistics } from './rule-stats.js';

const rule = (ruleId: string, fired: number, hitRatePercent: number | null, seizures = 0): RuleStatistic => ({
  ruleId,
  name: ruleId,
  fired,
  withOutcome: hitRatePercent === null ? 0 : 10,
  noFinding: 0,
  discrepancies: 0,
  seizures,
  hitRatePercent,
  firingRatePercent: fired,
});

describe('rule hit-rate table', () => {
  const rules = [rule('A', 5, null), rule('B', 50, 10, 1), rule('C', 20, 40, 3), rule('D', 0, 0)];

  it('sorts by hit rate with rules without outcomes last: an unknown rate is not a low one', () => {
    expect(sortRuleStatistics(rules, 'hitRate').map((r) => r.ruleId)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('sorts by firing count, seizures and id without changing the input', () => {
    expect(sortRuleStatistics(rules, 'fired').map((r) => r.ruleId)).toEqual(['B', 'C', 'A', 'D']);
    expect(sortRuleStatistics(rules, 'seizures').map((r) => r.ruleId)).toEqual(['C', 'B', 'A', 'D']);
    expect(sortRuleStatistics(rules, 'rule').map((r) => r.ruleId)).toEqual(['A', 'B', 'C', 'D']);
    expect(rules.map((r) => r.ruleId)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('opens on the published version, else the most recently published retired one; never a draft', () => {
    const v = (id: string, status: RuleSetVersionSummary['status'], publishedAt: string | null) =>
      ({ id, status, publishedAt }) as RuleSetVersionSummary;
    expect(defaultVersion([v('d', 'draft', null), v('p', 'published', '2026-01-01')])?.id).toBe('p');
    expect(
      defaultVersion([
        v('old', 'retired', '2025-01-01'),
        v('new', 'retired', '2026-01-01'),
        v('d', 'draft', null),
      ])?.id,
    ).toBe('new');
    expect(defaultVersion([v('d', 'draft', null)])).toBeUndefined();
  });

  it('writes percentages in the reader’s language, and no figure as a dash', () => {
    expect(formatPercent(12.345, 'en')).toBe('12.3 %');
    expect(formatPercent(12.345, 'fr')).toBe('12,3 %');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});
