import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { Badge, CodeBadges } from '../../components/Badge.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { DeliveriesPanel } from './DeliveriesPanel.js';

type Pending = 'disable' | 'delete' | undefined;

export function WebhookDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const webhook = useResource((signal) => api.getWebhook(id, signal), id);
  const [pending, setPending] = useState<Pending>();
  const action = useAsyncAction();

  function confirm() {
    const url = webhook.data?.url;
    if (!pending || url === undefined) return;
    return action.run(async () => {
      if (pending === 'disable') {
        await api.disableWebhook(id);
        notify(t('webhooks.disabled'));
        webhook.reload();
      } else {
        await api.deleteWebhook(id);
        notify(t('webhooks.deleted', { url }));
        navigate('/webhooks');
      }
      setPending(undefined);
    });
  }

  const data = webhook.data;
  return (
    <>
      <p>
        <Link to="/webhooks" className="back-link">
          <Icon name="arrowLeft" size={16} />
          {t('webhooks.back')}
        </Link>
      </p>
      <PageHeader
        eyebrow={t('webhooks.eyebrow')}
        title={data?.description || t('webhooks.untitled')}
        actions={
          data ? (
            <>
              {data.disabledAt ? null : (
                <button type="button" className="btn btn--secondary" onClick={() => setPending('disable')}>
                  {t('webhooks.disable')}
                </button>
              )}
              <button type="button" className="btn btn--danger" onClick={() => setPending('delete')}>
                {t('webhooks.delete')}
              </button>
            </>
          ) : null
        }
      />
      {webhook.status === 'error' ? (
        <LoadError title={t('webhooks.loadFailed')} error={webhook.error} />
      ) : null}
      {webhook.status === 'loading' && !data ? <Loading label={t('common.loading')} block /> : null}
      {data ? (
        <>
          <Panel title={t('webhooks.details')}>
            <dl className="facts facts--columns" data-testid="webhook-details">
              <div className="facts__wide">
                <dt>{t('webhooks.columns.endpoint')}</dt>
                <dd>
                  <code className="break">{data.url}</code>
                </dd>
              </div>
              <div>
                <dt>{t('webhooks.columns.events')}</dt>
                <dd>
                  <CodeBadges values={data.eventTypes} />
                </dd>
              </div>
              <div>
                <dt>{t('webhooks.columns.status')}</dt>
                <dd>
                  {data.disabledAt ? (
                    <Badge>
                      {t('webhooks.status.disabledOn', {
                        date: formatDateTime(data.disabledAt, i18n.language),
                      })}
                    </Badge>
                  ) : (
                    <Badge tone="success">{t('webhooks.status.active')}</Badge>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('webhooks.columns.created')}</dt>
                <dd>{formatDateTime(data.createdAt, i18n.language)}</dd>
              </div>
            </dl>
          </Panel>
          <DeliveriesPanel webhookId={data.id} canRedeliver={!data.disabledAt} />
        </>
      ) : null}
      <ConfirmDialog
        open={pending !== undefined}
        title={pending === 'delete' ? t('webhooks.confirmDelete') : t('webhooks.confirmDisable')}
        confirmLabel={pending === 'delete' ? t('webhooks.delete') : t('webhooks.disable')}
        busy={action.busy}
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
      >
        <p>{pending === 'delete' ? t('webhooks.confirmDeleteBody') : t('webhooks.confirmDisableBody')}</p>
        {action.error ? <Alert tone="error" title={action.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
