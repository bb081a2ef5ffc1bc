import type { DomainEvent } from '@aeolus/contracts';
import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/unit-of-work.js';
import { systemActor } from '../identity/actor.js';
import { recordChange } from '../shared/record-change.js';
import { OutboxDispatcher } from './dispatcher.js';
import { adminOf, captureLogger, commitEvent, organisationIdByName, waitFor } from './events.test-support.js';
import { SubscriberRegistry } from './subscribers.js';
import { createWebhook, disableWebhook } from './webhooks.service.js';

let t: TestContext;
let nl: string;
let ke: string;

beforeAll(async () => {
  t = await createTestContext();
  nl = await organisationIdByName(t.database, 'Netherlands Customs (demo)');
  ke = await organisationIdByName(t.database, 'Kenya Customs Services (demo)');
  // Start from an empty backlog: the demo seed leaves its own events in the outbox.
  await new OutboxDispatcher({
    database: t.database,
    subscribers: new SubscriberRegistry(),
    pollMs: 50,
  }).dispatchPending();
});
afterAll(async () => {
  await t.close();
});

function recorder(pattern = 'test.*') {
  const subscribers = new SubscriberRegistry();
  const seen: DomainEvent[] = [];
  subscribers.subscribe(pattern, (event) => {
    seen.push(event);
  });
  return { subscribers, seen };
}

/** A dispatcher whose NATS publisher is `publish`, and the events its subscribers saw. */
function withPublisher(publish: (event: DomainEvent) => Promise<void>) {
  const { subscribers, seen } = recorder('test.*');
  const dispatcher = new OutboxDispatcher({
    database: t.database,
    subscribers,
    pollMs: 50,
    publisher: { publish },
  });
  return { dispatcher, seen };
}

async function outboxRow(type: string) {
  const [row] = await t.database.query<{
    dispatched_at: Date | null;
    dispatch_attempts: number;
    last_error: string | null;
  }>('select dispatched_at, dispatch_attempts, last_error from outbox_events where type = $1', [type]);
  return row;
}

describe('outbox dispatcher', () => {
  it('delivers a committed event to a subscriber exactly once per dispatch and stamps it', async () => {
    const { subscribers, seen } = recorder();
    const dispatcher = new OutboxDispatcher({ database: t.database, subscribers, pollMs: 50 });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.once', payload: { n: 1 } });

    const first = await dispatcher.dispatchPending();
    const second = await dispatcher.dispatchPending();

    expect(first.events).toBe(1);
    expect(second.events).toBe(0);
    expect(seen.map((e) => [e.type, e.payload, e.organisationId])).toEqual([['test.once', { n: 1 }, nl]]);
    expect(seen[0]!.seq).toBeGreaterThan(0);
    expect((await outboxRow('test.once'))!.dispatched_at).not.toBeNull();
  });

  it('never delivers the event of a transaction that rolled back', async () => {
    const { subscribers, seen } = recorder();
    await expect(
      inTransaction(t.ctx.db, async (tx) => {
        await recordChange(tx, systemActor('test'), {
          action: 'test.rolled_back',
          subjectType: 'test',
          subjectId: null,
          organisationId: nl,
          event: {},
        });
        throw new Error('the state change failed after writing its event');
      }),
    ).rejects.toThrow('state change failed');
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.after_rollback' });

    await new OutboxDispatcher({ database: t.database, subscribers, pollMs: 50 }).dispatchPending();

    expect(seen.map((e) => e.type)).toEqual(['test.after_rollback']);
    expect(await outboxRow('test.rolled_back')).toBeUndefined();
  });

  it('logs a failing or hanging subscriber and still serves the others and stamps the event', async () => {
    const subscribers = new SubscriberRegistry();
    const seen: string[] = [];
    subscribers.subscribe(
      'test.*',
      () => {
        throw new Error('subscriber exploded');
      },
      { name: 'exploding' },
    );
    subscribers.subscribe('test.*', () => new Promise<void>(() => {}), { name: 'hanging' });
    subscribers.subscribe('test.faulty', (e) => {
      seen.push(e.type);
    });
    const logger = captureLogger();
    const dispatcher = new OutboxDispatcher({
      database: t.database,
      subscribers,
      logger,
      pollMs: 50,
      subscriberTimeoutMs: 200,
    });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.faulty' });

    const result = await dispatcher.dispatchPending();

    expect(result).toMatchObject({ events: 1, blocked: false });
    expect(seen).toEqual(['test.faulty']);
    const failures = logger.lines
      .filter((l) => l.level === 'error')
      .map((l) => (l.obj as { subscriber: string }).subscriber);
    expect(failures.sort()).toEqual(['exploding', 'hanging']);
    expect((await outboxRow('test.faulty'))!.dispatched_at).not.toBeNull();
  });

  it('queues a webhook delivery for each active, matching subscription of the event’s organisation', async () => {
    const admin = adminOf(nl);
    const all = await createWebhook(t.ctx, admin, {
      url: 'http://127.0.0.1:9/a',
      description: '',
      eventTypes: ['*'],
    });
    const prefix = await createWebhook(t.ctx, admin, {
      url: 'http://127.0.0.1:9/b',
      description: '',
      eventTypes: ['test.*'],
    });
    const exact = await createWebhook(t.ctx, admin, {
      url: 'http://127.0.0.1:9/c',
      description: '',
      eventTypes: ['test.match_me'],
    });
    const other = await createWebhook(t.ctx, admin, {
      url: 'http://127.0.0.1:9/d',
      description: '',
      eventTypes: ['user.*'],
    });
    const disabled = await createWebhook(t.ctx, admin, {
      url: 'http://127.0.0.1:9/e',
      description: '',
      eventTypes: ['*'],
    });
    await disableWebhook(t.ctx, admin, { id: disabled.webhook.id });
    const foreign = await createWebhook(t.ctx, adminOf(ke), {
      url: 'http://127.0.0.1:9/f',
      description: '',
      eventTypes: ['*'],
    });
    const dispatcher = new OutboxDispatcher({
      database: t.database,
      subscribers: new SubscriberRegistry(),
      pollMs: 50,
    });
    await dispatcher.dispatchPending();
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.match_me' });

    const result = await dispatcher.dispatchPending();

    const rows = await t.database.query<{ subscription_id: string; status: string }>(
      `select d.subscription_id, d.status from webhook_deliveries d
       join outbox_events e on e.id = d.event_id where e.type = 'test.match_me'`,
    );
    expect(result.deliveries).toBe(3);
    expect(rows.map((r) => r.subscription_id).sort()).toEqual(
      [all.webhook.id, prefix.webhook.id, exact.webhook.id].sort(),
    );
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    for (const s of [other, disabled, foreign])
      expect(rows.map((r) => r.subscription_id)).not.toContain(s.webhook.id);
  });

  it('keeps an event whose NATS publish fails undispatched, in order, without calling subscribers', async () => {
    let failNext = true;
    const published: string[] = [];
    const { dispatcher, seen } = withPublisher(async (event) => {
      if (failNext) {
        failNext = false;
        throw new Error('no responders available');
      }
      published.push(event.type);
    });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.publish_first' });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.publish_second' });

    expect(await dispatcher.dispatchPending()).toMatchObject({ events: 0, blocked: true });
    expect(seen).toEqual([]);
    expect(await outboxRow('test.publish_first')).toMatchObject({
      dispatched_at: null,
      dispatch_attempts: 1,
      last_error: expect.stringContaining('no responders'),
    });

    expect(await dispatcher.dispatchPending()).toMatchObject({ events: 2, blocked: false });
    // The second was published with the first in the failed pass, and again after it: JetStream drops the
    // copy by its message id; subscribers see each event once, in order.
    expect(published).toEqual(['test.publish_second', 'test.publish_first', 'test.publish_second']);
    expect(seen.map((e) => e.type)).toEqual(['test.publish_first', 'test.publish_second']);
    expect(await outboxRow('test.publish_first')).toMatchObject({ dispatch_attempts: 2, last_error: null });
  });

  it('publishes a pass to NATS all at once, and stops at the first failed one though later ones succeeded', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let failSecond = true;
    const published: string[] = [];
    const { dispatcher, seen } = withPublisher(async (event) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (event.type === 'test.pipelined_2' && failSecond) {
        failSecond = false;
        throw new Error('timeout');
      }
      published.push(event.type);
    });
    for (const n of [1, 2, 3])
      await commitEvent(t.ctx.db, { organisationId: nl, type: `test.pipelined_${n}` });

    expect(await dispatcher.dispatchPending()).toMatchObject({ events: 1, blocked: true });
    expect(mostInFlight).toBe(3);
    // The third was stored by NATS, but it follows the failed one: it is neither given to subscribers nor
    // stamped, and is published again (JetStream drops the copy by its message id).
    expect(published).toEqual(['test.pipelined_1', 'test.pipelined_3']);
    expect(seen.map((e) => e.type)).toEqual(['test.pipelined_1']);
    expect(await outboxRow('test.pipelined_2')).toMatchObject({
      dispatched_at: null,
      last_error: expect.stringContaining('timeout'),
    });
    expect(await outboxRow('test.pipelined_3')).toMatchObject({ dispatched_at: null, dispatch_attempts: 0 });

    expect(await dispatcher.dispatchPending()).toMatchObject({ events: 2, blocked: false });
    expect(seen.map((e) => e.type)).toEqual(['test.pipelined_1', 'test.pipelined_2', 'test.pipelined_3']);
    expect((await outboxRow('test.pipelined_3'))?.dispatched_at).not.toBeNull();
  });

  it('shares the backlog between two dispatchers on PostgreSQL without handing out an event twice', async (test) => {
    // PGlite is single-process by construction (data-directory lock): there is never a second dispatcher.
    if (t.kind !== 'postgres') test.skip();
    await new OutboxDispatcher({
      database: t.database,
      subscribers: new SubscriberRegistry(),
      pollMs: 50,
    }).dispatchPending();
    const seenBy = (list: string[]) => {
      const subscribers = new SubscriberRegistry();
      subscribers.subscribe('test.shared', async (e) => {
        list.push(e.id);
        await new Promise((r) => setTimeout(r, 10));
      });
      return new OutboxDispatcher({ database: t.database, subscribers, pollMs: 50, batchSize: 5 });
    };
    for (let i = 0; i < 40; i++) await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.shared' });
    const a: string[] = [];
    const b: string[] = [];

    await Promise.all([seenBy(a).dispatchPending(), seenBy(b).dispatchPending()]);

    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.length + b.length).toBe(40);
    expect(new Set([...a, ...b]).size).toBe(40);
  });

  it('wakes on the commit notification (LISTEN), not only by polling, and stops after in-flight work', async () => {
    const subscribers = new SubscriberRegistry();
    let started = false;
    let finished = false;
    subscribers.subscribe('test.listen', async () => {
      started = true;
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    // A poll interval far beyond the test: only NOTIFY can wake the dispatcher in time.
    const dispatcher = new OutboxDispatcher({ database: t.database, subscribers, pollMs: 60_000 });
    await dispatcher.start();
    try {
      await dispatcher.dispatchPending(); // the start-up pass is over; the next one needs a wake-up
      await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.listen' });
      await waitFor(() => started, 'the notification to wake the dispatcher', 5_000);
      expect(finished).toBe(false);
    } finally {
      await dispatcher.stop();
    }
    // stop() waited for the slow subscriber and the stamp.
    expect(finished).toBe(true);
    expect((await outboxRow('test.listen'))!.dispatched_at).not.toBeNull();
  });
});
