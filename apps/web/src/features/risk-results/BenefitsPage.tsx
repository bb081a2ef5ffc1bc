import { BENEFIT_BUCKETS, type BenefitPair, type BenefitsReport, TRANSPORT_MODES } from '@aeolus/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Panel } from '../../components/Panel.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { BenefitChart } from './BenefitChart.js';
import {
  aeoRatio,
  type BenefitFilterValues,
  chartRows,
  figureOf,
  METRICS,
  type Metric,
  readBenefitFilters,
  toBenefitsQuery,
  writeBenefitFilters,
} from './benefits.js';
import { resultsApi } from './results-api.js';

/**
 * The AEO benefit measurement (SAFE pillar 2; issue 4 item 8): examination, documentary-check and referral
 * rates and time to decision for AEO and non-AEO consignments, per period and per mode, each figure with
 * the number of consignments it rests on.
 */
export function BenefitsPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const values = readBenefitFilters(params);
  const query = toBenefitsQuery(values);
  const report = useResource(
    (signal) => resultsApi.benefits(query, signal),
    `${session.activeOrganisationId}|${JSON.stringify(query)}`,
  );
  const data = report.data;

  return (
    <>
      <section className="risk-benefits__intro" aria-labelledby="risk-benefits-title">
        <h2 id="risk-benefits-title" className="risk-benefits__title">
          {t('riskResults.benefits.title')}
        </h2>
        <p className="muted">{t('riskResults.benefits.lead')}</p>
      </section>
      <BenefitFilters
        key={params.toString()}
        initial={values}
        onApply={(v) => setParams(writeBenefitFilters(v))}
      />
      {report.status === 'error' ? (
        <LoadError title={t('riskResults.benefits.loadFailed')} error={report.error} />
      ) : null}
      {!data && report.status === 'loading' ? <Loading label={t('common.loading')} block /> : null}
      {data ? <BenefitsReportView report={data} busy={report.status === 'loading'} /> : null}
    </>
  );
}

function BenefitsReportView({ report, busy }: { report: BenefitsReport; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const empty = !report.total.aeo && !report.total.nonAeo;
  const period = (start: string) => formatDate(`${start}T12:00:00Z`, i18n.language);
  const metricTitle = (metric: Metric) => t(`riskResults.benefits.metric.${metric}`);
  return (
    <div className="risk-benefits" aria-busy={busy} data-testid="risk-benefits">
      <p className="muted small" data-testid="risk-benefits-range">
        {t('riskResults.benefits.range', {
          from: formatDateTime(report.from, i18n.language),
          to: formatDateTime(report.to, i18n.language),
          zone: report.timeZone,
          bucket: t(`riskResults.benefits.bucket.${report.bucket}`),
        })}
        {report.mode ? ` · ${t(`riskResults.mode.${report.mode}`)}` : ''}
      </p>
      {empty ? (
        <EmptyState icon="chart" title={t('riskResults.benefits.empty')} />
      ) : (
        <>
          <Panel
            title={t('riskResults.benefits.summaryTitle')}
            description={t('riskResults.benefits.summaryLead')}
          >
            <SummaryTable pair={report.total} />
          </Panel>
          <Panel
            title={t('riskResults.benefits.periodsTitle')}
            description={t('riskResults.benefits.periodsLead')}
          >
            <div className="risk-charts">
              {(['examination', 'documentary', 'referral', 'timeToDecision'] as const).map((metric) => (
                <BenefitChart
                  key={metric}
                  testId={`risk-chart-period-${metric}`}
                  title={metricTitle(metric)}
                  keyLabel={t('riskResults.benefits.period')}
                  unit={metric === 'timeToDecision' ? 'h' : '%'}
                  rows={chartRows(report.periods, (p) => period(p.start), metric)}
                />
              ))}
            </div>
          </Panel>
          {report.modes.length > 0 ? (
            <Panel
              title={t('riskResults.benefits.modesTitle')}
              description={t('riskResults.benefits.modesLead')}
            >
              <div className="risk-charts">
                {(['examination', 'documentary', 'referral', 'timeToDecision'] as const).map((metric) => (
                  <BenefitChart
                    key={metric}
                    testId={`risk-chart-mode-${metric}`}
                    title={metricTitle(metric)}
                    keyLabel={t('riskResults.benefits.modeColumn')}
                    unit={metric === 'timeToDecision' ? 'h' : '%'}
                    rows={chartRows(report.modes, (m) => t(`riskResults.mode.${m.mode}`), metric)}
                  />
                ))}
              </div>
            </Panel>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The whole range, AEO against non-AEO, one metric a row, with the counts each figure rests on. */
function SummaryTable({ pair }: { pair: BenefitPair }) {
  const { t, i18n } = useTranslation();
  const number = (value: number, metric: Metric) =>
    `${value.toLocaleString(i18n.language, { maximumFractionDigits: 1 })} ${metric === 'timeToDecision' ? 'h' : '%'}`;
  const cell = (group: 'aeo' | 'nonAeo', metric: Metric) => {
    const figure = figureOf(pair[group], metric);
    return (
      <td data-testid={`risk-benefit-${group}-${metric}`} data-value={figure.value ?? ''}>
        {figure.value === null ? (
          <span className="muted">{t('riskResults.benefits.absent')}</span>
        ) : (
          <>
            <strong>{number(figure.value, metric)}</strong>{' '}
            <span className="muted small">
              {t(`riskResults.benefits.basisOf.${metric}`, {
                count: figure.basis,
                n: figure.basis.toLocaleString(i18n.language),
              })}
            </span>
          </>
        )}
      </td>
    );
  };
  return (
    <table className="table risk-benefit-summary" data-testid="risk-benefits-summary">
      <caption className="visually-hidden">{t('riskResults.benefits.summaryTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('riskResults.benefits.measure')}</th>
          <th scope="col">
            <span className="risk-key risk-key--aeo" aria-hidden="true" />
            {t('riskResults.benefits.aeo')}
          </th>
          <th scope="col">
            <span className="risk-key risk-key--non-aeo" aria-hidden="true" />
            {t('riskResults.benefits.nonAeo')}
          </th>
          <th scope="col">{t('riskResults.benefits.ratio')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('riskResults.benefits.consignments')}</th>
          <td data-testid="risk-benefit-aeo-consignments">
            {pair.aeo ? (
              pair.aeo.consignments.toLocaleString(i18n.language)
            ) : (
              <span className="muted">{t('riskResults.benefits.absent')}</span>
            )}
          </td>
          <td data-testid="risk-benefit-nonAeo-consignments">
            {pair.nonAeo ? (
              pair.nonAeo.consignments.toLocaleString(i18n.language)
            ) : (
              <span className="muted">{t('riskResults.benefits.absent')}</span>
            )}
          </td>
          <td />
        </tr>
        {METRICS.map((metric) => {
          const ratio = aeoRatio(pair, metric);
          return (
            <tr key={metric}>
              <th scope="row">{t(`riskResults.benefits.metric.${metric}`)}</th>
              {cell('aeo', metric)}
              {cell('nonAeo', metric)}
              <td>
                {ratio === null ? (
                  <span className="muted">—</span>
                ) : (
                  `${ratio.toLocaleString(i18n.language)}×`
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function BenefitFilters({
  initial,
  onApply,
}: {
  initial: BenefitFilterValues;
  onApply(values: BenefitFilterValues): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [rangeError, setRangeError] = useState(false);
  const field = (key: keyof BenefitFilterValues) => ({
    id: `risk-benefits-${key}`,
    'data-testid': `risk-benefits-${key}`,
    label: t(`riskResults.benefits.filters.${key}`),
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const bad = Boolean(values.from && values.to && values.from > values.to);
    setRangeError(bad);
    if (!bad) onApply(values);
  }
  return (
    <search aria-label={t('riskResults.benefits.filters.label')} className="panel">
      <form className="filters" noValidate onSubmit={onSubmit} data-testid="risk-benefits-filters">
        <div className="filters__grid risk-filters__grid">
          <TextField
            {...field('from')}
            type="date"
            hint={t('riskResults.benefits.filters.fromHint')}
            max={values.to || undefined}
          />
          <TextField
            {...field('to')}
            type="date"
            min={values.from || undefined}
            error={rangeError ? t('riskResults.filters.rangeError') : undefined}
          />
          <SelectField {...field('bucket')}>
            {BENEFIT_BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`riskResults.benefits.bucket.${b}`)}
              </option>
            ))}
          </SelectField>
          <SelectField {...field('mode')}>
            <option value="">{t('riskResults.benefits.filters.allModes')}</option>
            {TRANSPORT_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`riskResults.mode.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" data-testid="risk-benefits-apply">
            <Icon name="filter" />
            {t('riskResults.filters.apply')}
          </button>
        </div>
      </form>
    </search>
  );
}
