import { cleanConsignment, generatedConsignments } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Filing edge cases: bad consignments (alone and inside a batch), the batch limit, NDJSON streams, filers
 * without a rule set to screen with, and the AEO treatment following the AEO register live (a suspension
 * counts on the very next filing).
 */
let t: TestApp;
let trader: TestClient;
let analyst: TestClient;
let validator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  analyst = await t.signIn('analyst@nl.customs.example');
  validator = await t.signIn('validator@nl.customs.example');
});
afterAll(() => t.close());

const file = (body: unknown, headers: Record<string, string> = {}) =>
  trader.request('POST', '/api/screening/consignments', body, headers);

const ndjson = (lines: unknown[], headers: Record<string, string> = {}) =>
  trader.request(
    'POST',
    '/api/screening/consignments',
    lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
    { 'content-type': 'application/x-ndjson', ...headers },
  );

const problemsOf = (res: {
  json(): { error: { details: { problems: { path: string; message: string }[] } } };
}) => res.json().error.details.problems;

/** A clean consignment with one field replaced (dotted path, numeric segments index arrays). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const consignment = structuredClone(cleanConsignment()) as Record<string, unknown>;
  const keys = path.split('.');
  let node = consignment as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return consignment;
}

describe('bad consignments', () => {
  it.each([
    ['an unknown field', 'colour', 'red', 'colour', 'is not a known field'],
    ['an unknown nested field', 'consignor.nickname', 'Bright', 'consignor.nickname', 'is not a known field'],
    ['a wrong type', 'goodsItems.0.grossMassKg', 'heavy', 'goodsItems.0.grossMassKg', 'number'],
    ['a negative mass', 'goodsItems.0.grossMassKg', -5, 'goodsItems.0.grossMassKg', '>0'],
    [
      'an HS code of 5 digits',
      'goodsItems.0.hsCode',
      '12345',
      'goodsItems.0.hsCode',
      'HS code of 6, 8 or 10',
    ],
    ['an HS code outside the chapters', 'goodsItems.0.hsCode', '990000', 'goodsItems.0.hsCode', 'HS chapter'],
    ['an unknown country', 'consignee.address.country', 'XX', 'consignee.address.country', 'not an assigned'],
    ['a malformed UN/LOCODE', 'placeOfUnloading', 'NLRT1', 'placeOfUnloading', 'UN/LOCODE'],
    ['a UN/LOCODE of no country', 'placeOfLoading', 'XXABC', 'placeOfLoading', 'assigned ISO 3166-1'],
    ['an unknown currency', 'goodsItems.0.value.currency', 'EUX', 'goodsItems.0.value.currency', 'ISO 4217'],
    [
      'a bad container check digit',
      'transportEquipment.0.containerId',
      'MSCU1234567',
      'transportEquipment.0.containerId',
      'check digit',
    ],
  ])('refuses %s with a 400 naming the field', async (_what, path, value, problemPath, message) => {
    const res = await file(withField(path, value));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const problem = problemsOf(res).find((p) => p.path === problemPath);
    expect(problem, res.body).toBeDefined();
    expect(problem!.message).toContain(message);
  });

  it('refuses a body that is neither a consignment nor a batch', async () => {
    for (const body of [
      [cleanConsignment()],
      { consignments: 'all of them' },
      { consignments: [], note: 'x' },
    ]) {
      const res = await file(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const unknownDataset = await file({ ...cleanConsignment(), dataset: 'partial' });
    expect(unknownDataset.statusCode).toBe(400);
    expect(problemsOf(unknownDataset)[0]!.message).toContain('"full"');
  });

  it('reports bad consignments of a batch one by one and screens the others', async () => {
    const consignments = [
      cleanConsignment({ reference: 'UCR-B-0' }),
      withField('consignee.address.country', 'XX'),
      { ...cleanConsignment({ reference: 'UCR-B-2' }), goodsItems: [] },
      cleanConsignment({ reference: 'UCR-B-3' }),
    ];
    const res = await file({ consignments });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect({ accepted: body.accepted, rejected: body.rejected }).toEqual({ accepted: 2, rejected: 2 });
    expect(body.items.map((i: { status: string }) => i.status)).toEqual([
      'screened',
      'rejected',
      'rejected',
      'screened',
    ]);
    expect(body.items[1].problems).toContainEqual(
      expect.objectContaining({ path: 'consignee.address.country' }),
    );
    expect(body.items[2].problems).toContainEqual(expect.objectContaining({ path: 'goodsItems' }));
    expect(body.items[3].reference).toBe('UCR-B-3');
  });

  it('refuses a consignment with a NUL character on its own, naming the field, in every format', async () => {
    // PostgreSQL cannot store U+0000: the consignment is refused by validation, never by the database.
    const withNul = withField('consignor.name', 'Bright\u0000 Exports');
    const single = await file(withNul);
    expect(single.statusCode, single.body).toBe(400);
    expect(problemsOf(single)).toEqual([
      { path: 'consignor.name', message: 'must not contain the NUL character' },
    ]);

    const batch = await file({
      consignments: [
        cleanConsignment({ reference: 'UCR-NUL-0' }),
        withNul,
        cleanConsignment({ reference: 'UCR-NUL-2' }),
      ],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ accepted: 2, rejected: 1 });
    expect(batch.json().items[1]).toEqual({
      index: 1,
      status: 'rejected',
      problems: [{ path: 'consignor.name', message: 'must not contain the NUL character' }],
    });

    const lines = await ndjson([cleanConsignment({ reference: 'UCR-NUL-3' }), withNul], {
      'idempotency-key': 'nul-in-a-stream',
    });
    expect(lines.statusCode).toBe(200);
    const out = lines.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.status)).toEqual(['screened', 'rejected']);
    expect(out[1].problems).toEqual([
      { path: 'consignor.name', message: 'must not contain the NUL character' },
    ]);

    // Outside the consignments the request is still refused whole, as on every route.
    const key = await file({ consignments: [], ['note\u0000']: 'x' });
    expect(key.statusCode).toBe(400);
  });

  it('refuses 10,001 consignments in one request, naming the limit, and takes 10,000', async () => {
    const tooMany = await file({ consignments: Array.from({ length: 10_001 }, () => ({})) });
    expect(tooMany.statusCode).toBe(400);
    expect(problemsOf(tooMany)[0]).toMatchObject({ path: 'consignments' });
    expect(problemsOf(tooMany)[0]!.message).toContain('at most 10,000 consignments');

    // At the limit the batch is taken, and each (empty) consignment is refused on its own.
    const atLimit = await file({ consignments: Array.from({ length: 10_000 }, () => ({})) });
    expect(atLimit.statusCode, atLimit.body.slice(0, 300)).toBe(200);
    expect(atLimit.json()).toMatchObject({ accepted: 0, rejected: 10_000 });
    expect(atLimit.json().items[9_999]).toMatchObject({ index: 9_999, status: 'rejected' });
  }, 60_000);
});

describe('NDJSON', () => {
  it('answers one line per consignment, in order, across several committed chunks', async () => {
    const consignments = generatedConsignments(1_300, 41, 'ND');
    const lines: unknown[] = [...consignments];
    lines.splice(5, 0, '{"dataset": "full", oops');
    lines.splice(1_100, 0, '');
    const res = await ndjson(lines);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const out = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(1_301);
    expect(out.map((o) => o.index)).toEqual([...Array(1_301).keys()]);
    expect(out[5]).toMatchObject({
      status: 'rejected',
      problems: [{ path: '', message: expect.stringContaining('JSON') }],
    });
    expect(out.filter((o) => o.status === 'screened')).toHaveLength(1_300);
    expect(out[1_300].reference).toBe(consignments.at(-1)!.reference);
    // 1,000 lines per chunk: two batches, one audit entry each.
    const [batches] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from screening_batches where format = 'ndjson' and idempotency_key is null`,
    );
    expect(Number(batches!.n)).toBe(2);
  }, 60_000);

  it('with an Idempotency-Key, files the stream as one batch and replays it byte for byte', async () => {
    const lines = generatedConsignments(40, 42, 'NDK');
    const first = await ndjson(lines, { 'idempotency-key': 'nd-1' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body.trim().split('\n')).toHaveLength(40);
    const again = await ndjson(lines, { 'idempotency-key': 'nd-1' });
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await ndjson(lines.slice(2), { 'idempotency-key': 'nd-1' });
    expect(other.statusCode).toBe(409);
  });
});

describe('who can file where', () => {
  it('refuses a filer whose administration has no published rule set', async () => {
    const globex = await t.signIn('trader@globex.example');
    const res = await globex.request('POST', '/api/screening/consignments', cleanConsignment());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('no published rule set');
    // An NDJSON stream refused before its first answer gets an ordinary JSON error.
    const stream = await globex.request(
      'POST',
      '/api/screening/consignments',
      JSON.stringify(cleanConsignment()),
      {
        'content-type': 'application/x-ndjson',
      },
    );
    expect(stream.statusCode).toBe(409);
    expect(stream.headers['content-type']).toContain('application/json');
    expect(stream.json().error.code).toBe('INVALID_STATE');
  });
});

describe('AEO treatment follows the AEO register', () => {
  beforeAll(async () => {
    // The demo grant takes effect after the programme's effect period; here it has been in force a day.
    await t.database.query(
      `update aeo_certificates set valid_from = now() - interval '1 day'
        where holder_id = (select id from organisations where name = 'Windmill Components')`,
    );
  });

  async function windmill() {
    const [row] = await t.database.query<{
      aeo_id: string;
      application_id: string;
      identifiers: { scheme: string; value: string }[];
    }>(
      `select c.aeo_id, c.application_id, o.identifiers from aeo_certificates c
         join organisations o on o.id = c.holder_id where o.name = 'Windmill Components'`,
    );
    return {
      aeoId: row!.aeo_id,
      applicationId: row!.application_id,
      eori: row!.identifiers.find((i) => i.scheme === 'EORI')!.value,
    };
  }

  const asConsignee = (reference: string, aeoId: string, eori: string) =>
    cleanConsignment({
      reference,
      consignee: {
        name: 'Windmill Components B.V.',
        address: { city: 'Rotterdam', country: 'NL' },
        identifiers: [
          { scheme: 'EORI', value: eori },
          { scheme: 'AEO', value: aeoId },
        ],
      },
    });

  const explain = async (resultId: string) =>
    (await analyst.request('GET', `/api/screening/results/${resultId}`)).json();

  it('reduces the score of an active AEO’s consignment, and stops the moment the certificate is suspended', async () => {
    const { aeoId, applicationId, eori } = await windmill();
    // Filed once before, so that "first seen" facts do not differ between the two filings compared.
    expect((await file(asConsignee('UCR-AEO-0', aeoId, eori))).statusCode).toBe(201);
    const before = await file(asConsignee('UCR-AEO-1', aeoId, eori));
    expect(before.statusCode, before.body).toBe(201);
    const active = await explain(before.json().resultId);
    expect(active.isAeo, JSON.stringify(active.aeoFacts)).toBe(true);
    expect(active.aeoFacts).toEqual([
      { party: 'consignee', aeoId, status: 'active', category: 'F', benefitApplied: true },
    ]);
    expect(active.explanation.steps[0]).toMatchObject({
      kind: 'aeo_reduction',
      benefitCode: 'reduced_examination',
      points: 20,
      aeoIds: [aeoId],
    });
    expect(active.score).toBe(active.explanation.rawScore - 20);
    const random = active.explanation.steps.find((s: { kind: string }) => s.kind === 'random_selection');
    if (random) expect(random).toMatchObject({ ratePercent: 0.5, aeoRate: true });

    const suspended = await validator.request(
      'POST',
      `/api/aeo/applications/${applicationId}/validation-actions`,
      {
        type: 'suspend',
        grounds: 'Seal procedures not followed during the monitoring visit.',
      },
    );
    expect(suspended.statusCode, suspended.body).toBe(200);

    const after = await file(asConsignee('UCR-AEO-2', aeoId, eori));
    const none = await explain(after.json().resultId);
    expect(none.isAeo).toBe(false);
    expect(none.aeoFacts).toEqual([
      { party: 'consignee', aeoId, status: 'suspended', category: 'F', benefitApplied: false },
    ]);
    expect(none.explanation.steps.some((s: { kind: string }) => s.kind === 'aeo_reduction')).toBe(false);
    expect(none.score).toBe(none.explanation.rawScore);
    // The same rules fired both times: only the AEO treatment differs.
    expect(none.firedRuleIds).toEqual(active.firedRuleIds);
    expect(none.score).toBe(active.score + 20);
  });

  it('gives nothing for another trader’s AEO identifier or an unknown one', async () => {
    const { aeoId } = await windmill();
    const borrowed = await file(asConsignee('UCR-AEO-3', aeoId, 'NL999999999'));
    expect((await explain(borrowed.json().resultId)).aeoFacts[0]).toMatchObject({
      status: 'holder_mismatch',
      benefitApplied: false,
    });
    const unknown = await file(asConsignee('UCR-AEO-4', 'NLAEOF999999', 'NL999999999'));
    expect(unknown.statusCode, unknown.body).toBe(201);
    const fact = (await explain(unknown.json().resultId)).aeoFacts[0];
    expect(fact).toMatchObject({ status: 'unknown', category: null, benefitApplied: false });
  });
});
