import { randomUUID } from 'node:crypto';
import { LANES } from '@aeolus/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * The analyst's measurements over the NL demo history (3,000 screened consignments over 90 days, outcomes
 * for part of the controls, a draft version 2 of the demo rule set): backtests, rule statistics, the AEO
 * benefit measurement and the results filters — with the bad inputs each must refuse.
 */
let t: TestApp;
let analyst: TestClient;
let admin: TestClient;
let keAnalyst: TestClient;
let published: { id: string; version: number };
let draft: { id: string; version: number };

const DAY = 86_400_000;
const since = (days: number) => new Date(Date.now() - days * DAY).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.signIn('analyst@nl.customs.example');
  admin = await t.signIn('admin@nl.customs.example');
  keAnalyst = await t.signIn('analyst@ke.customs.example');
  const versions = (await analyst.request('GET', '/api/screening/rule-sets')).json().items as {
    id: string;
    status: string;
    version: number;
    ruleSetId: string;
  }[];
  published = versions.find((v) => v.status === 'published' && v.ruleSetId === 'nl-demo')!;
  draft = versions.find((v) => v.status === 'draft' && v.ruleSetId === 'nl-demo')!;
  expect(published).toBeDefined();
  expect(draft).toBeDefined();
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);

describe('demo history', () => {
  it('holds about 3,000 screened NL consignments over 90 days, decided by the published set, with outcomes', async () => {
    const results = await count(
      'select count(*)::int as n from screening_results where rule_set_version_id = $1',
      [published.id],
    );
    expect(results).toBeGreaterThanOrEqual(3_000);
    const aeo = await count('select count(*)::int as n from screening_results where is_aeo');
    expect(aeo).toBeGreaterThan(100);
    // Harbour's certificate is suspended: its consignments were screened without the AEO benefit.
    const harbour = await count(
      `select count(*)::int as n from screening_results
        where consignment -> 'consignee' ->> 'name' like 'Harbour Warehousing%' and not is_aeo`,
    );
    expect(harbour).toBeGreaterThan(50);
    expect(await count('select count(*)::int as n from screening_outcomes')).toBeGreaterThan(100);
    const lanes = await t.database.query<{ lane: string }>('select distinct lane from screening_results');
    expect(lanes.map((l) => l.lane).sort()).toEqual([...LANES].sort());
  });
});

describe('backtests', () => {
  it('a backtest of the published version against itself changes nothing', async () => {
    const res = await analyst.request('POST', `/api/screening/rule-sets/${published.id}/backtests`, {
      from: since(100),
    });
    expect(res.statusCode, res.body).toBe(201);
    const backtest = res.json();
    const inWindow = await count(
      `select count(*)::int as n from screening_results r join organisations o on o.id = r.administration_id
        where o.name like 'Netherlands%' and r.received_at >= $1`,
      [since(100)],
    );
    expect(backtest.consignmentCount).toBe(inWindow);
    const s = backtest.summary;
    expect(s.laneChanged).toBe(0);
    expect(s.referralsChanged).toBe(0);
    expect(s.rules).toEqual([]);
    expect(s.candidate.lanes).toEqual(s.baseline.lanes);
    expect(s.candidate.hits).toEqual(s.baseline.hits);
    expect(s.transitions).toHaveLength(16);
    for (const cell of s.transitions) {
      if (cell.from !== cell.to) expect(cell.count).toBe(0);
    }
  });

  it('a backtest of the draft shows lane changes, the rules that drive them and sample consignments; stored, audited', async () => {
    const res = await analyst.request('POST', `/api/screening/rule-sets/${draft.id}/backtests`, {
      from: since(91),
    });
    expect(res.statusCode, res.body).toBe(201);
    const backtest = res.json();
    expect(backtest).toMatchObject({
      status: 'completed',
      candidate: { id: draft.id, status: 'draft' },
      baseline: { id: published.id, status: 'published' },
    });
    const s = backtest.summary;
    expect(s.laneChanged).toBeGreaterThan(0);
    const total = (lanes: Record<string, number>) => Object.values(lanes).reduce((a, b) => a + b, 0);
    expect(total(s.candidate.lanes)).toBe(backtest.consignmentCount);
    expect(total(s.baseline.lanes)).toBe(backtest.consignmentCount);
    const changed = s.transitions.filter((c: { from: string; to: string }) => c.from !== c.to);
    expect(changed.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(s.laneChanged);
    const byRule = new Map(s.rules.map((r: { ruleId: string }) => [r.ruleId, r]));
    expect(byRule.get('consignee-po-box')).toMatchObject({ candidateOnly: 0 });
    expect((byRule.get('consignee-po-box') as { baselineOnly: number }).baselineOnly).toBeGreaterThan(0);
    // Samples name real results of the administration, with the rules that differ.
    const sample = changed.find((c: { samples: unknown[] }) => c.samples.length > 0).samples[0];
    expect(
      sample.rulesAdded.length +
        sample.rulesRemoved.length +
        Math.abs(sample.candidateScore - sample.baselineScore),
    ).toBeGreaterThan(0);
    expect((await analyst.request('GET', `/api/screening/results/${sample.resultId}`)).statusCode).toBe(200);
    // Hit rates rest on recorded outcomes.
    expect(s.baseline.hits.withOutcome).toBeGreaterThan(0);
    expect(s.baseline.hits.hitRatePercent).not.toBeNull();

    const one = await analyst.request('GET', `/api/screening/backtests/${backtest.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(backtest);
    const list = (await analyst.request('GET', `/api/screening/backtests?version=${draft.id}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(backtest.id);
    expect(list.items.every((i: { candidate: { id: string } }) => i.candidate.id === draft.id)).toBe(true);

    const audit = await t.database.query<{ action: string }>(
      'select action from audit_log where subject_id = $1',
      [backtest.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['screening.backtest.completed']);
    expect(
      await count(
        `select count(*)::int as n from outbox_events where type = 'screening.backtest.completed' and subject_id = $1`,
        [backtest.id],
      ),
    ).toBe(1);
  });

  it('stops at the limit, newest first, and says the window held more', async () => {
    const res = await analyst.request('POST', `/api/screening/rule-sets/${draft.id}/backtests`, {
      limit: 10,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().consignmentCount).toBe(10);
    expect(res.json().summary).toMatchObject({ truncated: true, limit: 10 });
  });

  it('pages the list with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await analyst.request('POST', `/api/screening/rule-sets/${draft.id}/backtests`, { limit: 5 });
    }
    const first = (await analyst.request('GET', '/api/screening/backtests?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await analyst.request(
        'GET',
        `/api/screening/backtests?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).json();
    expect(second.items).toHaveLength(2);
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses bad input: unknown or foreign version, bad window, bad limit, unknown fields', async () => {
    const unknown = await analyst.request('POST', `/api/screening/rule-sets/${randomUUID()}/backtests`, {});
    expect(unknown.statusCode).toBe(404);
    const foreign = await keAnalyst.request('POST', `/api/screening/rule-sets/${draft.id}/backtests`, {});
    expect(foreign.statusCode).toBe(404);
    const cases: [unknown, string][] = [
      [{ from: since(1), to: since(2) }, 'to'],
      [{ from: since(800), to: since(1) }, 'to'],
      [{ from: 'yesterday' }, 'from'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 50_001 }, 'limit'],
      [{ policy: {} }, 'policy'],
    ];
    for (const [body, field] of cases) {
      const res = await analyst.request('POST', `/api/screening/rule-sets/${draft.id}/backtests`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
    const notAUuid = await analyst.request('POST', '/api/screening/rule-sets/nl-demo/backtests', {});
    expect(notAUuid.statusCode).toBe(400);
    expect((await analyst.request('GET', `/api/screening/backtests/${randomUUID()}`)).statusCode).toBe(404);
    expect((await analyst.request('GET', '/api/screening/backtests?cursor=nope')).statusCode).toBe(400);
  });

  it('refuses where there is nothing published to compare with (Kenya)', async () => {
    const created = await keAnalyst.request('POST', '/api/screening/rule-sets', {
      id: 'ke-trial',
      name: 'KE trial',
      watchLists: [],
      rules: [],
      decisionTables: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await keAnalyst.request(
      'POST',
      `/api/screening/rule-sets/${created.json().id}/backtests`,
      {},
    );
    expect(res.statusCode).toBe(409);
  });
});

describe('rule statistics', () => {
  it('counts firings and outcomes per rule of a version, every rule listed', async () => {
    const res = await analyst.request('GET', `/api/screening/rule-sets/${published.id}/statistics`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.screened).toBe(
      await count('select count(*)::int as n from screening_results where rule_set_version_id = $1', [
        published.id,
      ]),
    );
    expect(stats.rules.length).toBeGreaterThanOrEqual(41);
    const noAeo = stats.rules.find((r: { ruleId: string }) => r.ruleId === 'no-aeo');
    expect(noAeo.fired).toBe(
      await count(
        `select count(*)::int as n from screening_results where rule_set_version_id = $1 and fired_rule_ids @> array['no-aeo']`,
        [published.id],
      ),
    );
    for (const r of stats.rules) {
      expect(r.noFinding + r.discrepancies + r.seizures).toBe(r.withOutcome);
      expect(r.withOutcome).toBeLessThanOrEqual(r.fired);
      if (r.withOutcome === 0) expect(r.hitRatePercent).toBeNull();
    }
    // Most fired first; a rule that never fired is listed with zero, rated null.
    const fired = stats.rules.map((r: { fired: number }) => r.fired);
    expect(fired).toEqual([...fired].sort((a: number, b: number) => b - a));

    const draftStats = (
      await analyst.request('GET', `/api/screening/rule-sets/${draft.id}/statistics`)
    ).json();
    expect(draftStats.screened).toBe(0);
    expect(
      draftStats.rules.every(
        (r: { fired: number; firingRatePercent: null }) => r.fired === 0 && r.firingRatePercent === null,
      ),
    ).toBe(true);

    const future = (
      await analyst.request(
        'GET',
        `/api/screening/rule-sets/${published.id}/statistics?from=2999-01-01T00:00:00Z&to=2999-02-01T00:00:00Z`,
      )
    ).json();
    expect(future.screened).toBe(0);
  });

  it('refuses bad input', async () => {
    expect(
      (await analyst.request('GET', `/api/screening/rule-sets/${randomUUID()}/statistics`)).statusCode,
    ).toBe(404);
    expect(
      (await keAnalyst.request('GET', `/api/screening/rule-sets/${published.id}/statistics`)).statusCode,
    ).toBe(404);
    const backwards = await analyst.request(
      'GET',
      `/api/screening/rule-sets/${published.id}/statistics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('to');
  });
});

describe('benefit measurement', () => {
  it('compares AEO and non-AEO consignments in total, per period and per mode, with the counts behind each rate', async () => {
    const res = await admin.request(
      'GET',
      `/api/screening/benefits?bucket=week&from=${encodeURIComponent(since(91))}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const { aeo, nonAeo } = report.total;
    expect(aeo.consignments).toBeGreaterThan(100);
    expect(nonAeo.consignments).toBeGreaterThan(aeo.consignments);
    expect(aeo.examinationRatePercent).toBeCloseTo((aeo.red / aeo.consignments) * 100, 1);
    expect(nonAeo.documentaryRatePercent).toBeCloseTo((nonAeo.yellow / nonAeo.consignments) * 100, 1);
    // AEOs are examined less (the score reduction), which is what the measurement is for.
    expect(aeo.examinationRatePercent).toBeLessThan(nonAeo.examinationRatePercent);
    expect(nonAeo.outcomes.recorded).toBeGreaterThan(0);
    expect(nonAeo.timeToDecision.count).toBe(nonAeo.outcomes.recorded);
    expect(nonAeo.timeToDecision.medianHours).toBeGreaterThan(0);

    const sum = (
      pairs: { aeo: { consignments: number } | null; nonAeo: { consignments: number } | null }[],
    ) => pairs.reduce((n, p) => n + (p.aeo?.consignments ?? 0) + (p.nonAeo?.consignments ?? 0), 0);
    expect(sum(report.periods)).toBe(aeo.consignments + nonAeo.consignments);
    expect(sum(report.modes)).toBe(aeo.consignments + nonAeo.consignments);
    expect(report.periods.length).toBeGreaterThanOrEqual(13);
    const starts = report.periods.map((p: { start: string }) => p.start);
    expect(starts).toEqual([...starts].sort());

    const sea = (await admin.request('GET', '/api/screening/benefits?mode=sea&bucket=month')).json();
    expect(sea.modes.map((m: { mode: string }) => m.mode)).toEqual(['sea']);
  });

  it('leaves absent data absent: no consignments, no group', async () => {
    const ke = await t.signIn('admin@ke.customs.example');
    const report = (await ke.request('GET', '/api/screening/benefits')).json();
    expect(report.total).toEqual({ aeo: null, nonAeo: null });
    expect(report.periods).toEqual([]);
    expect(report.modes).toEqual([]);
    const daily = (await admin.request('GET', '/api/screening/benefits?bucket=day')).json();
    for (const p of daily.periods) {
      for (const g of [p.aeo, p.nonAeo]) if (g) expect(g.consignments).toBeGreaterThan(0);
    }
  });

  it('refuses bad filters', async () => {
    for (const [query, field] of [
      ['bucket=year', 'bucket'],
      ['mode=ship', 'mode'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['from=soon', 'from'],
      ['colour=red', 'colour'],
    ]) {
      const res = await admin.request('GET', `/api/screening/benefits?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });
});

describe('results filters', () => {
  it('filters by version and by whether (and which) outcome was recorded', async () => {
    const get = async (query: string) => {
      const res = await analyst.request('GET', `/api/screening/results?limit=200&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as {
        outcome: string | null;
        ruleSet: { id: string };
        isAeo: boolean;
        mode: string;
      }[];
    };
    const recorded = await get('outcome=recorded');
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((r) => r.outcome !== null)).toBe(true);
    const none = await get('outcome=none&lane=red');
    expect(none.every((r) => r.outcome === null)).toBe(true);
    const discrepancies = await get('outcome=discrepancy');
    expect(discrepancies.every((r) => r.outcome === 'discrepancy')).toBe(true);
    const byVersion = await get(`version=${published.id}&aeo=true&mode=sea`);
    expect(byVersion.length).toBeGreaterThan(0);
    expect(byVersion.every((r) => r.ruleSet.id === published.id && r.isAeo && r.mode === 'sea')).toBe(true);
    expect(await get(`version=${draft.id}`)).toEqual([]);
  });

  it('refuses bad filters', async () => {
    for (const [query, field] of [
      ['outcome=lost', 'outcome'],
      ['version=v1', 'version'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ]) {
      const res = await analyst.request('GET', `/api/screening/results?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });
});

describe('a retired version', () => {
  it('cannot be backtested', async () => {
    // Publishing the draft retires version 1.
    const publish = await analyst.request('POST', `/api/screening/rule-sets/${draft.id}/publish`);
    expect(publish.statusCode, publish.body).toBe(200);
    const res = await analyst.request('POST', `/api/screening/rule-sets/${published.id}/backtests`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    // Its statistics stay readable.
    expect(
      (await analyst.request('GET', `/api/screening/rule-sets/${published.id}/statistics`)).statusCode,
    ).toBe(200);
  });
});
