import type { Organisation } from '@aeolus/contracts';
import { roleAllows } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { api } from '../../lib/api.js';
import { countryName, formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { MembersPanel } from './MembersPanel.js';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { session, roles } = useSignedIn();
  const organisation = useResource((signal) => api.currentOrganisation(signal), session.activeOrganisationId);

  return (
    <>
      <PageHeader
        title={organisation.data?.name ?? t('nav.areas.organisation')}
        eyebrow={t('nav.areas.organisation')}
        lead={t('organisation.lead')}
      />
      {organisation.status === 'error' ? (
        <LoadError title={t('organisation.loadFailed')} error={organisation.error} />
      ) : null}
      {organisation.data ? (
        <OrganisationDetails organisation={organisation.data} />
      ) : organisation.status === 'loading' ? (
        <Loading label={t('common.loading')} block />
      ) : null}
      {organisation.data && roleAllows(roles, 'users:read') ? (
        <MembersPanel
          organisation={organisation.data}
          canManage={roleAllows(roles, 'users:manage')}
          key={session.activeOrganisationId}
        />
      ) : null}
    </>
  );
}

function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <Panel title={t('organisation.details')}>
      <dl className="facts facts--columns" data-testid="organisation-details">
        <div>
          <dt>{t('organisation.fields.name')}</dt>
          <dd>{organisation.name}</dd>
        </div>
        <div>
          <dt>{t('organisation.fields.legalName')}</dt>
          <dd>{organisation.legalName ?? none}</dd>
        </div>
        <div>
          <dt>{t('organisation.fields.kind')}</dt>
          <dd>{t(`organisationKinds.${organisation.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('organisation.fields.country')}</dt>
          <dd>{organisation.country ? countryName(organisation.country, i18n.language) : none}</dd>
        </div>
        {organisation.kind === 'economic_operator' ? (
          <>
            <div>
              <dt>{t('organisation.fields.identifiers')}</dt>
              <dd>
                {organisation.identifiers.length === 0
                  ? none
                  : organisation.identifiers.map((id) => (
                      <span key={`${id.scheme}:${id.value}`} className="identifier">
                        <span className="identifier__scheme">{id.scheme}</span>
                        <code>{id.value}</code>
                      </span>
                    ))}
              </dd>
            </div>
            <div>
              <dt>{t('organisation.fields.size')}</dt>
              <dd>{organisation.isSme ? t('organisation.sme') : t('organisation.notSme')}</dd>
            </div>
            <div className="facts__wide">
              <dt>{t('organisation.fields.supplyChainRoles')}</dt>
              <dd className="badges">
                {organisation.supplyChainRoles.length === 0
                  ? none
                  : organisation.supplyChainRoles.map((role) => (
                      <Badge key={role}>{t(`supplyChainRoles.${role}`)}</Badge>
                    ))}
              </dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('organisation.fields.createdAt')}</dt>
          <dd>{formatDate(organisation.createdAt, i18n.language)}</dd>
        </div>
      </dl>
    </Panel>
  );
}
