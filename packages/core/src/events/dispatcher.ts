import type { DomainEvent } from '@aeolus/contracts';
import type { Database, Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { type EventLogger, errorMessage, silentLogger } from './event-logger.js';
import { matchesAny } from './event-type.js';
import { toDomainEvent } from './events.mapper.js';
import {
  markDispatched,
  type OutboxRow,
  recordDispatchFailure,
  selectUndispatched,
} from './outbox.repository.js';
import { listenForOutbox, type OutboxListener } from './outbox-listener.js';
import type { SubscriberRegistry } from './subscribers.js';
import {
  insertDeliveries,
  listActiveSubscriptionsOf,
  type NewDeliveryRow,
  type SubscriptionRow,
} from './webhooks.repository.js';

/** Somewhere dispatched events are also published (NATS JetStream); must resolve only once stored. */
export interface EventPublisher {
  publish(event: DomainEvent): Promise<unknown>;
}

export interface DispatcherOptions {
  database: Database;
  subscribers: SubscriberRegistry;
  publisher?: EventPublisher;
  logger?: EventLogger;
  /** Fallback polling interval (config.events.pollMs); NOTIFY normally wakes the dispatcher first. */
  pollMs: number;
  batchSize?: number;
  /** A subscriber that takes longer is logged as failed and no longer waited for (default 10 s). */
  subscriberTimeoutMs?: number;
  /** Called for every outbox notification (the server forwards it to its SSE feed). */
  onNotify?: () => void;
  /** Called after a batch was committed (the server wakes the webhook worker when deliveries > 0). */
  onBatch?: (result: { events: number; deliveries: number }) => void;
}

interface BatchResult {
  events: number;
  deliveries: number;
  /** The batch stopped at an event it could not dispatch; back off before trying again. */
  blocked: boolean;
}

/**
 * Delivers outbox events at least once, in `seq` order: to in-process subscribers, as webhook
 * deliveries (queued for the webhook worker) and to NATS JetStream when configured; then stamps
 * `dispatched_at`. On PostgreSQL a batch is claimed `FOR UPDATE SKIP LOCKED` in a transaction, so
 * several server processes can run dispatchers side by side without handing out an event twice. PGlite
 * is single-process (the data-directory lock) and single-connection: there the batch is read without a
 * lock and each event is stamped in its own short transaction, so that subscribers may use the database.
 */
export class OutboxDispatcher {
  readonly #options: DispatcherOptions & {
    logger: EventLogger;
    batchSize: number;
    subscriberTimeoutMs: number;
  };
  #listener: OutboxListener | undefined;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = false;
  #failures = 0;

  constructor(options: DispatcherOptions) {
    this.#options = { logger: silentLogger, batchSize: 500, subscriberTimeoutMs: 10_000, ...options };
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#listener = await listenForOutbox(
      this.#options.database,
      () => {
        this.#options.onNotify?.();
        this.wake();
      },
      this.#options.logger,
    );
    this.wake();
  }

  /** Schedules a pass now (coalesced: many notifications during a pass cause one more pass). */
  wake(): void {
    if (!this.#running || this.#pending) return;
    this.#pending = true;
    clearTimeout(this.#timer);
    void this.dispatchPending().then((result) => {
      if (!this.#running) return;
      this.#failures = result.blocked ? this.#failures + 1 : 0;
      // After a failure (NATS or the database away) back off exponentially instead of hammering.
      const delay = Math.min(30_000, this.#options.pollMs * 2 ** Math.min(this.#failures, 10));
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.wake(), delay);
    });
  }

  /**
   * Dispatches everything undispatched now and resolves when done (or blocked). Passes never overlap:
   * a call made during a pass runs after it.
   */
  dispatchPending(): Promise<BatchResult> {
    const run = this.#queue.then(async () => {
      this.#pending = false;
      const total: BatchResult = { events: 0, deliveries: 0, blocked: false };
      for (;;) {
        const batch = await this.#runBatch();
        total.events += batch.events;
        total.deliveries += batch.deliveries;
        if (batch.events > 0) this.#options.onBatch?.(batch);
        if (batch.blocked) total.blocked = true;
        if (batch.blocked || batch.events < this.#options.batchSize) return total;
      }
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Stops listening and polling, and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#listener?.close();
    this.#listener = undefined;
    await this.#queue;
  }

  async #runBatch(): Promise<BatchResult> {
    const { database, batchSize, logger } = this.#options;
    try {
      if (database.kind === 'postgres') {
        return await database.db.transaction(async (tx) => {
          const rows = await selectUndispatched(tx, { limit: batchSize, lock: true });
          return this.#dispatchRows(tx, rows);
        });
      }
      const rows = await selectUndispatched(database.db, { limit: batchSize, lock: false });
      return await this.#dispatchRows(database.db, rows);
    } catch (error) {
      logger.error({ err: error }, `outbox dispatch failed: ${errorMessage(error)}`);
      return { events: 0, deliveries: 0, blocked: true };
    }
  }

  /**
   * Delivers a batch in `seq` order, then stamps what was delivered and queues its webhook deliveries in
   * one short transaction (two statements per batch, not per event). Should the process stop before the
   * stamp, the batch is delivered again: delivery is at least once, and subscribers, webhooks and
   * JetStream (by message id) recognise an event by its id.
   */
  async #dispatchRows(db: Db | Tx, rows: OutboxRow[]): Promise<BatchResult> {
    const result: BatchResult = { events: 0, deliveries: 0, blocked: false };
    if (rows.length === 0) return result;
    const organisationIds = [...new Set(rows.map((r) => r.organisationId).filter((id) => id !== null))];
    const subscriptions = await listActiveSubscriptionsOf(db, organisationIds);
    const delivered: number[] = [];
    const deliveries: NewDeliveryRow[] = [];
    let failure: { seq: number; message: string } | undefined;
    const events = rows.map(toDomainEvent);
    // Published first, the whole batch at once: the client writes them together and JetStream answers a
    // connection's messages in order, so a batch costs about one round trip instead of one per event. The
    // answers are read in order; at the first failure the pass stops there (see `published`).
    const publisher = this.#options.publisher;
    const acks = publisher ? events.map((event) => published(publisher, event)) : undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const event = events[i]!;
      if (acks) {
        // When NATS is away nothing else has happened to this event yet, so the retry does not call the
        // in-process subscribers again and again. The order of events is kept by stopping here.
        const error = await acks[i];
        if (error !== undefined) {
          const message = `NATS publish failed: ${errorMessage(error)}`;
          this.#options.logger.warn({ err: error, eventId: event.id, seq: row.seq }, message);
          failure = { seq: row.seq, message };
          // The later ones are let finish (each has its timeout) so that no publication of this pass
          // overlaps the next pass's.
          await Promise.all(acks);
          break;
        }
      }
      await this.#options.subscribers.publish(event, {
        logger: this.#options.logger,
        timeoutMs: this.#options.subscriberTimeoutMs,
      });
      for (const s of matchingSubscriptions(subscriptions, row)) {
        deliveries.push({
          subscriptionId: s.id,
          organisationId: s.organisationId,
          eventId: row.id,
          eventType: row.type,
        });
      }
      delivered.push(row.seq);
    }
    if (delivered.length > 0) {
      await inTransaction(db, async (tx) => {
        result.deliveries += await insertDeliveries(tx, deliveries);
        await markDispatched(tx, delivered);
      });
    }
    result.events = delivered.length;
    if (failure) {
      await recordDispatchFailure(db, failure.seq, failure.message);
      result.blocked = true;
    }
    return result;
  }
}

/**
 * The publication of one event: `undefined` once JetStream has stored it, else the error. Events after a
 * failed one may have been stored already; they stay undispatched and are published again from the failed
 * one on, and JetStream drops the copies by `Nats-Msg-Id` (so a consumer can see such an event before the
 * one that failed: the event's `seq` gives the outbox order).
 */
function published(publisher: EventPublisher, event: DomainEvent): Promise<unknown> {
  return publisher.publish(event).then(
    () => undefined,
    (error: unknown) => error ?? new Error('publish failed'),
  );
}

function matchingSubscriptions(subscriptions: SubscriptionRow[], row: OutboxRow): SubscriptionRow[] {
  return subscriptions.filter(
    (s) => s.organisationId === row.organisationId && matchesAny(s.eventTypes, row.type),
  );
}
