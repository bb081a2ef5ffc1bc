import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdOf } from '../testing/aeo-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may do what in the AEO lifecycle. Operators apply (`aeo-application:apply`), validators validate
 * (`aeo-application:validate`), only an administration's admin edits the programme; reading is for both
 * sides, each seeing only its own cases. Another tenant's case is answered exactly like a missing one.
 */
let t: TestApp;
let validator: TestClient;
let caseId: string;
let grantedId: string;

beforeAll(async () => {
  t = await createTestApp();
  validator = await t.signIn('validator@nl.customs.example');
  caseId = await caseIdOf(validator, 'Delta Road Carriers');
  grantedId = await caseIdOf(validator, 'Windmill Components');
});
afterAll(() => t.close());

const operatorRoutes = (id: string) =>
  [
    ['POST', '/api/aeo/applications', { programmeId: randomUUID(), category: 'F' }],
    ['PATCH', `/api/aeo/applications/${id}/answers`, { answers: {} }],
    ['POST', `/api/aeo/applications/${id}/operator-actions`, { type: 'withdraw' }],
    ['POST', `/api/aeo/applications/${id}/monitoring-reports`, { kind: 'premises', description: 'x' }],
  ] as const;

const validatorRoutes = (id: string) =>
  [
    [
      'POST',
      `/api/aeo/applications/${id}/validation-actions`,
      { type: 'extend_deadline', days: 1, reason: 'x' },
    ],
    [
      'PUT',
      `/api/aeo/applications/${id}/validation-plan`,
      { items: [{ criterionId: randomUUID(), onSite: false }] },
    ],
    [
      'PUT',
      `/api/aeo/applications/${id}/checklist`,
      { results: [{ criterionId: randomUUID(), result: 'met' }] },
    ],
    ['POST', `/api/aeo/applications/${id}/corrective-actions`, { description: 'x', dueOn: '2099-01-01' }],
    ['POST', `/api/aeo/applications/${id}/monitoring-reports/${randomUUID()}/close`, { outcome: 'x' }],
  ] as const;

describe('AEO: roles', () => {
  it.each(['admin@nl.customs.example', 'analyst@nl.customs.example', 'trader@acme-logistics.example'])(
    '%s (not a validator) gets 403 on every validation route',
    async (email) => {
      const client = await t.signIn(email);
      for (const [method, url, body] of validatorRoutes(caseId)) {
        const res = await client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    },
  );

  it.each(['validator@nl.customs.example', 'admin@nl.customs.example', 'secretariat@wco.example'])(
    '%s (not an operator) gets 403 on every operator route',
    async (email) => {
      const client = await t.signIn(email);
      for (const [method, url, body] of operatorRoutes(caseId)) {
        const res = await client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    },
  );

  it('only an administration admin edits the programme; the secretariat does not read it', async () => {
    for (const email of ['validator@nl.customs.example', 'trader@acme-logistics.example']) {
      const client = await t.signIn(email);
      expect((await client.request('PUT', '/api/aeo/programme', {})).statusCode, email).toBe(403);
      expect((await client.request('GET', '/api/aeo/programme')).statusCode, email).toBe(200);
    }
    const wco = await t.signIn('secretariat@wco.example');
    expect((await wco.request('GET', '/api/aeo/programme')).statusCode).toBe(403);
    expect((await wco.request('GET', '/api/aeo/applications')).statusCode).toBe(403);
  });

  it('an API key reads with aeo:read and never acts', async () => {
    const created = await validator.request('POST', '/api/api-keys', {
      name: 'aeo reader',
      scopes: ['aeo:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const headers = { authorization: `Bearer ${created.json().secret}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/aeo/applications', headers });
    expect(list.statusCode).toBe(200);
    const decide = await t.app.inject({
      method: 'POST',
      url: `/api/aeo/applications/${caseId}/validation-actions`,
      headers,
      payload: { type: 'extend_deadline', days: 1, reason: 'x' },
    });
    expect(decide.statusCode).toBe(403);
  });
});

describe('AEO: tenants', () => {
  // A stopped clock's due date moves with time: compare the case without its deadlines.
  const snapshot = async () => {
    const {
      nextDeadline: _n,
      deadlines: _d,
      ...rest
    } = (await validator.request('GET', `/api/aeo/applications/${caseId}`)).json();
    return rest;
  };

  it('another administration gets the same 404 as for an unknown case, and nothing changes', async () => {
    const ke = await t.signIn('validator@ke.customs.example');
    const before = await snapshot();
    for (const [method, url, body] of validatorRoutes(caseId)) {
      const theirs = await ke.request(method, url, body);
      const unknown = await ke.request(method, url.replace(caseId, randomUUID()), body);
      expect(theirs.statusCode, `${method} ${url}`).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
    }
    expect((await ke.request('GET', `/api/aeo/applications/${caseId}`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('another operator gets 404 on every operator route', async () => {
    const globex = await t.signIn('trader@globex.example');
    for (const [method, url, body] of operatorRoutes(grantedId).slice(1)) {
      const res = await globex.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // A programme of another administration does not exist for the operator.
    const programmeId = (await validator.request('GET', '/api/aeo/programme')).json().id;
    const res = await globex.request('POST', '/api/aeo/applications', { programmeId, category: 'F' });
    expect(res.statusCode).toBe(404);
  });
});
