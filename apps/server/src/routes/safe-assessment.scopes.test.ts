import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administrationsByCountry, openCampaign } from '../testing/safe-assessment-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may do what in the SAFE assessment. The secretariat manages campaigns and sees every response to
 * its own; an administration's `admin` answers and plans, its other staff only read; operators see
 * nothing. Tenants are walls: another administration's response or plan action, and another secretariat
 * tenant's campaign, answer exactly like a missing one (404) and stay unchanged.
 */
let t: TestApp;
let secretariat: TestClient;
let nl: TestClient;
let ke: TestClient;
let campaignId: string;
let previousId: string;
let nlResponseId: string;
let nlActionId: string;

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await t.signIn('secretariat@wco.example');
  nl = await t.signIn('admin@nl.customs.example');
  ke = await t.signIn('admin@ke.customs.example');
  const orgs = await administrationsByCountry(secretariat);
  campaignId = await openCampaign(secretariat, [orgs.NL!, orgs.KE!]);
  const list = (await nl.request('GET', '/api/safe-assessment/campaigns')).json().items as {
    id: string;
    status: string;
  }[];
  previousId = list.find((c) => c.status === 'closed')!.id;
  nlResponseId = (await nl.request('GET', `/api/safe-assessment/campaigns/${previousId}/responses`)).json()
    .items[0].id;
  nlActionId = (await nl.request('GET', '/api/safe-assessment/plan')).json().items[0].id;
});
afterAll(() => t.close());

const secretariatOnly = (id: string) =>
  [
    ['GET', '/api/safe-assessment/administrations', undefined],
    [
      'POST',
      '/api/safe-assessment/campaigns',
      {
        name: 'Intruder',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        deadline: '2099-01-01T00:00:00Z',
      },
    ],
    ['POST', `/api/safe-assessment/campaigns/${id}/invitations`, { organisationIds: [id] }],
    ['POST', `/api/safe-assessment/campaigns/${id}/close`, undefined],
    ['GET', `/api/safe-assessment/campaigns/${id}/progress`, undefined],
    ['GET', `/api/safe-assessment/campaigns/${id}/aggregates`, undefined],
  ] as const;

const answering = (id: string) =>
  [
    ['PUT', `/api/safe-assessment/campaigns/${id}/response`, { answers: { reference_year: 2025 } }],
    ['POST', `/api/safe-assessment/campaigns/${id}/response/copy-previous`, undefined],
    ['POST', `/api/safe-assessment/campaigns/${id}/response/submit`, undefined],
    ['POST', '/api/safe-assessment/plan/actions', { title: 'Nope', owner: 'x', dueDate: '2026-01-01' }],
  ] as const;

describe('SAFE assessment: roles', () => {
  it('an administration admin cannot use the secretariat routes (403)', async () => {
    for (const [method, url, body] of secretariatOnly(campaignId)) {
      const res = await nl.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const back = await nl.request('POST', `/api/safe-assessment/responses/${nlResponseId}/return`, {
      comments: [{ text: 'mine' }],
    });
    expect(back.statusCode).toBe(403);
  });

  it('other administration staff read their response and plan but cannot answer or plan (403)', async () => {
    const validator = await t.signIn('validator@nl.customs.example');
    expect(
      (await validator.request('GET', `/api/safe-assessment/campaigns/${campaignId}/response`)).statusCode,
    ).toBe(200);
    expect(
      (await validator.request('GET', `/api/safe-assessment/responses/${nlResponseId}/results`)).statusCode,
    ).toBe(200);
    expect((await validator.request('GET', '/api/safe-assessment/plan')).statusCode).toBe(200);
    for (const [method, url, body] of answering(campaignId)) {
      expect((await validator.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    const patch = await validator.request('PATCH', `/api/safe-assessment/plan/actions/${nlActionId}`, {
      status: 'done',
    });
    expect(patch.statusCode).toBe(403);
  });

  it('the secretariat cannot answer for an administration (403)', async () => {
    for (const [method, url, body] of answering(campaignId)) {
      expect((await secretariat.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('an operator sees nothing of the assessment (403)', async () => {
    const trader = await t.signIn('trader@acme-logistics.example');
    for (const url of [
      '/api/safe-assessment/campaigns',
      `/api/safe-assessment/campaigns/${campaignId}`,
      `/api/safe-assessment/responses/${nlResponseId}`,
      `/api/safe-assessment/responses/${nlResponseId}/report.pdf`,
      '/api/safe-assessment/plan',
    ]) {
      expect((await trader.request('GET', url)).statusCode, url).toBe(403);
    }
  });
});

describe('SAFE assessment: tenants', () => {
  it("another administration's response, results, report and plan action answer 404 and stay unchanged", async () => {
    const before = (await nl.request('GET', `/api/safe-assessment/responses/${nlResponseId}`)).json();
    for (const suffix of ['', '/results', '/report.pdf']) {
      const res = await ke.request('GET', `/api/safe-assessment/responses/${nlResponseId}${suffix}`);
      expect(res.statusCode, suffix).toBe(404);
    }
    const patch = await ke.request('PATCH', `/api/safe-assessment/plan/actions/${nlActionId}`, {
      status: 'done',
    });
    expect(patch.statusCode).toBe(404);
    expect((await nl.request('GET', `/api/safe-assessment/responses/${nlResponseId}`)).json()).toEqual(
      before,
    );
    const plan = (await nl.request('GET', '/api/safe-assessment/plan')).json().items;
    expect(plan.find((a: { id: string }) => a.id === nlActionId).status).not.toBe('done');
  });

  it('an administration lists and exports only its own response; another tenant plan is not asked for', async () => {
    const own = (await ke.request('GET', `/api/safe-assessment/campaigns/${previousId}/responses`)).json()
      .items;
    expect(own).toHaveLength(1);
    expect(own[0].organisationId).toBe(ke.organisationId);
    // `organisationId` is for the secretariat: an administration always gets its own plan.
    const plan = await ke.request('GET', `/api/safe-assessment/plan?organisationId=${nl.organisationId}`);
    expect(
      plan.json().items.every((a: { organisationId: string }) => a.organisationId === ke.organisationId),
    ).toBe(true);
  });

  it("another secretariat tenant's campaign and responses answer 404", async () => {
    const rocb = await t.signIn('analyst@rocb-esa.example');
    for (const url of [
      `/api/safe-assessment/campaigns/${campaignId}`,
      `/api/safe-assessment/campaigns/${campaignId}/progress`,
      `/api/safe-assessment/campaigns/${campaignId}/aggregates`,
      `/api/safe-assessment/responses/${nlResponseId}`,
    ]) {
      expect((await rocb.request('GET', url)).statusCode, url).toBe(404);
    }
    const returned = await rocb.request('POST', `/api/safe-assessment/responses/${nlResponseId}/return`, {
      comments: [{ text: 'not mine' }],
    });
    expect(returned.statusCode).toBe(404);
    const campaigns = (await rocb.request('GET', '/api/safe-assessment/campaigns')).json().items;
    expect(campaigns.map((c: { name: string }) => c.name)).toEqual(['ESA regional SAFE pilot 2022']);
  });
});
