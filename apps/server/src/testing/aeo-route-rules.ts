import { randomUUID } from 'node:crypto';
import type { RouteRule } from './route-rules.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for the AEO routes (see route-rules.ts). The matrix calls each route as every demo
 * identity the permission lets through; identities without a case of their own (the KE side has no
 * programme in the demo) hear 404, and actions a case's state forbids hear 409 — both prove that access
 * was granted and the service ran. The `foreign` rules prove the tenant walls.
 */

interface Item {
  id: string;
  status: string;
  operatorName: string;
}

async function items(person: TestClient): Promise<Item[]> {
  const res = await person.request('GET', '/api/aeo/applications');
  return res.statusCode === 200 ? (res.json().items as Item[]) : [];
}

/** One of the caller's cases (a preferred operator first), or a random id that answers 404. */
async function caseOf(person: TestClient, prefer?: (i: Item) => boolean): Promise<string> {
  const list = await items(person);
  return ((prefer && list.find(prefer)) ?? list[0])?.id ?? randomUUID();
}

/** Acme's live application, made if there is none (an operator holds one live application). */
async function acmeApplication(owner: TestClient): Promise<Record<string, string>> {
  const live = (await items(owner)).find((i) => !['withdrawn', 'refused', 'revoked'].includes(i.status));
  if (live) return { id: live.id };
  const programme = (await owner.request('GET', '/api/aeo/programme')).json();
  const res = await owner.request('POST', '/api/aeo/applications', {
    programmeId: programme.id,
    category: 'F',
  });
  if (res.statusCode !== 201)
    throw new Error(`could not create an application: ${res.statusCode} ${res.body}`);
  return { id: res.json().id };
}

/** The case as its owner sees it, without the deadlines (a stopped clock's due date moves with time). */
async function readCase(owner: TestClient, params: Record<string, string>) {
  const {
    nextDeadline: _n,
    deadlines: _d,
    ...rest
  } = (await owner.request('GET', `/api/aeo/applications/${params.id}`)).json();
  return rest;
}

const foreignOperatorCase: RouteRule['foreign'] = {
  owner: 'trader@acme-logistics.example',
  intruder: 'trader@globex.example',
  create: acmeApplication,
  snapshot: readCase,
};

const foreignAdministrationCase: RouteRule['foreign'] = {
  owner: 'validator@nl.customs.example',
  intruder: 'validator@ke.customs.example',
  create: async (owner) => ({ id: await caseOf(owner, (i) => i.operatorName === 'Delta Road Carriers') }),
  snapshot: readCase,
};

const onCase =
  (prefer?: (i: Item) => boolean) =>
  async ({ person }: { person: TestClient }) => ({
    params: { id: await caseOf(person, prefer) },
  });

const criterionBody = () => ({ criterionId: randomUUID() });

export const AEO_ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/aeo/programme': { granted: [200, 404] },
  // A criterion naming heading 14 is refused: the handler ran, and the demo programme stays as it is.
  'PUT /api/aeo/programme': {
    sample: async ({ person }) => {
      const res = await person.request('GET', '/api/aeo/programme');
      if (res.statusCode !== 200) return { body: {} };
      const {
        id: _i,
        administrationId: _a,
        identifierPrefix: _p,
        saqDefinitionId: _s,
        updatedAt: _u,
        ...settings
      } = res.json();
      const criteria = settings.criteria.map(({ id: _c, position: _o, ...c }: Record<string, unknown>) => ({
        ...c,
        safeHeading: 14,
      }));
      return { body: { ...settings, criteria } };
    },
    granted: 400,
  },
  'GET /api/aeo/applications': {},
  'POST /api/aeo/applications': {
    sample: async ({ person }) => {
      const res = await person.request('GET', '/api/aeo/programme');
      const programmeId = res.statusCode === 200 ? res.json().id : randomUUID();
      return { body: { programmeId, category: 'F' } };
    },
    granted: [201, 404, 409],
  },
  'GET /api/aeo/applications/:id': {
    sample: onCase(),
    granted: [200, 404],
    foreign: foreignOperatorCase,
  },
  'GET /api/aeo/applications/:id/questionnaire': {
    sample: onCase(),
    granted: [200, 404],
    foreign: foreignOperatorCase,
  },
  'PATCH /api/aeo/applications/:id/answers': {
    sample: async ({ person }) => ({
      params: { id: await caseOf(person, (i) => i.status === 'draft') },
      body: { answers: {} },
    }),
    granted: [200, 404, 409],
    foreign: foreignOperatorCase,
  },
  // An appeal is allowed only after a refusal, suspension or revocation: a live case answers 409.
  'POST /api/aeo/applications/:id/operator-actions': {
    sample: async (ctx) => ({
      ...(await onCase()(ctx)),
      body: { type: 'appeal', grounds: 'Matrix appeal.' },
    }),
    granted: [200, 404, 409],
    foreign: foreignOperatorCase,
  },
  'POST /api/aeo/applications/:id/monitoring-reports': {
    sample: async (ctx) => ({
      ...(await onCase()(ctx)),
      body: { kind: 'other', description: 'Matrix report.' },
    }),
    granted: [200, 404, 409],
    foreign: foreignOperatorCase,
  },
  'POST /api/aeo/applications/:id/validation-actions': {
    sample: async (ctx) => ({
      ...(await onCase((i) => i.operatorName === 'Delta Road Carriers')(ctx)),
      body: { type: 'extend_deadline', days: 1, reason: 'Matrix extension.' },
    }),
    granted: [200, 404, 409],
    foreign: foreignAdministrationCase,
  },
  // An unknown criterion is refused (400) after access and the case were checked.
  'PUT /api/aeo/applications/:id/validation-plan': {
    sample: async (ctx) => ({
      ...(await onCase((i) => i.operatorName === 'Delta Road Carriers')(ctx)),
      body: { items: [{ ...criterionBody(), onSite: false }] },
    }),
    granted: [400, 404],
    foreign: foreignAdministrationCase,
  },
  'PUT /api/aeo/applications/:id/checklist': {
    sample: async (ctx) => ({
      ...(await onCase((i) => i.operatorName === 'Delta Road Carriers')(ctx)),
      body: { results: [{ ...criterionBody(), result: 'met' }] },
    }),
    granted: [400, 404],
    foreign: foreignAdministrationCase,
  },
  'POST /api/aeo/applications/:id/corrective-actions': {
    sample: async (ctx) => ({
      ...(await onCase((i) => i.operatorName === 'Delta Road Carriers')(ctx)),
      body: { description: 'Matrix corrective action.', dueOn: '2099-01-01' },
    }),
    granted: [200, 404],
    foreign: foreignAdministrationCase,
  },
  // No open review with a random id: a permitted caller reaches the service and hears 404.
  'POST /api/aeo/applications/:id/monitoring-reports/:reportId/close': {
    sample: async (ctx) => ({
      ...(await onCase()(ctx)),
      body: { outcome: 'Matrix outcome.' },
    }),
    granted: 404,
    foreign: foreignAdministrationCase,
  },
};
