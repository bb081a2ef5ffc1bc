import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * In-app notifications over the API (PGlite and, with TEST_DATABASE_URL, PostgreSQL). The demo seed
 * leaves Delta Road Carriers' two members three notifications each (submitted, accepted, information
 * requested), so that read state is seen to be per person.
 */
let t: TestApp;
let delta: TestClient;
let colleague: TestClient;
let validator: TestClient;
let deltaCase: string;

const DELTA = 'compliance@delta-carriers.example';
const COLLEAGUE = 'ops@delta-carriers.example';

interface Item {
  id: string;
  type: string;
  title: { en: string; fr: string };
  body: { en: string; fr: string };
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const list = async (client: TestClient, query = '') => {
  const res = await client.request('GET', `/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; nextCursor: string | null; unreadCount: number };
};
const unread = async (client: TestClient) =>
  (await client.request('GET', '/api/notifications/unread-count')).json().unreadCount as number;

beforeAll(async () => {
  t = await createTestApp();
  delta = await t.signIn(DELTA);
  validator = await t.signIn('validator@nl.customs.example');
  colleague = await t.signIn(COLLEAGUE);
  deltaCase = (await delta.request('GET', '/api/aeo/applications')).json().items[0].id;
});
afterAll(() => t.close());

describe('listing', () => {
  it('shows the organisation’s notifications newest first, in both languages, with the unread count', async () => {
    const page = await list(delta);
    expect(page.unreadCount).toBe(3);
    expect(page.items.map((n) => n.type)).toEqual([
      'aeo.application.request_information',
      'aeo.application.accept',
      'aeo.application.submit',
    ]);
    const [asked] = page.items;
    expect(asked!.title.en).toMatch(/^Information requested on /);
    expect(asked!.title.fr).toMatch(/^Informations demandées pour /);
    expect(asked!.link).toBe(`/aeo/applications/${deltaCase}`);
    expect(asked!.readAt).toBeNull();
    const times = page.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('gives every member of the operator their own copy, and reading never creates rows', async () => {
    await Promise.all([list(delta), list(colleague), unread(delta), unread(colleague)]);
    const rows = await t.database.query<{ user_id: string | null; n: number }>(
      `select user_id, count(*)::int as n from notifications
        where organisation_id = $1 group by user_id order by user_id`,
      [delta.organisationId],
    );
    expect(rows.map((r) => r.n)).toEqual([3, 3]);
    expect(rows.map((r) => r.user_id).sort()).toEqual([delta.userId, colleague.userId].sort());
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const first = await list(delta, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(delta, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = await list(delta);
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual(all.items.map((n) => n.id));
  });
});

describe('read state', () => {
  it('marks one read for that person only, idempotently, and audits the acknowledgement', async () => {
    const [target] = (await list(delta)).items;
    const marked = await delta.request('POST', `/api/notifications/${target!.id}/read`);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ id: target!.id, readAt: expect.any(String) });
    const again = await delta.request('POST', `/api/notifications/${target!.id}/read`);
    expect(again.json().readAt).toBe(marked.json().readAt);

    expect(await unread(delta)).toBe(2);
    expect(await unread(colleague)).toBe(3);
    const onlyUnread = await list(delta, '?unread=true');
    expect(onlyUnread.items.map((n) => n.id)).not.toContain(target!.id);
    expect(onlyUnread.items).toHaveLength(2);
    expect(onlyUnread.unreadCount).toBe(2);

    const audit = await t.database.query<{ action: string; subject_id: string }>(
      `select action, subject_id from audit_log where action = 'notification.read' and actor_id = $1`,
      [delta.userId],
    );
    expect(audit).toEqual([{ action: 'notification.read', subject_id: target!.id }]);
  });

  it('a colleague’s copy is not mine: 404, and it stays unread', async () => {
    const [theirs] = (await list(colleague)).items;
    const res = await delta.request('POST', `/api/notifications/${theirs!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await list(colleague)).items[0]!.readAt).toBeNull();
  });

  it('marks all read for that person only', async () => {
    const res = await delta.request('POST', '/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: 2 });
    expect(await unread(delta)).toBe(0);
    expect((await list(delta, '?unread=true')).items).toEqual([]);
    expect(await unread(colleague)).toBe(3);
    expect((await delta.request('POST', '/api/notifications/read-all')).json()).toEqual({ marked: 0 });
  });

  it('a new request for information reaches every member as unread', async () => {
    const answered = await delta.request('POST', `/api/aeo/applications/${deltaCase}/operator-actions`, {
      type: 'answer_information',
      answer: 'Seals are checked by two drivers and logged in the handover app.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const asked = await validator.request('POST', `/api/aeo/applications/${deltaCase}/validation-actions`, {
      type: 'request_information',
      question: 'Please send the handover log for last week.',
    });
    expect(asked.statusCode, asked.body).toBe(200);

    expect(await unread(delta)).toBe(1);
    expect(await unread(colleague)).toBe(4);
    const [newest] = (await list(colleague)).items;
    expect(newest).toMatchObject({ type: 'aeo.application.request_information', readAt: null });
    const count = (await colleague.request('GET', '/api/notifications/unread-count')).json();
    expect(count.latestAt).toBe(newest!.createdAt);
  });
});

describe('bad input', () => {
  it('refuses a malformed id, naming the field', async () => {
    const res = await delta.request('POST', '/api/notifications/not-a-uuid/read');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('id');
  });

  it('answers an unknown id with 404', async () => {
    const res = await delta.request('POST', `/api/notifications/${randomUUID()}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Notification not found' });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['unread=yes', 'unread'],
    ['cursor=yesterday', 'cursor'],
    // Matches the cursor's shape but names no instant.
    [`cursor=2025-13-45T99:99:99Z_${randomUUID()}`, 'cursor'],
    ['colour=blue', 'colour'],
  ])('refuses ?%s, naming %s', async (query, field) => {
    const res = await delta.request('GET', `/api/notifications?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain(field);
  });
});
