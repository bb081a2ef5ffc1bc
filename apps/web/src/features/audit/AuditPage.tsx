import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { PageHeader } from '../../components/PageHeader.js';
import { api, type AuditFilters as Filters } from '../../lib/api.js';
import { dayBoundary } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { AuditFilters, type FilterValues } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

export const PAGE_SIZES = [25, 50, 100] as const;

function readFilters(params: URLSearchParams): FilterValues {
  const size = Number(params.get('limit'));
  return {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    subject: params.get('subject') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    limit: (PAGE_SIZES as readonly number[]).includes(size) ? size : 25,
  };
}

function toQuery(values: FilterValues, before: number | undefined): Filters {
  return {
    actor: values.actor || undefined,
    action: values.action || undefined,
    subject: values.subject || undefined,
    from: values.from ? dayBoundary(values.from, 'start') : undefined,
    to: values.to ? dayBoundary(values.to, 'end') : undefined,
    limit: values.limit,
    before,
  };
}

/**
 * The organisation's audit log, newest first. Filters and the page cursor live in the URL, so a filtered
 * view can be bookmarked or sent to a colleague, and the browser's back button returns to newer pages.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const values = readFilters(params);
  const beforeParam = Number(params.get('before'));
  const before = Number.isInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;
  const query = toQuery(values, before);
  const page = useResource(
    (signal) => api.listAudit(query, signal),
    `${session.activeOrganisationId}|${JSON.stringify(query)}`,
  );

  function apply(next: FilterValues) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== '' && !(key === 'limit' && value === 25)) search.set(key, String(value));
    }
    setParams(search);
  }

  function goOlder(cursor: number) {
    const search = new URLSearchParams(params);
    search.set('before', String(cursor));
    setParams(search);
  }

  function goNewest() {
    const search = new URLSearchParams(params);
    search.delete('before');
    setParams(search);
  }

  const filtered = Boolean(values.actor || values.action || values.subject || values.from || values.to);
  const items = page.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      <AuditFilters key={params.toString()} initial={values} onApply={apply} pageSizes={PAGE_SIZES} />
      <section className="panel" aria-labelledby="audit-results-title" aria-busy={page.status === 'loading'}>
        <div className="panel__header">
          <div>
            <h2 id="audit-results-title" className="panel__title">
              {t('audit.results')}
            </h2>
            <p className="panel__description" role="status" data-testid="audit-count">
              {page.status === 'ready'
                ? t(before ? 'audit.countOlder' : 'audit.count', { count: items.length })
                : ''}
            </p>
          </div>
        </div>
        <div className="panel__body">
          <AsyncList
            status={page.status}
            error={page.status === 'error' ? page.error : undefined}
            items={page.data?.items}
            loadFailed={t('audit.loadFailed')}
            empty={<EmptyState icon="log" title={filtered ? t('audit.emptyFiltered') : t('audit.empty')} />}
          >
            {(entries) => <AuditTable entries={entries} />}
          </AsyncList>
          {page.data && (before || page.data.nextCursor) ? (
            <nav className="pager" aria-label={t('audit.paging')}>
              {before ? (
                <button type="button" className="btn btn--secondary" onClick={goNewest}>
                  <Icon name="arrowLeft" />
                  {t('audit.newest')}
                </button>
              ) : (
                <span />
              )}
              {page.data.nextCursor ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={() => page.data?.nextCursor && goOlder(page.data.nextCursor)}
                >
                  {t('audit.older')}
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
