import type { RuleSetVersionSummary, RuleStatistic } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Panel } from '../../components/Panel.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { resultsApi } from './results-api.js';
import {
  defaultVersion,
  formatPercent,
  STATS_SORTS,
  type StatsSort,
  sortRuleStatistics,
} from './rule-stats.js';

/**
 * Hit-rate statistics per rule of a rule-set version (issue 4 item 6): how often each rule fired, and of the
 * results with an outcome recorded, how often the control found something. A rule that fires often and
 * never finds anything is a candidate for review; a rule without outcomes has no hit rate yet.
 */
export function RuleStatsPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const versions = useResource((signal) => resultsApi.versions(signal), session.activeOrganisationId);
  const list = versions.data ?? [];
  const chosen = list.find((v) => v.id === params.get('version')) ?? defaultVersion(list);
  const sort = (STATS_SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as StatsSort)
    : 'fired';
  const stats = useResource(
    (signal) => (chosen ? resultsApi.ruleStatistics(chosen.id, {}, signal) : Promise.resolve(undefined)),
    `${session.activeOrganisationId}|${chosen?.id ?? ''}`,
  );

  function set(key: string, value: string) {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  }

  const data = stats.data;
  return (
    <>
      {versions.status === 'error' ? (
        <LoadError title={t('riskResults.stats.versionsFailed')} error={versions.error} />
      ) : null}
      <Panel
        title={t('riskResults.stats.title')}
        description={
          <>
            {t('riskResults.stats.lead')}
            {data ? (
              <span className="risk-stats__summary" data-testid="risk-stats-summary">
                {t('riskResults.stats.summary', {
                  screened: data.screened.toLocaleString(i18n.language),
                  withOutcome: data.withOutcome.toLocaleString(i18n.language),
                })}
              </span>
            ) : null}
          </>
        }
      >
        <div className="risk-stats__controls">
          <SelectField
            id="risk-stats-version"
            data-testid="risk-stats-version"
            label={t('riskResults.stats.version')}
            value={chosen?.id ?? ''}
            onChange={(e) => set('version', e.target.value)}
          >
            {list.map((v) => (
              <VersionOption key={v.id} version={v} />
            ))}
          </SelectField>
          <SelectField
            id="risk-stats-sort"
            data-testid="risk-stats-sort"
            label={t('riskResults.stats.sort')}
            value={sort}
            onChange={(e) => set('sort', e.target.value)}
          >
            {STATS_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`riskResults.stats.sortBy.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <AsyncList
          status={versions.status === 'ready' && !chosen ? 'ready' : stats.status}
          error={stats.status === 'error' ? stats.error : undefined}
          items={versions.status === 'ready' && !chosen ? [] : data?.rules}
          loadFailed={t('riskResults.stats.loadFailed')}
          empty={<EmptyState icon="chart" title={t('riskResults.stats.empty')} />}
        >
          {(rules) =>
            chosen ? <StatsTable rules={sortRuleStatistics(rules, sort)} versionId={chosen.id} /> : null
          }
        </AsyncList>
      </Panel>
    </>
  );
}

function VersionOption({ version }: { version: RuleSetVersionSummary }) {
  const { t } = useTranslation();
  return (
    <option value={version.id}>
      {t('riskResults.filters.versionOption', {
        ruleSet: version.ruleSetId,
        version: version.version,
        status: t(`riskResults.versionStatus.${version.status}`),
      })}
    </option>
  );
}

function StatsTable({ rules, versionId }: { rules: readonly RuleStatistic[]; versionId: string }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number | null) => formatPercent(v, i18n.language);
  return (
    <DataTable
      label={t('riskResults.stats.tableTitle')}
      testId="risk-stats-table"
      dense
      columns={[
        t('riskResults.stats.columns.rule'),
        t('riskResults.stats.columns.fired'),
        t('riskResults.stats.columns.firingRate'),
        t('riskResults.stats.columns.withOutcome'),
        t('riskResults.stats.columns.noFinding'),
        t('riskResults.stats.columns.discrepancies'),
        t('riskResults.stats.columns.seizures'),
        t('riskResults.stats.columns.hitRate'),
      ]}
    >
      {rules.map((rule) => (
        <tr key={rule.ruleId} data-testid="risk-stats-row" data-rule-id={rule.ruleId}>
          <th scope="row" className="table__primary">
            <span className="stack">
              <span>{rule.name}</span>
              <code className="muted small">{rule.ruleId}</code>
            </span>
          </th>
          <td className="risk-number">
            {rule.fired > 0 ? (
              <Link to={`/risk/results?${new URLSearchParams({ rule: rule.ruleId, version: versionId })}`}>
                {rule.fired.toLocaleString(i18n.language)}
                <span className="visually-hidden">
                  {' '}
                  {t('riskResults.stats.openResults', { count: rule.fired, rule: rule.name })}
                </span>
              </Link>
            ) : (
              0
            )}
          </td>
          <td className="risk-number">{pct(rule.firingRatePercent)}</td>
          <td className="risk-number">{rule.withOutcome.toLocaleString(i18n.language)}</td>
          <td className="risk-number">{rule.noFinding.toLocaleString(i18n.language)}</td>
          <td className="risk-number">{rule.discrepancies.toLocaleString(i18n.language)}</td>
          <td className="risk-number">{rule.seizures.toLocaleString(i18n.language)}</td>
          <td className="risk-number" data-testid="risk-stats-hit-rate">
            {rule.hitRatePercent === null ? (
              <span className="muted">{t('riskResults.stats.noOutcomes')}</span>
            ) : (
              <strong>{pct(rule.hitRatePercent)}</strong>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
