import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Dropdown } from '../../components/Dropdown.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useDisclosure } from '../../components/use-disclosure.js';
import { useSignedIn } from '../../lib/session.js';
import { useLiveCheck } from '../../lib/use-live-check.js';
import { useResource } from '../../lib/use-resource.js';
import { NotificationItem } from './NotificationItem.js';
import {
  announceNotificationsChanged,
  notificationsApi,
  onNotificationsChanged,
} from './notifications-api.js';
import './notifications.css';

/**
 * How often the bell asks for the unread count. The server's event stream carries the acting
 * organisation's events, not the notifications written for another organisation (an operator is
 * notified by the administration's action), so the bell polls one small, indexed count instead —
 * only while the tab is visible, and at once when the window regains focus.
 */
export const POLL_SECONDS = 15;

function BellIcon() {
  return (
    <svg
      className="icon"
      width={20}
      height={20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header bell: the unread count, and the latest notifications in a short list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const disclosure = useDisclosure<HTMLDivElement>();
  const count = useLiveCheck(
    (signal) => notificationsApi.unreadCount(signal),
    session.activeOrganisationId,
    POLL_SECONDS * 1000,
  );
  const { checkAgain } = count;
  useEffect(() => onNotificationsChanged((change) => change === 'read' && checkAgain()), [checkAgain]);
  useEffect(() => {
    window.addEventListener('focus', checkAgain);
    return () => window.removeEventListener('focus', checkAgain);
  }, [checkAgain]);

  // Something new arrived: an open notifications page reloads too.
  const latestAt = count.data?.latestAt;
  const seen = useRef(latestAt);
  useEffect(() => {
    if (seen.current !== undefined && latestAt !== seen.current) announceNotificationsChanged('arrived');
    seen.current = latestAt;
  }, [latestAt]);

  const unread = count.data?.unreadCount ?? 0;
  return (
    <Dropdown
      disclosure={disclosure}
      block="notification-bell"
      panelId="notification-bell-panel"
      align="right"
      testId="notification-bell"
      button={
        <>
          <BellIcon />
          <span
            className="notification-bell__count"
            data-testid="notification-count"
            data-count={unread}
            hidden={unread === 0}
            aria-hidden="true"
          >
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden">
            {unread > 0 ? t('notifications.bell.unread', { count: unread }) : t('notifications.bell.none')}
          </span>
        </>
      }
    >
      {disclosure.open ? (
        <Recent
          reloadKey={`${session.activeOrganisationId}|${latestAt ?? ''}|${unread}`}
          unread={unread}
          onNavigate={() => disclosure.close()}
        />
      ) : null}
    </Dropdown>
  );
}

const RECENT = 5;

function Recent({
  reloadKey,
  unread,
  onNavigate,
}: {
  reloadKey: string;
  unread: number;
  onNavigate(): void;
}) {
  const { t } = useTranslation();
  const recent = useResource((signal) => notificationsApi.list({ limit: RECENT }, signal), reloadKey);
  const [busy, setBusy] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);

  async function mark(action: () => Promise<unknown>, key: string) {
    setBusy(key);
    setFailed(false);
    try {
      await action();
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
      announceNotificationsChanged('read');
    }
  }

  const items = recent.data?.items;
  return (
    <div className="notification-bell__panel" data-testid="notification-panel">
      <div className="dropdown__identity notification-bell__head">
        <span className="dropdown__item-title">{t('notifications.title')}</span>
        <span className="dropdown__item-meta">
          {unread > 0 ? t('notifications.unreadCount', { count: unread }) : t('notifications.allRead')}
        </span>
      </div>
      {recent.status === 'error' ? (
        <LoadError title={t('notifications.loadFailed')} error={recent.error} />
      ) : null}
      {!items && recent.status === 'loading' ? <Loading label={t('common.loading')} /> : null}
      {failed ? (
        <p className="notification-bell__error" role="alert">
          {t('notifications.markFailed')}
        </p>
      ) : null}
      {items && items.length === 0 ? (
        <p className="notification-bell__empty">{t('notifications.empty')}</p>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="notification-list notification-list--compact">
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem
                notification={n}
                compact
                busy={busy === n.id}
                onMarkRead={() => void mark(() => notificationsApi.markRead(n.id), n.id)}
                onOpen={onNavigate}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="notification-bell__actions">
        <button
          type="button"
          className="btn btn--link"
          onClick={() => void mark(() => notificationsApi.markAllRead(), 'all')}
          disabled={unread === 0 || busy !== undefined}
          data-testid="notification-mark-all"
        >
          {t('notifications.markAllRead')}
        </button>
        <Link to="/notifications" className="btn btn--secondary btn--small" onClick={onNavigate}>
          {t('notifications.seeAll')}
        </Link>
      </div>
    </div>
  );
}
