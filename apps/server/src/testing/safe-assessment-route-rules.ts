import type { RouteRule, SampleContext } from './route-rules.js';
import { inDays } from './safe-assessment-helpers.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for the SAFE assessment routes (see route-rules.ts). Callers work on the seeded
 * previous cycle (closed; NL and KE invited and submitted) or on a campaign opened for the call. Another
 * tenant: for secretariat routes, the WCO ROCB's campaign tried by the WCO secretariat; for administration
 * routes, NL's response or plan action tried by KE.
 */

const SECRETARIAT = 'secretariat@wco.example';
const OTHER_SECRETARIAT = 'analyst@rocb-esa.example';

async function administrationId(person: TestClient, country: string): Promise<string> {
  const res = await person.request('GET', '/api/safe-assessment/administrations');
  const found = (res.json().items as { countryCode: string; organisationId: string }[]).find(
    (a) => a.countryCode === country,
  );
  if (!found) throw new Error(`no administration for ${country}: ${res.statusCode} ${res.body}`);
  return found.organisationId;
}

async function createCampaign(owner: TestClient, invite: string[] = []): Promise<string> {
  const res = await owner.request('POST', '/api/safe-assessment/campaigns', {
    name: `Matrix cycle ${Date.now().toString(36)}`,
    periodStart: '2025-01-01',
    periodEnd: '2026-12-31',
    deadline: inDays(20),
    invitedOrganisationIds: invite,
  });
  if (res.statusCode !== 201) throw new Error(`could not open a campaign: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** The first campaign the caller sees: the seeded previous cycle for the secretariat, NL and KE. */
const firstCampaign = async ({ person }: SampleContext) => {
  const res = await person.request('GET', '/api/safe-assessment/campaigns');
  const items = res.json().items as { id: string; name: string; status: string }[];
  // The seeded (closed) cycle, whose responses exist, not a campaign another matrix row opened or closed.
  const found = items.find((c) => c.status === 'closed' && !c.name.startsWith('Matrix cycle')) ?? items[0];
  // The ROCB has no seeded campaign: it opens one of its own.
  return { params: { id: found?.id ?? (await createCampaign(person)) } };
};

const ownOpenCampaign = async ({ person }: SampleContext) => ({
  params: { id: await createCampaign(person) },
});

/** A campaign of another secretariat-side tenant: the ROCB's, tried by the WCO secretariat. */
const foreignCampaign: RouteRule['foreign'] = {
  owner: OTHER_SECRETARIAT,
  intruder: SECRETARIAT,
  create: async (owner) => ({ id: await createCampaign(owner) }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/safe-assessment/campaigns/${params.id}`)).json(),
};

/** A campaign the KE administration is not invited to (only NL is), tried by KE. */
const campaignNotInvited: RouteRule['foreign'] = {
  owner: SECRETARIAT,
  intruder: 'admin@ke.customs.example',
  create: async (owner) => ({ id: await createCampaign(owner, [await administrationId(owner, 'NL')]) }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/safe-assessment/campaigns/${params.id}`)).json(),
};

/** The responses to the seeded previous cycle the caller sees (its own, or all for the secretariat). */
const firstResponse = async ({ person }: SampleContext) => {
  const campaign = await firstCampaign({ person } as SampleContext);
  const res = await person.request('GET', `/api/safe-assessment/campaigns/${campaign.params.id}/responses`);
  return { params: { id: (res.json().items as { id: string }[])[0]!.id } };
};

/** NL's response to the previous cycle, tried by KE. */
const foreignResponse: RouteRule['foreign'] = {
  owner: 'admin@nl.customs.example',
  intruder: 'admin@ke.customs.example',
  create: async (owner) => (await firstResponse({ person: owner } as SampleContext)).params,
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/safe-assessment/responses/${params.id}`)).json(),
};

/** A response of the WCO secretariat's previous cycle, tried by the ROCB (another secretariat tenant). */
const responseOfOtherSecretariat: RouteRule['foreign'] = {
  owner: SECRETARIAT,
  intruder: OTHER_SECRETARIAT,
  create: async (owner) => (await firstResponse({ person: owner } as SampleContext)).params,
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/safe-assessment/responses/${params.id}`)).json(),
};

async function createPlanAction(owner: TestClient): Promise<string> {
  const res = await owner.request('POST', '/api/safe-assessment/plan/actions', {
    gapDimension: 'standard',
    gapId: '1.4',
    title: 'Matrix plan action',
    owner: 'Risk Directorate',
    dueDate: '2026-12-31',
  });
  if (res.statusCode !== 201)
    throw new Error(`could not create a plan action: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export const SAFE_ASSESSMENT_ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/safe-assessment/administrations': {},
  'GET /api/safe-assessment/campaigns': {},
  'POST /api/safe-assessment/campaigns': {
    sample: ({ unique }) => ({
      body: {
        name: `Matrix cycle ${unique}`,
        periodStart: '2025-01-01',
        periodEnd: '2026-12-31',
        deadline: inDays(20),
      },
    }),
    granted: 201,
  },
  'GET /api/safe-assessment/campaigns/:id': { sample: firstCampaign, foreign: campaignNotInvited },
  'GET /api/safe-assessment/campaigns/:id/questionnaire': {
    sample: firstCampaign,
    foreign: campaignNotInvited,
  },
  'POST /api/safe-assessment/campaigns/:id/invitations': {
    sample: async (ctx) => ({
      ...(await ownOpenCampaign(ctx)),
      body: { organisationIds: [await administrationId(ctx.person, 'KE')] },
    }),
    foreign: foreignCampaign,
  },
  'POST /api/safe-assessment/campaigns/:id/close': { sample: ownOpenCampaign, foreign: foreignCampaign },
  'GET /api/safe-assessment/campaigns/:id/progress': { sample: firstCampaign, foreign: foreignCampaign },
  'GET /api/safe-assessment/campaigns/:id/aggregates': { sample: firstCampaign, foreign: foreignCampaign },
  'GET /api/safe-assessment/campaigns/:id/responses': { sample: firstCampaign, foreign: campaignNotInvited },
  'GET /api/safe-assessment/campaigns/:id/export.csv': { sample: firstCampaign, foreign: campaignNotInvited },
  'GET /api/safe-assessment/campaigns/:id/export.xlsx': {
    sample: firstCampaign,
    foreign: campaignNotInvited,
  },
  // An administration's own response (administration staff only; the secretariat reads them by id).
  'GET /api/safe-assessment/campaigns/:id/response': { sample: firstCampaign, foreign: campaignNotInvited },
  // The previous cycle is closed: the service runs and answers 409 CAMPAIGN_CLOSED.
  'PUT /api/safe-assessment/campaigns/:id/response': {
    sample: async (ctx) => ({ ...(await firstCampaign(ctx)), body: { answers: { reference_year: 2025 } } }),
    granted: 409,
    foreign: campaignNotInvited,
  },
  'POST /api/safe-assessment/campaigns/:id/response/copy-previous': {
    sample: firstCampaign,
    granted: 409,
    foreign: campaignNotInvited,
  },
  'POST /api/safe-assessment/campaigns/:id/response/submit': {
    sample: firstCampaign,
    granted: 409,
    foreign: campaignNotInvited,
  },
  'GET /api/safe-assessment/responses/:id': { sample: firstResponse, foreign: foreignResponse },
  'GET /api/safe-assessment/responses/:id/results': { sample: firstResponse, foreign: foreignResponse },
  'GET /api/safe-assessment/responses/:id/report.pdf': { sample: firstResponse, foreign: foreignResponse },
  // The seeded responses are submitted: returning one works once, later calls hear 409.
  'POST /api/safe-assessment/responses/:id/return': {
    sample: async (ctx) => ({
      ...(await firstResponse(ctx)),
      body: { comments: [{ text: 'Please check.' }] },
    }),
    granted: [200, 409],
    foreign: responseOfOtherSecretariat,
  },
  'GET /api/safe-assessment/plan': {
    sample: ({ organisationKind, person }) =>
      organisationKind === 'secretariat' ? { query: { organisationId: person.organisationId } } : {},
  },
  'POST /api/safe-assessment/plan/actions': {
    sample: () => ({
      body: { title: 'Matrix plan action', owner: 'Risk Directorate', dueDate: '2026-12-31' },
    }),
    granted: 201,
  },
  'PATCH /api/safe-assessment/plan/actions/:id': {
    sample: async ({ person }) => ({
      params: { id: await createPlanAction(person) },
      body: { status: 'in_progress' },
    }),
    foreign: {
      owner: 'admin@nl.customs.example',
      intruder: 'admin@ke.customs.example',
      create: async (owner) => ({ id: await createPlanAction(owner) }),
      snapshot: async (owner, params) =>
        (await owner.request('GET', '/api/safe-assessment/plan'))
          .json()
          .items.find((a: { id: string }) => a.id === params.id),
    },
  },
};
