import type { DomainEvent, EventPage, EventsQuery } from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import type { EventFeed } from './event-feed.js';
import { toDomainEvent } from './events.mapper.js';
import { findLatestSeq, listOrganisationEvents } from './outbox.repository.js';

/** A page of the organisation's events after a cursor, oldest first (replay for machine clients). */
export async function listEvents(ctx: CoreContext, actor: Actor, query: EventsQuery): Promise<EventPage> {
  authorize(actor, 'events:read');
  const rows = await listOrganisationEvents(ctx.db, {
    organisationId: tenantOf(actor),
    after: query.after,
    limit: query.limit,
  });
  return { items: rows.map(toDomainEvent), nextAfter: rows.at(-1)?.seq ?? query.after };
}

export interface FollowOptions {
  /** Resume after this `seq` (replaying what was missed); absent: only events from now on. */
  after?: number;
  feed: EventFeed;
  /** Ends the stream (client disconnected, server closing). */
  signal: AbortSignal;
  /** Yield `null` (a heartbeat) after this long without an event. */
  heartbeatMs: number;
  pageSize?: number;
}

/**
 * The organisation's events as a live sequence: first those after `after` from the outbox, then new
 * ones as they commit. `seq` order is commit order (see `enqueueEvent`), so a reader that remembers
 * the last `seq` it saw and resumes from it misses nothing. Tenant-scoped in the query itself.
 */
export async function followEvents(
  ctx: CoreContext,
  actor: Actor,
  options: FollowOptions,
): Promise<AsyncGenerator<DomainEvent | null>> {
  // Checked here, before the caller commits to a streaming response, so a refusal is a plain 403.
  authorize(actor, 'events:read');
  const organisationId = tenantOf(actor);
  const after = options.after ?? (await findLatestSeq(ctx.db));
  return tail(ctx, { ...options, organisationId, after });
}

async function* tail(
  ctx: CoreContext,
  options: FollowOptions & { organisationId: string; after: number },
): AsyncGenerator<DomainEvent | null> {
  const { feed, signal, heartbeatMs, organisationId } = options;
  const pageSize = options.pageSize ?? 200;
  let cursor = options.after;
  // At most one pending wake-up per stream. It is taken *before* reading, so that a commit between the
  // read and the wait still wakes us; if it fires while we are busy we merely read once more.
  let woken: Promise<'woken' | 'timeout'> | undefined;
  while (!signal.aborted && !feed.closed) {
    woken ??= feed.next(heartbeatMs, signal);
    const rows = await listOrganisationEvents(ctx.db, { organisationId, after: cursor, limit: pageSize });
    for (const row of rows) {
      if (signal.aborted) return;
      cursor = row.seq;
      yield toDomainEvent(row);
    }
    if (rows.length > 0) continue;
    const why = await woken;
    woken = undefined;
    // Nothing new for a whole heartbeat period: tell the reader we are alive (and proxies not to time out).
    if (why === 'timeout') yield null;
  }
}
