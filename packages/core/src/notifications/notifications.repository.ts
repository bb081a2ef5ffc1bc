import { and, desc, eq, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { notifications } from './notifications.tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** The one person whose notifications these are, in the organisation they act for. */
export interface Recipient {
  organisationId: string;
  userId: string;
}

export interface NewNotification {
  organisationId: string;
  type: string;
  title: { en: string; fr: string };
  body: { en: string; fr: string };
  link?: string | null;
  eventId?: string | null;
}

/**
 * Addresses a notification to every current member of an organisation: one row each, so read state is
 * per person. Runs inside the writer's transaction, so the notice commits with the change it reports.
 */
export async function insertForMembers(tx: Tx, n: NewNotification): Promise<number> {
  const result = await tx.execute(sql`
    insert into notifications (organisation_id, user_id, type, title, body, link, event_id)
    select distinct ${n.organisationId}::uuid, m.user_id, ${n.type}, ${JSON.stringify(n.title)}::jsonb,
           ${JSON.stringify(n.body)}::jsonb, ${n.link ?? null}, ${n.eventId ?? null}::uuid
      from memberships m
     where m.organisation_id = ${n.organisationId}
    returning id
  `);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

const mine = (to: Recipient) =>
  and(eq(notifications.organisationId, to.organisationId), eq(notifications.userId, to.userId));

export interface NotificationFilter {
  unreadOnly: boolean;
  /** Keyset cursor: notifications strictly older than this (createdAt, id). */
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** Newest first. */
export async function listNotifications(
  db: Db | Tx,
  to: Recipient,
  filter: NotificationFilter,
): Promise<NotificationRow[]> {
  const conditions = [mine(to)];
  if (filter.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (filter.before) {
    const { createdAt, id } = filter.before;
    conditions.push(
      or(
        lt(notifications.createdAt, createdAt),
        and(eq(notifications.createdAt, createdAt), lt(notifications.id, id)),
      ),
    );
  }
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(filter.limit);
}

export async function countUnread(
  db: Db | Tx,
  to: Recipient,
): Promise<{ unread: number; latestAt: Date | null }> {
  const [row] = await db
    .select({
      unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
      latestAt: max(notifications.createdAt),
    })
    .from(notifications)
    .where(mine(to));
  return { unread: row?.unread ?? 0, latestAt: row?.latestAt ?? null };
}

export async function findNotification(
  db: Db | Tx,
  to: Recipient,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(mine(to), eq(notifications.id, id)));
  return row;
}

/** Marks one unread notification read; undefined when it was already read (or is not the recipient's). */
export async function markRead(tx: Tx, to: Recipient, id: string): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(to), eq(notifications.id, id), isNull(notifications.readAt)))
    .returning();
  return row;
}

export async function markAllRead(tx: Tx, to: Recipient): Promise<string[]> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(to), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}
