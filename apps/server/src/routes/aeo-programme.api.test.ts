import { AEO_ID_PATTERN } from '@aeolus/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/** Programme settings the administrator edits in the web UI: the identifier prefix and the clocks. */
let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin@nl.customs.example');
});
afterAll(() => t.close());

/** The programme as a PUT body (what the settings form sends back). */
async function settings(): Promise<Record<string, unknown>> {
  const { id, administrationId, saqDefinitionId, updatedAt, criteria, ...rest } = (
    await admin.request('GET', '/api/aeo/programme')
  ).json();
  return {
    ...rest,
    criteria: criteria.map(({ id: _i, position: _p, ...c }: Record<string, unknown>) => c),
  };
}

describe('programme settings', () => {
  it('changes the identifier prefix and a clock; leaving the prefix out keeps it', async () => {
    const body = await settings();
    expect(body.identifierPrefix).toBe('AEO');
    const res = await admin.request('PUT', '/api/aeo/programme', {
      ...body,
      identifierPrefix: 'OEA',
      clocks: { ...(body.clocks as object), decisionDays: 90 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ identifierPrefix: 'OEA', clocks: { decisionDays: 90 } });
    const { identifierPrefix: _p, ...withoutPrefix } = await settings();
    const kept = await admin.request('PUT', '/api/aeo/programme', withoutPrefix);
    expect(kept.json().identifierPrefix).toBe('OEA');
    const audit = await t.database.query<{ summary: { before: { identifierPrefix: string } } }>(
      `select summary from audit_log where action = 'aeo.programme.updated' order by seq limit 1`,
    );
    expect(audit[0]!.summary.before.identifierPrefix).toBe('AEO');
  });

  it('refuses a prefix that would not fit the AEO identifier, naming the field', async () => {
    const body = await settings();
    for (const identifierPrefix of ['aeo', 'AEO-NL', '', 'ABCDEFGHIJ']) {
      const res = await admin.request('PUT', '/api/aeo/programme', { ...body, identifierPrefix });
      expect(res.statusCode, identifierPrefix).toBe(400);
      expect(res.json().error.details.problems[0].path).toBe('body.identifierPrefix');
    }
    // The longest prefix still fits the identifier with the longest category code.
    const categories = [
      ...(body.categories as object[]),
      { ...(body.categories as object[])[0], code: 'SCF' },
    ];
    const longest = await admin.request('PUT', '/api/aeo/programme', {
      ...body,
      categories,
      identifierPrefix: 'ABCDEFGHI',
    });
    expect(longest.statusCode, longest.body).toBe(200);
    expect('NLABCDEFGHISCF000001').toMatch(AEO_ID_PATTERN);
  });
});
