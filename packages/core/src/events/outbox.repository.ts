import { and, asc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { outboxEvents } from './events.tables.js';

export type OutboxRow = typeof outboxEvents.$inferSelect;

/**
 * The oldest undispatched events. With `lock`, the rows are claimed `FOR UPDATE SKIP LOCKED` for the
 * caller's transaction, so several dispatcher processes share the backlog without taking an event twice.
 */
export async function selectUndispatched(
  db: Db | Tx,
  options: { limit: number; lock: boolean },
): Promise<OutboxRow[]> {
  const query = db
    .select()
    .from(outboxEvents)
    .where(isNull(outboxEvents.dispatchedAt))
    .orderBy(asc(outboxEvents.seq))
    .limit(options.limit);
  return options.lock ? query.for('update', { skipLocked: true }) : query;
}

/** Stamps the events of a dispatch pass in one statement. */
export async function markDispatched(db: Db | Tx, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await db
    .update(outboxEvents)
    .set({
      dispatchedAt: new Date(),
      dispatchAttempts: sql`${outboxEvents.dispatchAttempts} + 1`,
      lastError: null,
    })
    .where(and(inArray(outboxEvents.seq, [...seqs]), isNull(outboxEvents.dispatchedAt)));
}

export async function recordDispatchFailure(db: Db | Tx, seq: number, error: string): Promise<void> {
  await db
    .update(outboxEvents)
    .set({ dispatchAttempts: sql`${outboxEvents.dispatchAttempts} + 1`, lastError: error.slice(0, 2000) })
    .where(eq(outboxEvents.seq, seq));
}

/** Tenant-scoped: only events of `organisationId`, in `seq` (= commit) order. */
export async function listOrganisationEvents(
  db: Db | Tx,
  filter: { organisationId: string; after: number; limit: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.organisationId, filter.organisationId), gt(outboxEvents.seq, filter.after)))
    .orderBy(asc(outboxEvents.seq))
    .limit(filter.limit);
}

export async function findEventsByIds(db: Db | Tx, ids: string[]): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
}

/** The newest `seq` of any tenant (0 for an empty outbox): where a live stream without a cursor starts. */
export async function findLatestSeq(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ seq: max(outboxEvents.seq) }).from(outboxEvents);
  return Number(row?.seq ?? 0);
}
