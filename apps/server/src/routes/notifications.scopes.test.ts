import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may use the notification routes: every signed-in person, whatever their role — each sees only
 * what is addressed to them in the organisation they act for. There is no "wrong role"; the walls are
 * the person and the active organisation: another organisation's notification (even one the same
 * person receives in another of their organisations) answers exactly like an id that does not exist.
 * API keys are refused whatever their scopes: machines have no inbox.
 */
let t: TestApp;
let delta: TestClient;
let deltaNotification: string;

const routes = (id: string) =>
  [
    ['GET', '/api/notifications'],
    ['GET', '/api/notifications/unread-count'],
    ['POST', `/api/notifications/${id}/read`],
    ['POST', '/api/notifications/read-all'],
  ] as const;

/** An organisation-wide notification, as the AEO services write them. */
async function notify(organisationId: string, title: string): Promise<void> {
  await t.database.query(
    `insert into notifications (organisation_id, user_id, type, title, body)
     select $1, user_id, 'test.notice', $2::jsonb, $2::jsonb from memberships where organisation_id = $1`,
    [organisationId, JSON.stringify({ en: title, fr: title })],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  delta = await t.signIn('compliance@delta-carriers.example');
  deltaNotification = (await delta.request('GET', '/api/notifications')).json().items[0].id;
});
afterAll(() => t.close());

describe('notifications: access', () => {
  it.each([
    'admin@nl.customs.example',
    'validator@nl.customs.example',
    'analyst@nl.customs.example',
    'secretariat@wco.example',
    'trader@globex.example',
  ])('%s has an inbox, empty of anything addressed to others', async (email) => {
    const client = await t.signIn(email);
    const page = await client.request('GET', '/api/notifications');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.map((n: { id: string }) => n.id)).not.toContain(deltaNotification);
    expect((await client.request('GET', '/api/notifications/unread-count')).statusCode).toBe(200);
  });

  it('another organisation’s notification is a 404 like an unknown id, and stays unread', async () => {
    const globex = await t.signIn('trader@globex.example');
    const foreign = await globex.request('POST', `/api/notifications/${deltaNotification}/read`);
    const unknown = await globex.request('POST', `/api/notifications/${randomUUID()}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'NOT_FOUND', message: unknown.json().error.message });
    expect((await globex.request('POST', '/api/notifications/read-all')).json()).toEqual({ marked: 0 });
    const mine = (await delta.request('GET', '/api/notifications')).json();
    expect(mine.items.find((n: { id: string }) => n.id === deltaNotification).readAt).toBeNull();
    expect(mine.unreadCount).toBe(3);
  });

  it('the tenant is the active organisation, even for a person who belongs to two', async () => {
    // The Acme trader also files for Tulip Freight; Tulip's notice shows only while acting for Tulip.
    const trader = await t.signIn('trader@acme-logistics.example');
    const me = (await trader.request('GET', '/api/auth/me')).json();
    const tulip = (me.user.memberships as { organisationId: string; organisationName: string }[]).find(
      (m) => m.organisationId !== trader.organisationId,
    )!;
    await notify(tulip.organisationId, 'For Tulip only');
    const asAcme = (await trader.request('GET', '/api/notifications')).json();
    expect(asAcme.items.map((n: { title: { en: string } }) => n.title.en)).not.toContain('For Tulip only');
    expect(asAcme.unreadCount).toBe(0);

    const switched = await trader.request('POST', '/api/auth/switch-organisation', {
      organisationId: tulip.organisationId,
    });
    expect(switched.statusCode).toBe(200);
    const asTulip = (await trader.request('GET', '/api/notifications')).json();
    expect(asTulip.items.map((n: { title: { en: string } }) => n.title.en)).toEqual(['For Tulip only']);
    const tulipNotice = asTulip.items[0].id as string;

    const back = await trader.request('POST', '/api/auth/switch-organisation', {
      organisationId: me.activeOrganisationId,
    });
    expect(back.statusCode).toBe(200);
    const fromAcme = await trader.request('POST', `/api/notifications/${tulipNotice}/read`);
    expect(fromAcme.statusCode).toBe(404);
    expect((await trader.request('POST', '/api/notifications/read-all')).json()).toEqual({ marked: 0 });
  });

  it('API keys are refused whatever their scopes', async () => {
    const created = await delta.request('POST', '/api/api-keys', {
      name: 'erp',
      scopes: ['organisation:read', 'events:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const authorization = `Bearer ${created.json().secret}`;
    for (const [method, url] of routes(deltaNotification)) {
      const res = await t.app.inject({ method, url, headers: { authorization } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('anonymous callers get 401', async () => {
    for (const [method, url] of routes(deltaNotification)) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('a cookie write without the CSRF token is refused', async () => {
    const res = await delta.request('POST', `/api/notifications/${deltaNotification}/read`, undefined, {
      'x-csrf-token': 'forged',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });
});
