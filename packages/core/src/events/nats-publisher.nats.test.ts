import { randomBytes, randomUUID } from 'node:crypto';
import type { DomainEvent } from '@aeolus/contracts';
import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { connect, type NatsConnection, StorageType } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from './dispatcher.js';
import { commitEvent, organisationIdByName, waitFor } from './events.test-support.js';
import {
  followNatsEvents,
  NatsEventPublisher,
  type NatsEventsOptions,
  type NatsFollower,
} from './nats-publisher.js';
import { SubscriberRegistry } from './subscribers.js';

const natsUrl = process.env.NATS_URL;
// CI must prove the JetStream path against the real server: a missing NATS_URL there is a failure.
if (!natsUrl && process.env.CI) {
  throw new Error('NATS_URL is not set: the NATS suite must run (not skip) in CI');
}

describe.skipIf(!natsUrl)('NATS JetStream publisher (real server)', () => {
  const suffix = randomBytes(4).toString('hex');
  // Our own stream and subjects, so that parallel runs and a developer's server do not collide.
  const options: NatsEventsOptions = {
    url: natsUrl ?? '',
    stream: `AEOLUS_TEST_${suffix}`,
    subjectPrefix: `aeolus_test_${suffix}.events`,
  };
  let admin: NatsConnection;
  let publisher: NatsEventPublisher | undefined;
  const followers: NatsFollower[] = [];
  let t: TestContext;

  beforeAll(async () => {
    admin = await connect({ servers: natsUrl });
    t = await createTestContext();
  });
  afterAll(async () => {
    for (const f of followers) await f.stop();
    await publisher?.close();
    const jsm = await admin.jetstreamManager();
    await jsm.streams.delete(options.stream).catch(() => {});
    await admin.close();
    await t.close();
  });

  function event(type: string, payload: Record<string, unknown> = {}): DomainEvent {
    return {
      id: randomUUID(),
      seq: 1,
      type,
      organisationId: null,
      subjectType: 'test',
      subjectId: null,
      payload,
      occurredAt: new Date().toISOString(),
    };
  }

  it('creates the durable stream on first use', async () => {
    const jsm = await admin.jetstreamManager();
    await expect(jsm.streams.info(options.stream)).rejects.toThrow(/stream not found/i);

    publisher = await NatsEventPublisher.connect(options);

    const info = await jsm.streams.info(options.stream);
    expect(info.config.subjects).toEqual([`${options.subjectPrefix}.>`]);
    expect(info.config.storage).toBe(StorageType.File);
    expect(info.config.max_age).toBeGreaterThan(0);
    expect(info.config.duplicate_window).toBeGreaterThan(0);
  });

  it('de-duplicates a re-published event id (Nats-Msg-Id)', async () => {
    const jsm = await admin.jetstreamManager();
    const before = (await jsm.streams.info(options.stream)).state.messages;
    const e = event('test.dedup');

    const first = await publisher!.publish(e);
    const again = await publisher!.publish(e);

    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, seq: first.seq });
    expect((await jsm.streams.info(options.stream)).state.messages).toBe(before + 1);
    const stored = await jsm.streams.getMessage(options.stream, { seq: first.seq });
    expect(stored.subject).toBe(`${options.subjectPrefix}.test.dedup`);
    expect(stored.header.get('Nats-Msg-Id')).toBe(e.id);
  });

  it('lets a second (and third) follower see every event, in order', async () => {
    const seenA: DomainEvent[] = [];
    const seenB: DomainEvent[] = [];
    followers.push(await followNatsEvents(options, (e) => seenA.push(e)));
    followers.push(await followNatsEvents(options, (e) => seenB.push(e)));
    const sent = [
      event('test.follow', { n: 1 }),
      event('test.follow', { n: 2 }),
      event('other.thing', { n: 3 }),
    ];

    for (const e of sent) await publisher!.publish(e);

    await waitFor(() => seenA.length >= 3 && seenB.length >= 3, 'both followers', 10_000);
    expect(seenA.map((e) => e.id)).toEqual(sent.map((e) => e.id));
    expect(seenB.map((e) => e.id)).toEqual(sent.map((e) => e.id));
  });

  it('is acknowledged by JetStream before the dispatcher stamps the outbox row', async () => {
    const organisationId = await organisationIdByName(t.database, 'Kenya Customs Services (demo)');
    const seen: DomainEvent[] = [];
    followers.push(await followNatsEvents(options, (e) => seen.push(e)));
    const dispatcher = new OutboxDispatcher({
      database: t.database,
      subscribers: new SubscriberRegistry(),
      publisher: publisher!,
      pollMs: 50,
    });
    await commitEvent(t.ctx.db, { organisationId, type: 'test.via_dispatcher', payload: { ok: true } });

    await dispatcher.dispatchPending();

    const [row] = await t.database.query<{ id: string; dispatched_at: Date | null }>(
      `select id, dispatched_at from outbox_events where type = 'test.via_dispatcher'`,
    );
    expect(row!.dispatched_at).not.toBeNull();
    const received = await waitFor(
      () => seen.find((e) => e.type === 'test.via_dispatcher'),
      'the event on NATS',
    );
    expect(received).toMatchObject({ id: row!.id, organisationId, payload: { ok: true } });
  });
});
