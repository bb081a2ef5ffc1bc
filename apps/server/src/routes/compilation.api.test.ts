import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry, entryFor } from '../testing/compilation-route-rules.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/** The public AEO compilation contract (issue 5 §9) and the curation round trip with its bad inputs. */
let t: TestApp;
let nl: TestClient;
let secretariat: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.signIn('admin@nl.customs.example');
  secretariat = await t.signIn('secretariat@wco.example');
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('public directory', () => {
  it('lists the seeded programmes with the contract fields, no account needed', async () => {
    const res = await get('/api/public/compilation/programmes?limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(23);
    const us = body.items.find((p: { id: string }) => p.id === 'us-ctpat');
    expect(us).toMatchObject({ country: 'US', type: 'aeo', status: 'operational', launchYear: 2001 });
    expect(us.mras).toEqual(
      expect.arrayContaining([
        {
          arrangementId: 'us-nz',
          partnerCountry: 'NZ',
          partnerName: expect.anything(),
          status: 'signed',
          signedOn: '2007-06',
        },
      ]),
    );
    for (const key of ['id', 'country', 'name', 'type', 'status', 'launchYear', 'aeoCount', 'mras'])
      expect(us).toHaveProperty(key);
  });

  it('filters by region, country and q, and pages with limit/offset', async () => {
    const europe = (await get('/api/public/compilation/programmes?region=europe&limit=500')).json();
    expect(europe.items.length).toBe(europe.total);
    expect(europe.items.every((p: { region: string }) => p.region === 'europe')).toBe(true);
    expect(europe.items.map((p: { country: string }) => p.country)).toEqual(
      expect.arrayContaining(['EU', 'GB']),
    );
    const two = (await get('/api/public/compilation/programmes?country=JP,KR')).json();
    expect(two.items.map((p: { country: string }) => p.country).sort()).toEqual(['JP', 'KR']);
    expect((await get('/api/public/compilation/programmes?q=ctpat')).json().items[0].id).toBe('us-ctpat');
    const page = (await get('/api/public/compilation/programmes?limit=2&offset=2')).json();
    const all = (await get('/api/public/compilation/programmes?limit=500')).json();
    expect(page.items.map((p: { id: string }) => p.id)).toEqual(
      all.items.slice(2, 4).map((p: { id: string }) => p.id),
    );
    expect(page.total).toBe(all.total);
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['region=atlantis', 'region'],
      ['country=XX', 'country'],
      ['limit=0', 'limit'],
      ['status=closed', 'status'],
    ]) {
      const res = await get(`/api/public/compilation/programmes?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
    expect((await get('/api/public/compilation/programmes/zz-nothing')).statusCode).toBe(404);
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await get('/api/public/compilation/stats');
    expect(first.headers.etag).toBeTruthy();
    const again = await get('/api/public/compilation/stats', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('exports CSV, XLSX and JSON with the same filters', async () => {
    const csv = await get('/api/public/compilation/programmes.csv?region=asia_pacific');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,country,country_name,region,name/);
    const listed = (await get('/api/public/compilation/programmes?region=asia_pacific&limit=500')).json();
    expect(lines.length - 1).toBe(listed.total);
    expect(csv.body).toContain('jp-aeo,JP,Japan,asia_pacific');
    const xlsx = await get('/api/public/compilation/programmes.xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const json = (await get('/api/public/compilation/programmes.json?country=EU')).json();
    expect(json.items.map((p: { id: string }) => p.id)).toEqual(['eu-aeo']);
  });

  it('counts programmes and MRAs by status, region and year; draws the network', async () => {
    const stats = (await get('/api/public/compilation/stats')).json();
    expect(stats.programmes.total).toBe((await get('/api/public/compilation/programmes')).json().total);
    expect(stats.mras.total).toBe(56);
    expect(stats.mras.byStatus).toMatchObject({ signed: 55, in_negotiation: 1 });
    expect(stats.programmes.byRegion.europe).toBeGreaterThan(0);
    expect(stats.mras.bySignedYear[0]).toEqual({ year: 2007, count: expect.any(Number) });
    const network = (await get('/api/public/compilation/network')).json();
    expect(network.edges).toHaveLength(56);
    const ids = new Set(network.nodes.map((n: { id: string }) => n.id));
    for (const e of network.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    // The platform's NL programme is a node of its own, recognised through the EU's arrangements.
    const byId = new Map(network.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId.get('NL')).toMatchObject({ programmeId: 'nl-platform', coveredBy: 'EU' });
    expect(byId.get('EU')).toMatchObject({ coveredBy: null });
    expect(byId.get('US')).toMatchObject({ coveredBy: null });
  });

  it("shows the platform's NL programme live: active certificates and the EU's MRAs", async () => {
    const live = (await get('/api/public/compilation/programmes?country=NL')).json().items;
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: 'nl-platform', isLive: true, region: 'europe' });
    expect(live[0].aeoCount).toBeGreaterThanOrEqual(1); // Windmill's NLAEOF000001 is active in the demo
    expect(live[0].mras.map((m: { partnerCountry: string }) => m.partnerCountry)).toEqual(
      expect.arrayContaining(['JP', 'US']),
    );
  });
});

describe('curation', () => {
  it('round trip: the administration drafts and submits, the secretariat publishes, it is public', async () => {
    const id = await createEntry(nl, 'Netherlands compliance pilot');
    expect((await get(`/api/public/compilation/programmes/${id}`)).statusCode).toBe(404);
    expect((await nl.request('POST', `/api/compilation/entries/${id}/submit`)).json().reviewState).toBe(
      'submitted',
    );
    const queue = (await secretariat.request('GET', '/api/compilation/entries?reviewState=submitted')).json();
    expect(queue.items.map((e: { id: string }) => e.id)).toContain(id);
    const published = await secretariat.request('POST', '/api/compilation/reviews', {
      entryId: id,
      decision: 'publish',
    });
    expect(published.statusCode, published.body).toBe(200);
    const pub = (await get(`/api/public/compilation/programmes/${id}`)).json();
    expect(pub).toMatchObject({ country: 'NL', name: 'Netherlands compliance pilot', isLive: false });
  });

  it('a rejection carries a comment; the curator edits and resubmits', async () => {
    const id = await createEntry(nl, 'Netherlands second programme');
    await nl.request('POST', `/api/compilation/entries/${id}/submit`);
    const noWhy = await secretariat.request('POST', '/api/compilation/reviews', {
      entryId: id,
      decision: 'reject',
    });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().error.message).toContain('comment');
    const rejected = await secretariat.request('POST', '/api/compilation/reviews', {
      entryId: id,
      decision: 'reject',
      comment: 'Add a source',
    });
    expect(rejected.json()).toMatchObject({ reviewState: 'rejected', reviewComment: 'Add a source' });
    const edited = await nl.request(
      'PUT',
      `/api/compilation/entries/${id}`,
      entryFor('NL', 'Netherlands second programme'),
    );
    expect(edited.json().reviewState).toBe('draft');
    expect((await nl.request('POST', `/api/compilation/entries/${id}/submit`)).statusCode).toBe(200);
    // Under review, the entry is frozen; publishing twice is refused.
    expect(
      (await nl.request('PUT', `/api/compilation/entries/${id}`, entryFor('NL', 'x y'))).statusCode,
    ).toBe(409);
  });

  it('refuses bad entries with a 4xx naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...entryFor('NL', 'Bad country'), country: 'XX' }, 400, 'country'],
      [{ ...entryFor('NL', 'Bad year'), launchYear: 1850 }, 400, 'launchYear'],
      [{ ...entryFor('NL', 'Text year'), launchYear: 'soon' }, 400, 'launchYear'],
      [{ ...entryFor('NL', 'Future'), status: 'operational', launchYear: 2099 }, 400, 'launchYear'],
      [{ ...entryFor('NL', 'Bad role'), operatorRoles: ['pirate'] }, 400, 'operatorRoles'],
      [{ ...entryFor('NL', 'Bad heading'), criteria: { '14': { en: 'x', fr: 'x' } } }, 400, 'criteria'],
      [entryFor('KE', 'Not my country'), 403, 'country'],
    ];
    const before = (await nl.request('GET', '/api/compilation/entries')).json().items.length;
    for (const [body, status, field] of cases) {
      const res = await nl.request('POST', '/api/compilation/entries', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect(res.json().error.message).toContain(field);
    }
    await createEntry(nl, 'Duplicate check');
    const dup = await nl.request('POST', '/api/compilation/entries', entryFor('NL', 'DUPLICATE check'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('name');
    expect((await nl.request('GET', '/api/compilation/entries')).json().items.length).toBe(before + 1);
    // A seeded programme of the same country and name is a duplicate for the secretariat too.
    const seeded = await secretariat.request('POST', '/api/compilation/entries', {
      ...entryFor('US', 'customs trade partnership against terrorism (ctpat)'),
    });
    expect(seeded.statusCode).toBe(409);
  });
});
