import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/actor.js';
import { EventFeed } from './event-feed.js';
import { followEvents, listEvents } from './events.service.js';
import { adminOf, commitEvent, organisationIdByName } from './events.test-support.js';

let t: TestContext;
let nl: string;
let ke: string;
let feed: EventFeed;

beforeAll(async () => {
  t = await createTestContext();
  nl = await organisationIdByName(t.database, 'Netherlands Customs (demo)');
  ke = await organisationIdByName(t.database, 'Kenya Customs Services (demo)');
  feed = new EventFeed({ db: t.ctx.db, pollMs: 30 });
});
afterAll(async () => {
  feed.close();
  await t.close();
});

describe('following events', () => {
  it('replays what came after the cursor, then follows live, never showing another tenant', async () => {
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.before' });
    const { nextAfter: cursor } = await listEvents(t.ctx, adminOf(nl), { after: 0, limit: 500 });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.missed', payload: { n: 1 } });
    await commitEvent(t.ctx.db, { organisationId: ke, type: 'test.foreign' });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.missed', payload: { n: 2 } });
    const controller = new AbortController();
    const stream = await followEvents(t.ctx, adminOf(nl), {
      after: cursor,
      feed,
      signal: controller.signal,
      heartbeatMs: 60_000,
    });

    const replayed = [(await stream.next()).value, (await stream.next()).value];
    const live = stream.next();
    await commitEvent(t.ctx.db, { organisationId: ke, type: 'test.foreign' });
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.live' });

    expect(replayed.map((e) => [e?.type, e?.payload])).toEqual([
      ['test.missed', { n: 1 }],
      ['test.missed', { n: 2 }],
    ]);
    expect((await live).value).toMatchObject({ type: 'test.live', organisationId: nl });
    controller.abort();
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('starts at the present without a cursor and sends a heartbeat after a quiet period', async () => {
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.old' });
    const controller = new AbortController();
    const stream = await followEvents(t.ctx, adminOf(nl), {
      feed,
      signal: controller.signal,
      heartbeatMs: 150,
    });

    const started = Date.now();
    expect((await stream.next()).value).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await commitEvent(t.ctx.db, { organisationId: nl, type: 'test.new' });
    expect((await stream.next()).value).toMatchObject({ type: 'test.new' });
    controller.abort();
  });

  it('refuses a role without events:read before any streaming starts', async () => {
    // An administrator's API key without the events:read scope.
    const actor: Actor = {
      kind: 'api_key',
      apiKeyId: 'k',
      userId: null,
      label: 'key without scope',
      organisationId: nl,
      organisationKind: 'customs_administration',
      roles: ['admin'],
      scopes: ['organisation:read'],
    };
    await expect(
      followEvents(t.ctx, actor, { feed, signal: new AbortController().signal, heartbeatMs: 1000 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
