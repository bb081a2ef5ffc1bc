import { roleAllows, type SafeCampaign } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { AggregatesPanel } from './AggregatesPanel.js';
import { ProgressPanel } from './ProgressPanel.js';
import { ResponseStatusBadge } from './SafeParts.js';
import { exportUrl, safeApi } from './safe-api.js';

/** One campaign: the secretariat follows progress and aggregates; an administration reaches its response. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { roles } = useSignedIn();
  const isSecretariat = roleAllows(roles, 'safe-campaigns:manage');
  const data = useResource((signal) => safeApi.campaign(id, signal), id);

  if (data.status === 'error')
    return (
      <>
        <PageHeader title={t('safeAssessment.campaigns.title')} />
        <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
      </>
    );
  if (!data.data) return <Loading label={t('common.loading')} block />;
  const campaign = data.data;
  return (
    <>
      <p>
        <Link to="/safe/monitoring" className="back-link">
          {t('safeAssessment.campaigns.title')}
        </Link>
      </p>
      <PageHeader eyebrow={t('safeAssessment.eyebrow')} title={campaign.name} />
      <div className="grid grid--2 grid--top">
        <CampaignFacts campaign={campaign} />
        {isSecretariat ? null : <MyResponsePanel campaign={campaign} />}
      </div>
      {isSecretariat ? (
        <>
          <ProgressPanel campaignId={campaign.id} />
          <AggregatesPanel campaignId={campaign.id} />
        </>
      ) : null}
    </>
  );
}

function CampaignFacts({ campaign }: { campaign: SafeCampaign }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Panel title={t('safeAssessment.campaign.details')}>
      <dl className="safe-facts" data-testid="safe-campaign-facts">
        <dt>{t('safeAssessment.campaign.period')}</dt>
        <dd>
          {formatDate(campaign.periodStart, language)} – {formatDate(campaign.periodEnd, language)}
        </dd>
        <dt>{t('safeAssessment.campaign.version')}</dt>
        <dd>
          {campaign.questionnaireId} {campaign.questionnaireVersion}
        </dd>
        <dt>{t('safeAssessment.campaign.deadline')}</dt>
        <dd>
          {formatDate(campaign.deadline, language)}
          {campaign.deadlinePassed ? ` · ${t('safeAssessment.status.deadlinePassed')}` : ''}
        </dd>
        <dt>{t('safeAssessment.campaign.submitted')}</dt>
        <dd>
          {t('safeAssessment.campaigns.submittedOf', {
            submitted: campaign.submittedCount,
            invited: campaign.invitedCount,
          })}
        </dd>
        <dt>{t('safeAssessment.campaign.exports')}</dt>
        <dd className="safe-links">
          <a href={exportUrl(campaign.id, 'csv')} download data-testid="safe-export-csv">
            {t('safeAssessment.campaign.exportCsv')}
          </a>
          <a href={exportUrl(campaign.id, 'xlsx')} download data-testid="safe-export-xlsx">
            {t('safeAssessment.campaign.exportXlsx')}
          </a>
        </dd>
      </dl>
    </Panel>
  );
}

function MyResponsePanel({ campaign }: { campaign: SafeCampaign }) {
  const { t } = useTranslation();
  const data = useResource((signal) => safeApi.myResponse(campaign.id, signal), campaign.id);
  const response = data.data;
  const status = response?.status ?? campaign.myResponseStatus;
  const formLink = `/safe/monitoring/campaigns/${campaign.id}/response`;
  return (
    <Panel title={t('safeAssessment.campaign.yourResponse')}>
      {data.status === 'error' ? (
        <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
      ) : !response || !status ? (
        <Loading label={t('common.loading')} />
      ) : (
        <>
          <p>
            <ResponseStatusBadge status={status} />
          </p>
          <div className="form__actions">
            <Link
              to={formLink}
              className={response.editable ? 'btn btn--primary' : 'btn btn--secondary'}
              data-testid="safe-answer"
            >
              {response.editable
                ? status === 'not_started'
                  ? t('safeAssessment.campaign.answer')
                  : t('safeAssessment.campaign.continue')
                : t('safeAssessment.campaign.viewAnswers')}
            </Link>
            {response.id ? (
              <Link
                to={`/safe/monitoring/responses/${response.id}`}
                className="btn btn--secondary"
                data-testid="safe-view-results"
              >
                {t('safeAssessment.campaign.viewResults')}
              </Link>
            ) : null}
          </div>
        </>
      )}
    </Panel>
  );
}
