import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useResource } from '../../lib/use-resource.js';
import { compilationApi } from './compilation-api.js';
import { localised } from './compilation-format.js';

/** One programme: key facts, criteria by the 13 SAFE AEO headings, benefits, MRAs and sources. */
export function ProgrammePage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const programme = useResource((signal) => compilationApi.get(id, signal), id);
  const lang = i18n.language;

  if (programme.status === 'error')
    return (
      <>
        <PageHeader title={t('compilation.detail.loadError')} />
        <LoadError title={t('compilation.detail.loadError')} error={programme.error} />
        <Link to="/compilation">{t('compilation.detail.back')}</Link>
      </>
    );
  if (!programme.data) return <Loading label={t('compilation.list.loading')} block />;
  const p = programme.data;
  const none = t('compilation.detail.none');
  const headings = Object.keys(p.criteria).sort((a, b) => Number(a) - Number(b));

  return (
    <>
      <p>
        <Link to="/compilation">{t('compilation.detail.back')}</Link>
      </p>
      <PageHeader
        eyebrow={`${localised(p.countryName, lang)} · ${p.region ? t(`compilation.regions.${p.region}`) : ''}`}
        title={p.name}
        lead={p.localName ?? undefined}
        actions={p.isLive ? <Badge tone="success">{t('compilation.list.live')}</Badge> : undefined}
      />
      <Panel title={t('compilation.detail.facts')}>
        <dl className="facts facts--columns" data-testid="programme-facts">
          <div>
            <dt>{t('compilation.detail.administration')}</dt>
            <dd>{p.administration}</dd>
          </div>
          <div>
            <dt>{t('compilation.detail.type')}</dt>
            <dd>{t(`compilation.type.${p.type}`)}</dd>
          </div>
          <div>
            <dt>{t('compilation.detail.status')}</dt>
            <dd>{t(`compilation.status.${p.status}`)}</dd>
          </div>
          <div>
            <dt>{t('compilation.detail.launchYear')}</dt>
            <dd>{p.launchYear ?? none}</dd>
          </div>
          <div>
            <dt>{t('compilation.detail.aeoCount')}</dt>
            <dd data-testid="programme-aeo-count">
              {p.aeoCount === null
                ? none
                : p.isLive
                  ? t('compilation.detail.aeoCountLive', { count: p.aeoCount })
                  : p.aeoCount}
            </dd>
          </div>
          <div>
            <dt>{t('compilation.detail.reassessment')}</dt>
            <dd>
              {p.reassessment
                ? t(`compilation.detail.reassessmentKind.${p.reassessment.kind}`, {
                    years: p.reassessment.years ?? '?',
                  })
                : none}
            </dd>
          </div>
          <div className="facts__wide">
            <dt>{t('compilation.detail.roles')}</dt>
            <dd>
              {p.operatorRoles.length
                ? p.operatorRoles.map((r) => t(`compilation.roles.${r}`, { defaultValue: r })).join(', ')
                : none}
            </dd>
          </div>
          {p.website ? (
            <div className="facts__wide">
              <dt>{t('compilation.detail.website')}</dt>
              <dd>
                <a href={p.website} rel="noopener noreferrer">
                  {p.website}
                </a>
              </dd>
            </div>
          ) : null}
          {p.contact ? (
            <div className="facts__wide">
              <dt>{t('compilation.detail.contact')}</dt>
              <dd>{p.contact}</dd>
            </div>
          ) : null}
        </dl>
      </Panel>
      {p.benefits.length ? (
        <Panel title={t('compilation.detail.benefits')}>
          <ul className="compilation__list">
            {p.benefits.map((b) => (
              <li key={b}>{t(`compilation.benefits.${b}`, { defaultValue: b })}</li>
            ))}
          </ul>
        </Panel>
      ) : null}
      <Panel title={t('compilation.detail.mras')}>
        {p.mras.length === 0 ? (
          <p>{t('compilation.detail.noMras')}</p>
        ) : (
          <DataTable
            label={t('compilation.detail.mras')}
            testId="programme-mras"
            dense
            columns={[
              t('compilation.detail.partner'),
              t('compilation.network.status'),
              t('compilation.detail.signed'),
            ]}
          >
            {p.mras.map((m) => (
              <tr key={`${m.arrangementId}-${m.partnerCountry}`}>
                <td>
                  <span className="compilation__code">{m.partnerCountry}</span>{' '}
                  {localised(m.partnerName, lang)}
                </td>
                <td>{t(`compilation.mraStatus.${m.status}`)}</td>
                <td>{m.signedOn ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
      {headings.length ? (
        <Panel title={t('compilation.detail.criteria')}>
          <dl className="facts">
            {headings.map((h) => (
              <div key={h}>
                <dt>{t('compilation.detail.heading', { n: h })}</dt>
                <dd>{localised(p.criteria[h]!, lang)}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      ) : null}
      {p.sources.length ? (
        <Panel title={t('compilation.detail.sources')}>
          <ul className="compilation__list">
            {p.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noopener noreferrer">
                  {s.title}
                </a>{' '}
                — {s.publisher}
              </li>
            ))}
          </ul>
          {p.unverified.length ? (
            <p className="compilation__hint">
              {t('compilation.detail.unverified', { fields: p.unverified.join(', ') })}
            </p>
          ) : null}
        </Panel>
      ) : null}
    </>
  );
}
