import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may manage webhooks (permission `webhooks:manage`): administrators of an administration and of
 * an operator, and API keys carrying the `webhooks:manage` scope. Another organisation's webhook is
 * answered exactly like one that does not exist.
 */
let t: TestApp;
let nlAdmin: TestClient;
let keAdmin: TestClient;
let nlHook: string;
let nlDelivery: string;

beforeAll(async () => {
  t = await createTestApp();
  nlAdmin = await t.signIn('admin@nl.customs.example');
  keAdmin = await t.signIn('admin@ke.customs.example');
  const res = await nlAdmin.request('POST', '/api/webhooks', {
    url: 'https://hooks.example/nl',
    eventTypes: ['*'],
  });
  nlHook = res.json().webhook.id;
  // A dead delivery of NL's webhook, so that redelivery by another tenant is refused for the right reason.
  const [event] = await t.database.query<{ id: string; type: string }>(
    'select id, type from outbox_events limit 1',
  );
  const [delivery] = await t.database.query<{ id: string }>(
    `insert into webhook_deliveries (subscription_id, organisation_id, event_id, event_type, status)
     values ($1, $2, $3, $4, 'dead') returning id`,
    [nlHook, nlAdmin.organisationId, event!.id, event!.type],
  );
  nlDelivery = delivery!.id;
});
afterAll(async () => {
  await t.close();
});

const routes = (id: string, deliveryId: string) =>
  [
    ['GET', '/api/webhooks', undefined],
    ['POST', '/api/webhooks', { url: 'https://hooks.example/x' }],
    ['GET', `/api/webhooks/${id}`, undefined],
    ['POST', `/api/webhooks/${id}/disable`, undefined],
    ['DELETE', `/api/webhooks/${id}`, undefined],
    ['GET', `/api/webhooks/${id}/deliveries`, undefined],
    ['POST', `/api/webhooks/${id}/deliveries/${deliveryId}/redeliver`, undefined],
  ] as const;

async function keyOf(client: TestClient, scopes: string[]): Promise<string> {
  const res = await client.request('POST', '/api/api-keys', { name: `scopes ${scopes.join(',')}`, scopes });
  expect(res.statusCode).toBe(201);
  return res.json().secret;
}

describe('webhooks: access', () => {
  it.each(['validator@nl.customs.example', 'analyst@nl.customs.example', 'secretariat@wco.example'])(
    '%s (no webhooks:manage) gets 403 on every webhook route',
    async (email) => {
      const client = await t.signIn(email);
      for (const [method, url, body] of routes(nlHook, nlDelivery)) {
        const res = await client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    },
  );

  it('an operator administrator manages its own organisation’s webhooks', async () => {
    const trader = await t.signIn('trader@acme-logistics.example');
    const created = await trader.request('POST', '/api/webhooks', { url: 'https://erp.acme.example/hooks' });
    expect(created.statusCode).toBe(201);
    const items = (await trader.request('GET', '/api/webhooks')).json().items as { id: string }[];
    expect(items.map((w) => w.id)).toEqual([created.json().webhook.id]);
  });

  it('another tenant’s webhook is a 404 on every route, like an unknown id, and stays unchanged', async () => {
    const before = (await nlAdmin.request('GET', `/api/webhooks/${nlHook}`)).json();
    for (const [method, url, body] of routes(nlHook, nlDelivery).slice(2)) {
      const foreign = await keAdmin.request(method, url, body);
      const unknown = await keAdmin.request(method, url.replace(nlHook, randomUUID()), body);
      expect(foreign.statusCode, `${method} ${url}`).toBe(404);
      expect(foreign.json().error.code).toBe('NOT_FOUND');
      expect(foreign.json().error.message).toBe(unknown.json().error.message);
    }
    expect((await keAdmin.request('GET', '/api/webhooks')).json().items).toEqual([]);
    expect((await nlAdmin.request('GET', `/api/webhooks/${nlHook}`)).json()).toEqual(before);
    const [delivery] = await t.database.query<{ status: string }>(
      'select status from webhook_deliveries where id = $1',
      [nlDelivery],
    );
    expect(delivery!.status).toBe('dead');
  });

  it('an API key needs the webhooks:manage scope', async () => {
    const withScope = { authorization: `Bearer ${await keyOf(nlAdmin, ['webhooks:manage'])}` };
    const without = { authorization: `Bearer ${await keyOf(nlAdmin, ['organisation:read', 'events:read'])}` };

    const list = await t.app.inject({ method: 'GET', url: '/api/webhooks', headers: withScope });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain(nlHook);
    // Machine clients write without a CSRF token: they carry no cookie.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: withScope,
      payload: { url: 'https://hooks.example/by-key' },
    });
    expect(created.statusCode).toBe(201);

    for (const [method, url, body] of routes(nlHook, nlDelivery)) {
      const res = await t.app.inject({ method, url, headers: without, ...(body ? { payload: body } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('a validator cannot even mint a key with the webhooks:manage scope', async () => {
    const validator = await t.signIn('validator@nl.customs.example');
    const res = await validator.request('POST', '/api/api-keys', {
      name: 'sneaky',
      scopes: ['webhooks:manage'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('scopes.0');
  });

  it('anonymous callers get 401', async () => {
    for (const [method, url, body] of routes(nlHook, nlDelivery)) {
      const res = await t.app.inject({ method, url, ...(body ? { payload: body } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
