import { readFileSync } from 'node:fs';
import { LANES } from '@aeolus/contracts';
import { DEMO_API_KEY } from '@aeolus/core';
import { cleanConsignment, generatedConsignments } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Filing advance cargo data and reading the results (issue 4): batches with an API key of scope `filing`,
 * lanes and their explanations, idempotent re-filing, the intelligence hit that must go red, outcomes, the
 * results filters, and office capacity.
 */
let t: TestApp;
let trader: TestClient;
let analyst: TestClient;
let admin: TestClient;
/** The seeded demo API key (README): Acme Logistics, scope `filing`. */
const key = DEMO_API_KEY.key;
/** The demo history holds thousands of older results: lists compared item by item start here. */
const testStart = encodeURIComponent(new Date().toISOString());

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  analyst = await t.signIn('analyst@nl.customs.example');
  admin = await t.signIn('admin@nl.customs.example');
});
afterAll(() => t.close());

const file = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/screening/consignments',
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: body as object,
  });

const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

describe('filing a batch with an API key', () => {
  it('the demo API key is Acme’s, seeded with the filing scope only and a hash, never the secret', async () => {
    const keys = (await trader.request('GET', '/api/api-keys')).json().items as {
      name: string;
      prefix: string;
      scopes: string[];
    }[];
    expect(keys.find((k) => k.name === DEMO_API_KEY.name)).toMatchObject({
      prefix: 'decaf0000001',
      scopes: ['filing'],
    });
    const stored = await t.database.query<{ secret_hash: string }>(
      `select secret_hash from api_keys where prefix = 'decaf0000001'`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.secret_hash).not.toContain('not-a-secret');
    // Only filing: the results list needs another scope.
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/screening/results',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(read.statusCode).toBe(403);
  });

  it('screens the README example (docs/examples/consignments.json) filed with the demo key', async () => {
    const example = JSON.parse(
      readFileSync(new URL('../../../../docs/examples/consignments.json', import.meta.url), 'utf8'),
    );
    const res = await file(example, { 'idempotency-key': 'readme-example' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: 0 });
    expect(res.json().items[0]).toMatchObject({ status: 'screened', reference: 'UCR-DEMO-0001' });
  });

  it('screens every consignment, answers lanes in order, and keeps each explanation for the analyst', async () => {
    const consignments = generatedConsignments(60, 11);
    const res = await file({ consignments });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.accepted).toBe(60);
    expect(body.rejected).toBe(0);
    expect(body.items.map((i: { index: number }) => i.index)).toEqual([...Array(60).keys()]);
    for (const [i, item] of body.items.entries()) {
      expect(item.status).toBe('screened');
      expect(LANES).toContain(item.lane);
      expect(item.reference).toBe(consignments[i]!.reference);
      // The filer learns the lane and the referrals, never the score or the rules.
      expect(item).not.toHaveProperty('score');
      expect(item).not.toHaveProperty('explanation');
    }

    for (const item of body.items.slice(0, 10)) {
      const detail = await analyst.request('GET', `/api/screening/results/${item.resultId}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const result = detail.json();
      expect(result.lane).toBe(item.lane);
      expect(result.consignment.reference).toBe(item.reference);
      expect(result.ruleSet).toMatchObject({ ruleSetId: 'nl-demo', version: 1 });
      expect(result.explanation.evaluation.fired.map((f: { ruleId: string }) => f.ruleId)).toEqual(
        result.firedRuleIds,
      );
      expect(result.explanation.rawScore).toBe(result.explanation.evaluation.score);
      const kinds = result.explanation.steps.map((s: { kind: string }) => s.kind);
      expect(kinds).toContain('threshold');
      expect(result.randomDraw).toBeGreaterThanOrEqual(0);
      expect(result.randomDraw).toBeLessThan(1);
      for (const fired of result.explanation.evaluation.fired) {
        expect(fired.rationale.length).toBeGreaterThan(0);
        expect(Array.isArray(fired.evidence)).toBe(true);
      }
    }
  });

  it('sends a consignment on the intelligence watch list red with a do-not-load referral, and says why', async () => {
    const lists = await analyst.request('GET', '/api/screening/watch-lists/intelligence-targets');
    expect(lists.statusCode, lists.body).toBe(200);
    const flagged = lists.json().entries[0] as string;
    const consignment = cleanConsignment({
      reference: 'UCR-INTEL-1',
      modeOfTransport: 'air',
      transportDocument: { type: 'MAWB', number: flagged },
      transportEquipment: [],
      placeOfUnloading: 'NLAMS',
    });
    const res = await file(consignment);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lane: 'red', referrals: expect.arrayContaining(['DNL']) });
    const result = (await analyst.request('GET', `/api/screening/results/${res.json().resultId}`)).json();
    const hit = result.explanation.evaluation.fired.find(
      (f: { ruleId: string }) => f.ruleId === 'intel-document',
    );
    expect(hit, JSON.stringify(result.explanation.evaluation.fired)).toBeDefined();
    expect(JSON.stringify(hit.evidence)).toContain(flagged);
    expect(result.explanation.steps).toContainEqual(
      expect.objectContaining({
        kind: 'rule_minimum',
        lane: 'red',
        ruleIds: expect.arrayContaining(['intel-document']),
      }),
    );
    // Red by its rule, it is counted against the office's capacity but never downgraded.
    expect(result.explanation.steps).toContainEqual(
      expect.objectContaining({ kind: 'capacity', office: 'NLAMS', downgraded: false }),
    );
  });

  it('writes one audit entry per batch and one event per result', async () => {
    const audit = await count("audit_log where action = 'screening.batch.filed'");
    const events = await count("outbox_events where type = 'screening.consignment.screened'");
    const res = await file({ consignments: generatedConsignments(25, 12) });
    expect(res.statusCode).toBe(200);
    expect(await count("audit_log where action = 'screening.batch.filed'")).toBe(audit + 1);
    expect(await count("outbox_events where type = 'screening.consignment.screened'")).toBe(events + 25);
    const [event] = await t.database.query<{ organisation_id: string; payload: { resultId: string } }>(
      `select organisation_id, payload from outbox_events where type = 'screening.consignment.screened'
        order by seq desc limit 1`,
    );
    expect(event!.organisation_id).toBe(analyst.organisationId);
    expect(res.json().items.map((i: { resultId: string }) => i.resultId)).toContain(event!.payload.resultId);
  });
});

describe('idempotent filing', () => {
  it('returns the stored results for the same key and body, and 409 for the same key with another body', async () => {
    const body = { consignments: generatedConsignments(30, 21, 'IDEM') };
    const headers = { 'idempotency-key': 'batch-2025-06-02-0001' };
    const first = await file(body, headers);
    expect(first.statusCode, first.body).toBe(200);
    const results = await count('screening_results');

    const again = await file(body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('screening_results')).toBe(results);

    const other = await file({ consignments: body.consignments.slice(1) }, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await count('screening_results')).toBe(results);

    // A single consignment replays as a single receipt (201), and another key screens it again.
    const single = cleanConsignment({ reference: 'UCR-IDEM-SINGLE' });
    const a = await file(single, { 'idempotency-key': 'single-1' });
    const b = await file(single, { 'idempotency-key': 'single-1' });
    const c = await file(single, { 'idempotency-key': 'single-2' });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(b.json()).toEqual(a.json());
    expect(c.json().resultId).not.toBe(a.json().resultId);
  });

  it('refuses a malformed key', async () => {
    const res = await file(cleanConsignment(), { 'idempotency-key': 'x'.repeat(256) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0].path).toBe('headers.idempotency-key');
  });
});

describe('results, filters and outcomes', () => {
  it('filters by lane, AEO, rule and date, pages with a cursor, and is readable by the administration admin', async () => {
    const all = await analyst.request('GET', `/api/screening/results?limit=200&from=${testStart}`);
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().items as {
      lane: string;
      firedRuleIds: string[];
      receivedAt: string;
      id: string;
    }[];
    expect(items.length).toBeGreaterThan(50);

    const red = (
      await analyst.request('GET', `/api/screening/results?lane=red&limit=200&from=${testStart}`)
    ).json().items;
    expect(red.length).toBe(items.filter((i) => i.lane === 'red').length);
    expect(red.every((i: { lane: string }) => i.lane === 'red')).toBe(true);

    const intel = (await analyst.request('GET', '/api/screening/results?rule=intel-document')).json().items;
    expect(intel.length).toBeGreaterThan(0);
    expect(intel.every((i: { firedRuleIds: string[] }) => i.firedRuleIds.includes('intel-document'))).toBe(
      true,
    );

    const nonAeo = (await admin.request('GET', '/api/screening/results?aeo=false&limit=200')).json().items;
    expect(nonAeo.every((i: { isAeo: boolean }) => !i.isAeo)).toBe(true);

    const future = (await analyst.request('GET', '/api/screening/results?from=2999-01-01T00:00:00Z')).json()
      .items;
    expect(future).toEqual([]);

    const page1 = (await analyst.request('GET', '/api/screening/results?limit=20')).json();
    const page2 = (
      await analyst.request(
        'GET',
        `/api/screening/results?limit=20&cursor=${encodeURIComponent(page1.nextCursor)}`,
      )
    ).json();
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual(items.slice(0, 20).map((i) => i.id));
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual(items.slice(20, 40).map((i) => i.id));

    const bad = await analyst.request('GET', '/api/screening/results?lane=purple');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('querystring.lane');
  });

  it('records an examination outcome, shown with the result and in the list', async () => {
    const [target] = (await analyst.request('GET', '/api/screening/results?lane=red&limit=1')).json().items;
    const res = await analyst.request('POST', `/api/screening/results/${target.id}/outcome`, {
      outcome: 'seizure',
      notes: 'Undeclared lithium batteries in the second carton.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'seizure', officer: 'analyst@nl.customs.example' });
    const detail = (await analyst.request('GET', `/api/screening/results/${target.id}`)).json();
    expect(detail.outcome).toBe('seizure');
    expect(detail.outcomes).toHaveLength(1);
    const listed = (await analyst.request('GET', '/api/screening/results?lane=red&limit=1')).json().items[0];
    expect(listed.outcome).toBe('seizure');

    const wrong = await analyst.request('POST', `/api/screening/results/${target.id}/outcome`, {
      outcome: 'lost',
    });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('office capacity', () => {
  it('keeps the highest scores red up to the day’s capacity and sends the rest to documentary check', async () => {
    const policy = (await analyst.request('GET', '/api/screening/policy')).json();
    const settings = {
      ...policy.settings,
      // Everything is red by score, nothing is drawn at random: only capacity decides.
      thresholds: { blue: -1000, yellow: -1000, red: -1000 },
      randomSelectionPercent: { green: 0, blue: 0, yellow: 0 },
      officeCapacities: [{ office: 'NLEEM', dailyRedCapacity: 2 }],
    };
    const updated = await analyst.request('PUT', '/api/screening/policy', settings);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().revision).toBe(policy.revision + 1);

    const consignments = [0, 1, 2, 3, 4].map((i) =>
      cleanConsignment({
        reference: `UCR-CAP-${i}`,
        placeOfUnloading: 'NLEEM',
        // More goods items with vague descriptions give higher scores.
        goodsItems: Array.from({ length: i + 1 }, (_, j) => ({
          sequence: j + 1,
          hsCode: '392690',
          description: j === 0 ? 'Plastic household articles' : 'Parts',
          packages: { count: 1 },
          grossMassKg: 10,
          value: { amount: 100, currency: 'EUR' },
        })),
        totalGrossMassKg: 10 * (i + 1),
      }),
    );
    const res = await file({ consignments });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { lane: string; resultId: string }[];
    expect(
      items.filter((i) => i.lane === 'red'),
      res.body,
    ).toHaveLength(2);
    expect(items.filter((i) => i.lane === 'yellow')).toHaveLength(3);

    const details = await Promise.all(
      items.map(async (i) => (await analyst.request('GET', `/api/screening/results/${i.resultId}`)).json()),
    );
    const kept = details.filter((d) => d.lane === 'red');
    const downgraded = details.filter((d) => d.lane === 'yellow');
    expect(Math.min(...kept.map((d) => d.score))).toBeGreaterThanOrEqual(
      Math.max(...downgraded.map((d) => d.score)),
    );
    for (const d of downgraded) {
      expect(d.capacityDowngraded).toBe(true);
      const step = d.explanation.steps.find((s: { kind: string }) => s.kind === 'capacity');
      expect(step).toMatchObject({ office: 'NLEEM', capacity: 2, downgraded: true });
      expect(step.reason).toContain('capacity (2)');
    }

    // The day's capacity is used up: the next filing for the office gets no more reds by score.
    const next = await file({
      consignments: [cleanConsignment({ reference: 'UCR-CAP-9', placeOfUnloading: 'NLEEM' })],
    });
    expect(next.json().items[0].lane).toBe('yellow');
    const usage = await t.database.query<{ reds: number }>(
      `select reds from screening_office_usage where office = 'NLEEM'`,
    );
    expect(usage.map((u) => Number(u.reds))).toEqual([2]);
    await analyst.request('PUT', '/api/screening/policy', policy.settings);
  });
});
