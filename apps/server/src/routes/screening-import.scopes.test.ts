import { consignmentCsv, importRows } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may file a consignment CSV: what may file JSON (`screening:file`: operators and their API keys with
 * the `filing` scope). Customs roles are refused. One filer's earlier filings never show in another's
 * answer: the same file from a second operator is screened for it, not "skipped" with the first's results.
 */
let t: TestApp;
let acme: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  acme = await t.signIn('trader@acme-logistics.example');
});
afterAll(() => t.close());

const csv = (prefix: string) => consignmentCsv(importRows(2, prefix));
const upload = (client: TestClient, body: string) =>
  client.request('POST', '/api/screening/imports', body, { 'content-type': 'text/csv' });

describe('screening import: roles', () => {
  it.each([
    'analyst@nl.customs.example',
    'admin@nl.customs.example',
    'validator@nl.customs.example',
    'secretariat@wco.example',
  ])('%s cannot file a CSV', async (email) => {
    const res = await upload(await t.signIn(email), csv('ROLE'));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('an API key uploads with the filing scope only', async () => {
    const mint = async (scopes: string[]) =>
      (await acme.request('POST', '/api/api-keys', { name: 'csv', scopes })).json().secret as string;
    const send = async (secret: string, body: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/screening/imports',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/csv' },
        payload: body,
      });
    const filed = await send(await mint(['filing']), csv('KEY'));
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().screened).toBe(2);
    const refused = await send(await mint(['organisation:read']), csv('KEY2'));
    expect(refused.statusCode).toBe(403);
  });

  it('anonymous callers get 401', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/screening/imports',
      headers: { 'content-type': 'text/csv' },
      payload: csv('ANON'),
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('screening import: tenants', () => {
  it('another operator’s filing of the same file is screened for it, never answered with the first’s results', async () => {
    const body = csv('TEN');
    const first = await upload(acme, body);
    expect(first.json()).toMatchObject({ screened: 2, skipped: 0 });
    const globex = await upload(await t.signIn('compliance@windmill-components.example'), body);
    expect(globex.statusCode, globex.body).toBe(200);
    expect(globex.json()).toMatchObject({ screened: 2, skipped: 0 });
    const theirIds = globex.json().items.map((i: { resultId: string }) => i.resultId);
    for (const id of first.json().items.map((i: { resultId: string }) => i.resultId)) {
      expect(theirIds).not.toContain(id);
    }
    // The same key under another organisation is another key.
    const key = { 'idempotency-key': 'shared-key' };
    const a = await acme.request('POST', '/api/screening/imports', csv('KA'), {
      'content-type': 'text/csv',
      ...key,
    });
    const g = await (await t.signIn('compliance@windmill-components.example')).request(
      'POST',
      '/api/screening/imports',
      csv('KG'),
      {
        'content-type': 'text/csv',
        ...key,
      },
    );
    expect([a.statusCode, g.statusCode]).toEqual([200, 200]);
    expect(g.headers['idempotent-replayed']).toBeUndefined();
  });
});
