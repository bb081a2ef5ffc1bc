import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, programmeOf, submitApplication } from '../testing/aeo-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * The acceptance journey as an API test (runs on PGlite and, with TEST_DATABASE_URL, on
 * PostgreSQL): the Acme trader applies and submits the SAQ with a PDF; the NL validator accepts,
 * requests information, gets the answer, plans and records the visit, grants, then suspends.
 */
let t: TestApp;
let trader: TestClient;
let validator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  validator = await t.signIn('validator@nl.customs.example');
});
afterAll(() => t.close());

describe('AEO application journey', () => {
  it('goes from draft to granted and suspended, with log, deadlines, notifications and certificate', async () => {
    const id = await submitApplication(trader);
    let view = (await validator.request('GET', `/api/aeo/applications/${id}`)).json();
    expect(view.status).toBe('submitted');
    expect(view.saqVariant).toBe('sme'); // Acme is flagged as an SME
    expect(view.allowedActions.sort()).toEqual(['accept', 'request_information', 'return_incomplete']);
    expect(view.deadlines.acceptance.daysLeft).toBe(30);

    expect((await act(validator, id, { type: 'accept' })).statusCode).toBe(200);
    const asked = await act(validator, id, {
      type: 'request_information',
      question: 'Send the seal register.',
    });
    expect(asked.json()).toMatchObject({ status: 'under_review', awaitingInformation: true });
    expect(asked.json().deadlines.decision.stopped).toBe(true);
    expect(asked.json().allowedActions).toEqual(['extend_deadline']);

    const answered = await trader.request('POST', `/api/aeo/applications/${id}/operator-actions`, {
      type: 'answer_information',
      answer: 'The seal register is attached to the case.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().awaitingInformation).toBe(false);

    const programme = await programmeOf(validator);
    const onSite = programme.criteria.find((c) => c.code === 'premises_perimeter')!;
    const plan = await validator.request('PUT', `/api/aeo/applications/${id}/validation-plan`, {
      items: [
        { criterionId: onSite.id, onSite: true, reason: 'Night-time yard access was flagged in the SAQ.' },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect((await act(validator, id, { type: 'plan_visit', visitDate: '2026-02-03' })).statusCode).toBe(200);
    const checklist = await validator.request('PUT', `/api/aeo/applications/${id}/checklist`, {
      results: [{ criterionId: onSite.id, result: 'partly_met', notes: 'Gate camera out of order.' }],
    });
    expect(checklist.json().checklist[0]).toMatchObject({ result: 'partly_met', onSite: true });
    const corrective = await validator.request('POST', `/api/aeo/applications/${id}/corrective-actions`, {
      criterionId: onSite.id,
      description: 'Repair the gate camera.',
      dueOn: '2099-01-31',
    });
    expect(corrective.json().correctiveActions).toHaveLength(1);
    const visited = await act(validator, id, {
      type: 'record_visit',
      reportSummary: 'Premises examined; one finding on yard surveillance.',
      recommendation: 'grant_with_conditions',
    });
    expect(visited.json().status).toBe('visit_recorded');

    const granted = await act(validator, id, { type: 'grant', category: 'F' });
    expect(granted.statusCode, granted.body).toBe(200);
    view = granted.json();
    expect(view.status).toBe('granted');
    expect(view.certificate).toMatchObject({ status: 'active', aeoId: expect.stringMatching(/^NLAEOF\d+$/) });
    expect(view.deadlines.effectiveFrom).toBeDefined();
    // Open-ended NL programme: reassessment 3 years after the grant takes effect (decision + 5 days).
    const effective = new Date(view.deadlines.effectiveFrom);
    effective.setUTCFullYear(effective.getUTCFullYear() + 3);
    expect(view.certificate.reassessmentDue).toBe(effective.toISOString().slice(0, 10));

    // The trader downloads the PDF certificate; anyone verifies the credential (the PDF's QR link).
    const { aeoId, credential } = view.certificate;
    const pdf = await trader.request('GET', `/api/public/aeo/${aeoId}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verify = () =>
      t.app.inject({ method: 'POST', url: '/api/public/aeo/verify', payload: { credential } });
    // Genuine and active, but not valid until the grant takes effect (the decision + 5 days, EU default).
    expect((await verify()).json()).toMatchObject({
      valid: false,
      status: 'active',
      aeoId,
      reason: 'not yet valid',
    });

    const suspended = await act(validator, id, {
      type: 'suspend',
      grounds: 'Camera still broken at follow-up.',
    });
    expect(suspended.json().status).toBe('suspended');
    expect(suspended.json().certificate.status).toBe('suspended');
    // The very next verification says so: the status is read live, never from the signed credential.
    expect((await verify()).json()).toMatchObject({ valid: false, status: 'suspended', aeoId });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/aeo/${aeoId}` })).json().status).toBe(
      'suspended',
    );

    // The operator sees the same case, with the full log and only its own allowed actions.
    const mine = (await trader.request('GET', `/api/aeo/applications/${id}`)).json();
    expect(mine.actions.map((a: { type: string }) => a.type)).toEqual([
      'submit',
      'accept',
      'request_information',
      'answer_information',
      'plan_validation',
      'plan_visit',
      'record_checklist',
      'request_corrective_action',
      'record_visit',
      'grant',
      'suspend',
    ]);
    expect(mine.actions[1]).toMatchObject({ side: 'administration', actorLabel: expect.any(String) });
    expect(mine.allowedActions).toEqual(['appeal']);

    const notes = await t.database.query<{ type: string }>(
      'select type from notifications where organisation_id = $1 order by created_at',
      [trader.organisationId],
    );
    expect(notes.map((n) => n.type)).toEqual(
      expect.arrayContaining([
        'aeo.application.submit',
        'aeo.application.accept',
        'aeo.application.request_information',
        'aeo.application.plan_visit',
        'aeo.application.grant',
        'aeo.application.suspend',
      ]),
    );
    const events = await t.database.query<{ type: string }>(
      `select type from outbox_events where subject_id = $1 order by seq`,
      [id],
    );
    expect(events.map((e) => e.type)).toContain('aeo.application.grant');
    const audit = await t.database.query<{ n: string }>(
      `select count(*) as n from audit_log where subject_id = $1 and action like 'aeo.application.%'`,
      [id],
    );
    expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(12);

    // A granted AEO reports a change; the review shows in the administration's queue.
    const report = await trader.request('POST', `/api/aeo/applications/${id}/monitoring-reports`, {
      kind: 'premises',
      description: 'A second warehouse opens in Venlo.',
    });
    expect(report.statusCode, report.body).toBe(200);
    const queue = (await validator.request('GET', '/api/aeo/applications')).json().items;
    expect(queue.find((c: { id: string }) => c.id === id).openReviews).toBe(1);
    const reportId = report.json().monitoringReports[0].id;
    const closed = await validator.request(
      'POST',
      `/api/aeo/applications/${id}/monitoring-reports/${reportId}/close`,
      { outcome: 'Premises added to the authorisation after a desk check.' },
    );
    expect(closed.json().monitoringReports[0].reviewStatus).toBe('closed');
  });
});
