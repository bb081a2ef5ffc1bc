import type { Consignment, RuleCondition, ScreeningFacts } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { evaluateReference } from '../reference/reference.js';
import { fullConsignment, LISTS, placiConsignment, rule, ruleSet } from '../testing/fixtures.js';
import { compileRuleSet } from './compile.js';

/** Runs one condition through both back ends and the reference; all three must agree. */
function run(conditions: RuleCondition, c: Consignment = fullConsignment(), facts: ScreeningFacts = {}) {
  const set = ruleSet([rule('r', conditions)], { watchLists: ['embargo', 'parties'] });
  const codegen = compileRuleSet(set, { watchLists: LISTS }).evaluate(c, facts);
  const closures = compileRuleSet(set, { watchLists: LISTS, backend: 'closures' }).evaluate(c, facts);
  const reference = evaluateReference(set, LISTS, c, facts);
  expect(closures).toEqual(codegen);
  expect(reference).toEqual(codegen);
  return { fired: codegen.fired.length === 1, evidence: codegen.fired[0]?.evidence ?? [] };
}

const cmp = (field: string, op: string, extra: Record<string, unknown> = {}) =>
  ({ op, field, ...extra }) as RuleCondition;

describe('comparison operators', () => {
  it.each([
    ['eq on text', cmp('modeOfTransport', 'eq', { value: 'air' }), true, 'air'],
    ['eq misses', cmp('modeOfTransport', 'eq', { value: 'sea' }), false, undefined],
    ['eq on a boolean fact', cmp('facts.consignorFirstSeen', 'eq', { value: true }), false, undefined],
    ['ne', cmp('originCountry', 'ne', { value: 'DE' }), true, 'CN'],
    ['ne on a missing field is false', cmp('notifyParty.name', 'ne', { value: 'X' }), false, undefined],
    ['in', cmp('consignee.address.country', 'in', { values: ['BE', 'NL'] }), true, 'NL'],
    ['notIn', cmp('consignee.address.country', 'notIn', { values: ['BE', 'DE'] }), true, 'NL'],
    [
      'notIn on a missing field is false',
      cmp('notifyParty.address.country', 'notIn', { values: ['BE'] }),
      false,
      undefined,
    ],
    ['gt', cmp('totalGrossMassKg', 'gt', { value: 29.5 }), true, 30],
    ['gt at the bound', cmp('totalGrossMassKg', 'gt', { value: 30 }), false, undefined],
    ['gte at the bound', cmp('totalGrossMassKg', 'gte', { value: 30 }), true, 30],
    ['lt', cmp('totalGrossMassKg', 'lt', { value: 31 }), true, 30],
    ['lte at the bound', cmp('totalGrossMassKg', 'lte', { value: 30 }), true, 30],
    ['between inclusive', cmp('totalGrossMassKg', 'between', { min: 30, max: 40 }), true, 30],
    ['between outside', cmp('totalGrossMassKg', 'between', { min: 31, max: 40 }), false, undefined],
    ['exists', cmp('consignee.address.postcode', 'exists'), true, '3011AA'],
    ['exists on a missing field', cmp('notifyParty.name', 'exists'), false, undefined],
    ['startsWith (HS chapter)', cmp('derived.hsCodes', 'startsWith', { values: ['61'] }), true, '610910'],
    [
      'matches keywords, case-insensitive',
      cmp('derived.descriptions', 'matches', { keywords: ['MOBILE'] }),
      true,
      'Mobile phones',
    ],
    [
      'matches keywords as whole words',
      cmp('derived.descriptions', 'matches', { keywords: ['phone'] }),
      false,
      undefined,
    ],
    [
      'matches a pattern',
      cmp('consignor.name', 'matches', { pattern: '\\bco\\.? ltd$' }),
      true,
      'Shenzhen Bright Star Electronics Co Ltd',
    ],
    [
      'inWatchList on a list field',
      cmp('routingCountries', 'inWatchList', { list: 'embargo' }),
      false,
      undefined,
    ],
    [
      'inWatchList normalises case and spaces, follows includes',
      cmp('consignee.name', 'inWatchList', { list: 'parties' }),
      true,
      'Holland Retail Distribution BV',
    ],
  ])('%s', (_name, condition, fires, actual) => {
    const { fired, evidence } = run(condition);
    expect(fired).toBe(fires);
    if (fires) expect(evidence[0]!.actual).toEqual(actual);
  });

  it('reports the element of a list field that matched, with its index', () => {
    const { evidence } = run(cmp('routingCountries', 'in', { values: ['AE'] }));
    expect(evidence).toEqual([
      { at: 'rules.0.conditions', op: 'in', field: 'routingCountries.1', actual: 'AE' },
    ]);
  });

  it('reads AEO ids and EORI from party identifiers', () => {
    expect(run(cmp('consignor.aeoIds', 'in', { values: ['CNAEO12345'] })).fired).toBe(true);
    expect(run(cmp('consignee.eori', 'eq', { value: 'NL123456789' })).fired).toBe(true);
    expect(run(cmp('derived.hasAeoParty', 'eq', { value: true })).fired).toBe(true);
  });
});

describe('all, any, not', () => {
  const air = cmp('modeOfTransport', 'eq', { value: 'air' });
  const sea = cmp('modeOfTransport', 'eq', { value: 'sea' });
  it.each([
    ['all true', { op: 'all', conditions: [air, air] }, true],
    ['all with one false', { op: 'all', conditions: [air, sea] }, false],
    ['any with one true', { op: 'any', conditions: [sea, air] }, true],
    ['any all false', { op: 'any', conditions: [sea, sea] }, false],
    ['not false', { op: 'not', condition: sea }, true],
    ['not true', { op: 'not', condition: air }, false],
  ] as [string, RuleCondition, boolean][])('%s', (_name, condition, fires) => {
    expect(run(condition).fired).toBe(fires);
  });

  it('explains any by its first true branch and not by the value it found', () => {
    const { evidence } = run({
      op: 'all',
      conditions: [
        { op: 'any', conditions: [sea, air] },
        { op: 'not', condition: sea },
      ],
    });
    expect(evidence).toEqual([
      {
        at: 'rules.0.conditions.conditions.0.conditions.1',
        op: 'eq',
        field: 'modeOfTransport',
        actual: 'air',
      },
      {
        at: 'rules.0.conditions.conditions.1.condition',
        op: 'eq',
        field: 'modeOfTransport',
        actual: 'air',
        negated: true,
      },
    ]);
  });

  it('a negated missing field is true and says so', () => {
    const { fired, evidence } = run({ op: 'not', condition: cmp('notifyParty.name', 'exists') });
    expect(fired).toBe(true);
    expect(evidence[0]).toMatchObject({ field: 'notifyParty.name', actual: null, negated: true });
  });
});

describe('quantifiers', () => {
  const phone = cmp('item.hsCode', 'startsWith', { values: ['8517'] });
  it('anyItem fires on the first matching item and names it', () => {
    const { fired, evidence } = run({ op: 'anyItem', condition: phone });
    expect(fired).toBe(true);
    expect(evidence).toEqual([
      {
        at: 'rules.0.conditions.condition',
        op: 'startsWith',
        field: 'goodsItems.0.hsCode',
        actual: '851712',
      },
    ]);
  });

  it('allItems needs every item and reports each', () => {
    expect(run({ op: 'allItems', condition: phone }).fired).toBe(false);
    const { evidence } = run({ op: 'allItems', condition: cmp('item.grossMassKg', 'gte', { value: 10 }) });
    expect(evidence.map((e) => e.field)).toEqual(['goodsItems.0.grossMassKg', 'goodsItems.1.grossMassKg']);
  });

  it('keeps conditions inside anyItem on the same item', () => {
    const sameItem: RuleCondition = {
      op: 'anyItem',
      condition: {
        op: 'all',
        conditions: [phone, cmp('item.description', 'matches', { keywords: ['t-shirts'] })],
      },
    };
    expect(run(sameItem).fired).toBe(false);
  });

  it('is false on a PLACI filing, which has no items (never vacuously true)', () => {
    expect(run({ op: 'allItems', condition: phone }, placiConsignment()).fired).toBe(false);
    expect(run({ op: 'anyItem', condition: phone }, placiConsignment()).fired).toBe(false);
  });

  it('item.valuePerKg is computed per item', () => {
    const { evidence } = run({ op: 'anyItem', condition: cmp('item.valuePerKg', 'lt', { value: 50 }) });
    expect(evidence[0]).toMatchObject({ field: 'goodsItems.1.valuePerKg', actual: 30 });
  });

  it('anyContainer looks at seals', () => {
    const c = fullConsignment({
      modeOfTransport: 'sea',
      transportDocument: { type: 'MBL', number: 'MEDU1234567' },
      transportEquipment: [
        { containerId: 'MSCU1234566', seals: [{ id: 'S1' }] },
        { containerId: 'CSQU3054383', seals: [{ id: 'S2', condition: 'damaged' }] },
      ],
    });
    const { evidence } = run(
      { op: 'anyContainer', condition: cmp('container.hasSealAnomaly', 'eq', { value: true }) },
      c,
    );
    expect(evidence[0]).toMatchObject({ field: 'transportEquipment.1.hasSealAnomaly', actual: true });
    expect(run(cmp('derived.hasSealAnomaly', 'eq', { value: true }), c).fired).toBe(true);
    expect(
      run({ op: 'allContainers', condition: cmp('container.sealCount', 'eq', { value: 1 }) }, c).fired,
    ).toBe(true);
  });
});

describe('caller facts', () => {
  it('first-time party comes from the caller', () => {
    const condition = cmp('facts.consigneeFirstSeen', 'eq', { value: true });
    expect(run(condition, fullConsignment(), { consigneeFirstSeen: true }).fired).toBe(true);
    expect(run(condition, fullConsignment(), {}).fired).toBe(false);
  });
});
