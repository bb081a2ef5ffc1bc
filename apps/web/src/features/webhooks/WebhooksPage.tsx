import type { CreatedWebhook } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge, CodeBadges } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { IconButton } from '../../components/IconButton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { SecretReveal } from '../../components/SecretReveal.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useCreateFlow } from '../../lib/use-create-flow.js';
import { useResource } from '../../lib/use-resource.js';
import { CreateWebhookForm } from './CreateWebhookForm.js';

/** Webhook subscriptions: events are POSTed to the URL, signed (HMAC-SHA256), retried, then dead-lettered. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSignedIn();
  const webhooks = useResource((signal) => api.listWebhooks(signal), session.activeOrganisationId);
  const flow = useCreateFlow<CreatedWebhook>();

  return (
    <>
      <PageHeader title={t('webhooks.title')} lead={t('webhooks.lead')} />
      <Panel
        title={t('webhooks.subscriptions')}
        description={t('webhooks.signing')}
        actions={
          flow.idle ? (
            <IconButton icon="plus" onClick={flow.start}>
              {t('webhooks.add')}
            </IconButton>
          ) : null
        }
      >
        {flow.created ? (
          <SecretReveal
            testId="webhook-secret"
            title={t('webhooks.secret.title')}
            warning={t('webhooks.secret.warning')}
            usage={t('webhooks.secret.usage')}
            label={t('webhooks.secret.label')}
            value={flow.created.secret}
            doneLabel={t('webhooks.secret.done')}
            onDone={flow.dismiss}
          />
        ) : null}
        {flow.creating ? (
          <CreateWebhookForm
            onCancel={flow.cancel}
            onCreated={(result) => {
              flow.finish(result);
              webhooks.reload();
            }}
          />
        ) : null}
        <AsyncList
          status={webhooks.status}
          error={webhooks.status === 'error' ? webhooks.error : undefined}
          items={webhooks.data?.items}
          loadFailed={t('webhooks.loadFailed')}
          empty={
            <EmptyState icon="send" title={t('webhooks.empty')}>
              <p>{t('webhooks.emptyHint')}</p>
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable
              label={t('webhooks.subscriptions')}
              testId="webhooks-table"
              columns={[
                t('webhooks.columns.endpoint'),
                t('webhooks.columns.events'),
                t('webhooks.columns.status'),
                t('webhooks.columns.created'),
              ]}
              actionsLabel={t('webhooks.columns.actions')}
            >
              {items.map((webhook) => (
                <tr key={webhook.id}>
                  <th scope="row" className="table__primary">
                    <span className="stack">
                      <code className="break">{webhook.url}</code>
                      {webhook.description ? (
                        <span className="muted small">{webhook.description}</span>
                      ) : null}
                    </span>
                  </th>
                  <td>
                    <CodeBadges values={webhook.eventTypes} />
                  </td>
                  <td>
                    {webhook.disabledAt ? (
                      <Badge>{t('webhooks.status.disabled')}</Badge>
                    ) : (
                      <Badge tone="success">{t('webhooks.status.active')}</Badge>
                    )}
                  </td>
                  <td className="nowrap">{formatDate(webhook.createdAt, i18n.language)}</td>
                  <td className="table__actions">
                    <Link className="btn btn--secondary btn--small" to={`/webhooks/${webhook.id}`}>
                      {t('webhooks.open')}
                      <span className="visually-hidden"> {webhook.url}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncList>
      </Panel>
    </>
  );
}
