import { Consignment, type DecisionTable, RuleSet, ruleSetJsonSchema } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { generateConsignments } from '../demo/consignments.js';
import { demoRuleSet, demoWatchLists } from '../demo/demo.js';
import { evaluateReference } from '../reference/reference.js';
import { fullConsignment, rule, ruleSet } from '../testing/fixtures.js';
import { clearCompileCache, compileRuleSet } from './compile.js';

const table = (hitPolicy: DecisionTable['hitPolicy']): DecisionTable => ({
  id: 'mass',
  name: 'Mass bands',
  rationale: 'Heavier air consignments weigh more',
  hitPolicy,
  inputs: [{ field: 'modeOfTransport' }, { field: 'totalGrossMassKg' }],
  rows: [
    {
      id: 'light',
      cells: [
        { op: 'eq', value: 'air' },
        { op: 'lt', value: 100 },
      ],
      weight: 5,
      priority: 1,
    },
    {
      id: 'any-air',
      cells: [{ op: 'eq', value: 'air' }, null],
      weight: 10,
      minLane: 'yellow',
      priority: 3,
      note: 'air',
    },
    { id: 'heavy', cells: [null, { op: 'gte', value: 100 }], weight: 40, referral: 'RFI', priority: 2 },
    { id: 'tiny', cells: [null, { op: 'lt', value: 50 }], weight: 1, priority: 3 },
  ],
});

describe('decision tables', () => {
  const evaluate = (hitPolicy: DecisionTable['hitPolicy'], mass: number) => {
    const set = ruleSet([], { decisionTables: [table(hitPolicy)] });
    const c = fullConsignment({ totalGrossMassKg: mass });
    const result = compileRuleSet(set).evaluate(c);
    expect(evaluateReference(set, [], c)).toEqual(result);
    expect(compileRuleSet(set, { backend: 'closures' }).evaluate(c)).toEqual(result);
    return result;
  };

  it.each([
    ['first', 30, ['mass/light'], 5],
    ['first', 300, ['mass/any-air'], 10],
    ['collect-sum', 30, ['mass/light', 'mass/any-air', 'mass/tiny'], 16],
    ['collect-sum', 300, ['mass/any-air', 'mass/heavy'], 50],
    ['priority', 30, ['mass/any-air'], 10], // priority 3 ties with "tiny": the earlier row wins
    ['priority', 300, ['mass/any-air'], 10],
  ] as const)('hit policy %s at %d kg', (policy, mass, fired, score) => {
    const result = evaluate(policy, mass);
    expect(result.fired.map((f) => f.ruleId)).toEqual(fired);
    expect(result.score).toBe(score);
  });

  it('reports the row, its note, lane and referral, with the cell evidence', () => {
    const result = evaluate('collect-sum', 300);
    expect(result.minLane).toBe('yellow');
    expect(result.referrals).toEqual(['RFI']);
    expect(result.fired[0]).toMatchObject({ tableId: 'mass', name: 'Mass bands: air', minLane: 'yellow' });
    expect(result.fired[1]!.evidence).toEqual([
      { at: 'decisionTables.0.rows.2.cells.1', op: 'gte', field: 'totalGrossMassKg', actual: 300 },
    ]);
  });
});

describe('evaluation', () => {
  it('adds weights, takes the highest lane and orders referrals by severity', () => {
    const set = ruleSet([
      rule(
        'a',
        { op: 'eq', field: 'modeOfTransport', value: 'air' },
        { weight: 20, minLane: 'blue', referral: 'RFI' },
      ),
      rule('b', { op: 'exists', field: 'originCountry' }, { weight: -5, minLane: 'red', referral: 'DNL' }),
      rule('c', { op: 'exists', field: 'originCountry' }, { weight: 7, minLane: 'yellow', referral: 'RFI' }),
      rule('d', { op: 'exists', field: 'originCountry' }, { weight: 100, enabled: false }),
    ]);
    const result = compileRuleSet(set).evaluate(fullConsignment());
    expect(result).toMatchObject({ score: 22, minLane: 'red', referrals: ['DNL', 'RFI'] });
    expect(result.fired.map((f) => f.ruleId)).toEqual(['a', 'b', 'c']);
  });

  it('a consignment that fires nothing gets score 0 and no lane', () => {
    const set = ruleSet([rule('a', { op: 'eq', field: 'modeOfTransport', value: 'sea' })]);
    expect(compileRuleSet(set).evaluate(fullConsignment())).toEqual({
      ruleSetId: 'test-set',
      ruleSetVersion: 1,
      score: 0,
      minLane: null,
      referrals: [],
      fired: [],
    });
  });
});

describe('compile cache', () => {
  it('caches published versions and compiles drafts afresh', () => {
    clearCompileCache();
    const published = ruleSet([rule('a', { op: 'exists', field: 'originCountry' })], { status: 'published' });
    expect(compileRuleSet(published)).toBe(compileRuleSet(published));
    expect(compileRuleSet(published, { watchListsRevision: '2' })).not.toBe(compileRuleSet(published));
    const draft = { ...published, status: 'draft' as const };
    expect(compileRuleSet(draft)).not.toBe(compileRuleSet(draft));
    // An edited draft with the same version number is never served from the cache.
    const edited = { ...draft, rules: [rule('a', { op: 'eq', field: 'modeOfTransport', value: 'sea' })] };
    expect(compileRuleSet(edited).evaluate(fullConsignment()).fired).toEqual([]);
  });
});

describe('demo rule set', () => {
  it('is a valid rule set of about forty rules that compiles with its watch lists', () => {
    expect(RuleSet.safeParse(demoRuleSet).success).toBe(true);
    expect(demoRuleSet.rules.length).toBeGreaterThanOrEqual(38);
    const compiled = compileRuleSet(demoRuleSet, { watchLists: demoWatchLists });
    expect(compiled.ruleCount).toBe(demoRuleSet.rules.length + 3);
  });

  it('fires on generated consignments, and compiled and reference agree', () => {
    const compiled = compileRuleSet(demoRuleSet, { watchLists: demoWatchLists });
    const seen = new Set<string>();
    for (const { consignment, facts } of generateConsignments(3_000, 7)) {
      expect(Consignment.safeParse(consignment).success).toBe(true);
      const result = compiled.evaluate(consignment, facts);
      expect(evaluateReference(demoRuleSet, demoWatchLists, consignment, facts)).toEqual(result);
      for (const hit of result.fired) seen.add(hit.ruleId);
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('generates the same consignments for the same seed', () => {
    expect(generateConsignments(5, 99)).toEqual(generateConsignments(5, 99));
    expect(generateConsignments(5, 99)).not.toEqual(generateConsignments(5, 100));
  });

  it('the rule-set JSON Schema describes the file format', () => {
    const schema = ruleSetJsonSchema() as { $defs: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.$defs.RuleSet!.properties!)).toEqual(
      expect.arrayContaining(['id', 'version', 'status', 'rules', 'decisionTables', 'watchLists']),
    );
    expect(JSON.stringify(schema)).toContain('"inWatchList"');
  });
});
