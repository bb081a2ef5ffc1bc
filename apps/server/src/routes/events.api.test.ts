import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DomainEvent } from '@aeolus/contracts';
import { EventFeed } from '@aeolus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/** One parsed server-sent-events message. */
interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

/** A real HTTP client of `GET /api/events/stream` (inject cannot follow a response that never ends). */
class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  #abort = new AbortController();
  #buffer = '';
  #done: Promise<void> = Promise.resolve();

  static open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers, signal: client.#abort.signal }, (response) => {
        client.status = response.statusCode ?? 0;
        client.headers = response.headers;
        response.setEncoding('utf8');
        if (client.status !== 200) {
          response.on('data', (chunk: string) => {
            client.body += chunk;
          });
          response.on('end', () => resolve(client));
          return;
        }
        client.#done = new Promise((done) => response.on('close', done));
        response.on('data', (chunk: string) => client.#receive(chunk));
        resolve(client);
      });
      request.on('error', (error) => {
        if (!client.#abort.signal.aborted) reject(error);
      });
    });
  }

  body = '';

  get events(): DomainEvent[] {
    return this.messages.filter((m) => m.data).map((m) => JSON.parse(m.data!) as DomainEvent);
  }

  #receive(chunk: string) {
    this.#buffer += chunk;
    let end = this.#buffer.indexOf('\n\n');
    while (end >= 0) {
      this.#parse(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 2);
      end = this.#buffer.indexOf('\n\n');
    }
  }

  #parse(frame: string) {
    const message: SseMessage = {};
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      const match = /^(id|event|data): ?(.*)$/.exec(line);
      if (match) message[match[1] as keyof SseMessage] = match[2];
    }
    if (message.data !== undefined) this.messages.push(message);
  }

  async waitForEvents(count: number, timeoutMs = 10_000): Promise<DomainEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${this.events.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.events;
  }

  /** Resolves when the server ends the stream. */
  get ended(): Promise<void> {
    return this.#done;
  }

  async close() {
    this.#abort.abort();
    await this.#done;
  }
}

let t: TestApp;
let base: string;
let nl: TestClient;
let ke: TestClient;
const streams: SseClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  nl = await t.signIn('admin@nl.customs.example');
  ke = await t.signIn('admin@ke.customs.example');
});
afterAll(async () => {
  for (const s of streams) await s.close();
  await t.close();
});

const cookieOf = (client: TestClient) => ({ cookie: `${SESSION_COOKIE}=${client.cookie}` });

async function open(path: string, headers: Record<string, string>): Promise<SseClient> {
  const stream = await SseClient.open(`${base}${path}`, headers);
  streams.push(stream);
  return stream;
}

/** A real state change that emits an event for the client's organisation. */
async function makeEvent(client: TestClient, label: string): Promise<string> {
  const res = await client.request('POST', '/api/webhooks', {
    url: `https://hooks.example/${label}`,
    description: label,
    eventTypes: ['user.*'],
  });
  expect(res.statusCode).toBe(201);
  return res.json().webhook.id as string;
}

async function apiKey(client: TestClient, scopes: string[]): Promise<string> {
  const res = await client.request('POST', '/api/api-keys', { name: `sse ${scopes.join(' ')}`, scopes });
  expect(res.statusCode).toBe(201);
  return res.json().secret as string;
}

describe('GET /api/events', () => {
  it('pages the organisation’s own events after a cursor', async () => {
    const first = await makeEvent(nl, 'page-1');
    await makeEvent(ke, 'page-ke');
    const second = await makeEvent(nl, 'page-2');

    const all = (await nl.request('GET', '/api/events?after=0&limit=500')).json();
    expect(all.items.every((e: DomainEvent) => e.organisationId === nl.organisationId)).toBe(true);
    const created = all.items.filter((e: DomainEvent) => e.type === 'webhook.created');
    expect(created.map((e: DomainEvent) => e.subjectId)).toEqual([first, second]);

    const before = created[0].seq as number;
    const page = (await nl.request('GET', `/api/events?after=${before}&limit=1`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].seq).toBeGreaterThan(before);
    expect(page.nextAfter).toBe(page.items[0].seq);
    const empty = (await nl.request('GET', '/api/events?after=999999999')).json();
    expect(empty).toEqual({ items: [], nextAfter: 999999999 });
  });

  it('refuses a bad cursor or an unknown parameter with 400 naming it', async () => {
    const bad = await nl.request('GET', '/api/events?after=-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('querystring.after');
    const unknown = await nl.request('GET', '/api/events?since=3');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('since');
  });
});

describe('GET /api/events/stream', () => {
  it('streams the organisation’s new events live, as SSE, and nothing of another tenant', async () => {
    const nlStream = await open('/api/events/stream', cookieOf(nl));
    const keStream = await open('/api/events/stream', cookieOf(ke));
    expect(nlStream.status).toBe(200);
    expect(nlStream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(nlStream.headers['cache-control']).toContain('no-cache');
    expect(nlStream.headers['x-request-id']).toBeTruthy();

    const keHook = await makeEvent(ke, 'live-ke');
    const nlHook = await makeEvent(nl, 'live-nl');

    const [nlEvent] = await nlStream.waitForEvents(1);
    const [keEvent] = await keStream.waitForEvents(1);
    expect(nlEvent).toMatchObject({
      type: 'webhook.created',
      subjectId: nlHook,
      organisationId: nl.organisationId,
    });
    expect(keEvent).toMatchObject({
      type: 'webhook.created',
      subjectId: keHook,
      organisationId: ke.organisationId,
    });
    const message = nlStream.messages[0]!;
    expect(message.id).toBe(String(nlEvent!.seq));
    expect(message.event).toBe('webhook.created');

    // A later event of its own arriving next proves no foreign event came in between.
    const sentinel = await makeEvent(nl, 'live-sentinel');
    const events = await nlStream.waitForEvents(2);
    expect(events.map((e) => e.subjectId)).toEqual([nlHook, sentinel]);
    expect(events.every((e) => e.organisationId === nl.organisationId)).toBe(true);
  });

  it('resumes from Last-Event-ID with exactly the missed events, then continues live', async () => {
    const first = await open('/api/events/stream', cookieOf(nl));
    const seen = await makeEvent(nl, 'resume-seen');
    const [seenEvent] = await first.waitForEvents(1);
    expect(seenEvent!.subjectId).toBe(seen);
    await first.close();

    // Missed while disconnected: two of ours and one of another tenant.
    const missedA = await makeEvent(nl, 'resume-missed-a');
    await makeEvent(ke, 'resume-foreign');
    const missedB = await makeEvent(nl, 'resume-missed-b');

    const resumed = await open('/api/events/stream', {
      ...cookieOf(nl),
      'last-event-id': String(seenEvent!.seq),
    });
    const replayed = await resumed.waitForEvents(2);
    expect(replayed.map((e) => e.subjectId)).toEqual([missedA, missedB]);

    const live = await makeEvent(nl, 'resume-live');
    const all = await resumed.waitForEvents(3);
    expect(all.map((e) => e.subjectId)).toEqual([missedA, missedB, live]);

    // `?after=` does the same for clients that cannot set headers.
    const viaQuery = await open(`/api/events/stream?after=${seenEvent!.seq}`, cookieOf(nl));
    expect((await viaQuery.waitForEvents(3)).map((e) => e.subjectId)).toEqual([missedA, missedB, live]);
  });

  it('refuses a malformed Last-Event-ID with 400', async () => {
    const stream = await open('/api/events/stream', { ...cookieOf(nl), 'last-event-id': 'abc' });
    expect(stream.status).toBe(400);
    expect(JSON.parse(stream.body).error.message).toContain('last-event-id');
  });

  it('takes an API key with the events:read scope, refuses one without it, and anonymous callers', async () => {
    const withScope = await open('/api/events/stream', {
      authorization: `Bearer ${await apiKey(nl, ['events:read'])}`,
    });
    expect(withScope.status).toBe(200);
    const hook = await makeEvent(nl, 'api-key');
    const [event] = await withScope.waitForEvents(1);
    expect(event!.subjectId).toBe(hook);

    const without = await open('/api/events/stream', {
      authorization: `Bearer ${await apiKey(nl, ['organisation:read'])}`,
    });
    expect(without.status).toBe(403);
    expect(JSON.parse(without.body).error.code).toBe('FORBIDDEN');

    const anonymous = await open('/api/events/stream', {});
    expect(anonymous.status).toBe(401);
  });

  it('lets go of a stream when its client disconnects', async () => {
    // A second app on the same database, with a feed we can watch.
    const feed = new EventFeed({ db: t.ctx.db, pollMs: 50 });
    const app = await buildApp({
      config: t.config,
      database: t.database,
      logger: false,
      serveWeb: false,
      eventFeed: feed,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/events/stream`;
      const stream = await SseClient.open(url, cookieOf(nl));
      expect(stream.status).toBe(200);
      await waitUntil(() => feed.waiting === 1, 'the stream to wait for events');

      // Let the feed settle (its first poll wakes every reader once), then disconnect.
      await new Promise((r) => setTimeout(r, 200));
      expect(feed.waiting).toBe(1);
      await stream.close();

      await waitUntil(() => feed.waiting === 0, 'the stream to be released');
      await new Promise((r) => setTimeout(r, 200));
      expect(feed.waiting).toBe(0);
    } finally {
      await app.close();
      feed.close();
    }
  });
});

describe('an open stream re-checks its credential', () => {
  async function withShortRecheck(run: (base: string) => Promise<void>) {
    const app = await buildApp({
      config: t.config,
      database: t.database,
      logger: false,
      serveWeb: false,
      eventStream: { credentialCheckMs: 100 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await run(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    } finally {
      await app.close();
    }
  }

  it('ends the stream of a revoked API key, and keeps a valid one open', async () => {
    await withShortRecheck(async (url) => {
      const revokedSecret = await apiKey(nl, ['events:read']);
      const keptSecret = await apiKey(nl, ['events:read']);
      const revoked = await SseClient.open(`${url}/api/events/stream`, {
        authorization: `Bearer ${revokedSecret}`,
      });
      const kept = await SseClient.open(`${url}/api/events/stream`, {
        authorization: `Bearer ${keptSecret}`,
      });
      streams.push(revoked, kept);
      expect([revoked.status, kept.status]).toEqual([200, 200]);
      const keys = (await nl.request('GET', '/api/api-keys')).json().items as {
        id: string;
        prefix: string;
      }[];
      const id = keys.find((k) => revokedSecret.startsWith(`aeo_${k.prefix}_`))!.id;
      expect((await nl.request('POST', `/api/api-keys/${id}/revoke`)).statusCode).toBe(200);

      await Promise.race([
        revoked.ended,
        new Promise((_, reject) => setTimeout(() => reject(new Error('still open')), 5000)),
      ]);
      expect(revoked.comments).toContain('access ended');
      await new Promise((r) => setTimeout(r, 300));
      expect(kept.comments).not.toContain('access ended');
    });
  });

  it('ends the stream of a session that signed out', async () => {
    await withShortRecheck(async (url) => {
      const person = await t.signIn('validator@nl.customs.example');
      const stream = await SseClient.open(`${url}/api/events/stream`, cookieOf(person));
      streams.push(stream);
      expect(stream.status).toBe(200);
      expect((await person.request('POST', '/api/auth/logout')).statusCode).toBe(200);
      await Promise.race([
        stream.ended,
        new Promise((_, reject) => setTimeout(() => reject(new Error('still open')), 5000)),
      ]);
      expect(stream.comments).toContain('access ended');
    });
  });
});

async function waitUntil(probe: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
