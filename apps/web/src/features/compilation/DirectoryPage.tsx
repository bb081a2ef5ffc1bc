import { PROGRAMME_STATUSES, WCO_REGION_IDS } from '@aeolus/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useResource } from '../../lib/use-resource.js';
import { compilationApi, type DirectoryFilters, exportUrl, PAGE_SIZE } from './compilation-api.js';
import { localised } from './compilation-format.js';

const FILTER_KEYS = ['q', 'region', 'country', 'status', 'type'] as const;

/** The public directory: search and filters live in the address, so a filtered view can be shared. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters: DirectoryFilters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, search.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const offset = Number(search.get('offset') ?? 0) || 0;
  const key = `${JSON.stringify(filters)}|${offset}`;
  const list = useResource(
    (signal) => compilationApi.list({ ...filters, offset, limit: PAGE_SIZE }, signal),
    key,
  );
  const [draft, setDraft] = useState<DirectoryFilters>(filters);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const value = draft[k]?.trim();
      if (value) next.set(k, k === 'country' ? value.toUpperCase() : value);
    }
    setSearch(next);
  }

  function page(to: number) {
    const next = new URLSearchParams(search);
    if (to > 0) next.set('offset', String(to));
    else next.delete('offset');
    setSearch(next);
  }

  const set = (k: keyof DirectoryFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <>
      <PageHeader title={t('compilation.title')} lead={t('compilation.lead')} />
      <Panel title={t('compilation.filters.title')}>
        <form className="compilation__filters" onSubmit={apply} data-testid="compilation-filters">
          <TextField
            id="compilation-q"
            label={t('compilation.filters.q')}
            hint={t('compilation.filters.qHint')}
            type="search"
            value={draft.q ?? ''}
            onChange={set('q')}
          />
          <SelectField
            id="compilation-region"
            label={t('compilation.filters.region')}
            value={draft.region ?? ''}
            onChange={set('region')}
          >
            <option value="">{t('compilation.filters.any')}</option>
            {WCO_REGION_IDS.map((r) => (
              <option key={r} value={r}>
                {t(`compilation.regions.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="compilation-country"
            label={t('compilation.filters.country')}
            hint={t('compilation.filters.countryHint')}
            value={draft.country ?? ''}
            onChange={set('country')}
            autoCapitalize="characters"
            maxLength={60}
          />
          <SelectField
            id="compilation-status"
            label={t('compilation.filters.status')}
            value={draft.status ?? ''}
            onChange={set('status')}
          >
            <option value="">{t('compilation.filters.any')}</option>
            {PROGRAMME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`compilation.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="compilation-type"
            label={t('compilation.filters.type')}
            value={draft.type ?? ''}
            onChange={set('type')}
          >
            <option value="">{t('compilation.filters.any')}</option>
            <option value="aeo">{t('compilation.type.aeo')}</option>
            <option value="compliance">{t('compilation.type.compliance')}</option>
          </SelectField>
          <div className="compilation__filter-actions">
            <button type="submit" className="btn btn--primary" data-testid="compilation-apply">
              {t('compilation.filters.apply')}
            </button>
            {Object.keys(filters).length > 0 ? (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  setDraft({});
                  setSearch(new URLSearchParams());
                }}
              >
                {t('compilation.filters.clear')}
              </button>
            ) : null}
          </div>
        </form>
      </Panel>

      <section className="compilation__exports" aria-labelledby="compilation-export-title">
        <h2 id="compilation-export-title" className="compilation__exports-title">
          {t('compilation.export.title')}
        </h2>
        {(['csv', 'xlsx', 'json'] as const).map((format) => (
          <a
            key={format}
            className="btn btn--secondary btn--small"
            href={exportUrl(format, filters)}
            download
            data-testid={`compilation-export-${format}`}
          >
            {t(`compilation.export.${format}`)}
          </a>
        ))}
        <p className="compilation__hint">{t('compilation.export.hint')}</p>
      </section>

      {list.status === 'error' ? (
        <LoadError title={t('compilation.list.loadError')} error={list.error} />
      ) : !list.data ? (
        <Loading label={t('compilation.list.loading')} block />
      ) : list.data.total === 0 ? (
        <EmptyState icon="globe" title={t('compilation.list.empty')} />
      ) : (
        <section aria-labelledby="compilation-results" data-testid="compilation-results">
          <h2 id="compilation-results" className="compilation__count" aria-live="polite">
            {t('compilation.list.count', { count: list.data.total })}
          </h2>
          <DataTable
            label={t('compilation.list.label')}
            testId="compilation-table"
            columns={[
              t('compilation.list.country'),
              t('compilation.list.programme'),
              t('compilation.list.region'),
              t('compilation.list.status'),
              t('compilation.list.launch'),
              t('compilation.list.aeoCount'),
              t('compilation.list.mras'),
            ]}
          >
            {list.data.items.map((p) => (
              <tr key={p.id} data-testid={`programme-row-${p.id}`}>
                <td>
                  <span className="compilation__code">{p.country}</span>{' '}
                  {localised(p.countryName, i18n.language)}
                </td>
                <td>
                  <Link to={`/compilation/programmes/${p.id}`}>{p.name}</Link>{' '}
                  {p.isLive ? (
                    <span title={t('compilation.list.liveHint')}>
                      <Badge tone="success">{t('compilation.list.live')}</Badge>
                    </span>
                  ) : null}
                </td>
                <td>{p.region ? t(`compilation.regions.${p.region}`) : t('compilation.regions.none')}</td>
                <td>{t(`compilation.status.${p.status}`)}</td>
                <td>{p.launchYear ?? t('compilation.list.unknown')}</td>
                <td data-testid={`aeo-count-${p.id}`}>{p.aeoCount ?? t('compilation.list.unknown')}</td>
                <td>{p.mras.length}</td>
              </tr>
            ))}
          </DataTable>
          {list.data.total > PAGE_SIZE ? (
            <nav className="compilation__pager" aria-label={t('compilation.list.label')}>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={offset === 0}
                onClick={() => page(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('compilation.list.previous')}
              </button>
              <span>
                {t('compilation.list.page', {
                  from: offset + 1,
                  to: Math.min(offset + PAGE_SIZE, list.data.total),
                  total: list.data.total,
                })}
              </span>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={offset + PAGE_SIZE >= list.data.total}
                onClick={() => page(offset + PAGE_SIZE)}
              >
                {t('compilation.list.next')}
              </button>
            </nav>
          ) : null}
        </section>
      )}
    </>
  );
}
