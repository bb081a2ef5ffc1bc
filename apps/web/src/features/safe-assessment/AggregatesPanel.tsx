import type { SafeGroupAggregate } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.js';
import { SelectField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Panel } from '../../components/Panel.js';
import { useResource } from '../../lib/use-resource.js';
import { DistributionChart } from './SafeCharts.js';
import { safeApi } from './safe-api.js';
import { formatPercent, groupRows, histogramRows } from './safe-view.js';

/**
 * Global and regional aggregates of the submitted responses (issue item 7). A region with fewer members
 * than the minimum group size is listed as withheld, with the reason, and never with figures.
 */
export function AggregatesPanel({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const data = useResource((signal) => safeApi.aggregates(campaignId, signal), campaignId);
  const [selected, setSelected] = useState('global');

  if (data.status === 'error')
    return (
      <Panel title={t('safeAssessment.aggregates.title')}>
        <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
      </Panel>
    );
  if (!data.data)
    return (
      <Panel title={t('safeAssessment.aggregates.title')}>
        <Loading label={t('common.loading')} />
      </Panel>
    );
  const aggregates = data.data;
  const min = aggregates.minGroupSize;
  const rows = groupRows(aggregates);
  const shown = rows.flatMap((r) => (r.kind === 'shown' ? [r.aggregate] : []));
  const groupName = (group: string) =>
    group === 'global'
      ? t('safeAssessment.regions.global')
      : t(`safeAssessment.regions.${group as 'europe'}`);
  const chosen: SafeGroupAggregate | undefined = shown.find((g) => g.group === selected) ?? shown[0];

  return (
    <>
      <Panel
        title={t('safeAssessment.aggregates.title')}
        description={t('safeAssessment.aggregates.lead', { min })}
      >
        {rows.length === 0 ? (
          <p className="muted" data-testid="safe-aggregates-none">
            {t('safeAssessment.aggregates.noneYet', { min })}
          </p>
        ) : (
          <DataTable
            label={t('safeAssessment.aggregates.tableLabel')}
            testId="safe-aggregates"
            columns={[
              t('safeAssessment.aggregates.columns.group'),
              t('safeAssessment.aggregates.columns.members'),
              t('safeAssessment.aggregates.columns.median'),
              t('safeAssessment.aggregates.columns.mean'),
              t('safeAssessment.aggregates.columns.range'),
            ]}
            dense
          >
            {rows.map((row) =>
              row.kind === 'shown' ? (
                <tr key={row.group} data-testid="safe-aggregate-row" data-group={row.group}>
                  <th scope="row">{groupName(row.group)}</th>
                  <td className="safe-num">{row.memberCount}</td>
                  <td className="safe-num">{formatPercent(row.aggregate.overall?.median, language)}</td>
                  <td className="safe-num">{formatPercent(row.aggregate.overall?.mean, language)}</td>
                  <td className="safe-num">
                    {row.aggregate.overall
                      ? `${formatPercent(row.aggregate.overall.q1, language)} – ${formatPercent(row.aggregate.overall.q3, language)}`
                      : '—'}
                  </td>
                </tr>
              ) : (
                <tr key={row.group} data-testid="safe-aggregate-withheld" data-group={row.group}>
                  <th scope="row">{groupName(row.group)}</th>
                  <td colSpan={4}>
                    <strong>{t('safeAssessment.aggregates.withheld')}</strong> —{' '}
                    {t('safeAssessment.aggregates.withheldReason', { min })}
                  </td>
                </tr>
              ),
            )}
          </DataTable>
        )}
      </Panel>
      {chosen ? (
        <Panel
          title={t('safeAssessment.aggregates.distributionTitle', { group: groupName(chosen.group) })}
          description={t('safeAssessment.aggregates.distributionLead')}
          actions={
            <SelectField
              id="safe-distribution-group"
              label={t('safeAssessment.aggregates.group')}
              value={chosen.group}
              onChange={(e) => setSelected(e.target.value)}
            >
              {shown.map((g) => (
                <option key={g.group} value={g.group}>
                  {groupName(g.group)}
                </option>
              ))}
            </SelectField>
          }
        >
          <div className="safe-chart-pair">
            <DistributionChart aggregate={chosen} />
            <DataTable
              label={t('safeAssessment.aggregates.distributionTitle', { group: groupName(chosen.group) })}
              testId="safe-distribution-table"
              columns={[t('safeAssessment.results.columns.name'), '0', '1', '2', '3', '4']}
              dense
            >
              {histogramRows(chosen, language).map((row) => (
                <tr key={row.id}>
                  {/* The standard's label already begins with its number (e.g. "1.4 Risk-management systems"). */}
                  <th scope="row">{row.label}</th>
                  <td className="safe-num">{row.level0}</td>
                  <td className="safe-num">{row.level1}</td>
                  <td className="safe-num">{row.level2}</td>
                  <td className="safe-num">{row.level3}</td>
                  <td className="safe-num">{row.level4}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        </Panel>
      ) : null}
    </>
  );
}
