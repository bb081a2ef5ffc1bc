import type { DomainEvent, WebhookDeliveryWithAttempts } from '@aeolus/contracts';
import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from './dispatcher.js';
import {
  adminOf,
  closedPortUrl,
  commitEvent,
  organisationIdByName,
  type Receiver,
  startReceiver,
  waitFor,
} from './events.test-support.js';
import { SubscriberRegistry } from './subscribers.js';
import { verifyWebhookSignature } from './webhook-signature.js';
import { WebhookDeliveryWorker } from './webhook-worker.js';
import {
  createWebhook,
  disableWebhook,
  listWebhookDeliveries,
  redeliverWebhookDelivery,
} from './webhooks.service.js';

// Generous enough that a loaded CI machine does not turn a quick answer into a timeout; the test
// proves "nothing blocks" by order of events, not by wall-clock bounds.
const TIMEOUT_MS = 3_000;
const MAX_ATTEMPTS = 3;

let t: TestContext;
let nl: string;
let ke: string;
let dispatcher: OutboxDispatcher;
let worker: WebhookDeliveryWorker;
let healthy: Receiver;
let slow: Receiver;
let failing: Receiver;
let failingStatus = 500;
const receivers: Receiver[] = [];

beforeAll(async () => {
  t = await createTestContext();
  nl = await organisationIdByName(t.database, 'Netherlands Customs (demo)');
  ke = await organisationIdByName(t.database, 'Kenya Customs Services (demo)');
  dispatcher = new OutboxDispatcher({
    database: t.database,
    subscribers: new SubscriberRegistry(),
    pollMs: 50,
  });
  await dispatcher.dispatchPending();
  healthy = await startReceiver((_r, res) => res.writeHead(204).end());
  // Answers long after the worker's time limit.
  slow = await startReceiver((_r, res) => setTimeout(() => res.writeHead(200).end(), 5 * TIMEOUT_MS).unref());
  failing = await startReceiver((_r, res) => res.writeHead(failingStatus).end('broken'));
  receivers.push(healthy, slow, failing);
  worker = new WebhookDeliveryWorker({
    db: t.ctx.db,
    keyEncryptionKey: t.config.secrets.keyEncryptionKey,
    timeoutMs: TIMEOUT_MS,
    maxAttempts: MAX_ATTEMPTS,
    pollMs: 50,
    concurrency: 8,
    perSubscription: 2,
    retryBaseMs: 50,
    retryMaxMs: 200,
  });
});
afterAll(async () => {
  await worker.stop();
  for (const r of receivers) await r.close();
  await t.close();
});

async function deliveriesOf(
  subscriptionId: string,
  organisationId = nl,
): Promise<WebhookDeliveryWithAttempts[]> {
  return (await listWebhookDeliveries(t.ctx, adminOf(organisationId), { id: subscriptionId, limit: 200 }))
    .items;
}

describe('webhook delivery', () => {
  const secrets: Record<string, string> = {};
  const ids: Record<'healthy' | 'slow' | 'failing' | 'down', string> = {
    healthy: '',
    slow: '',
    failing: '',
    down: '',
  };

  it('delivers signed events promptly to a healthy receiver while down, slow and failing ones retry', async () => {
    const admin = adminOf(nl);
    const urls = { healthy: healthy.url, slow: slow.url, failing: failing.url, down: await closedPortUrl() };
    for (const key of Object.keys(urls) as (keyof typeof urls)[]) {
      const created = await createWebhook(t.ctx, admin, {
        url: urls[key],
        description: key,
        eventTypes: ['test.fault'],
      });
      ids[key] = created.webhook.id;
      secrets[key] = created.secret;
    }
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.fault', payload: { n: 1 } });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.fault', payload: { n: 2 } });
    expect((await dispatcher.dispatchPending()).deliveries).toBe(8);
    // The slow receiver's deliveries are the oldest, so a worker that sent one at a time would be stuck
    // on them before it ever reached the healthy receiver.
    await t.database.query(
      `update webhook_deliveries set next_attempt_at = now() - interval '1 minute' where subscription_id = $1`,
      [ids.slow],
    );

    worker.start();
    await waitFor(() => healthy.requests.length === 2 && slow.requests.length >= 2, 'the first requests');

    // Nothing waited for the slow receiver: the healthy one was called before the slow one's first
    // attempts could even time out (measured where the requests arrive, not by polling the database).
    const firstSlow = Math.min(...slow.requests.map((r) => r.at));
    expect(Math.max(...healthy.requests.map((r) => r.at))).toBeLessThan(firstSlow + TIMEOUT_MS);
    await waitFor(
      async () => (await deliveriesOf(ids.healthy)).every((d) => d.status === 'succeeded'),
      'the healthy deliveries to succeed',
      15_000,
      100,
    );

    // Each event reached the healthy receiver once, signed, with the documented headers.
    expect(healthy.requests).toHaveLength(2);
    const payloads = healthy.requests.map((r) => JSON.parse(r.body) as DomainEvent);
    expect(payloads.map((p) => p.payload).sort((a, b) => Number(a.n) - Number(b.n))).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
    for (const request of healthy.requests) {
      const event = JSON.parse(request.body) as DomainEvent;
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['aeolus-event-id']).toBe(event.id);
      expect(request.headers['aeolus-event-type']).toBe('test.fault');
      const signature = request.headers['aeolus-signature'] as string;
      expect(verifyWebhookSignature(secrets.healthy!, signature, request.body, 300)).toBe(true);
      expect(verifyWebhookSignature(secrets.slow!, signature, request.body, 300)).toBe(false);
    }
  });

  it('dead-letters down, slow and failing receivers after the maximum attempts, logging each attempt', {
    timeout: 60_000,
  }, async () => {
    for (const key of ['down', 'slow', 'failing'] as const) {
      await waitFor(
        async () => (await deliveriesOf(ids[key])).every((d) => d.status === 'dead'),
        `${key} deliveries to be dead`,
        45_000,
        100,
      );
    }
    const expectations = {
      down: { statusCode: null, error: /ECONNREFUSED/ },
      slow: { statusCode: null, error: new RegExp(`no response within ${TIMEOUT_MS} ms`) },
      failing: { statusCode: 500, error: /^HTTP 500$/ },
    } as const;
    for (const [key, expected] of Object.entries(expectations) as [
      keyof typeof expectations,
      (typeof expectations)[keyof typeof expectations],
    ][]) {
      const deliveries = await deliveriesOf(ids[key]);
      expect(deliveries).toHaveLength(2);
      for (const delivery of deliveries) {
        expect(delivery.attempts).toBe(MAX_ATTEMPTS);
        expect(delivery.completedAt).not.toBeNull();
        expect(delivery.attemptLog.map((a) => a.attempt)).toEqual([1, 2, 3]);
        for (const attempt of delivery.attemptLog) {
          expect(attempt.statusCode).toBe(expected.statusCode);
          expect(attempt.error).toMatch(expected.error);
        }
        if (key === 'slow') {
          for (const attempt of delivery.attemptLog)
            expect(attempt.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        }
      }
    }
    expect(failing.requests).toHaveLength(2 * MAX_ATTEMPTS);
    expect(healthy.requests).toHaveLength(2);
  });

  it('redelivers a dead delivery for a fresh round, keeping its attempt log', async () => {
    const admin = adminOf(nl);
    const [dead] = await deliveriesOf(ids.failing);
    failingStatus = 202;

    const requeued = await redeliverWebhookDelivery(t.ctx, admin, { id: ids.failing, deliveryId: dead!.id });
    expect(requeued).toMatchObject({ status: 'pending', attempts: 0, completedAt: null });

    const done = await waitFor(async () => {
      const d = (await deliveriesOf(ids.failing)).find((x) => x.id === dead!.id);
      return d?.status === 'succeeded' ? d : undefined;
    }, 'the redelivery');
    expect(done.attempts).toBe(1);
    expect(done.lastStatusCode).toBe(202);
    expect(done.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 202],
    ]);

    await expect(
      redeliverWebhookDelivery(t.ctx, admin, { id: ids.failing, deliveryId: dead!.id }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    // Another organisation cannot see, let alone redeliver, it.
    const [other] = await deliveriesOf(ids.failing);
    await expect(
      redeliverWebhookDelivery(t.ctx, adminOf(ke), { id: ids.failing, deliveryId: other!.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a slow subscription to its share of the slots, so other subscriptions still get through', async () => {
    await worker.stop();
    const admin = adminOf(nl);
    let inFlight = 0;
    let maxInFlight = 0;
    const held = await startReceiver((_r, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
    });
    receivers.push(held);
    const slowHook = await createWebhook(t.ctx, admin, {
      url: held.url,
      description: '',
      eventTypes: ['test.cap'],
    });
    await createWebhook(t.ctx, admin, { url: healthy.url, description: '', eventTypes: ['test.cap'] });
    for (let i = 0; i < 5; i++) await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.cap' });
    await dispatcher.dispatchPending();
    await t.database.query(
      `update webhook_deliveries set next_attempt_at = now() - interval '1 minute' where subscription_id = $1`,
      [slowHook.webhook.id],
    );
    const before = healthy.requests.length;
    // Three slots: without the per-subscription cap the five older slow deliveries would take them all.
    const capped = new WebhookDeliveryWorker({
      db: t.ctx.db,
      keyEncryptionKey: t.config.secrets.keyEncryptionKey,
      timeoutMs: TIMEOUT_MS,
      maxAttempts: 1,
      pollMs: 50,
      concurrency: 3,
      perSubscription: 2,
    });
    capped.start();
    try {
      await waitFor(() => healthy.requests.length - before === 5, 'the healthy subscription’s deliveries');
      expect(maxInFlight).toBe(2);
    } finally {
      await disableWebhook(t.ctx, admin, { id: slowHook.webhook.id });
      await capped.stop();
    }
  });

  it('takes over a delivery whose worker died holding the lease, and leaves a live lease alone', async () => {
    const admin = adminOf(nl);
    const hook = await createWebhook(t.ctx, admin, {
      url: healthy.url,
      description: '',
      eventTypes: ['test.lease'],
    });
    await worker.stop();
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.lease', payload: { which: 'expired' } });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.lease', payload: { which: 'live' } });
    await dispatcher.dispatchPending();
    await t.database.query(
      `update webhook_deliveries d set leased_until = now() + (case when e.payload->>'which' = 'live'
         then interval '1 hour' else interval '-1 second' end)
       from outbox_events e where e.id = d.event_id and d.subscription_id = $1`,
      [hook.webhook.id],
    );
    const before = healthy.requests.length;

    worker.start();
    await waitFor(
      async () => (await deliveriesOf(hook.webhook.id)).some((d) => d.status === 'succeeded'),
      'the takeover',
    );
    await new Promise((r) => setTimeout(r, 300));

    const received = healthy.requests.slice(before).map((r) => (JSON.parse(r.body) as DomainEvent).payload);
    expect(received).toEqual([{ which: 'expired' }]);
    const statuses = (await deliveriesOf(hook.webhook.id)).map((d) => d.status).sort();
    expect(statuses).toEqual(['pending', 'succeeded']);
  });
});
