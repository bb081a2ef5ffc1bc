import type { RuleSetVersionSummary, RuleStatistic } from '@aeolus/contracts';

/** View logic of the rule hit-rate table: which version to show first, and the orders an analyst sorts by. */

export const STATS_SORTS = ['fired', 'hitRate', 'seizures', 'rule'] as const;
export type StatsSort = (typeof STATS_SORTS)[number];

/** The published version (the one deciding today), else the newest that decided anything. */
export function defaultVersion(
  versions: readonly RuleSetVersionSummary[],
): RuleSetVersionSummary | undefined {
  const decided = versions.filter((v) => v.status !== 'draft');
  return (
    decided.find((v) => v.status === 'published') ??
    [...decided].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0]
  );
}

/**
 * Sorted copy. By hit rate, rules without outcomes (no rate yet) go last, whatever the direction: an
 * unknown rate is not a low one.
 */
export function sortRuleStatistics(rules: readonly RuleStatistic[], sort: StatsSort): RuleStatistic[] {
  const byId = (a: RuleStatistic, b: RuleStatistic) => a.ruleId.localeCompare(b.ruleId);
  const copy = [...rules];
  switch (sort) {
    case 'fired':
      return copy.sort((a, b) => b.fired - a.fired || byId(a, b));
    case 'seizures':
      return copy.sort((a, b) => b.seizures - a.seizures || b.fired - a.fired || byId(a, b));
    case 'rule':
      return copy.sort(byId);
    case 'hitRate':
      return copy.sort((a, b) => {
        if (a.hitRatePercent === null || b.hitRatePercent === null) {
          return (a.hitRatePercent === null ? 1 : 0) - (b.hitRatePercent === null ? 1 : 0) || byId(a, b);
        }
        return b.hitRatePercent - a.hitRatePercent || b.withOutcome - a.withOutcome || byId(a, b);
      });
    default:
      return sort satisfies never;
  }
}

/** A percentage to one decimal in the reader's language; "—" when there is no figure. */
export function formatPercent(value: number | null, language: string): string {
  if (value === null) return '—';
  return `${value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 })} %`;
}
