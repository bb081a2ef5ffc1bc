import { cleanConsignment } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * The risk analyst's tools: rule-set versions (draft → published → retired), checked by the engine; watch
 * lists whose changes reach the next filing; the selectivity policy. A change is seen by filing at once.
 */
let t: TestApp;
let analyst: TestClient;
let trader: TestClient;
let v1: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.signIn('analyst@nl.customs.example');
  trader = await t.signIn('trader@acme-logistics.example');
  const list = await analyst.request('GET', '/api/screening/rule-sets');
  v1 = list
    .json()
    .items.find((v: { ruleSetId: string; version: number }) => v.ruleSetId === 'nl-demo' && v.version === 1);
});
afterAll(() => t.close());

const fileOne = async (overrides: Record<string, unknown> = {}) => {
  const res = await trader.request('POST', '/api/screening/consignments', cleanConsignment(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return (await analyst.request('GET', `/api/screening/results/${res.json().resultId}`)).json();
};

const exported = async (id: string) => {
  const res = await analyst.request('GET', `/api/screening/rule-sets/${id}/export`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

const FURNITURE = {
  id: 'hs-furniture-test',
  name: 'Wooden furniture (test rule)',
  rationale: 'A test rule: wooden furniture under heading 9403 is examined.',
  weight: 15,
  conditions: { op: 'anyItem', condition: { op: 'startsWith', field: 'item.hsCode', values: ['9403'] } },
};

describe('rule-set versions', () => {
  it('has the demo rule set published as version 1, exportable as its file', async () => {
    expect(v1).toMatchObject({ status: 'published', ruleCount: 41, decisionTableCount: 1 });
    const res = await exported(v1.id);
    expect(res.headers['content-disposition']).toBe('attachment; filename="nl-demo-v1.json"');
    expect(res.json()).toMatchObject({ id: 'nl-demo', version: 1, status: 'published' });
    expect(res.json().rules).toHaveLength(41);
  });

  it('drafts, edits and publishes a new version; filings switch to it and the old version is retired', async () => {
    const file = (await exported(v1.id)).json();
    const created = await analyst.request('POST', '/api/screening/rule-sets', {
      ...file,
      rules: [...file.rules, FURNITURE],
    });
    expect(created.statusCode, created.body).toBe(201);
    const v2 = created.json();
    // The demo seeds a draft version 2 (to backtest), so this one is number 3.
    expect(v2).toMatchObject({ ruleSetId: 'nl-demo', version: 3, status: 'draft', ruleCount: 42 });

    const edited = await analyst.request('PUT', `/api/screening/rule-sets/${v2.id}`, {
      ...file,
      rules: [...file.rules, { ...FURNITURE, weight: 500, referral: 'RFS' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().definition.rules.at(-1)).toMatchObject({ weight: 500, referral: 'RFS' });

    // A draft decides nothing.
    const before = await fileOne({ reference: 'UCR-V-1' });
    expect(before.ruleSet.version).toBe(1);
    expect(before.firedRuleIds).not.toContain(FURNITURE.id);

    const published = await analyst.request('POST', `/api/screening/rule-sets/${v2.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      publishedBy: 'analyst@nl.customs.example',
    });
    const versions = (await analyst.request('GET', '/api/screening/rule-sets')).json().items;
    expect(versions.find((v: { id: string }) => v.id === v1.id).status).toBe('retired');

    const after = await fileOne({ reference: 'UCR-V-2' });
    expect(after.ruleSet).toMatchObject({ id: v2.id, version: 3 });
    expect(after.firedRuleIds).toContain(FURNITURE.id);
    expect(after.lane).toBe('red');
    expect(after.referrals).toContain('RFS');
    // The earlier result still names the version that decided it.
    expect((await analyst.request('GET', `/api/screening/results/${before.id}`)).json().ruleSet.version).toBe(
      1,
    );

    const frozen = await analyst.request('PUT', `/api/screening/rule-sets/${v2.id}`, file);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('INVALID_STATE');
    const again = await analyst.request('POST', `/api/screening/rule-sets/${v1.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('retired');
  });

  it.each([
    [
      'an unknown field',
      (r: Record<string, unknown>) => ({ ...r, colour: 'red' }),
      'body.rules.0.colour',
      'not a known field',
    ],
    [
      'an unknown operator',
      (r: Record<string, unknown>) => ({
        ...r,
        conditions: { op: 'regex', field: 'item.hsCode', value: '93' },
      }),
      'body.rules.0.conditions',
      'unknown operator',
    ],
    [
      'a field the engine does not know',
      (r: Record<string, unknown>) => ({
        ...r,
        conditions: { op: 'eq', field: 'consignee.shoeSize', value: 42 },
      }),
      'rules.0.conditions.field',
      'shoeSize',
    ],
    [
      'a catastrophic pattern',
      (r: Record<string, unknown>) => ({
        ...r,
        conditions: { op: 'matches', field: 'derived.descriptions', pattern: '(a+)+$' },
      }),
      'rules.0.conditions.pattern',
      'repetition',
    ],
    [
      'a watch list that does not exist',
      (r: Record<string, unknown>) => ({
        ...r,
        conditions: { op: 'inWatchList', field: 'consignee.name', list: 'no-such-list' },
      }),
      'rules.0.conditions',
      'no-such-list',
    ],
  ])('refuses a draft with %s, naming where', async (_what, change, path, message) => {
    const draft = {
      id: 'test-bad',
      name: 'Bad draft',
      watchLists: [] as string[],
      rules: [change({ ...FURNITURE })],
      decisionTables: [],
    };
    if (message === 'no-such-list') draft.watchLists = ['no-such-list'];
    const res = await analyst.request('POST', '/api/screening/rule-sets', draft);
    expect(res.statusCode, res.body).toBe(400);
    const problems = res.json().error.details.problems as { path: string; message: string }[];
    const problem = problems.find((p) => p.path.startsWith(path) || p.message.includes(message));
    expect(problem, res.body).toBeDefined();
    expect(`${problem!.path} ${problem!.message}`).toContain(message);
  });

  it('retiring the published version stops filing until another version is published', async () => {
    const published = (await analyst.request('GET', '/api/screening/rule-sets'))
      .json()
      .items.find((v: { status: string }) => v.status === 'published');
    const draftOfIt = await analyst.request(
      'POST',
      '/api/screening/rule-sets',
      (await exported(published.id)).json(),
    );
    expect(
      (await analyst.request('POST', `/api/screening/rule-sets/${draftOfIt.json().id}/retire`)).statusCode,
    ).toBe(409);

    expect(
      (await analyst.request('POST', `/api/screening/rule-sets/${published.id}/retire`)).statusCode,
    ).toBe(200);
    const refused = await trader.request('POST', '/api/screening/consignments', cleanConsignment());
    expect(refused.statusCode).toBe(409);

    expect(
      (await analyst.request('POST', `/api/screening/rule-sets/${draftOfIt.json().id}/publish`)).statusCode,
    ).toBe(200);
    expect((await trader.request('POST', '/api/screening/consignments', cleanConsignment())).statusCode).toBe(
      201,
    );
  });
});

describe('watch lists', () => {
  it('lists, shows and updates a list, and the next filing screens with the new entries', async () => {
    const lists = (await analyst.request('GET', '/api/screening/watch-lists')).json().items;
    expect(lists.map((l: { name: string }) => l.name)).toContain('denied-parties');
    const national = (
      await analyst.request('GET', '/api/screening/watch-lists/denied-parties-national')
    ).json();

    const clean = await fileOne({ reference: 'UCR-WL-1' });
    expect(clean.firedRuleIds).not.toContain('party-denied-consignee');

    const updated = await analyst.request('PUT', '/api/screening/watch-lists/denied-parties-national', {
      description: national.description,
      entries: [...national.entries, 'Holland Retail Distribution BV'],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().revision).toBe(national.revision + 1);

    // denied-parties includes the national list, and the rule reads denied-parties.
    const hit = await fileOne({ reference: 'UCR-WL-2' });
    expect(hit.firedRuleIds).toContain('party-denied-consignee');
    expect(hit.lane).toBe('red');
    expect(hit.watchListsRevision).toBeGreaterThan(clean.watchListsRevision);
  });

  it('creates and deletes lists; refuses duplicates, missing includes, cycles and lists in use', async () => {
    const created = await analyst.request('POST', '/api/screening/watch-lists', {
      name: 'test-ports',
      description: 'Ports under a temporary alert',
      entries: ['NLRTM'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'test-ports', entryCount: 1, revision: 1 });
    const duplicate = await analyst.request('POST', '/api/screening/watch-lists', {
      name: 'test-ports',
      entries: [],
    });
    expect(duplicate.statusCode).toBe(409);

    const missing = await analyst.request('POST', '/api/screening/watch-lists', {
      name: 'test-includes',
      entries: [],
      includes: ['not-there'],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.problems[0].message).toContain('not-there');

    await analyst.request('POST', '/api/screening/watch-lists', {
      name: 'cycle-b',
      entries: [],
      includes: ['test-ports'],
    });
    const cycle = await analyst.request('PUT', '/api/screening/watch-lists/test-ports', {
      entries: ['NLRTM'],
      includes: ['cycle-b'],
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details.problems[0].message).toContain('includes itself');

    const included = await analyst.request('DELETE', '/api/screening/watch-lists/test-ports');
    expect(included.statusCode).toBe(409);
    expect(included.json().error.message).toContain('cycle-b');
    const used = await analyst.request('DELETE', '/api/screening/watch-lists/intelligence-targets');
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain('would no longer compile');

    expect((await analyst.request('DELETE', '/api/screening/watch-lists/cycle-b')).statusCode).toBe(200);
    expect((await analyst.request('DELETE', '/api/screening/watch-lists/test-ports')).statusCode).toBe(200);
    expect((await analyst.request('GET', '/api/screening/watch-lists/test-ports')).statusCode).toBe(404);
    const bad = await analyst.request('POST', '/api/screening/watch-lists', {
      name: 'Bad Name',
      entries: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('body.name');
  });
});

describe('selectivity policy', () => {
  it('is read and replaced whole, each change a new revision', async () => {
    const current = (await analyst.request('GET', '/api/screening/policy')).json();
    expect(current.settings).toMatchObject({
      aeoBenefitCode: 'reduced_examination',
      timeZone: 'Europe/Amsterdam',
    });
    const res = await analyst.request('PUT', '/api/screening/policy', {
      ...current.settings,
      randomSelectionPercent: { green: 3, blue: 3, yellow: 6 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revision).toBe(current.revision + 1);
    const screened = await fileOne({ reference: 'UCR-POL-1' });
    expect(screened.policyRevision).toBe(current.revision + 1);
  });

  it.each([
    ['thresholds out of order', { thresholds: { blue: 50, yellow: 40, red: 80 } }, 'thresholds.yellow'],
    [
      'a rate above 100 %',
      { randomSelectionPercent: { green: 101, blue: 1, yellow: 1 } },
      'randomSelectionPercent.green',
    ],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      'an office twice',
      {
        officeCapacities: [
          { office: 'NLRTM', dailyRedCapacity: 1 },
          { office: 'NLRTM', dailyRedCapacity: 2 },
        ],
      },
      'officeCapacities.1.office',
    ],
    [
      'an office that is not a UN/LOCODE',
      { officeCapacities: [{ office: 'ROTTERDAM', dailyRedCapacity: 1 }] },
      'officeCapacities.0.office',
    ],
    ['a benefit the programme does not have', { aeoBenefitCode: 'free_lunch' }, 'aeoBenefitCode'],
  ])('refuses %s', async (_what, change, path) => {
    const current = (await analyst.request('GET', '/api/screening/policy')).json();
    const res = await analyst.request('PUT', '/api/screening/policy', { ...current.settings, ...change });
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json().error.details.problems)).toContain(path);
  });
});
