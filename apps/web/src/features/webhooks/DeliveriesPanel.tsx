import type { WebhookDeliveryWithAttempts } from '@aeolus/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { IconButton } from '../../components/IconButton.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { api } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';

type Status = WebhookDeliveryWithAttempts['status'];
const STATUS_TONE: Record<Status, BadgeTone> = { pending: 'info', succeeded: 'success', dead: 'danger' };
const PAGE_SIZE = 25;

/**
 * The delivery log, newest first: each delivery with its attempts. Dead-lettered deliveries (every retry
 * failed) can be queued again once the receiver is fixed.
 */
export function DeliveriesPanel({ webhookId, canRedeliver }: { webhookId: string; canRedeliver: boolean }) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const [status, setStatus] = useState<Status | ''>('');
  const [items, setItems] = useState<WebhookDeliveryWithAttempts[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const [redelivering, setRedelivering] = useState<string | undefined>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-runs the query on refresh
  useEffect(() => {
    const controller = new AbortController();
    setState('loading');
    api
      .listWebhookDeliveries(webhookId, { status: status || undefined, limit: PAGE_SIZE }, controller.signal)
      .then(
        (page) => {
          setItems(page.items);
          setNextCursor(page.nextCursor);
          setState('ready');
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setError(e);
          setState('error');
        },
      );
    return () => controller.abort();
  }, [webhookId, status, version]);

  async function loadMore() {
    if (!nextCursor) return;
    try {
      const page = await api.listWebhookDeliveries(webhookId, {
        status: status || undefined,
        limit: PAGE_SIZE,
        cursor: nextCursor,
      });
      setItems((list) => [...list, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(e);
      setState('error');
    }
  }

  async function redeliver(deliveryId: string) {
    setRedelivering(deliveryId);
    try {
      await api.redeliverWebhookDelivery(webhookId, deliveryId);
      notify(t('webhooks.deliveries.requeued'));
      setVersion((v) => v + 1);
    } catch (e) {
      notify(errorMessage(t, e, i18n.language), 'info');
    } finally {
      setRedelivering(undefined);
    }
  }

  return (
    <Panel
      title={t('webhooks.deliveries.title')}
      description={t('webhooks.deliveries.description')}
      actions={
        <IconButton icon="switch" variant="secondary" onClick={() => setVersion((v) => v + 1)}>
          {t('webhooks.deliveries.refresh')}
        </IconButton>
      }
    >
      <div className="toolbar">
        <SelectField
          id="deliveries-status"
          className="field--short"
          label={t('webhooks.deliveries.filter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
        >
          <option value="">{t('webhooks.deliveries.all')}</option>
          {(['pending', 'succeeded', 'dead'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`webhooks.deliveries.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <AsyncList
        status={state}
        error={error}
        items={items}
        loadFailed={t('webhooks.deliveries.loadFailed')}
        empty={<EmptyState icon="send" title={t('webhooks.deliveries.empty')} />}
      >
        {(loaded) => (
          <DataTable
            label={t('webhooks.deliveries.title')}
            testId="deliveries-table"
            dense
            columns={[
              t('webhooks.deliveries.columns.event'),
              t('webhooks.deliveries.columns.status'),
              t('webhooks.deliveries.columns.attempts'),
              t('webhooks.deliveries.columns.created'),
            ]}
            actionsLabel={t('webhooks.columns.actions')}
          >
            {loaded.map((delivery) => (
              <DeliveryRow
                key={delivery.id}
                delivery={delivery}
                canRedeliver={canRedeliver}
                redelivering={redelivering === delivery.id}
                onRedeliver={() => redeliver(delivery.id)}
              />
            ))}
          </DataTable>
        )}
      </AsyncList>
      {nextCursor ? (
        <div className="pager">
          <span />
          <button type="button" className="btn btn--secondary" onClick={loadMore}>
            {t('webhooks.deliveries.more')}
            <Icon name="chevronDown" />
          </button>
        </div>
      ) : null}
    </Panel>
  );
}

/** One delivery: its event, its status, the attempts so far and, once dead-lettered, a way to retry. */
function DeliveryRow({
  delivery,
  canRedeliver,
  redelivering,
  onRedeliver,
}: {
  delivery: WebhookDeliveryWithAttempts;
  canRedeliver: boolean;
  redelivering: boolean;
  onRedeliver(): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-status={delivery.status}>
      <td>
        <code className="code-chip">{delivery.eventType}</code>
      </td>
      <td>
        <span className="stack">
          <Badge tone={STATUS_TONE[delivery.status]}>
            {t(`webhooks.deliveries.status.${delivery.status}`)}
          </Badge>
          {delivery.status === 'pending' ? (
            <span className="muted small">
              {t('webhooks.deliveries.nextAttempt', {
                time: formatDateTime(delivery.nextAttemptAt, i18n.language),
              })}
            </span>
          ) : null}
        </span>
      </td>
      <td className="attempts">
        {delivery.attemptLog.length === 0 ? (
          <span className="muted">{t('webhooks.deliveries.noAttempts')}</span>
        ) : (
          <details>
            <summary>
              {t('webhooks.deliveries.attemptCount', { count: delivery.attempts })}
              {delivery.lastStatusCode ? ` · HTTP ${delivery.lastStatusCode}` : ''}
            </summary>
            <ol className="attempt-list">
              {delivery.attemptLog.map((attempt) => (
                <li key={attempt.attempt}>
                  <span className="nowrap">
                    #{attempt.attempt} · {formatDateTime(attempt.attemptedAt, i18n.language)} ·
                  </span>{' '}
                  <span className={attempt.error ? 'attempt--failed' : undefined}>
                    {attempt.statusCode ? `HTTP ${attempt.statusCode}` : (attempt.error ?? '')} ·{' '}
                    {attempt.durationMs} ms
                  </span>
                </li>
              ))}
            </ol>
          </details>
        )}
        {delivery.lastError ? <p className="attempt--failed small">{delivery.lastError}</p> : null}
      </td>
      <td className="nowrap">{formatDateTime(delivery.createdAt, i18n.language)}</td>
      <td className="table__actions">
        {delivery.status === 'dead' && canRedeliver ? (
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={redelivering}
            onClick={onRedeliver}
          >
            {t('webhooks.deliveries.redeliver')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
