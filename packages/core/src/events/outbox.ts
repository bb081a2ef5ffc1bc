import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordsetInsert } from '../db/bulk-insert.js';
import type { Tx } from '../db/client.js';
import { sendInOrder } from '../db/pipeline.js';
import { outboxEvents } from './events.tables.js';

/** The channel on which a committed outbox insert wakes dispatchers (PostgreSQL and PGlite both NOTIFY). */
export const OUTBOX_CHANNEL = 'aeolus_outbox';

/**
 * Serialises event writers from their insert to their commit, so that `seq` order is commit order.
 * Without it a transaction holding seq 5 could commit after one holding seq 6, and a reader whose cursor
 * already passed 6 (SSE resume, `GET /api/events?after=`) would never see 5. Taken after the audit
 * chain lock in `recordChange`; code that writes an event and then an audit entry in one transaction
 * would invert that order, so write the audit entry first (recordChange does).
 */
const OUTBOX_ORDER_LOCK_KEY = 7_411_202_403;

export interface NewEvent {
  /** Dotted, past tense: `user.created`, `api_key.revoked`, `aeo.certificate.suspended`. */
  type: string;
  organisationId: string | null;
  subjectType: string;
  subjectId?: string | null;
  payload: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Writes an event to the outbox inside the caller's transaction: it is delivered if and only if the
 * state change it describes commits. NOTIFY is transactional too, so dispatchers wake on commit.
 */
export async function enqueueEvent(tx: Tx, event: NewEvent): Promise<{ id: string; seq: number }> {
  const [written] = await enqueueEvents(tx, [event]);
  return written!;
}

/**
 * Writes several events in one statement (bulk operations such as an import): the same guarantees as
 * `enqueueEvent` — delivered if and only if the caller commits, in `seq` order — and one wake-up.
 */
export async function enqueueEvents(
  tx: Tx,
  events: readonly NewEvent[],
): Promise<{ id: string; seq: number }[]> {
  if (events.length === 0) return [];
  const insert = recordsetInsert(
    outboxEvents,
    events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      organisationId: event.organisationId,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      payload: event.payload,
      requestId: event.requestId ?? null,
    })),
    ['id', 'seq'],
  )!;
  // The lock, then the rows and one wake-up naming the last seq: the lock is its own statement (in one
  // statement nothing makes the rows draw their seq after it is held), sent with the insert in one round trip.
  const [, rows] = await sendInOrder(tx, [
    sql`select pg_advisory_xact_lock(${OUTBOX_ORDER_LOCK_KEY})`,
    sql`
    with inserted as (${insert}),
         woken as (select pg_notify(${OUTBOX_CHANNEL}, max(seq)::text) from inserted)
    select inserted.id, inserted.seq from inserted cross join woken`,
  ]);
  return rows!.map((r) => ({ id: String(r.id), seq: Number(r.seq) }));
}
