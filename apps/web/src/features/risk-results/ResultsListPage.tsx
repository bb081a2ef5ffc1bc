import type { ScreeningResultSummary } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { formatDateTime } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { LaneBadge, OutcomeBadge } from './LaneBadge.js';
import { nextTrail, pageNumber, previousPage, readTrail } from './paging.js';
import { ResultsFilters } from './ResultsFilters.js';
import { resultsApi } from './results-api.js';
import {
  hasActiveFilters,
  type ResultFilterValues,
  readResultFilters,
  toResultsQuery,
  writeResultFilters,
} from './results-filters.js';

/** Rule ids shown in a row before "+N more"; the detail page lists them all. */
const RULES_SHOWN = 3;

/**
 * Screening results of the administration, newest first, with the filters an analyst works by (lane,
 * AEO or not, mode, rule fired, rule-set version, outcome recorded, dates). Filters and the page live
 * in the address.
 */
export function ResultsListPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const values = readResultFilters(params);
  const cursor = params.get('cursor') ?? undefined;
  const trail = readTrail(location.state);
  const query = toResultsQuery(values, cursor);
  const page = useResource(
    (signal) => resultsApi.list(query, signal),
    `${session.activeOrganisationId}|${JSON.stringify(query)}`,
  );

  function apply(next: ResultFilterValues) {
    setParams(writeResultFilters(next));
  }

  function goTo(nextCursor: string | undefined, state: unknown) {
    const search = new URLSearchParams(params);
    if (nextCursor) search.set('cursor', nextCursor);
    else search.delete('cursor');
    setParams(search, { state });
  }

  // Admins read results but not rule sets: the version filter then offers no versions.
  const versions = useResource(
    (signal) => resultsApi.versions(signal).catch(() => []),
    session.activeOrganisationId,
  );
  const previous = previousPage(trail);
  const number = pageNumber(trail, cursor);
  const items = page.data?.items;
  const filtered = hasActiveFilters(values);

  return (
    <>
      <ResultsFilters
        key={`${params.toString()}|${versions.data?.length ?? 0}`}
        initial={values}
        versions={versions.data ?? []}
        onApply={apply}
      />
      <section className="panel" aria-labelledby="risk-results-title" aria-busy={page.status === 'loading'}>
        <div className="panel__header">
          <div>
            <h2 id="risk-results-title" className="panel__title">
              {t('riskResults.list.title')}
            </h2>
            <p className="panel__description">{t('riskResults.list.lead')}</p>
            <p className="panel__description" role="status" data-testid="risk-results-count">
              {page.status === 'ready' && items
                ? number
                  ? t('riskResults.list.countPage', { count: items.length, page: number })
                  : t('riskResults.list.count', { count: items.length })
                : ''}
            </p>
          </div>
        </div>
        <div className="panel__body">
          <AsyncList
            status={page.status}
            error={page.status === 'error' ? page.error : undefined}
            items={items}
            loadFailed={t('riskResults.list.loadFailed')}
            empty={
              <EmptyState
                icon="radar"
                title={filtered ? t('riskResults.list.emptyFiltered') : t('riskResults.list.empty')}
              />
            }
          >
            {(rows) => <ResultsTable rows={rows} />}
          </AsyncList>
          {page.data && (cursor || page.data.nextCursor) ? (
            <nav className="pager" aria-label={t('riskResults.list.paging')}>
              <span className="risk-pager__back">
                {cursor ? (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    data-testid="risk-results-previous"
                    onClick={() =>
                      previous ? goTo(previous.cursor, previous.trail) : goTo(undefined, undefined)
                    }
                  >
                    <Icon name="arrowLeft" />
                    {previous ? t('riskResults.list.previous') : t('riskResults.list.first')}
                  </button>
                ) : null}
              </span>
              {page.data.nextCursor ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  data-testid="risk-results-next"
                  onClick={() =>
                    page.data?.nextCursor && goTo(page.data.nextCursor, nextTrail(trail, cursor))
                  }
                >
                  {t('riskResults.list.next')}
                  <Icon name="arrowRight" />
                </button>
              ) : null}
            </nav>
          ) : null}
        </div>
      </section>
    </>
  );
}

function ResultsTable({ rows }: { rows: readonly ScreeningResultSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      label={t('riskResults.list.tableLabel')}
      testId="risk-results-table"
      dense
      columns={[
        t('riskResults.list.columns.reference'),
        t('riskResults.list.columns.received'),
        t('riskResults.list.columns.mode'),
        t('riskResults.list.columns.lane'),
        t('riskResults.list.columns.score'),
        t('riskResults.list.columns.aeo'),
        t('riskResults.list.columns.rules'),
        t('riskResults.list.columns.version'),
        t('riskResults.list.columns.outcome'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="risk-result-row" data-lane={row.lane} data-aeo={String(row.isAeo)}>
          <th scope="row" className="table__primary">
            <Link to={`/risk/results/${row.id}`} data-testid="risk-result-open" className="risk-reference">
              {row.reference}
            </Link>
            <span className="muted small risk-filer">{row.filerName}</span>
          </th>
          <td className="nowrap">{formatDateTime(row.receivedAt, i18n.language)}</td>
          <td>{t(`riskResults.mode.${row.mode}`)}</td>
          <td>
            <span className="badges">
              <LaneBadge lane={row.lane} />
              {row.referrals.map((r) => (
                <Badge key={r} tone="danger">
                  <abbr title={t(`riskResults.referral.${r}`)}>{r}</abbr>
                </Badge>
              ))}
              {row.randomlySelected ? <Badge tone="accent">{t('riskResults.list.random')}</Badge> : null}
              {row.capacityDowngraded ? (
                <Badge tone="warning">{t('riskResults.list.downgraded')}</Badge>
              ) : null}
            </span>
          </td>
          <td className="risk-number">{row.score}</td>
          <td>{row.isAeo ? t('riskResults.list.aeoYes') : t('riskResults.list.aeoNo')}</td>
          <td>
            <div className="risk-rules-cell">
              {row.firedRuleIds.length === 0 ? (
                <span className="muted">{t('riskResults.list.noRules')}</span>
              ) : (
                <>
                  {row.firedRuleIds.slice(0, RULES_SHOWN).map((id) => (
                    <code key={id} className="code-chip">
                      {id}
                    </code>
                  ))}
                  {row.firedRuleIds.length > RULES_SHOWN ? (
                    <span className="muted small">
                      {t('riskResults.list.moreRules', { count: row.firedRuleIds.length - RULES_SHOWN })}
                    </span>
                  ) : null}
                </>
              )}
            </div>
          </td>
          <td className="nowrap">
            <code>{row.ruleSet.ruleSetId}</code> v{row.ruleSet.version}
          </td>
          <td>
            {row.outcome ? (
              <OutcomeBadge outcome={row.outcome} />
            ) : (
              <span className="muted">{t('riskResults.list.noOutcome')}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
