import { getDefaultAeoSaq, resolveVisibility } from '@aeolus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeOf } from '../testing/aeo-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * `GET /api/aeo/applications/:id/questionnaire`: the SAQ version an application pinned, which the web
 * form renders. Both sides of the case read it; the variant is the one the server chose (SME or not).
 */
let t: TestApp;
let trader: TestClient;
let validator: TestClient;
let applicationId: string;

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  validator = await t.signIn('validator@nl.customs.example');
  const programme = await programmeOf(trader);
  const created = await trader.request('POST', '/api/aeo/applications', {
    programmeId: programme.id,
    category: 'S',
  });
  expect(created.statusCode, created.body).toBe(201);
  applicationId = created.json().id;
});
afterAll(() => t.close());

describe('AEO application questionnaire', () => {
  it('gives the operator the pinned definition and the SME variant chosen for it', async () => {
    const res = await trader.request('GET', `/api/aeo/applications/${applicationId}/questionnaire`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const detail = (await trader.request('GET', `/api/aeo/applications/${applicationId}`)).json();
    expect(body).toMatchObject({
      applicationId,
      definitionId: detail.saqDefinitionId,
      variant: 'sme', // Acme is flagged as an SME
    });
    const shipped = getDefaultAeoSaq();
    expect(body.definition.id).toBe(shipped.id);
    expect(body.definition.version).toBe(shipped.version);
    expect(body.definition.sections.map((s: { id: string }) => s.id)).toEqual(
      shipped.sections.map((s) => s.id),
    );
    // What the form decides from the JSON it receives is what the server decides from its own copy.
    const answers = { profile_handles_goods: false, profile_own_conveyances: true };
    const profile = { isSme: true };
    expect([...resolveVisibility(body.definition, answers, profile)]).toEqual([
      ...resolveVisibility(shipped, answers, profile),
    ]);
  });

  it('gives the administration that decides the case the same definition', async () => {
    const mine = (await trader.request('GET', `/api/aeo/applications/${applicationId}/questionnaire`)).json();
    const res = await validator.request('GET', `/api/aeo/applications/${applicationId}/questionnaire`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(mine);
  });

  it('answers 404 for an unknown application and 400 naming the parameter for a malformed id', async () => {
    const unknown = await trader.request(
      'GET',
      '/api/aeo/applications/00000000-0000-4000-8000-000000000000/questionnaire',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const malformed = await trader.request('GET', '/api/aeo/applications/not-an-id/questionnaire');
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json().error)).toContain('id');
  });
});
