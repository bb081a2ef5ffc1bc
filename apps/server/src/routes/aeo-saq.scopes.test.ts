import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, smallSaq } from '../testing/aeo-saq-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may see and change SAQ versions. Reading is `aeo-programme:read` (administration staff see their
 * drafts; operators see only their supervising administration's published and retired versions);
 * writing is `aeo-programme:manage` (the administration's admin). Another administration's version
 * answers exactly like a missing one.
 */
let t: TestApp;
let admin: TestClient;
let draftId: string;
let publishedId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin@nl.customs.example');
  publishedId = await createDraft(admin, smallSaq('nl-scopes', '2.0.0'));
  expect((await admin.request('POST', `/api/aeo/saq-versions/${publishedId}/publish`)).statusCode).toBe(200);
  draftId = await createDraft(admin, smallSaq('nl-scopes', '3.0.0'));
});
afterAll(() => t.close());

const reads = (id: string) =>
  [
    ['GET', `/api/aeo/saq-versions/${id}`],
    ['GET', `/api/aeo/saq-versions/${id}/definition`],
  ] as const;

const writes = (id: string) =>
  [
    ['POST', '/api/aeo/saq-versions', { definition: smallSaq('intruder', '9.0.0') }],
    ['PUT', `/api/aeo/saq-versions/${id}`, { definition: smallSaq('intruder', '9.0.0') }],
    ['DELETE', `/api/aeo/saq-versions/${id}`, undefined],
    ['POST', `/api/aeo/saq-versions/${id}/publish`, undefined],
    ['POST', `/api/aeo/saq-versions/${id}/retire`, undefined],
  ] as const;

const listIds = async (client: TestClient) => {
  const res = await client.request('GET', '/api/aeo/saq-versions');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((v) => v.id);
};

const snapshot = async () => (await admin.request('GET', `/api/aeo/saq-versions/${draftId}`)).json();

describe('SAQ versions: roles', () => {
  it.each(['validator@nl.customs.example', 'trader@acme-logistics.example'])(
    '%s reads but gets 403 on every write',
    async (email) => {
      const client = await t.signIn(email);
      expect(await listIds(client)).toContain(publishedId);
      for (const [method, url] of reads(publishedId)) {
        expect((await client.request(method, url)).statusCode, `${method} ${url}`).toBe(200);
      }
      for (const [method, url, body] of writes(draftId)) {
        const res = await client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    },
  );

  it.each(['secretariat@wco.example', 'analyst@nl.customs.example'])(
    '%s (no programme permission) gets 403 on reads and writes',
    async (email) => {
      const client = await t.signIn(email);
      expect((await client.request('GET', '/api/aeo/saq-versions')).statusCode).toBe(403);
      for (const [method, url] of reads(publishedId)) {
        expect((await client.request(method, url)).statusCode, `${method} ${url}`).toBe(403);
      }
      for (const [method, url, body] of writes(draftId)) {
        expect((await client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
      }
    },
  );

  it('an API key reads with aeo:read and never writes', async () => {
    const created = await admin.request('POST', '/api/api-keys', {
      name: 'saq reader',
      scopes: ['aeo:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const headers = { authorization: `Bearer ${created.json().secret}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/aeo/saq-versions', headers });
    expect(list.statusCode).toBe(200);
    const publish = await t.app.inject({
      method: 'POST',
      url: `/api/aeo/saq-versions/${draftId}/publish`,
      headers,
    });
    expect(publish.statusCode).toBe(403);
    expect((await snapshot()).status).toBe('draft');
  });

  it("the administration's validator sees its drafts; its operators never do", async () => {
    const validator = await t.signIn('validator@nl.customs.example');
    expect(await listIds(validator)).toContain(draftId);
    expect((await validator.request('GET', `/api/aeo/saq-versions/${draftId}`)).statusCode).toBe(200);
    const trader = await t.signIn('trader@acme-logistics.example');
    expect(await listIds(trader)).not.toContain(draftId);
    for (const [method, url] of reads(draftId)) {
      expect((await trader.request(method, url)).statusCode, `${method} ${url}`).toBe(404);
    }
  });
});

describe('SAQ versions: tenants', () => {
  it.each(['admin@ke.customs.example', 'validator@ke.customs.example'])(
    "%s cannot list or open the Netherlands' versions",
    async (email) => {
      const ke = await t.signIn(email);
      const ids = await listIds(ke);
      expect(ids).not.toContain(draftId);
      expect(ids).not.toContain(publishedId);
      for (const id of [draftId, publishedId]) {
        for (const [method, url] of reads(id)) {
          const theirs = await ke.request(method, url);
          const unknown = await ke.request(method, url.replace(id, randomUUID()));
          expect(theirs.statusCode, `${method} ${url}`).toBe(404);
          expect(theirs.json().error.message).toBe(unknown.json().error.message);
        }
      }
    },
  );

  it('the Kenyan admin gets the same 404 as for an unknown id on every write, and nothing changes', async () => {
    const ke = await t.signIn('admin@ke.customs.example');
    const before = await snapshot();
    for (const [method, url, body] of writes(draftId).slice(1)) {
      const theirs = await ke.request(method, url, body);
      const unknown = await ke.request(method, url.replace(draftId, randomUUID()), body);
      expect(theirs.statusCode, `${method} ${url}`).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
    }
    expect(await snapshot()).toEqual(before);
    // Its own draft is its own: the Netherlands admin cannot see it either.
    const keDraft = await createDraft(ke, smallSaq('ke-saq'));
    expect(await listIds(admin)).not.toContain(keDraft);
    expect((await admin.request('GET', `/api/aeo/saq-versions/${keDraft}`)).statusCode).toBe(404);
  });

  it("an operator of another administration cannot open the Netherlands' published version", async () => {
    const globex = await t.signIn('trader@globex.example');
    expect(await listIds(globex)).not.toContain(publishedId);
    expect((await globex.request('GET', `/api/aeo/saq-versions/${publishedId}`)).statusCode).toBe(404);
  });
});
