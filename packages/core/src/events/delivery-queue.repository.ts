import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import {
  outboxEvents,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookSubscriptions,
} from './events.tables.js';
import type { OutboxRow } from './outbox.repository.js';

export interface ClaimOptions {
  /** How many deliveries to take at most (the worker's free slots). */
  limit: number;
  /** At most this many deliveries of one subscription in flight, across all workers. */
  perSubscription: number;
  leaseMs: number;
}

/**
 * Claims due deliveries by setting a lease (`leased_until`). A worker that dies holding a lease simply
 * lets it expire and another worker takes the delivery again (at-least-once). The per-subscription cap
 * keeps a slow or dead receiver from filling every slot, so it never holds up other subscriptions.
 * `FOR UPDATE SKIP LOCKED` lets concurrent workers claim disjoint sets without waiting on each other.
 */
export async function claimDueDeliveries(db: Db, options: ClaimOptions): Promise<string[]> {
  if (options.limit <= 0) return [];
  const result = await db.execute(sql`
    with inflight as (
      select subscription_id, count(*) as n
      from webhook_deliveries
      where status = 'pending' and leased_until > now()
      group by subscription_id
    ), due as (
      select id, subscription_id, next_attempt_at
      from webhook_deliveries
      where status = 'pending' and next_attempt_at <= now()
        and (leased_until is null or leased_until <= now())
      order by next_attempt_at
      limit ${Math.max(options.limit * 10, 100)}
    ), ranked as (
      select due.id, due.next_attempt_at,
        row_number() over (partition by due.subscription_id order by due.next_attempt_at, due.id)
          + coalesce(inflight.n, 0) as slot
      from due left join inflight on inflight.subscription_id = due.subscription_id
    ), picked as (
      select d.id from webhook_deliveries d
      where d.id in (
        select id from ranked where slot <= ${options.perSubscription}
        order by next_attempt_at limit ${options.limit}
      )
      for update of d skip locked
    )
    update webhook_deliveries w
    set leased_until = now() + ${options.leaseMs} * interval '1 millisecond'
    from picked
    where w.id = picked.id and w.status = 'pending' and (w.leased_until is null or w.leased_until <= now())
    returning w.id
  `);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  subscriptionId: string;
  url: string;
  secretEncrypted: string;
  disabledAt: Date | null;
  /** Null when the event is no longer in the outbox. */
  event: OutboxRow | null;
}

export async function loadClaimedDeliveries(db: Db, ids: string[]): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      subscriptionId: webhookDeliveries.subscriptionId,
      url: webhookSubscriptions.url,
      secretEncrypted: webhookSubscriptions.secretEncrypted,
      disabledAt: webhookSubscriptions.disabledAt,
      event: outboxEvents,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .leftJoin(outboxEvents, eq(outboxEvents.id, webhookDeliveries.eventId))
    .where(inArray(webhookDeliveries.id, ids));
}

export interface AttemptOutcome {
  deliveryId: string;
  /** `attempts` as claimed: the update applies only if no one else recorded an attempt meanwhile. */
  claimedAttempts: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** What the delivery becomes; `retryInMs` is used when it stays pending. */
  next: { status: 'succeeded' } | { status: 'dead' } | { status: 'pending'; retryInMs: number };
  /** Whether this round actually contacted the receiver (false: refused before sending, no log row). */
  logAttempt: boolean;
}

/** Logs the attempt and moves the delivery on, in one transaction. */
export async function completeAttempt(db: Db, outcome: AttemptOutcome): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (outcome.logAttempt) {
      await tx.insert(webhookDeliveryAttempts).values({
        deliveryId: outcome.deliveryId,
        attempt: sql`(select count(*) + 1 from ${webhookDeliveryAttempts} where ${webhookDeliveryAttempts.deliveryId} = ${outcome.deliveryId})`,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 1000) ?? null,
        durationMs: Math.round(outcome.durationMs),
      });
    }
    const { next } = outcome;
    const finished = next.status !== 'pending';
    await tx
      .update(webhookDeliveries)
      .set({
        status: next.status,
        attempts: outcome.logAttempt ? outcome.claimedAttempts + 1 : outcome.claimedAttempts,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 1000) ?? null,
        leasedUntil: null,
        nextAttemptAt:
          next.status === 'pending'
            ? sql`now() + ${Math.round(next.retryInMs)} * interval '1 millisecond'`
            : sql`${webhookDeliveries.nextAttemptAt}`,
        completedAt: finished ? new Date() : null,
      })
      .where(
        and(
          eq(webhookDeliveries.id, outcome.deliveryId),
          eq(webhookDeliveries.status, 'pending'),
          eq(webhookDeliveries.attempts, outcome.claimedAttempts),
        ),
      );
  });
}
