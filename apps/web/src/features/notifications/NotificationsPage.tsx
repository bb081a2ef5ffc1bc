import type { Notification } from '@aeolus/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useSignedIn } from '../../lib/session.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { POLL_SECONDS } from './NotificationBell.js';
import { NotificationItem } from './NotificationItem.js';
import {
  announceNotificationsChanged,
  notificationsApi,
  onNotificationsChanged,
} from './notifications-api.js';
import './notifications.css';

const PAGE_SIZE = 20;
type Filter = 'all' | 'unread';

/** All my notifications in the active organisation, newest first, with mark-read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [filter, setFilter] = useState<Filter>('all');
  const [version, setVersion] = useState(0);
  const key = `${session.activeOrganisationId}|${filter}|${version}`;
  const query = filter === 'unread' ? { unread: 'true' as const } : {};
  const first = useResource((signal) => notificationsApi.list({ ...query, limit: PAGE_SIZE }, signal), key);
  // Older pages, appended below the first; dropped whenever the first page reloads.
  const [older, setOlder] = useState<{ forKey: string; items: Notification[]; nextCursor: string | null }>();
  const action = useAsyncAction();
  const [busy, setBusy] = useState<string | undefined>();

  // Marked read here or in the bell, or new ones arrived: reload.
  useEffect(() => onNotificationsChanged(() => setVersion((v) => v + 1)), []);

  const extra = older?.forKey === key ? older : undefined;
  const items = first.data ? [...first.data.items, ...(extra?.items ?? [])] : undefined;
  const nextCursor = extra ? extra.nextCursor : first.data?.nextCursor;
  const unread = first.data?.unreadCount ?? 0;

  async function mark(run: () => Promise<unknown>, id: string) {
    setBusy(id);
    await action.run(async () => {
      await run();
      announceNotificationsChanged('read');
    });
    setBusy(undefined);
  }

  async function loadOlder() {
    if (!nextCursor) return;
    await action.run(async () => {
      const page = await notificationsApi.list({ ...query, limit: PAGE_SIZE, cursor: nextCursor });
      setOlder({ forKey: key, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    });
  }

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={t('notifications.lead')}
        actions={
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void mark(() => notificationsApi.markAllRead(), 'all')}
            disabled={unread === 0 || busy !== undefined}
            data-testid="notifications-mark-all"
          >
            <Icon name="check" />
            <span>{t('notifications.markAllRead')}</span>
          </button>
        }
      />
      <Panel
        title={unread > 0 ? t('notifications.unreadCount', { count: unread }) : t('notifications.allRead')}
        description={t('notifications.polling', { seconds: POLL_SECONDS })}
        actions={
          <fieldset className="notification-filter">
            <legend className="visually-hidden">{t('notifications.filter.label')}</legend>
            {(['all', 'unread'] as const).map((value) => (
              <button
                key={value}
                type="button"
                className={`btn btn--small ${filter === value ? 'btn--primary' : 'btn--secondary'}`}
                aria-pressed={filter === value}
                onClick={() => setFilter(value)}
                data-testid={`notifications-filter-${value}`}
              >
                {t(`notifications.filter.${value}`)}
              </button>
            ))}
          </fieldset>
        }
      >
        {action.error ? <Alert tone="error" title={action.error} /> : null}
        {first.status === 'error' ? (
          <LoadError title={t('notifications.loadFailed')} error={first.error} />
        ) : null}
        {!items && first.status === 'loading' ? <Loading label={t('common.loading')} /> : null}
        {items && items.length === 0 ? (
          filter === 'unread' ? (
            <EmptyState icon="check" title={t('notifications.emptyUnread')}>
              <p>{t('notifications.emptyUnreadHint')}</p>
            </EmptyState>
          ) : (
            <EmptyState icon="info" title={t('notifications.empty')}>
              <p>{t('notifications.emptyHint')}</p>
            </EmptyState>
          )
        ) : null}
        {items && items.length > 0 ? (
          <ul className="notification-list" data-testid="notifications-list">
            {items.map((n) => (
              <li key={n.id}>
                <NotificationItem
                  notification={n}
                  busy={busy === n.id || busy === 'all'}
                  onMarkRead={() => void mark(() => notificationsApi.markRead(n.id), n.id)}
                />
              </li>
            ))}
          </ul>
        ) : null}
        {nextCursor ? (
          <div>
            <button type="button" className="btn btn--secondary" onClick={() => void loadOlder()}>
              {t('notifications.loadMore')}
            </button>
          </div>
        ) : null}
      </Panel>
    </>
  );
}
