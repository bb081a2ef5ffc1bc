import { roleAllows } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { ResponseStatusBadge } from './SafeParts.js';
import { safeApi } from './safe-api.js';

/** The campaigns: all of them for the secretariat, the ones it is invited to for an administration. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { roles } = useSignedIn();
  const isSecretariat = roleAllows(roles, 'safe-campaigns:manage');
  const canPlan = roleAllows(roles, 'safe-plan:read') && !isSecretariat;
  const data = useResource((signal) => safeApi.campaigns(signal), 'campaigns');

  const columns = [
    t('safeAssessment.campaigns.columns.name'),
    t('safeAssessment.campaigns.columns.period'),
    t('safeAssessment.campaigns.columns.deadline'),
    t('safeAssessment.campaigns.columns.status'),
    isSecretariat
      ? t('safeAssessment.campaigns.columns.submitted')
      : t('safeAssessment.campaigns.columns.mine'),
  ];

  return (
    <>
      <PageHeader
        eyebrow={t('safeAssessment.eyebrow')}
        title={t('safeAssessment.campaigns.title')}
        lead={
          isSecretariat
            ? t('safeAssessment.campaigns.leadSecretariat')
            : t('safeAssessment.campaigns.leadAdministration')
        }
        actions={
          isSecretariat ? (
            <>
              <Link
                to="/safe/monitoring/questionnaire-versions"
                className="btn btn--secondary"
                data-testid="safe-questionnaire-versions"
              >
                {t('safeAssessment.versions.link')}
              </Link>
              <Link to="/safe/monitoring/new" className="btn btn--primary" data-testid="safe-open-campaign">
                {t('safeAssessment.campaigns.open')}
              </Link>
            </>
          ) : canPlan ? (
            <Link to="/safe/monitoring/plan" className="btn btn--secondary" data-testid="safe-plan-link">
              {t('safeAssessment.campaigns.plan')}
            </Link>
          ) : null
        }
      />
      <Panel title={t('safeAssessment.campaigns.tableLabel')}>
        {data.status === 'error' ? (
          <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
        ) : !data.data ? (
          <Loading label={t('common.loading')} />
        ) : data.data.items.length === 0 ? (
          <EmptyState
            icon="chart"
            title={
              isSecretariat
                ? t('safeAssessment.campaigns.empty')
                : t('safeAssessment.campaigns.emptyAdministration')
            }
          />
        ) : (
          <DataTable
            label={t('safeAssessment.campaigns.tableLabel')}
            testId="safe-campaigns"
            columns={columns}
          >
            {data.data.items.map((c) => (
              <tr key={c.id} data-testid="safe-campaign-row" data-name={c.name}>
                <td>
                  <Link to={`/safe/monitoring/campaigns/${c.id}`}>{c.name}</Link>
                </td>
                <td>
                  {formatDate(c.periodStart, language)} – {formatDate(c.periodEnd, language)}
                </td>
                <td>{formatDate(c.deadline, language)}</td>
                <td>
                  <Badge tone={c.status === 'open' && !c.deadlinePassed ? 'accent' : 'neutral'}>
                    {c.status === 'open' && c.deadlinePassed
                      ? t('safeAssessment.status.deadlinePassed')
                      : t(`safeAssessment.status.${c.status}`)}
                  </Badge>
                </td>
                <td>
                  {isSecretariat || !c.myResponseStatus ? (
                    t('safeAssessment.campaigns.submittedOf', {
                      submitted: c.submittedCount,
                      invited: c.invitedCount,
                    })
                  ) : (
                    <ResponseStatusBadge status={c.myResponseStatus} />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </>
  );
}
