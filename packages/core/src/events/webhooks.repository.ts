import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { webhookDeliveries, webhookDeliveryAttempts, webhookSubscriptions } from './events.tables.js';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type NewSubscriptionRow = typeof webhookSubscriptions.$inferInsert;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewDeliveryRow = typeof webhookDeliveries.$inferInsert;
export type AttemptRow = typeof webhookDeliveryAttempts.$inferSelect;

// Every query that takes an id also takes the organisation: a tenant can never reach another's rows,
// whatever id it guesses.

export async function insertSubscription(tx: Tx, row: NewSubscriptionRow): Promise<SubscriptionRow> {
  const [created] = await tx.insert(webhookSubscriptions).values(row).returning();
  return created!;
}

export async function listSubscriptions(db: Db | Tx, organisationId: string): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.organisationId, organisationId))
    .orderBy(desc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
}

export async function findSubscription(
  db: Db | Tx,
  organisationId: string,
  id: string,
): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.organisationId, organisationId), eq(webhookSubscriptions.id, id)));
  return row;
}

export async function disableSubscription(
  tx: Tx,
  organisationId: string,
  id: string,
): Promise<SubscriptionRow | undefined> {
  const [row] = await tx
    .update(webhookSubscriptions)
    .set({ disabledAt: new Date() })
    .where(
      and(
        eq(webhookSubscriptions.organisationId, organisationId),
        eq(webhookSubscriptions.id, id),
        isNull(webhookSubscriptions.disabledAt),
      ),
    )
    .returning();
  return row;
}

/** Deletes the subscription; its deliveries and their attempts go with it (ON DELETE CASCADE). */
export async function deleteSubscription(tx: Tx, organisationId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.organisationId, organisationId), eq(webhookSubscriptions.id, id)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

/** Active subscriptions of these organisations (the dispatcher matches their event types in memory). */
export async function listActiveSubscriptionsOf(
  db: Db | Tx,
  organisationIds: string[],
): Promise<SubscriptionRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(webhookSubscriptions)
    .where(
      and(
        inArray(webhookSubscriptions.organisationId, organisationIds),
        isNull(webhookSubscriptions.disabledAt),
      ),
    );
}

/** Idempotent: a re-dispatched event does not create a second delivery for the same subscription. */
export async function insertDeliveries(db: Db | Tx, rows: NewDeliveryRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const created = await db
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing({ target: [webhookDeliveries.subscriptionId, webhookDeliveries.eventId] })
    .returning({ id: webhookDeliveries.id });
  return created.length;
}

/** Dead-letters what is still pending for a subscription that was disabled. */
export async function killPendingDeliveries(tx: Tx, subscriptionId: string, reason: string): Promise<number> {
  const rows = await tx
    .update(webhookDeliveries)
    .set({ status: 'dead', lastError: reason, leasedUntil: null, completedAt: new Date() })
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.status, 'pending')))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

export interface DeliveryFilter {
  organisationId: string;
  subscriptionId: string;
  status?: DeliveryRow['status'];
  /** Keyset cursor: deliveries strictly older than this (createdAt, id). */
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** Newest first. */
export async function listDeliveries(db: Db | Tx, filter: DeliveryFilter): Promise<DeliveryRow[]> {
  const conditions = [
    eq(webhookDeliveries.organisationId, filter.organisationId),
    eq(webhookDeliveries.subscriptionId, filter.subscriptionId),
  ];
  if (filter.status) conditions.push(eq(webhookDeliveries.status, filter.status));
  if (filter.before) {
    const { createdAt, id } = filter.before;
    conditions.push(
      or(
        lt(webhookDeliveries.createdAt, createdAt),
        and(eq(webhookDeliveries.createdAt, createdAt), lt(webhookDeliveries.id, id)),
      )!,
    );
  }
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit);
}

export async function listAttempts(db: Db | Tx, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookDeliveryAttempts)
    .where(inArray(webhookDeliveryAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookDeliveryAttempts.attempt));
}

export async function findDelivery(
  db: Db | Tx,
  filter: { organisationId: string; subscriptionId: string; id: string },
): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.organisationId, filter.organisationId),
        eq(webhookDeliveries.subscriptionId, filter.subscriptionId),
        eq(webhookDeliveries.id, filter.id),
      ),
    );
  return row;
}

/** Puts a dead delivery back in the queue for a fresh round of attempts (its attempt log is kept). */
export async function requeueDeadDelivery(tx: Tx, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: sql`now()`,
      leasedUntil: null,
      completedAt: null,
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'dead')))
    .returning();
  return row;
}
