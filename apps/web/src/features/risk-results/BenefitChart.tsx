import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './benefits.js';

/** Blue and orange: told apart with every common colour-vision deficiency; the legend names them too. */
export const AEO_COLOUR = '#1d5fa8';
export const NON_AEO_COLOUR = '#b45309';

/**
 * AEO vs non-AEO side by side, one pair of bars per period or mode. A missing group leaves a gap, not a
 * zero bar. The chart is a picture for sighted readers; the same figures follow in a table (WCAG 1.1.1).
 */
export function BenefitChart({
  title,
  rows,
  unit,
  keyLabel,
  testId,
}: {
  title: string;
  /** Heads the first column of the figures table: period or mode. */
  keyLabel: string;
  rows: readonly ChartRow[];
  /** `%` for rates, `h` for hours. */
  unit: '%' | 'h';
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const format = (value: unknown) =>
    typeof value === 'number'
      ? `${value.toLocaleString(i18n.language)} ${unit}`
      : t('riskResults.benefits.absent');
  const aeoName = t('riskResults.benefits.aeo');
  const nonAeoName = t('riskResults.benefits.nonAeo');
  return (
    <figure className="risk-chart" data-testid={testId}>
      <figcaption className="risk-chart__title">{title}</figcaption>
      <div
        className="risk-chart__plot"
        role="img"
        aria-label={t('riskResults.benefits.chartLabel', { title })}
      >
        <ResponsiveContainer width="100%" height={260}>
          <BarChart
            data={[...rows]}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#dde3ea" />
            <XAxis dataKey="key" tick={{ fontSize: 12, fill: '#3d4a5c' }} interval="preserveStartEnd" />
            <YAxis
              tick={{ fontSize: 12, fill: '#3d4a5c' }}
              width={48}
              tickFormatter={(v: number) => `${v}${unit === '%' ? '%' : ''}`}
            />
            <Tooltip formatter={format} />
            <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
            <Bar dataKey="aeo" name={aeoName} fill={AEO_COLOUR} isAnimationActive={false} />
            <Bar dataKey="nonAeo" name={nonAeoName} fill={NON_AEO_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="risk-chart__figures">
        <summary>{t('riskResults.benefits.showFigures')}</summary>
        <FiguresTable title={title} keyLabel={keyLabel} rows={rows} format={format} />
      </details>
    </figure>
  );
}

function FiguresTable({
  title,
  keyLabel,
  rows,
  format,
}: {
  title: string;
  keyLabel: string;
  rows: readonly ChartRow[];
  format(value: unknown): string;
}) {
  const { t, i18n } = useTranslation();
  const cell = (value: number | null, basis: number) =>
    value === null ? (
      <span className="muted">{t('riskResults.benefits.absent')}</span>
    ) : (
      <>
        {format(value)}{' '}
        <span className="muted small">
          {t('riskResults.benefits.basis', { count: basis, n: basis.toLocaleString(i18n.language) })}
        </span>
      </>
    );
  return (
    <table className="table table--dense">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">{t('riskResults.benefits.aeo')}</th>
          <th scope="col">{t('riskResults.benefits.nonAeo')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.key}</th>
            <td>{cell(row.aeo, row.aeoBasis)}</td>
            <td>{cell(row.nonAeo, row.nonAeoBasis)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
