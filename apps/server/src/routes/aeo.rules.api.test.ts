import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, completeSaq, programmeOf, submitApplication, uploadEvidence } from '../testing/aeo-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * The rules around the AEO workflow: actions in the wrong state (409 with the allowed actions), bad
 * input (400 naming the field), tenant walls (404), and the deadlines and order of the work queue.
 */
let t: TestApp;
let trader: TestClient;
let validator: TestClient;
let queue: { id: string; reference: string; operatorName: string; status: string }[];
const caseOf = (operator: string) => queue.find((c) => c.operatorName === operator)!;

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  validator = await t.signIn('validator@nl.customs.example');
  queue = (await validator.request('GET', '/api/aeo/applications')).json().items;
});
afterAll(() => t.close());

describe('actions not allowed in the current state: 409 with the allowed actions', () => {
  it('grant a draft (the administration does not even see drafts before submission: 409 on its side)', async () => {
    const tulipDraft = caseOf('Tulip Freight Holland');
    expect(tulipDraft.status).toBe('draft');
    const res = await act(validator, tulipDraft.id, { type: 'grant', category: 'F' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { state: 'draft', allowedActions: ['submit', 'withdraw'] },
    });
  });

  it('submit twice', async () => {
    const id = await submitApplication(trader);
    const again = await trader.request('POST', `/api/aeo/applications/${id}/operator-actions`, {
      type: 'submit',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.allowedActions).toEqual([
      'accept',
      'return_incomplete',
      'withdraw',
      'request_information',
    ]);
    // Withdraw so the next tests may open a new application for Acme.
    await trader.request('POST', `/api/aeo/applications/${id}/operator-actions`, { type: 'withdraw' });
  });

  it.each([
    ['reinstate', { type: 'reinstate', reason: 'Measures taken.' }],
    ['suspend', { type: 'suspend', grounds: 'Again.' }],
    ['grant', { type: 'grant', category: 'F' }],
  ])('%s a revoked case', async (_name, body) => {
    const harbour = caseOf('Harbour Warehousing Rotterdam');
    if (
      (
        await t.database.query<{ status: string }>('select status from aeo_applications where id = $1', [
          harbour.id,
        ])
      )[0]!.status !== 'revoked'
    ) {
      const revoked = await act(validator, harbour.id, {
        type: 'revoke',
        grounds: 'Corrective measures not taken.',
      });
      expect(revoked.json().certificate.status).toBe('revoked');
    }
    const res = await act(validator, harbour.id, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ state: 'revoked', allowedActions: ['appeal'] });
  });

  it('no decision while the operator owes information', async () => {
    const delta = caseOf('Delta Road Carriers');
    const res = await act(validator, delta.id, { type: 'refuse', reasons: ['No answer.'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({
      awaitingInformation: true,
      allowedActions: ['extend_deadline', 'withdraw', 'answer_information'],
    });
  });
});

describe('bad input: 400 naming the field', () => {
  it('unknown fields are refused', async () => {
    const programme = await programmeOf(trader);
    const res = await trader.request('POST', '/api/aeo/applications', {
      programmeId: programme.id,
      category: 'F',
      priority: 'high',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('priority');
  });

  it('SAQ answers that do not fit the question, or are not in the SME variant', async () => {
    const programme = await programmeOf(trader);
    const created = await trader.request('POST', '/api/aeo/applications', {
      programmeId: programme.id,
      category: 'S',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const res = await trader.request('PATCH', `/api/aeo/applications/${id}/answers`, {
      answers: {
        profile_employees: 'many',
        compliance_breaches: 'no',
        financial_statements: ['7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11'],
        made_up: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.problems.map((p: { path: string }) => p.path)
      .sort();
    expect(paths).toEqual([
      'answers.compliance_breaches',
      'answers.financial_statements',
      'answers.made_up',
      'answers.profile_employees',
    ]);
    // Nothing was saved.
    expect((await trader.request('GET', `/api/aeo/applications/${id}`)).json().answers).toEqual({});
    // An incomplete SAQ cannot be submitted; every missing answer is named.
    const submit = await trader.request('POST', `/api/aeo/applications/${id}/operator-actions`, {
      type: 'submit',
    });
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.details.problems.length).toBeGreaterThan(10);
    // Evidence must be a document attached to this case.
    const documentId = await uploadEvidence(trader, id);
    const full = completeSaq({ isSme: true }, documentId);
    const foreignDoc = await trader.request('PATCH', `/api/aeo/applications/${id}/answers`, {
      answers: { ...full, records_description_sme: ['7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11'] },
    });
    expect(foreignDoc.statusCode).toBe(400);
    expect(foreignDoc.json().error.details.problems[0]).toMatchObject({
      path: 'answers.records_description_sme',
      code: 'unknown_document',
    });
    await trader.request('POST', `/api/aeo/applications/${id}/operator-actions`, { type: 'withdraw' });
  });

  it('an extension beyond the programme limit, and missing reasons', async () => {
    const delta = caseOf('Delta Road Carriers');
    const ok = await act(validator, delta.id, {
      type: 'extend_deadline',
      days: 40,
      reason: 'Complex group structure.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().deadlines.extensionDaysLeft).toBe(20);
    const tooMuch = await act(validator, delta.id, {
      type: 'extend_deadline',
      days: 21,
      reason: 'More time.',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details.problems[0]).toMatchObject({ path: 'days' });
    expect(tooMuch.json().error.details.problems[0].message).toContain('20 left');
    const noReason = await act(validator, delta.id, { type: 'extend_deadline', days: 5 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    const blankReasons = await act(validator, delta.id, { type: 'refuse', reasons: [] });
    expect(blankReasons.statusCode).toBe(400);
    expect(blankReasons.body).toContain('reasons');
    const badCategory = await act(validator, caseOf('Windmill Components').id, {
      type: 'suspend',
      grounds: '',
    });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.body).toContain('grounds');
  });

  it('programme criteria must name a SAFE heading from 1 to 13', async () => {
    const admin = await t.signIn('admin@nl.customs.example');
    const programme = (await admin.request('GET', '/api/aeo/programme')).json();
    const { id, administrationId, identifierPrefix, saqDefinitionId, updatedAt, ...settings } = programme;
    const criteria = programme.criteria.map(({ id: _id, position: _p, ...c }: Record<string, unknown>) => c);
    const bad = await admin.request('PUT', '/api/aeo/programme', {
      ...settings,
      criteria: [...criteria, { ...criteria[0], code: 'extra', safeHeading: 14 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`criteria.${criteria.length}.safeHeading`);
    const good = await admin.request('PUT', '/api/aeo/programme', {
      ...settings,
      clocks: { ...settings.clocks, maxExtensionDays: 30 },
      criteria,
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(new Set(good.json().criteria.map((c: { safeHeading: number }) => c.safeHeading)).size).toBe(13);
  });
});

describe('tenant walls: 404 like an unknown id', () => {
  it('another operator cannot see or act on the application', async () => {
    const globex = await t.signIn('trader@globex.example');
    const windmill = caseOf('Windmill Components');
    for (const [method, url, body] of [
      ['GET', `/api/aeo/applications/${windmill.id}`, undefined],
      ['PATCH', `/api/aeo/applications/${windmill.id}/answers`, { answers: {} }],
      ['POST', `/api/aeo/applications/${windmill.id}/operator-actions`, { type: 'withdraw' }],
    ] as const) {
      const res = await globex.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await globex.request('GET', '/api/aeo/applications')).json().items).toEqual([]);
    expect(
      (await trader.request('GET', '/api/aeo/applications'))
        .json()
        .items.map((i: { operatorName: string }) => i.operatorName),
    ).not.toContain('Windmill Components');
  });

  it('a KE validator cannot see or act on NL cases', async () => {
    const ke = await t.signIn('validator@ke.customs.example');
    const delta = caseOf('Delta Road Carriers');
    expect((await ke.request('GET', `/api/aeo/applications/${delta.id}`)).statusCode).toBe(404);
    expect((await act(ke, delta.id, { type: 'extend_deadline', days: 1, reason: 'x' })).statusCode).toBe(404);
    expect((await ke.request('GET', '/api/aeo/applications')).json().items).toEqual([]);
  });
});

describe('the work queue', () => {
  it('shows next deadline and days left, overdue first', async () => {
    const id = await submitApplication(trader, 'S');
    // The submission happened 40 days ago: the 30-day acceptance clock is 10 days overdue.
    await t.database.query(
      `update aeo_application_actions set at = at - interval '40 days' where application_id = $1`,
      [id],
    );
    const items = (await validator.request('GET', '/api/aeo/applications')).json().items;
    expect(items[0]).toMatchObject({
      id,
      status: 'submitted',
      nextDeadline: { kind: 'acceptance', daysLeft: -10, overdue: true, stopped: false },
    });
    const delta = items.find((c: { operatorName: string }) => c.operatorName === 'Delta Road Carriers');
    // Accepted today with a 120-day clock, stopped by the request, extended by 40 days above.
    expect(delta.nextDeadline).toMatchObject({ kind: 'decision', overdue: false, stopped: true });
    expect(delta.nextDeadline.daysLeft).toBe(160);
    const dated = items.filter((c: { nextDeadline: unknown }) => c.nextDeadline);
    const undated = items.filter((c: { nextDeadline: unknown }) => !c.nextDeadline);
    expect(items.slice(0, dated.length)).toEqual(dated);
    expect(undated.map((c: { status: string }) => c.status)).toEqual(
      expect.arrayContaining(['granted', 'draft']),
    );
  });
});

describe('assignment, refusal and appeal', () => {
  it('assigns a validator of the administration only', async () => {
    const delta = caseOf('Delta Road Carriers');
    const assigned = await act(validator, delta.id, {
      type: 'assign_validator',
      validatorUserId: validator.userId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assignedValidatorId: validator.userId, status: 'under_review' });
    const ke = await t.signIn('validator@ke.customs.example');
    const foreign = await act(validator, delta.id, { type: 'assign_validator', validatorUserId: ke.userId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.problems[0].path).toBe('validatorUserId');
  });

  it('a refusal with reasons can be appealed, and an overturned refusal goes back to review', async () => {
    const acme = (await validator.request('GET', '/api/aeo/applications'))
      .json()
      .items.find(
        (c: { operatorName: string; status: string }) =>
          c.operatorName === 'Acme Logistics' && c.status === 'submitted',
      );
    expect((await act(validator, acme.id, { type: 'accept' })).statusCode).toBe(200);
    const refused = await act(validator, acme.id, { type: 'refuse', reasons: ['Solvency not shown.'] });
    expect(refused.json()).toMatchObject({ status: 'refused', certificate: null });
    const appeal = await trader.request('POST', `/api/aeo/applications/${acme.id}/operator-actions`, {
      type: 'appeal',
      grounds: 'The audited accounts were filed late but are now attached.',
    });
    expect(appeal.json().status).toBe('under_appeal');
    const decided = await act(validator, acme.id, {
      type: 'decide_appeal',
      outcome: 'overturned',
      reason: 'Accounts fine.',
    });
    expect(decided.json()).toMatchObject({ status: 'under_review' });
    const notes = await t.database.query<{ type: string }>(
      `select type from notifications where organisation_id = $1 and type like 'aeo.application.%appeal%'`,
      [trader.organisationId],
    );
    expect(notes.map((n) => n.type).sort()).toEqual([
      'aeo.application.appeal',
      'aeo.application.decide_appeal',
    ]);
  });
});
