import { consignmentCsv, IMPORT_HEADER, IMPORT_ROW, importRows } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * CSV filing over HTTP: bad rows named by row and column while the other consignments are screened, a
 * header the import cannot read refused whole, the upload bounds, and the idempotency key.
 */
let t: TestApp;
let trader: TestClient;
let analyst: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trader = await t.signIn('trader@acme-logistics.example');
  analyst = await t.signIn('analyst@nl.customs.example');
});
afterAll(() => t.close());

const upload = (body: string, headers: Record<string, string> = {}) =>
  trader.request('POST', '/api/screening/imports', body, { 'content-type': 'text/csv', ...headers });

describe('POST /api/screening/imports', () => {
  it('screens the good consignments and names each bad row and column', async () => {
    const rows = importRows(7, 'API');
    rows[1] = { ...rows[1], item_hs_code: '12345' };
    rows[2] = { ...rows[2], consignee_country: 'XX' };
    rows[3] = { ...rows[3], place_of_unloading: 'NLRT1' };
    rows[4] = { ...rows[4], item_gross_mass_kg: '-5' };
    rows[5] = { ...rows[5], item_value: 'a lot' };
    const res = await upload(consignmentCsv(rows));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 7, consignments: 7, screened: 2, skipped: 0, rejected: 5 });
    expect(body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'item_hs_code'],
      [4, 'consignee_country'],
      [5, 'place_of_unloading'],
      [6, 'item_gross_mass_kg'],
      [7, 'item_value'],
    ]);
    expect(body.items[0]).toMatchObject({ status: 'screened', rows: [2], reference: 'API-1' });
    expect(body.items[0].lane).toMatch(/green|blue|yellow|red/);
    // The analyst sees the screened consignment with its explanation.
    const result = await analyst.request('GET', `/api/screening/results/${body.items[0].resultId}`);
    expect(result.statusCode).toBe(200);
    expect(result.json().reference).toBe('API-1');
  });

  it('screens nothing twice when the same file comes again', async () => {
    const text = consignmentCsv(importRows(3, 'TWICE'));
    const first = (await upload(text)).json();
    const again = await upload(text);
    expect(again.json()).toMatchObject({ screened: 0, skipped: 3 });
    expect(again.json().lanes).toEqual(first.lanes);
  });

  it('refuses a file whose header it cannot read, naming the column', async () => {
    const res = await upload(consignmentCsv([IMPORT_ROW], [...IMPORT_HEADER, 'colour']));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems).toEqual([
      expect.objectContaining({ path: 'row 1, column colour' }),
    ]);
    const empty = await upload('');
    expect(empty.statusCode).toBe(400);
    const open = await upload(`${IMPORT_HEADER.join(',')}\n"unclosed`);
    expect(open.statusCode).toBe(400);
  });

  it('refuses other content types and files over the size bound', async () => {
    const json = await trader.request('POST', '/api/screening/imports', { consignments: [] });
    expect(json.statusCode).toBe(415);
    const huge = `${IMPORT_HEADER.join(',')}\n${'x'.repeat(33 * 1024 * 1024)}`;
    expect((await upload(huge)).statusCode).toBe(413);
  });

  it('answers a repeated Idempotency-Key as the first time, and 409 with another file', async () => {
    const text = consignmentCsv(importRows(2, 'IDEMAPI'));
    const key = { 'idempotency-key': 'csv-upload-1' };
    const first = await upload(text, key);
    const replay = await upload(text, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const other = await upload(consignmentCsv(importRows(1, 'OTHER')), key);
    expect(other.statusCode).toBe(409);
  });
});
