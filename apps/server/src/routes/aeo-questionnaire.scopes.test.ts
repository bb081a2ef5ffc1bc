import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdOf } from '../testing/aeo-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may read an application's questionnaire: the operator that applied and the administration that
 * decides it (`aeo-application:read`). Another tenant hears the same 404 as for a missing case; a role
 * without the permission hears 403.
 */
let t: TestApp;
let validator: TestClient;
let windmillCase: string;

beforeAll(async () => {
  t = await createTestApp();
  validator = await t.signIn('validator@nl.customs.example');
  windmillCase = await caseIdOf(validator, 'Windmill Components');
});
afterAll(() => t.close());

const url = (id: string) => `/api/aeo/applications/${id}/questionnaire`;

describe('AEO questionnaire: access', () => {
  it('the holder and its administration read it', async () => {
    const holder = await t.signIn('compliance@windmill-components.example');
    expect((await holder.request('GET', url(windmillCase))).statusCode).toBe(200);
    expect((await validator.request('GET', url(windmillCase))).statusCode).toBe(200);
  });

  it('a role without aeo-application:read gets 403', async () => {
    const wco = await t.signIn('secretariat@wco.example');
    const res = await wco.request('GET', url(windmillCase));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it.each(['trader@globex.example', 'validator@ke.customs.example'])(
    '%s (another tenant) gets the 404 of a missing case',
    async (email) => {
      const intruder = await t.signIn(email);
      const theirs = await intruder.request('GET', url(windmillCase));
      const missing = await intruder.request('GET', url('00000000-0000-4000-8000-000000000000'));
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json().error.message).toBe(missing.json().error.message);
    },
  );

  it('an API key with aeo:read reads it', async () => {
    const created = await validator.request('POST', '/api/api-keys', {
      name: 'saq reader',
      scopes: ['aeo:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: url(windmillCase),
      headers: { authorization: `Bearer ${created.json().secret}` },
    });
    expect(res.statusCode).toBe(200);
  });
});
