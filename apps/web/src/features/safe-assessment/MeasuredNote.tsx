import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, type MeasuredFact } from './safe-view.js';

/** A measured fact in words; absent data says so (issue item 6: never invented). */
export function useMeasuredText() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (fact: MeasuredFact): string => {
    const m = fact.measured;
    if (!m) return t('safeAssessment.results.absent');
    switch (m.kind) {
      case 'count':
        return m.trend && m.trend !== 'not_comparable'
          ? t('safeAssessment.results.aeoTrend', {
              count: m.value,
              trend: t(
                `safeAssessment.trend.${m.trend === 'up' ? 'improved' : m.trend === 'down' ? 'slipped' : 'steady'}`,
              ).toLowerCase(),
            })
          : formatNumber(m.value, language);
      case 'byStatus':
        return m.entries.length === 0
          ? '0'
          : m.entries
              .map(
                ([status, n]) =>
                  `${t(`safeAssessment.results.mraStatus.${status}`, { defaultValue: status })}: ${formatNumber(n, language)}`,
              )
              .join(' · ');
      case 'percent':
        return t('safeAssessment.results.ofConsignments', {
          percent: formatPercent(m.value, language),
          total: formatNumber(m.base, language),
        });
      case 'rates':
        return t('safeAssessment.results.rates', {
          aeo: formatPercent(m.aeo, language),
          aeoCount: formatNumber(m.aeoBase, language),
          nonAeo: formatPercent(m.nonAeo, language),
          nonAeoCount: formatNumber(m.nonAeoBase, language),
        });
      default:
        return m satisfies never;
    }
  };
}

/** Beside a declared answer: what the platform itself measures for the same fact. */
export function MeasuredNote({ fact }: { fact: MeasuredFact }) {
  const { t } = useTranslation();
  const text = useMeasuredText();
  return (
    <p className="safe-measured-note small" data-testid="safe-measured-note" data-fact={fact.id}>
      <strong>{t(`safeAssessment.results.facts.${fact.id}`)}</strong> —{' '}
      {fact.measured
        ? t('safeAssessment.form.measuredNote', { value: text(fact) })
        : t('safeAssessment.form.measuredAbsent')}
    </p>
  );
}
