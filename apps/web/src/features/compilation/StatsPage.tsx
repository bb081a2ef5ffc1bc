import { WCO_REGION_IDS } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '../../components/DataTable.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useResource } from '../../lib/use-resource.js';
import { compilationApi } from './compilation-api.js';

const PROGRAMME_COLOUR = '#0f766e';
const MRA_COLOUR = '#1d4ed8';

/** Statistics as the WCO AEO Compendium reports them, by region and by year, each chart with its table. */
export function StatsPage() {
  const { t } = useTranslation();
  const stats = useResource((signal) => compilationApi.stats(signal), 'stats');
  if (stats.status === 'error')
    return <LoadError title={t('compilation.stats.loadError')} error={stats.error} />;
  if (!stats.data) return <Loading label={t('compilation.stats.loading')} block />;
  const { programmes, mras } = stats.data;
  const programmesLabel = t('compilation.stats.programmes');
  const mrasLabel = t('compilation.stats.mras');

  const byRegion = WCO_REGION_IDS.map((region) => ({
    region: t(`compilation.regions.${region}`),
    programmes: programmes.byRegion[region] ?? 0,
    mras: mras.byRegion[region] ?? 0,
  }));
  const years = [
    ...new Set([...programmes.byLaunchYear.map((y) => y.year), ...mras.bySignedYear.map((y) => y.year)]),
  ].sort();
  const byYear = years.map((year) => ({
    year: String(year),
    launched: programmes.byLaunchYear.find((y) => y.year === year)?.count ?? 0,
    signed: mras.bySignedYear.find((y) => y.year === year)?.count ?? 0,
  }));

  return (
    <>
      <PageHeader title={t('compilation.stats.title')} lead={t('compilation.stats.lead')} />
      <dl className="compilation__figures" data-testid="compilation-figures">
        <div>
          <dt>{programmesLabel}</dt>
          <dd>{programmes.total}</dd>
        </div>
        <div>
          <dt>{mrasLabel}</dt>
          <dd>{mras.total}</dd>
        </div>
        <div>
          <dt>{t('compilation.stats.aeos')}</dt>
          <dd>{programmes.aeoCount}</dd>
        </div>
      </dl>
      <Panel title={t('compilation.stats.byRegion')}>
        <figure
          className="compilation__chart"
          aria-label={t('compilation.stats.byRegion')}
          data-testid="chart-region"
        >
          <ResponsiveContainer width="100%" height={320}>
            <BarChart data={byRegion} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="region" width={150} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar
                isAnimationActive={false}
                dataKey="programmes"
                name={programmesLabel}
                fill={PROGRAMME_COLOUR}
              />
              <Bar isAnimationActive={false} dataKey="mras" name={mrasLabel} fill={MRA_COLOUR} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <DataTable
          label={t('compilation.stats.tableLabel')}
          testId="stats-region-table"
          dense
          columns={[t('compilation.stats.region'), programmesLabel, mrasLabel]}
        >
          {byRegion.map((row) => (
            <tr key={row.region}>
              <td>{row.region}</td>
              <td>{row.programmes}</td>
              <td>{row.mras}</td>
            </tr>
          ))}
        </DataTable>
      </Panel>
      <Panel title={t('compilation.stats.byYear')}>
        <figure
          className="compilation__chart"
          aria-label={t('compilation.stats.byYear')}
          data-testid="chart-year"
        >
          <ResponsiveContainer width="100%" height={300}>
            <BarChart data={byYear} margin={{ left: 0, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                isAnimationActive={false}
                dataKey="launched"
                name={t('compilation.stats.launched')}
                fill={PROGRAMME_COLOUR}
              />
              <Bar
                isAnimationActive={false}
                dataKey="signed"
                name={t('compilation.stats.signed')}
                fill={MRA_COLOUR}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <details>
          <summary>{t('compilation.stats.byYear')}</summary>
          <DataTable
            label={t('compilation.stats.byYear')}
            testId="stats-year-table"
            dense
            columns={[
              t('compilation.stats.year'),
              t('compilation.stats.launched'),
              t('compilation.stats.signed'),
            ]}
          >
            {byYear.map((row) => (
              <tr key={row.year}>
                <td>{row.year}</td>
                <td>{row.launched}</td>
                <td>{row.signed}</td>
              </tr>
            ))}
          </DataTable>
        </details>
      </Panel>
    </>
  );
}
