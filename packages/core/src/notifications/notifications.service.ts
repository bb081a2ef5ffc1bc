import type {
  MarkedNotificationsRead,
  Notification,
  NotificationCount,
  NotificationPage,
  NotificationsQuery,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { nextCursor, parseCursor } from '../shared/page-cursor.js';
import { recordChange } from '../shared/record-change.js';
import { toNotification } from './notifications.mapper.js';
import * as repo from './notifications.repository.js';

/**
 * A person's in-app notifications in the organisation they act for. Writers address a notification
 * to one person, or to every member of an organisation (`notifyOrganisation`: one row per member,
 * written in the writer's transaction). So every query here reads only the caller's own rows, and
 * read state is per person.
 *
 * No permission guards this: every signed-in person may read what is addressed to them, and the
 * tenant wall is the query itself — another organisation's notification, or a colleague's, answers
 * 404 exactly like an id that does not exist. API keys have no inbox (the routes refuse them too).
 */
function recipientOf(actor: Actor): repo.Recipient {
  if (actor.kind !== 'user') {
    throw AppError.forbidden('Notifications are addressed to people: sign in to read them');
  }
  return { organisationId: actor.organisationId, userId: actor.userId };
}

/** Newest first, with the number still unread (across all pages). */
export async function listNotifications(
  ctx: CoreContext,
  actor: Actor,
  query: NotificationsQuery,
): Promise<NotificationPage> {
  const to = recipientOf(actor);
  const before = query.cursor ? parseCursor(query.cursor) : undefined;
  const [rows, counted] = await Promise.all([
    repo.listNotifications(ctx.db, to, {
      unreadOnly: query.unread === 'true',
      before,
      limit: query.limit + 1,
    }),
    repo.countUnread(ctx.db, to),
  ]);
  return {
    items: rows.slice(0, query.limit).map(toNotification),
    nextCursor: nextCursor(rows, query.limit),
    unreadCount: counted.unread,
  };
}

/** The header bell's poll: how many are unread, and when the newest arrived. */
export async function countUnreadNotifications(ctx: CoreContext, actor: Actor): Promise<NotificationCount> {
  const to = recipientOf(actor);
  const counted = await repo.countUnread(ctx.db, to);
  return { unreadCount: counted.unread, latestAt: counted.latestAt?.toISOString() ?? null };
}

/**
 * Marks one notification read. Idempotent: an already read one is returned unchanged. The audit log
 * keeps when the person acknowledged it — for an information request or a suspension, proof that the
 * operator's staff saw the notice is worth having. No outbound event: nobody else acts on it.
 */
export async function markNotificationRead(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<Notification> {
  const to = recipientOf(actor);
  return inTransaction(ctx.db, async (tx) => {
    const marked = await repo.markRead(tx, to, input.id);
    if (marked) {
      await recordChange(tx, actor, {
        action: 'notification.read',
        subjectType: 'notification',
        subjectId: marked.id,
        summary: { after: { type: marked.type }, note: marked.title.en },
        event: false,
      });
      return toNotification(marked);
    }
    const existing = await repo.findNotification(tx, to, input.id);
    if (!existing) throw AppError.notFound('Notification');
    return toNotification(existing);
  });
}

/** Marks every unread notification of the person (in the active organisation) read; one audit entry. */
export async function markAllNotificationsRead(
  ctx: CoreContext,
  actor: Actor,
): Promise<MarkedNotificationsRead> {
  const to = recipientOf(actor);
  return inTransaction(ctx.db, async (tx) => {
    // Organisation-wide notifications not yet delivered are unread too: deliver them first.
    const ids = await repo.markAllRead(tx, to);
    if (ids.length > 0) {
      await recordChange(tx, actor, {
        action: 'notification.read_all',
        subjectType: 'notification',
        subjectId: null,
        summary: { after: { marked: ids.length } },
        event: false,
      });
    }
    return { marked: ids.length };
  });
}

/** Notifies every current member of an organisation, inside the caller's transaction. */
export function notifyOrganisation(tx: Tx, notification: repo.NewNotification): Promise<number> {
  return repo.insertForMembers(tx, notification);
}
