import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptSecret, type EventWorkers, startEventWorkers, verifyWebhookSignature } from '@aeolus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

let t: TestApp;
let admin: TestClient;
let workers: EventWorkers;
let receiver: Server;
let receiverUrl: string;
let receiverStatus = 500;
const received: { body: string; signature: string }[] = [];

beforeAll(async () => {
  // One attempt before dead-lettering, so that the redelivery path is reached quickly.
  t = await createTestApp({ WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_TIMEOUT_MS: '2000' });
  admin = await t.signIn('admin@nl.customs.example');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['aeolus-signature']) });
      res.writeHead(receiverStatus).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/aeolus`;
  workers = await startEventWorkers({ database: t.database, config: t.config });
});
afterAll(async () => {
  await workers.stop();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('webhook management API', () => {
  it('creates a webhook, shows its secret once and keeps it only encrypted, with audit entry and event', async () => {
    const res = await admin.request('POST', '/api/webhooks', {
      url: 'https://hooks.example/aeolus',
      description: 'ERP integration',
      eventTypes: ['user.*', 'api_key.created'],
    });
    expect(res.statusCode).toBe(201);
    const { webhook, secret } = res.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({
      url: 'https://hooks.example/aeolus',
      description: 'ERP integration',
      eventTypes: ['user.*', 'api_key.created'],
      disabledAt: null,
    });

    const [row] = await t.database.query<{ secret_encrypted: string }>(
      'select secret_encrypted from webhook_subscriptions where id = $1',
      [webhook.id],
    );
    expect(row!.secret_encrypted).not.toContain(secret);
    expect(decryptSecret(t.config.secrets.keyEncryptionKey, row!.secret_encrypted)).toBe(secret);

    const listed = (await admin.request('GET', '/api/webhooks')).json().items;
    expect(listed.find((w: { id: string }) => w.id === webhook.id)).toEqual(webhook);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const audit = await t.database.query<{ action: string }>(
      `select action from audit_log where subject_id = $1`,
      [webhook.id],
    );
    const events = await t.database.query<{ type: string; payload: Record<string, unknown> }>(
      `select type, payload from outbox_events where subject_id = $1`,
      [webhook.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['webhook.created']);
    expect(events).toEqual([
      { type: 'webhook.created', payload: expect.objectContaining({ webhookId: webhook.id }) },
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it.each([
    [{ url: 'ftp://hooks.example/x' }, 'body.url'],
    [{ url: 'javascript:alert(1)' }, 'body.url'],
    [{ url: `https://hooks.example/${'x'.repeat(2001)}` }, 'body.url'],
    [{ description: 'no url' }, 'body.url'],
    [{ url: 'https://hooks.example/x', eventTypes: ['User Created'] }, 'body.eventTypes.0'],
    [{ url: 'https://hooks.example/x', eventTypes: [] }, 'body.eventTypes'],
    [{ url: 'https://hooks.example/x', secret: 'mine' }, 'secret'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await admin.request('POST', '/api/webhooks', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain(field);
  });

  it('disables a webhook once, deletes it with an audit entry, then answers 404', async () => {
    const { webhook } = (
      await admin.request('POST', '/api/webhooks', { url: 'https://hooks.example/short-lived' })
    ).json();
    const disabled = await admin.request('POST', `/api/webhooks/${webhook.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    const again = await admin.request('POST', `/api/webhooks/${webhook.id}/disable`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');

    expect((await admin.request('DELETE', `/api/webhooks/${webhook.id}`)).json()).toEqual({ ok: true });
    expect((await admin.request('GET', `/api/webhooks/${webhook.id}`)).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/webhooks/${webhook.id}`)).statusCode).toBe(404);
    const audit = await t.database.query<{ action: string }>(
      'select action from audit_log where subject_id = $1 order by seq',
      [webhook.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['webhook.created', 'webhook.disabled', 'webhook.deleted']);
  });

  it('shows the delivery log with attempts and redelivers a dead delivery', async () => {
    const created = await admin.request('POST', '/api/webhooks', {
      url: receiverUrl,
      eventTypes: ['api_key.created'],
    });
    const { webhook, secret } = created.json();
    const key = await admin.request('POST', '/api/api-keys', {
      name: 'triggers a webhook',
      scopes: ['events:read'],
    });
    expect(key.statusCode).toBe(201);
    const deliveriesUrl = `/api/webhooks/${webhook.id}/deliveries`;

    const dead = await until(async () => {
      const items = (await admin.request('GET', deliveriesUrl)).json().items;
      return items[0]?.status === 'dead' ? items[0] : undefined;
    }, 'the delivery to be dead-lettered');
    expect(dead).toMatchObject({
      eventType: 'api_key.created',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });
    expect(dead.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 500, error: 'HTTP 500' }),
    ]);
    const signed = received.at(-1)!;
    expect(verifyWebhookSignature(secret, signed.signature, signed.body, 300)).toBe(true);
    expect(JSON.parse(signed.body)).toMatchObject({ type: 'api_key.created', id: dead.eventId });

    receiverStatus = 200;
    const redelivered = await admin.request('POST', `${deliveriesUrl}/${dead.id}/redeliver`);
    expect(redelivered.statusCode).toBe(200);
    expect(redelivered.json()).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });

    const succeeded = await until(async () => {
      const items = (await admin.request('GET', `${deliveriesUrl}?status=succeeded`)).json().items;
      return items[0];
    }, 'the redelivery');
    expect(
      succeeded.attemptLog.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode]),
    ).toEqual([
      [1, 500],
      [2, 200],
    ]);
    const again = await admin.request('POST', `${deliveriesUrl}/${dead.id}/redeliver`);
    expect(again.statusCode).toBe(409);
    expect((await admin.request('GET', `${deliveriesUrl}?status=dead`)).json().items).toEqual([]);
  });

  it('pages the delivery log with a cursor and refuses a forged one', async () => {
    const { webhook } = (
      await admin.request('POST', '/api/webhooks', { url: receiverUrl, eventTypes: ['api_key.revoked'] })
    ).json();
    for (const name of ['k1', 'k2', 'k3']) {
      const key = (await admin.request('POST', '/api/api-keys', { name, scopes: ['events:read'] })).json();
      await admin.request('POST', `/api/api-keys/${key.apiKey.id}/revoke`);
    }
    const url = `/api/webhooks/${webhook.id}/deliveries`;
    await until(
      async () => ((await admin.request('GET', url)).json().items.length === 3 ? true : undefined),
      '3 deliveries',
    );

    const first = (await admin.request('GET', `${url}?limit=2`)).json();
    const second = (
      await admin.request('GET', `${url}?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(3);

    const forged = await admin.request('GET', `${url}?cursor=${encodeURIComponent("1' or 1=1 --")}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.message).toContain('cursor');
  });
});
