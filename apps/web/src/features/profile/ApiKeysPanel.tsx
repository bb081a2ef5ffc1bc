import type { ApiKey, CreatedApiKey } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge, type BadgeTone, CodeBadges } from '../../components/Badge.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { IconButton } from '../../components/IconButton.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { SecretReveal } from '../../components/SecretReveal.js';
import { api } from '../../lib/api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useCreateFlow } from '../../lib/use-create-flow.js';
import { useResource } from '../../lib/use-resource.js';
import { CreateApiKeyForm } from './CreateApiKeyForm.js';

type KeyStatus = 'active' | 'revoked' | 'expired';
const STATUS_TONE: Record<KeyStatus, BadgeTone> = {
  active: 'success',
  revoked: 'neutral',
  expired: 'warning',
};

function statusOf(key: ApiKey, now: number): KeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/**
 * API keys for machine clients. The secret is shown once, at creation; afterwards only its public prefix
 * identifies the key. Administrators see (and may revoke) every key of the organisation.
 */
export function ApiKeysPanel() {
  const { t, i18n } = useTranslation();
  const { session } = useSignedIn();
  const { notify } = useNotices();
  const keys = useResource((signal) => api.listApiKeys(signal), session.activeOrganisationId);
  const flow = useCreateFlow<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKey | undefined>();
  const revoke = useAsyncAction();
  const now = Date.now();

  function confirmRevoke() {
    if (!revoking) return;
    return revoke.run(async () => {
      await api.revokeApiKey(revoking.id);
      notify(t('apiKeys.revoked', { name: revoking.name }));
      setRevoking(undefined);
      keys.reload();
    });
  }

  return (
    <Panel
      title={t('apiKeys.title')}
      description={t('apiKeys.description')}
      actions={
        flow.idle ? (
          <IconButton icon="key" onClick={flow.start}>
            {t('apiKeys.create')}
          </IconButton>
        ) : null
      }
    >
      {flow.created ? (
        <SecretReveal
          testId="api-key-secret"
          title={t('apiKeys.secret.title', { name: flow.created.apiKey.name })}
          warning={t('apiKeys.secret.warning')}
          usage={t('apiKeys.secret.usage')}
          label={t('apiKeys.secret.label')}
          value={flow.created.secret}
          doneLabel={t('apiKeys.secret.done')}
          onDone={flow.dismiss}
        />
      ) : null}
      {flow.creating ? (
        <CreateApiKeyForm
          onCancel={flow.cancel}
          onCreated={(result) => {
            flow.finish(result);
            keys.reload();
          }}
        />
      ) : null}
      <AsyncList
        status={keys.status}
        error={keys.status === 'error' ? keys.error : undefined}
        items={keys.data?.items}
        loadFailed={t('apiKeys.loadFailed')}
        empty={
          <EmptyState icon="key" title={t('apiKeys.empty')}>
            <p>{t('apiKeys.emptyHint')}</p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            label={t('apiKeys.title')}
            testId="api-keys-table"
            columns={[
              t('apiKeys.columns.name'),
              t('apiKeys.columns.scopes'),
              t('apiKeys.columns.created'),
              t('apiKeys.columns.lastUsed'),
              t('apiKeys.columns.status'),
            ]}
            actionsLabel={t('apiKeys.columns.actions')}
          >
            {items.map((key) => {
              const status = statusOf(key, now);
              return (
                <tr key={key.id} data-key-name={key.name}>
                  <th scope="row" className="table__primary">
                    <span className="stack">
                      <span>{key.name}</span>
                      <code className="muted">aeo_{key.prefix}_…</code>
                    </span>
                  </th>
                  <td>
                    <CodeBadges values={key.scopes} />
                  </td>
                  <td>
                    <span className="stack">
                      <span>{formatDate(key.createdAt, i18n.language)}</span>
                      {key.createdBy ? <span className="muted small">{key.createdBy}</span> : null}
                    </span>
                  </td>
                  <td>
                    {key.lastUsedAt ? (
                      formatDateTime(key.lastUsedAt, i18n.language)
                    ) : (
                      <span className="muted">{t('apiKeys.neverUsed')}</span>
                    )}
                  </td>
                  <td>
                    <span className="stack">
                      <Badge tone={STATUS_TONE[status]}>{t(`apiKeys.status.${status}`)}</Badge>
                      {status === 'active' && key.expiresAt ? (
                        <span className="muted small">
                          {t('apiKeys.expiresOn', { date: formatDate(key.expiresAt, i18n.language) })}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="table__actions">
                    {status === 'active' ? (
                      <button
                        type="button"
                        className="btn btn--danger btn--small"
                        onClick={() => {
                          revoke.clearError();
                          setRevoking(key);
                        }}
                        aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                      >
                        {t('apiKeys.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </AsyncList>
      <ConfirmDialog
        open={revoking !== undefined}
        title={t('apiKeys.confirmTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.confirmRevoke')}
        busy={revoke.busy}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(undefined)}
      >
        <p>{t('apiKeys.confirmBody')}</p>
        {revoke.error ? <Alert tone="error" title={revoke.error} /> : null}
      </ConfirmDialog>
    </Panel>
  );
}
