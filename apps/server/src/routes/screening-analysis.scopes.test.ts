import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may measure what. Backtests and rule statistics (`risk-rules:*`): the administration's risk analysts.
 * The AEO benefit measurement (`screening-results:read`): risk analysts and the administration admin.
 * Another administration's versions and backtests answer 404, like ids that do not exist.
 */
let t: TestApp;
let nlAnalyst: TestClient;
let keAnalyst: TestClient;
let draftId: string;
let backtestId: string;

beforeAll(async () => {
  t = await createTestApp();
  nlAnalyst = await t.signIn('analyst@nl.customs.example');
  keAnalyst = await t.signIn('analyst@ke.customs.example');
  const versions = (await nlAnalyst.request('GET', '/api/screening/rule-sets')).json().items;
  draftId = versions.find((v: { status: string }) => v.status === 'draft').id;
  const run = await nlAnalyst.request('POST', `/api/screening/rule-sets/${draftId}/backtests`, { limit: 50 });
  expect(run.statusCode, run.body).toBe(201);
  backtestId = run.json().id;
});
afterAll(() => t.close());

const analystRoutes = (version: string, backtest: string) =>
  [
    ['POST', `/api/screening/rule-sets/${version}/backtests`, { limit: 10 }],
    ['GET', '/api/screening/backtests', undefined],
    ['GET', `/api/screening/backtests/${backtest}`, undefined],
    ['GET', `/api/screening/rule-sets/${version}/statistics`, undefined],
  ] as const;

describe('screening measurements: roles', () => {
  it.each([
    'validator@nl.customs.example',
    'crisis@nl.customs.example',
    'secretariat@wco.example',
    'trader@acme-logistics.example',
    'compliance@windmill-components.example',
  ])('%s can neither backtest, read statistics nor read the benefit measurement', async (email) => {
    const client = await t.signIn(email);
    for (const [method, url, body] of [
      ...analystRoutes(draftId, backtestId),
      ['GET', '/api/screening/benefits', undefined] as const,
    ]) {
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('the administration admin reads the benefit measurement, and neither backtests nor reads statistics', async () => {
    const admin = await t.signIn('admin@nl.customs.example');
    expect((await admin.request('GET', '/api/screening/benefits')).statusCode).toBe(200);
    for (const [method, url, body] of analystRoutes(draftId, backtestId)) {
      expect((await admin.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('anonymous callers get 401', async () => {
    for (const [method, url] of [
      ['POST', `/api/screening/rule-sets/${draftId}/backtests`],
      ['GET', '/api/screening/backtests'],
      ['GET', '/api/screening/benefits'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('screening measurements: tenants', () => {
  it('another administration’s version and backtest are 404s like unknown ids, and nothing is stored', async () => {
    const before = (await nlAnalyst.request('GET', '/api/screening/backtests?limit=100')).json().items.length;
    for (const [method, url, body] of analystRoutes(draftId, backtestId)) {
      if (url === '/api/screening/backtests') continue;
      const theirs = await keAnalyst.request(method, url, body);
      expect(theirs.statusCode, `${method} ${url}`).toBe(404);
      const unknown = await keAnalyst.request(
        method,
        url.replace(draftId, randomUUID()).replace(backtestId, randomUUID()),
        body,
      );
      expect(unknown.statusCode).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
    }
    const after = (await nlAnalyst.request('GET', '/api/screening/backtests?limit=100')).json().items.length;
    expect(after).toBe(before);
    // Kenya's lists show nothing of the Netherlands.
    expect((await keAnalyst.request('GET', '/api/screening/backtests')).json().items).toEqual([]);
    const ke = await t.signIn('admin@ke.customs.example');
    expect((await ke.request('GET', '/api/screening/benefits')).json().total).toEqual({
      aeo: null,
      nonAeo: null,
    });
  });
});
