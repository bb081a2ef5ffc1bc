import { randomUUID } from 'node:crypto';
import { cleanConsignment } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may screen what. Filing (`screening:file`): operators and their API keys with the `filing` scope.
 * Results (`screening-results:read`): the administration's risk analysts and admin. Rules, watch lists and
 * policy (`risk-rules:*`) and outcomes: risk analysts. Another administration's results, versions and lists
 * answer 404, like ids that do not exist, and stay unchanged.
 */
let t: TestApp;
let trader: TestClient;
let nlAnalyst: TestClient;
let keAnalyst: TestClient;
let keAdmin: TestClient;
let resultId: string;
let versionId: string;

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  nlAnalyst = await t.signIn('analyst@nl.customs.example');
  keAnalyst = await t.signIn('analyst@ke.customs.example');
  keAdmin = await t.signIn('admin@ke.customs.example');
  const filed = await trader.request('POST', '/api/screening/consignments', cleanConsignment());
  expect(filed.statusCode, filed.body).toBe(201);
  resultId = filed.json().resultId;
  versionId = (await nlAnalyst.request('GET', '/api/screening/rule-sets')).json().items[0].id;
});
afterAll(() => t.close());

const analystRoutes = (result: string, version: string, list: string) =>
  [
    ['GET', '/api/screening/rule-sets', undefined],
    [
      'POST',
      '/api/screening/rule-sets',
      { id: 'x1', name: 'x', watchLists: [], rules: [], decisionTables: [] },
    ],
    ['GET', `/api/screening/rule-sets/${version}`, undefined],
    [
      'PUT',
      `/api/screening/rule-sets/${version}`,
      { id: 'x1', name: 'x', watchLists: [], rules: [], decisionTables: [] },
    ],
    ['POST', `/api/screening/rule-sets/${version}/publish`, undefined],
    ['POST', `/api/screening/rule-sets/${version}/retire`, undefined],
    ['GET', `/api/screening/rule-sets/${version}/export`, undefined],
    ['GET', '/api/screening/watch-lists', undefined],
    ['POST', '/api/screening/watch-lists', { name: 'x1', entries: [] }],
    ['GET', `/api/screening/watch-lists/${list}`, undefined],
    ['PUT', `/api/screening/watch-lists/${list}`, { entries: [] }],
    ['DELETE', `/api/screening/watch-lists/${list}`, undefined],
    ['GET', '/api/screening/policy', undefined],
    ['PUT', '/api/screening/policy', {}],
    ['POST', `/api/screening/results/${result}/outcome`, { outcome: 'no_finding' }],
  ] as const;

describe('screening: roles', () => {
  it.each([
    'validator@nl.customs.example',
    'crisis@nl.customs.example',
    'secretariat@wco.example',
    'trader@acme-logistics.example',
  ])('%s cannot read results nor touch rules, lists, policy or outcomes', async (email) => {
    const client = await t.signIn(email);
    const results = await client.request('GET', `/api/screening/results/${resultId}`);
    expect(results.statusCode).toBe(403);
    for (const [method, url, body] of analystRoutes(resultId, versionId, 'denied-parties')) {
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('the administration admin reads results and explanations, and changes nothing', async () => {
    const admin = await t.signIn('admin@nl.customs.example');
    expect((await admin.request('GET', `/api/screening/results/${resultId}`)).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/screening/results')).statusCode).toBe(200);
    for (const [method, url, body] of analystRoutes(resultId, versionId, 'denied-parties')) {
      expect((await admin.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it.each(['analyst@nl.customs.example', 'admin@nl.customs.example', 'validator@nl.customs.example'])(
    '%s (customs) cannot file',
    async (email) => {
      const client = await t.signIn(email);
      const res = await client.request('POST', '/api/screening/consignments', cleanConsignment());
      expect(res.statusCode).toBe(403);
    },
  );

  it('an API key files only with the filing scope, and only people with an operator role can mint one', async () => {
    const mint = async (scopes: string[]) =>
      (await trader.request('POST', '/api/api-keys', { name: 'k', scopes })).json().secret;
    const withScope = await mint(['filing']);
    const without = await mint(['organisation:read', 'events:read', 'aeo:read']);
    const fileWith = (secret: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/screening/consignments',
        headers: { authorization: `Bearer ${secret}` },
        payload: cleanConsignment({ reference: `UCR-KEY-${randomUUID().slice(0, 8)}` }),
      });
    expect((await fileWith(withScope)).statusCode).toBe(201);
    const refused = await fileWith(without);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('screening:file');
    // A filing key cannot read what customs decided.
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/screening/results/${resultId}`,
      headers: { authorization: `Bearer ${withScope}` },
    });
    expect(read.statusCode).toBe(403);

    const analystKey = await nlAnalyst.request('POST', '/api/api-keys', { name: 'k', scopes: ['filing'] });
    expect(analystKey.statusCode).toBe(400);
    expect(analystKey.json().error.message).toContain('scopes.0');
  });

  it('anonymous callers get 401', async () => {
    for (const [method, url] of [
      ['POST', '/api/screening/consignments'],
      ['GET', '/api/screening/results'],
      ['GET', '/api/screening/rule-sets'],
      ['GET', '/api/screening/policy'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('screening: tenants', () => {
  it('another administration’s result is a 404 like an unknown id, and its list shows nothing of it', async () => {
    for (const client of [keAdmin, keAnalyst]) {
      const theirs = await client.request('GET', `/api/screening/results/${resultId}`);
      const unknown = await client.request('GET', `/api/screening/results/${randomUUID()}`);
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
      expect((await client.request('GET', '/api/screening/results')).json().items).toEqual([]);
    }
    const outcome = await keAnalyst.request('POST', `/api/screening/results/${resultId}/outcome`, {
      outcome: 'seizure',
    });
    expect(outcome.statusCode).toBe(404);
    expect((await nlAnalyst.request('GET', `/api/screening/results/${resultId}`)).json().outcomes).toEqual(
      [],
    );
  });

  it('another administration’s rule sets, watch lists and policy are out of reach', async () => {
    const before = (await nlAnalyst.request('GET', `/api/screening/rule-sets/${versionId}`)).json();
    const draft = { id: 'nl-demo', name: 'Taken over', watchLists: [], rules: [], decisionTables: [] };
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/screening/rule-sets/${versionId}`],
      ['PUT', `/api/screening/rule-sets/${versionId}`, draft],
      ['POST', `/api/screening/rule-sets/${versionId}/publish`],
      ['POST', `/api/screening/rule-sets/${versionId}/retire`],
      ['GET', `/api/screening/rule-sets/${versionId}/export`],
      ['GET', '/api/screening/watch-lists/denied-parties'],
      ['PUT', '/api/screening/watch-lists/denied-parties', { entries: [] }],
      ['DELETE', '/api/screening/watch-lists/denied-parties'],
    ];
    for (const [method, url, body] of attempts) {
      const theirs = await keAnalyst.request(method, url, body);
      const unknown = await keAnalyst.request(
        method,
        url.replace(versionId, randomUUID()).replace('denied-parties', 'no-such-list'),
        body,
      );
      expect(theirs.statusCode, `${method} ${url}: ${theirs.body}`).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
    }
    expect((await keAnalyst.request('GET', '/api/screening/rule-sets')).json().items).toEqual([]);
    expect((await keAnalyst.request('GET', '/api/screening/watch-lists')).json().items).toEqual([]);
    const kePolicy = (await keAnalyst.request('GET', '/api/screening/policy')).json();
    expect(kePolicy).toMatchObject({ administrationId: keAnalyst.organisationId, revision: 0 });
    expect((await nlAnalyst.request('GET', `/api/screening/rule-sets/${versionId}`)).json()).toEqual(before);
    const lists = (await nlAnalyst.request('GET', '/api/screening/watch-lists/denied-parties')).json();
    expect(lists.entryCount).toBeGreaterThan(0);
  });
});
