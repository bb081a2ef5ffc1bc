import { randomUUID } from 'node:crypto';
import { cleanConsignment, consignmentCsv, importRows } from '@aeolus/core/testing';
import type { RouteRule } from './route-rules.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for risk screening (see route-rules.ts). Operators file against their supervising
 * administration: Kenya has no published rule set in the demo, so KE filers hear 409. Results exist only
 * where consignments were filed (NL, by the matrix's own filings): a KE caller asking for one hears 404.
 * Rule-set and watch-list samples make their own draft or list, so every analyst has one to act on.
 */

/** A small rule set with no watch lists, valid in any administration. */
function ruleSet(unique: string) {
  return {
    id: `matrix-${unique}`,
    name: 'Matrix rule set',
    watchLists: [],
    rules: [
      {
        id: 'arms',
        name: 'Arms and ammunition',
        rationale: 'Chapter 93 goods need a licence.',
        weight: 60,
        minLane: 'yellow',
        conditions: { op: 'anyItem', condition: { op: 'startsWith', field: 'item.hsCode', values: ['93'] } },
      },
    ],
    decisionTables: [],
  };
}

async function draft(person: TestClient, unique = randomUUID().slice(0, 8)): Promise<string> {
  const res = await person.request('POST', '/api/screening/rule-sets', ruleSet(unique));
  if (res.statusCode !== 201) throw new Error(`could not create a draft: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

async function watchList(person: TestClient, unique = randomUUID().slice(0, 8)): Promise<string> {
  const name = `matrix-${unique}`;
  const res = await person.request('POST', '/api/screening/watch-lists', { name, entries: ['ACME'] });
  if (res.statusCode !== 201) throw new Error(`could not create a watch list: ${res.statusCode} ${res.body}`);
  return name;
}

/** A screening result of the caller's administration, or a random id (404) where there is none. */
async function resultOf(person: TestClient): Promise<string> {
  const res = await person.request('GET', '/api/screening/results?limit=1');
  return (res.statusCode === 200 ? res.json().items[0]?.id : undefined) ?? randomUUID();
}

async function ownResult(owner: TestClient): Promise<Record<string, string>> {
  const id = await resultOf(owner);
  const res = await owner.request('GET', `/api/screening/results/${id}`);
  if (res.statusCode !== 200)
    throw new Error(`the owner has no screening result: ${res.statusCode} ${res.body}`);
  return { id };
}

const readResult = async (owner: TestClient, params: Record<string, string>) =>
  (await owner.request('GET', `/api/screening/results/${params.id}`)).json();

/** NL's result, tried by the KE side. */
const foreignResult = (intruder: string): RouteRule['foreign'] => ({
  owner: 'analyst@nl.customs.example',
  intruder,
  create: ownResult,
  snapshot: readResult,
});

const foreignVersion: RouteRule['foreign'] = {
  owner: 'analyst@nl.customs.example',
  intruder: 'analyst@ke.customs.example',
  create: async (owner) => ({ id: await draft(owner) }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/screening/rule-sets/${params.id}`)).json(),
};

const foreignList: RouteRule['foreign'] = {
  owner: 'analyst@nl.customs.example',
  intruder: 'analyst@ke.customs.example',
  create: async (owner) => ({ name: await watchList(owner) }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/screening/watch-lists/${params.name}`)).json(),
};

/**
 * A backtest of a freshly published version against itself: other samples retire what was published, so the
 * caller publishes its own first (a backtest needs a published version to compare with).
 */
async function backtestOf(person: TestClient): Promise<string> {
  const id = await draft(person);
  await person.request('POST', `/api/screening/rule-sets/${id}/publish`);
  const res = await person.request('POST', `/api/screening/rule-sets/${id}/backtests`, { limit: 100 });
  if (res.statusCode !== 201) throw new Error(`could not run a backtest: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

const foreignBacktest: RouteRule['foreign'] = {
  owner: 'analyst@nl.customs.example',
  intruder: 'analyst@ke.customs.example',
  create: async (owner) => ({ id: await backtestOf(owner) }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/screening/backtests/${params.id}`)).json(),
};

export const SCREENING_ROUTE_RULES: Record<string, RouteRule> = {
  'POST /api/screening/consignments': {
    sample: ({ unique }) => ({ body: cleanConsignment({ reference: `UCR-MATRIX-${unique}` }) }),
    granted: [201, 409],
  },
  'POST /api/screening/imports': {
    sample: ({ unique }) => ({
      body: consignmentCsv(importRows(1, `MX${unique.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`)),
      headers: { 'content-type': 'text/csv' },
    }),
    granted: [200, 409],
  },
  'GET /api/screening/results': { sample: () => ({ query: { limit: '5' } }) },
  'GET /api/screening/results/:id': {
    sample: async ({ person }) => ({ params: { id: await resultOf(person) } }),
    granted: [200, 404],
    foreign: foreignResult('admin@ke.customs.example'),
  },
  'POST /api/screening/results/:id/outcome': {
    sample: async ({ person }) => ({
      params: { id: await resultOf(person) },
      body: { outcome: 'no_finding' },
    }),
    granted: [201, 404],
    foreign: foreignResult('analyst@ke.customs.example'),
  },

  'GET /api/screening/rule-sets': {},
  'POST /api/screening/rule-sets': { sample: ({ unique }) => ({ body: ruleSet(unique) }), granted: 201 },
  'GET /api/screening/rule-sets/:id': {
    sample: async ({ person }) => ({ params: { id: await draft(person) } }),
    foreign: foreignVersion,
  },
  'PUT /api/screening/rule-sets/:id': {
    sample: async ({ person, unique }) => {
      const id = await draft(person, unique);
      return { params: { id }, body: { ...ruleSet(unique), name: 'Matrix rule set, edited' } };
    },
    foreign: foreignVersion,
  },
  'POST /api/screening/rule-sets/:id/publish': {
    sample: async ({ person }) => ({ params: { id: await draft(person) } }),
    foreign: foreignVersion,
  },
  'POST /api/screening/rule-sets/:id/retire': {
    sample: async ({ person }) => {
      const id = await draft(person);
      await person.request('POST', `/api/screening/rule-sets/${id}/publish`);
      return { params: { id } };
    },
    foreign: foreignVersion,
  },
  'GET /api/screening/rule-sets/:id/export': {
    sample: async ({ person }) => ({ params: { id: await draft(person) } }),
    foreign: foreignVersion,
  },

  // Kenya has no published rule set to compare with: 409.
  'POST /api/screening/rule-sets/:id/backtests': {
    sample: async ({ person }) => ({ params: { id: await draft(person) }, body: { limit: 100 } }),
    granted: [201, 409],
    foreign: foreignVersion,
  },
  'GET /api/screening/backtests': { sample: () => ({ query: { limit: '5' } }) },
  'GET /api/screening/backtests/:id': {
    sample: async ({ person }) => ({ params: { id: await backtestOf(person) } }),
    foreign: foreignBacktest,
  },
  'GET /api/screening/rule-sets/:id/statistics': {
    sample: async ({ person }) => ({ params: { id: await draft(person) } }),
    foreign: foreignVersion,
  },
  'GET /api/screening/benefits': { sample: () => ({ query: { bucket: 'month' } }) },

  'GET /api/screening/watch-lists': {},
  'POST /api/screening/watch-lists': {
    sample: ({ unique }) => ({ body: { name: `matrix-${unique}`, entries: ['ACME'] } }),
    granted: 201,
  },
  'GET /api/screening/watch-lists/:name': {
    sample: async ({ person }) => ({ params: { name: await watchList(person) } }),
    foreign: foreignList,
  },
  'PUT /api/screening/watch-lists/:name': {
    sample: async ({ person }) => ({
      params: { name: await watchList(person) },
      body: { entries: ['ACME', 'GLOBEX'] },
    }),
    foreign: foreignList,
  },
  'DELETE /api/screening/watch-lists/:name': {
    sample: async ({ person }) => ({ params: { name: await watchList(person) } }),
    foreign: foreignList,
  },

  'GET /api/screening/policy': {},
  // The defaults name the AEO benefit of a programme Kenya does not run in the demo: leave it out.
  'PUT /api/screening/policy': {
    sample: async ({ person }) => {
      const current = (await person.request('GET', '/api/screening/policy')).json();
      return { body: { ...current.settings, aeoBenefitCode: null } };
    },
  },
};
