import type { RouteRule } from './route-rules.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for the AEO compilation (see route-rules.ts). Curated entries need a country the
 * caller may curate: an administration's own, any for the secretariat; names are unique per country.
 */

/** A valid entry for the caller's country (the secretariat writes for Kenya). */
export function entryFor(country: string, name: string) {
  return {
    country,
    name,
    administration: `Customs administration of ${country}`,
    type: 'aeo',
    status: 'in_development',
    launchYear: 2024,
    operatorRoles: ['importer', 'exporter'],
    benefits: ['fewer_controls'],
    criteria: { '1': { en: 'Compliance record', fr: 'Antécédents de conformité' } },
    sources: [{ publisher: 'Example customs', title: 'Programme page', url: 'https://customs.example/aeo' }],
  };
}

async function countryOf(person: TestClient): Promise<string> {
  const res = await person.request('GET', '/api/organisations/current');
  return (res.json().country as string | null) ?? 'KE';
}

export async function createEntry(person: TestClient, name: string): Promise<string> {
  const res = await person.request(
    'POST',
    '/api/compilation/entries',
    entryFor(await countryOf(person), name),
  );
  if (res.statusCode !== 201) throw new Error(`could not create an entry: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

const foreignEntry: RouteRule['foreign'] = {
  owner: 'admin@nl.customs.example',
  intruder: 'admin@ke.customs.example',
  create: async (owner) => ({ id: await createEntry(owner, `Foreign ${Date.now().toString(36)}`) }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/compilation/entries/${params.id}`)).json(),
};

const ownEntry = async ({ person, unique }: { person: TestClient; unique: string }) => ({
  params: { id: await createEntry(person, `Matrix ${unique}`) },
});

export const COMPILATION_ROUTE_RULES: Record<string, RouteRule> = {
  // Public directory (no account) -------------------------------------------------------------------
  'GET /api/public/compilation/programmes': { sample: () => ({ query: { region: 'europe', limit: '5' } }) },
  'GET /api/public/compilation/programmes.csv': {},
  'GET /api/public/compilation/programmes.xlsx': {},
  'GET /api/public/compilation/programmes.json': {},
  'GET /api/public/compilation/programmes/:id': { sample: () => ({ params: { id: 'eu-aeo' } }) },
  'GET /api/public/compilation/stats': {},
  'GET /api/public/compilation/network': {},

  // Curation ------------------------------------------------------------------------------------------
  'GET /api/compilation/entries': {},
  'POST /api/compilation/entries': {
    sample: async ({ person, unique }) => ({ body: entryFor(await countryOf(person), `Matrix ${unique}`) }),
    granted: 201,
  },
  'GET /api/compilation/entries/:id': { sample: ownEntry, foreign: foreignEntry },
  'PUT /api/compilation/entries/:id': {
    sample: async ({ person, unique }) => ({
      ...(await ownEntry({ person, unique })),
      body: entryFor(await countryOf(person), `Matrix ${unique} edited`),
    }),
    foreign: foreignEntry,
  },
  'POST /api/compilation/entries/:id/submit': { sample: ownEntry, foreign: foreignEntry },
  // Nothing is under review for this id: the secretariat reaches the service and hears 404.
  'POST /api/compilation/reviews': {
    sample: () => ({ body: { entryId: 'zz-no-such-entry', decision: 'publish' } }),
    granted: 404,
  },
};
