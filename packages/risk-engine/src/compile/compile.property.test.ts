import type {
  DecisionTable,
  DecisionTableCell,
  RuleComparison,
  RuleCondition,
  RuleSet,
  WatchList,
} from '@aeolus/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, generateConsignment, generateFacts } from '../demo/consignments.js';
import { evaluateReference } from '../reference/reference.js';
import { compileRuleSet } from './compile.js';

/**
 * Property: on random rule sets and random consignments, the compiled engine (both back ends) and the
 * reference interpreter give exactly the same evaluation — score, fired rules in order, lanes, referrals
 * and every piece of evidence (which the engine builds only for the rules that fired, after screening).
 * Operands are drawn from the values the consignment generator uses, so that rules do fire. A second
 * property builds rule sets whose rules reuse a pool of conditions, the way real rule sets repeat a mode or
 * an HS list: that exercises the shared conditions, the rules indexed under them, and hits numerous enough
 * to be put back in order through the bitmap.
 */
const LISTS: WatchList[] = [
  { name: 'countries', entries: ['ae', 'IR', ' tr ', 'CN'], includes: ['more'] },
  { name: 'more', entries: ['KZ', 'Graywater  Logistics'] },
  { name: 'names', entries: ['KESTREL COMPONENTS LTD', 'graywater logistics'] },
];

const countries = fc.constantFrom('CN', 'NL', 'AE', 'TR', 'DE', 'EC', 'IR', 'HK', 'KZ');
const scalarField = fc.constantFrom(
  ['modeOfTransport', 'mode'],
  ['dataset', 'dataset'],
  ['originCountry', 'country'],
  ['consignee.address.country', 'country'],
  ['consignor.name', 'name'],
  ['consignee.address.line', 'text'],
  ['derived.loadingCountry', 'country'],
  ['totalGrossMassKg', 'number'],
  ['derived.valuePerKg', 'number'],
  ['derived.filingMarginHours', 'number'],
  ['derived.transitHours', 'number'],
  ['derived.massDiscrepancyPct', 'number'],
  ['derived.minDescriptionWords', 'number'],
  ['derived.isLateFiling', 'boolean'],
  ['derived.hasAeoParty', 'boolean'],
  ['facts.consignorFirstSeen', 'boolean'],
  ['routingCountries', 'country'],
  ['derived.transitCountries', 'country'],
  ['derived.descriptions', 'text'],
  ['derived.hsCodes', 'hs'],
  ['consignee.eori', 'text'],
  ['notifyParty.name', 'name'],
) as fc.Arbitrary<[string, string]>;
const itemField = fc.constantFrom(
  ['item.hsCode', 'hs'],
  ['item.description', 'text'],
  ['item.grossMassKg', 'number'],
  ['item.valuePerKg', 'number'],
  ['item.value.currency', 'currency'],
  ['item.originCountry', 'country'],
) as fc.Arbitrary<[string, string]>;
const containerField = fc.constantFrom(
  ['container.sealCount', 'number'],
  ['container.hasSealAnomaly', 'boolean'],
  ['container.containerId', 'text'],
) as fc.Arbitrary<[string, string]>;

function cellFor(type: string): fc.Arbitrary<DecisionTableCell> {
  const number = fc.constantFrom(-10, 0, 1, 2, 4, 5, 10, 24, 50, 150);
  const always = fc.constant({ op: 'exists' } as DecisionTableCell);
  switch (type) {
    case 'number':
      return fc.oneof(
        always,
        fc.record({ op: fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq', 'ne'), value: number }),
        fc
          .tuple(number, number)
          .map(([a, b]) => ({ op: 'between', min: Math.min(a, b), max: Math.max(a, b) })),
      ) as fc.Arbitrary<DecisionTableCell>;
    case 'boolean':
      return fc.oneof(
        always,
        fc.record({ op: fc.constantFrom('eq', 'ne'), value: fc.boolean() }),
      ) as fc.Arbitrary<DecisionTableCell>;
    case 'mode':
      return fc.oneof(
        fc.record({ op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom('air', 'sea', 'postal') }),
        fc.record({
          op: fc.constantFrom('in', 'notIn'),
          values: fc.uniqueArray(fc.constantFrom('air', 'sea', 'postal', 'road'), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
      ) as fc.Arbitrary<DecisionTableCell>;
    case 'dataset':
      return fc.record({
        op: fc.constant('eq'),
        value: fc.constantFrom('full', 'placi'),
      }) as fc.Arbitrary<DecisionTableCell>;
    case 'country':
      return fc.oneof(
        always,
        fc.record({
          op: fc.constantFrom('in', 'notIn'),
          values: fc.uniqueArray(countries, { minLength: 1, maxLength: 3 }),
        }),
        fc.record({ op: fc.constantFrom('eq', 'ne'), value: countries }),
        fc.record({ op: fc.constant('inWatchList'), list: fc.constantFrom('countries', 'more') }),
      ) as fc.Arbitrary<DecisionTableCell>;
    case 'hs':
      return fc.record({
        op: fc.constant('startsWith'),
        values: fc.uniqueArray(fc.constantFrom('61', '8517', '85', '930630', '0803', '3004', '96'), {
          minLength: 1,
          maxLength: 3,
        }),
      }) as fc.Arbitrary<DecisionTableCell>;
    case 'currency':
      return fc.record({
        op: fc.constantFrom('eq', 'ne'),
        value: fc.constantFrom('EUR', 'USD'),
      }) as fc.Arbitrary<DecisionTableCell>;
    case 'name':
      return fc.oneof(
        always,
        fc.record({ op: fc.constant('inWatchList'), list: fc.constantFrom('names', 'countries') }),
        fc.record({ op: fc.constant('matches'), keywords: fc.constant(['logistics', 'ltd']) }),
      ) as fc.Arbitrary<DecisionTableCell>;
    default:
      return fc.oneof(
        always,
        fc.record({
          op: fc.constant('matches'),
          keywords: fc.uniqueArray(
            fc.constantFrom('phones', 'cotton', 'parts', 'dual use', 'box', 'samples', 'tramadol'),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
        }),
        fc.record({
          op: fc.constant('matches'),
          pattern: fc.constantFrom('^\\s*parts\\s*$', '\\bbox\\b', 'p\\.?o\\.?', '[0-9]{3}'),
        }),
      ) as fc.Arbitrary<DecisionTableCell>;
  }
}

const comparison = (fields: fc.Arbitrary<[string, string]>) =>
  fields.chain(([field, type]) => cellFor(type).map((cell) => ({ ...cell, field }) as RuleComparison));

const condition: fc.Arbitrary<RuleCondition> = fc.letrec<{
  node: RuleCondition;
  item: RuleCondition;
  container: RuleCondition;
}>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison(scalarField),
    fc.record({
      op: fc.constantFrom('all', 'any'),
      conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ op: fc.constant('not'), condition: tie('node') }),
    fc.record({ op: fc.constantFrom('anyItem', 'allItems'), condition: tie('item') }),
    fc.record({ op: fc.constantFrom('anyContainer', 'allContainers'), condition: tie('container') }),
  ) as fc.Arbitrary<RuleCondition>,
  item: fc.oneof(
    { depthSize: 'small' },
    comparison(itemField),
    comparison(scalarField),
    fc.record({
      op: fc.constantFrom('all', 'any'),
      conditions: fc.array(tie('item'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ op: fc.constant('not'), condition: tie('item') }),
  ) as fc.Arbitrary<RuleCondition>,
  container: fc.oneof(
    comparison(containerField),
    fc.record({ op: fc.constant('not'), condition: comparison(containerField) }),
  ) as fc.Arbitrary<RuleCondition>,
})).node;

const outcome = fc.record(
  {
    weight: fc.integer({ min: -20, max: 100 }),
    minLane: fc.constantFrom('blue', 'yellow', 'red'),
    referral: fc.constantFrom('RFI', 'RFS', 'DNL'),
  },
  { requiredKeys: ['weight'] },
);

const table: fc.Arbitrary<DecisionTable> = fc
  .tuple(
    fc.array(scalarField, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('first', 'collect-sum', 'priority'),
  )
  .chain(([inputs, hitPolicy]) =>
    fc.record({
      id: fc.constant('table'),
      name: fc.constant('Table'),
      rationale: fc.constant('Because'),
      hitPolicy: fc.constant(hitPolicy),
      inputs: fc.constant(inputs.map(([field]) => ({ field }))),
      rows: fc
        .array(
          fc.tuple(
            fc.tuple(...inputs.map(([, type]) => fc.option(cellFor(type), { nil: null }))),
            outcome,
            fc.integer({ min: 0, max: 3 }),
          ),
          { minLength: 1, maxLength: 5 },
        )
        .map((rows) => rows.map(([cells, out, priority], i) => ({ id: `row${i}`, cells, priority, ...out }))),
    }),
  ) as fc.Arbitrary<DecisionTable>;

const ruleSetArb: fc.Arbitrary<RuleSet> = fc
  .tuple(
    fc.array(fc.tuple(condition, outcome, fc.boolean()), { minLength: 1, maxLength: 8 }),
    fc.array(table, { maxLength: 1 }),
  )
  .map(([rules, tables]) => ({
    id: 'prop',
    version: 1,
    status: 'draft',
    name: 'Property',
    watchLists: ['countries', 'more', 'names'],
    rules: rules.map(([conditions, out, enabled], i) => ({
      id: `r${i}`,
      name: `Rule ${i}`,
      rationale: 'Because',
      conditions,
      ...(enabled ? {} : { enabled: false }),
      ...out,
    })),
    decisionTables: tables,
  }));

/** Rules made of conditions drawn from a small pool, alone or combined with `all`/`any`. */
const pooledRuleSet: fc.Arbitrary<RuleSet> = fc
  .tuple(
    fc.array(condition, { minLength: 1, maxLength: 6 }),
    fc.array(
      fc.tuple(
        fc.constantFrom('single', 'all', 'any'),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        outcome,
      ),
      { minLength: 30, maxLength: 80 },
    ),
    fc.array(table, { maxLength: 1 }),
  )
  .map(([pool, specs, tables]) => ({
    id: 'pooled',
    version: 1,
    status: 'draft',
    name: 'Pooled',
    watchLists: ['countries', 'more', 'names'],
    rules: specs.map(([shape, picks, out], i) => {
      const chosen = picks.map((k) => pool[k % pool.length]!);
      const conditions: RuleCondition =
        shape === 'single' ? chosen[0]! : ({ op: shape, conditions: chosen } as RuleCondition);
      return { id: `r${i}`, name: `Rule ${i}`, rationale: 'Because', conditions, ...out };
    }),
    decisionTables: tables,
  }));

function agree(ruleSet: RuleSet, seed: number): void {
  const codegen = compileRuleSet(ruleSet, { watchLists: LISTS });
  const closures = compileRuleSet(ruleSet, { watchLists: LISTS, backend: 'closures' });
  const rand = createRandom(seed);
  for (let i = 0; i < 12; i++) {
    const consignment = generateConsignment(rand, i);
    const facts = generateFacts(rand);
    const expected = evaluateReference(ruleSet, LISTS, consignment, facts);
    expect(codegen.evaluate(consignment, facts)).toEqual(expected);
    expect(closures.evaluate(consignment, facts)).toEqual(expected);
  }
}

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('compiled engine vs reference evaluator', () => {
  it('agree exactly on random rule sets and consignments', () => {
    fc.assert(fc.property(ruleSetArb, seeds, agree), { numRuns: 300 });
  });

  it('agree exactly on rule sets that share conditions between many rules', () => {
    let manyHits = 0;
    fc.assert(
      fc.property(pooledRuleSet, seeds, (ruleSet, seed) => {
        agree(ruleSet, seed);
        const compiled = compileRuleSet(ruleSet, { watchLists: LISTS });
        const rand = createRandom(seed);
        for (let i = 0; i < 12; i++) {
          if (compiled.evaluate(generateConsignment(rand, i), generateFacts(rand)).fired.length > 32)
            manyHits++;
        }
      }),
      { numRuns: 150 },
    );
    // The property must have reached the path that reorders more than 32 hits.
    expect(manyHits).toBeGreaterThan(0);
  });
});
