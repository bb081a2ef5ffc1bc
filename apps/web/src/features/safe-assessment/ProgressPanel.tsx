import type { SafeCampaignProgress } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { TextAreaField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { formatDateTime } from '../../lib/format.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { ResponseStatusBadge } from './SafeParts.js';
import { safeApi } from './safe-api.js';

type ProgressItem = SafeCampaignProgress['items'][number];

/** Who has submitted, who drafts, who has not started; a submitted response can be returned (item 3). */
export function ProgressPanel({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { notify } = useNotices();
  const data = useResource((signal) => safeApi.progress(campaignId, signal), campaignId);
  const [returning, setReturning] = useState<ProgressItem>();
  const [comment, setComment] = useState('');
  const action = useAsyncAction();

  async function confirmReturn() {
    const item = returning;
    if (!item?.responseId || !comment.trim()) return;
    await action.run(async () => {
      await safeApi.returnResponse(item.responseId as string, { comments: [{ text: comment.trim() }] });
      notify(t('safeAssessment.progress.returned', { name: item.organisationName }));
      setReturning(undefined);
      setComment('');
      data.reload();
    });
  }

  const counts = data.data?.counts;
  return (
    <Panel
      title={t('safeAssessment.progress.title')}
      description={
        counts
          ? t('safeAssessment.progress.counts', {
              submitted: counts.submitted ?? 0,
              draft: counts.draft ?? 0,
              returned: counts.returned ?? 0,
              notStarted: counts.not_started ?? 0,
            })
          : t('safeAssessment.progress.lead')
      }
    >
      {data.status === 'error' ? (
        <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
      ) : !data.data ? (
        <Loading label={t('common.loading')} />
      ) : (
        <DataTable
          label={t('safeAssessment.progress.tableLabel')}
          testId="safe-progress"
          columns={[
            t('safeAssessment.progress.columns.administration'),
            t('safeAssessment.progress.columns.region'),
            t('safeAssessment.progress.columns.status'),
            t('safeAssessment.progress.columns.updated'),
          ]}
          actionsLabel={t('safeAssessment.progress.actions')}
          dense
        >
          {data.data.items.map((item) => (
            <tr key={item.organisationId} data-testid="safe-progress-row" data-country={item.countryCode}>
              <td>{item.organisationName}</td>
              <td>{item.region ? t(`safeAssessment.regions.${item.region}`) : '—'}</td>
              <td>
                <ResponseStatusBadge status={item.status} />
              </td>
              <td>{formatDateTime(item.submittedAt ?? item.updatedAt, language) || '—'}</td>
              <td className="table__actions">
                {item.responseId && item.status === 'submitted' ? (
                  <>
                    <Link
                      to={`/safe/monitoring/responses/${item.responseId}`}
                      className="btn btn--link btn--small"
                    >
                      {t('safeAssessment.progress.results')}
                      <span className="visually-hidden"> — {item.organisationName}</span>
                    </Link>
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      data-testid="safe-return"
                      onClick={() => {
                        action.clearError();
                        setReturning(item);
                      }}
                    >
                      {t('safeAssessment.progress.return')}
                      <span className="visually-hidden"> — {item.organisationName}</span>
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ConfirmDialog
        open={returning !== undefined}
        title={t('safeAssessment.progress.returnTitle', { name: returning?.organisationName ?? '' })}
        confirmLabel={t('safeAssessment.progress.returnConfirm')}
        tone="primary"
        busy={action.busy}
        confirmTestId="safe-return-confirm"
        onConfirm={confirmReturn}
        onCancel={() => setReturning(undefined)}
      >
        <p>{t('safeAssessment.progress.returnBody')}</p>
        <TextAreaField
          id="safe-return-comment"
          label={t('safeAssessment.progress.returnComment')}
          error={action.fieldErrors.comments ?? action.error}
          value={comment}
          maxLength={4000}
          onChange={(e) => setComment(e.target.value)}
        />
      </ConfirmDialog>
    </Panel>
  );
}
