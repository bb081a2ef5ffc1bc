import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeDraft, SAFE_VERSIONS, safeDefinition } from '../testing/safe-questionnaire-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may see and change SAFE monitoring questionnaire versions: only a secretariat analyst
 * (`safe-campaigns:manage`), and only its own secretariat's drafts. Administrations and operators are
 * refused (403); another secretariat tenant's version answers exactly like a missing one (404).
 */
let t: TestApp;
let secretariat: TestClient;
let draftId: string;

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await t.signIn('secretariat@wco.example');
  draftId = await createSafeDraft(secretariat, safeDefinition('3.0.0'));
});
afterAll(() => t.close());

const calls = (id: string) =>
  [
    ['GET', SAFE_VERSIONS, undefined],
    ['GET', `${SAFE_VERSIONS}/${id}`, undefined],
    ['GET', `${SAFE_VERSIONS}/${id}/definition`, undefined],
    ['POST', SAFE_VERSIONS, { definition: safeDefinition('9.0.0') }],
    ['PUT', `${SAFE_VERSIONS}/${id}`, { definition: safeDefinition('9.0.0') }],
    ['DELETE', `${SAFE_VERSIONS}/${id}`, undefined],
    ['POST', `${SAFE_VERSIONS}/${id}/publish`, undefined],
    ['POST', `${SAFE_VERSIONS}/${id}/retire`, undefined],
  ] as const;

const snapshot = async () => (await secretariat.request('GET', `${SAFE_VERSIONS}/${draftId}`)).json();

describe('SAFE questionnaire versions: roles', () => {
  it.each(['admin@nl.customs.example', 'analyst@nl.customs.example', 'trader@acme-logistics.example'])(
    '%s gets 403 on every call, and nothing changes',
    async (email) => {
      const client = await t.signIn(email);
      const before = await snapshot();
      for (const [method, url, body] of calls(draftId)) {
        const res = await client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe('SAFE questionnaire versions: tenants', () => {
  it("another secretariat cannot list, open or change the WCO secretariat's draft", async () => {
    const rocb = await t.signIn('analyst@rocb-esa.example');
    const list = await rocb.request('GET', SAFE_VERSIONS);
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: string }[]).map((v) => v.id)).not.toContain(draftId);
    const before = await snapshot();
    for (const [method, url, body] of calls(draftId).filter(([, url]) => url !== SAFE_VERSIONS)) {
      const theirs = await rocb.request(method, url, body);
      const unknown = await rocb.request(method, url.replace(draftId, randomUUID()), body);
      expect(theirs.statusCode, `${method} ${url}`).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
    }
    expect(await snapshot()).toEqual(before);
    // The same version number is free for the other secretariat: versions are namespaced by owner.
    const own = await rocb.request('POST', SAFE_VERSIONS, { definition: safeDefinition('3.0.0') });
    expect(own.statusCode, own.body).toBe(201);
    expect((await secretariat.request('GET', `${SAFE_VERSIONS}/${own.json().id}`)).statusCode).toBe(404);
  });
});
