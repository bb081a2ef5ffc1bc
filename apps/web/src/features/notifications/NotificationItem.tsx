import type { Notification } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../components/Icon.js';
import { formatDateTime } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { localised, notificationTarget } from './notification-link.js';

/**
 * One notification in the reader's language: title (a link when there is something to open), body,
 * time, and — while unread — a dot and a "mark as read" button. Opening the link marks it read too.
 */
export function NotificationItem({
  notification,
  compact = false,
  busy = false,
  onMarkRead,
  onOpen,
}: {
  notification: Notification;
  /** The header bell's short form: no heading, the mark-read button as an icon. */
  compact?: boolean;
  busy?: boolean;
  onMarkRead(): void;
  /** Called when the link is followed (the bell closes itself). */
  onOpen?(): void;
}) {
  const { t, i18n } = useTranslation();
  const { active } = useSignedIn();
  const unread = notification.readAt === null;
  const title = localised(notification.title, i18n.language);
  const body = localised(notification.body, i18n.language);
  const target = notificationTarget(notification.link, active.organisationKind);
  const Title = compact ? 'p' : 'h2';

  return (
    <article
      className={`notification${unread ? ' notification--unread' : ''}${compact ? ' notification--compact' : ''}`}
      data-testid="notification-item"
      data-unread={String(unread)}
      data-type={notification.type}
    >
      <span className="notification__dot" aria-hidden="true" />
      <div className="notification__main">
        <Title className="notification__title">
          {unread ? <span className="visually-hidden">{t('notifications.unread')}: </span> : null}
          {target ? (
            <Link
              to={target}
              onClick={() => {
                if (unread) onMarkRead();
                onOpen?.();
              }}
            >
              {title}
            </Link>
          ) : (
            title
          )}
        </Title>
        {body && body !== title ? <p className="notification__body">{body}</p> : null}
        <p className="notification__meta">
          <time dateTime={notification.createdAt}>
            {formatDateTime(notification.createdAt, i18n.language)}
          </time>
        </p>
      </div>
      {unread ? (
        <button
          type="button"
          className={
            compact ? 'notification__mark notification__mark--icon' : 'btn btn--secondary btn--small'
          }
          onClick={onMarkRead}
          disabled={busy}
          data-testid="notification-mark-read"
        >
          <Icon name="check" size={16} />
          <span className={compact ? 'visually-hidden' : undefined}>
            {t('notifications.markRead')}
            <span className="visually-hidden">: {title}</span>
          </span>
        </button>
      ) : null}
    </article>
  );
}
