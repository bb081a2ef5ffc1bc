import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry, entryFor } from '../testing/compilation-route-rules.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may curate the compilation: administration admins their own country's entries, the secretariat
 * any; only the secretariat publishes or rejects. Another administration's entry answers like a missing
 * one, and stays as it was.
 */
let t: TestApp;
let nl: TestClient;
let entryId: string;

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.signIn('admin@nl.customs.example');
  entryId = await createEntry(nl, 'Scopes programme');
});
afterAll(() => t.close());

const snapshot = async () => (await nl.request('GET', `/api/compilation/entries/${entryId}`)).json();

describe('compilation curation: roles', () => {
  it.each(['validator@nl.customs.example', 'analyst@nl.customs.example', 'trader@acme-logistics.example'])(
    '%s gets 403 on every curation route',
    async (email) => {
      const client = await t.signIn(email);
      for (const [method, url, body] of [
        ['GET', '/api/compilation/entries', undefined],
        ['POST', '/api/compilation/entries', entryFor('NL', 'Intruder')],
        ['GET', `/api/compilation/entries/${entryId}`, undefined],
        ['PUT', `/api/compilation/entries/${entryId}`, entryFor('NL', 'Intruder')],
        ['POST', `/api/compilation/entries/${entryId}/submit`, undefined],
        ['POST', '/api/compilation/reviews', { entryId, decision: 'publish' }],
      ] as const) {
        const res = await client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    },
  );

  it('an administration admin cannot review, even its own entry', async () => {
    await nl.request('POST', `/api/compilation/entries/${entryId}/submit`);
    const res = await nl.request('POST', '/api/compilation/reviews', { entryId, decision: 'publish' });
    expect(res.statusCode).toBe(403);
    expect((await snapshot()).reviewState).toBe('submitted');
  });
});

describe('compilation curation: tenants', () => {
  it("another administration hears 404 for NL's entry and cannot change it", async () => {
    const before = await snapshot();
    const ke = await t.signIn('admin@ke.customs.example');
    for (const [method, url, body] of [
      ['GET', `/api/compilation/entries/${entryId}`, undefined],
      ['PUT', `/api/compilation/entries/${entryId}`, entryFor('KE', 'Taken over')],
      ['POST', `/api/compilation/entries/${entryId}/submit`, undefined],
    ] as const) {
      const res = await ke.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(
      (await ke.request('GET', '/api/compilation/entries')).json().items.map((e: { id: string }) => e.id),
    ).not.toContain(entryId);
    expect(await snapshot()).toEqual(before);
  });

  it('the secretariat sees and reviews every entry', async () => {
    const secretariat = await t.signIn('secretariat@wco.example');
    expect((await secretariat.request('GET', `/api/compilation/entries/${entryId}`)).statusCode).toBe(200);
    const res = await secretariat.request('POST', '/api/compilation/reviews', {
      entryId,
      decision: 'publish',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await snapshot()).reviewState).toBe('published');
  });
});
