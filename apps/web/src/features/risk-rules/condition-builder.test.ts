import { COMPARISON_OPERATORS, RuleCondition } from '@aeolus/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BuilderModel,
  CLAUSE_SCOPES,
  type Clause,
  cellToOperand,
  emptyClause,
  fromBuilder,
  operandToCell,
  toBuilder,
} from './condition-builder.js';

/** Conditions in the shapes of the NL demo rule set (packages/risk-engine/src/demo/nl-rules.json). */
const DEMO_SHAPES: RuleCondition[] = [
  { op: 'anyItem', condition: { op: 'startsWith', field: 'item.hsCode', values: ['3601', '3602'] } },
  {
    op: 'all',
    conditions: [
      { op: 'eq', field: 'modeOfTransport', value: 'postal' },
      { op: 'anyItem', condition: { op: 'startsWith', field: 'item.hsCode', values: ['3004'] } },
    ],
  },
  { op: 'matches', field: 'derived.descriptions', keywords: ['cocaine', 'catha edulis'] },
  { op: 'matches', field: 'consignee.address.line', pattern: '\\b(p\\.?\\s?o\\.?\\s?box|postbus)\\b' },
  { op: 'lte', field: 'derived.minDescriptionWords', value: 1 },
  { op: 'eq', field: 'facts.consignorFirstSeen', value: true },
  {
    op: 'any',
    conditions: [
      { op: 'inWatchList', field: 'originCountry', list: 'embargoed-countries' },
      {
        op: 'anyItem',
        condition: { op: 'inWatchList', field: 'item.originCountry', list: 'embargoed-countries' },
      },
    ],
  },
  {
    op: 'all',
    conditions: [
      { op: 'not', condition: { op: 'eq', field: 'derived.hasAeoParty', value: true } },
      { op: 'in', field: 'modeOfTransport', values: ['air', 'postal'] },
      { op: 'between', field: 'derived.totalValue', min: 0, max: 150 },
      { op: 'exists', field: 'notifyParty.name' },
    ],
  },
  {
    op: 'anyContainer',
    condition: { op: 'inWatchList', field: 'container.containerId', list: 'watched-containers' },
  },
];

describe('condition builder ↔ rule-set JSON', () => {
  it.each(DEMO_SHAPES.map((c) => [JSON.stringify(c).slice(0, 60), c] as const))(
    'reads %s into the builder and writes back the same JSON',
    (_, condition) => {
      const model = toBuilder(condition);
      expect(model).toBeDefined();
      expect(fromBuilder(model as BuilderModel)).toEqual(condition);
    },
  );

  it('leaves nested shapes to the JSON view instead of losing part of them', () => {
    const nested: RuleCondition[] = [
      // A quantifier over a junction: "any item whose HS code … and whose value …".
      {
        op: 'anyItem',
        condition: {
          op: 'all',
          conditions: [
            { op: 'startsWith', field: 'item.hsCode', values: ['8517'] },
            { op: 'lt', field: 'item.value.amount', value: 20 },
          ],
        },
      },
      { op: 'all', conditions: [{ op: 'any', conditions: [{ op: 'exists', field: 'dataset' }] }] },
      { op: 'not', condition: { op: 'not', condition: { op: 'exists', field: 'dataset' } } },
      // Values the comma-separated inputs cannot carry faithfully.
      { op: 'in', field: 'originCountry', values: ['CN, HK'] },
      { op: 'in', field: 'derived.itemCount', values: [1, 2] },
      { op: 'eq', field: 'transportDocument.number', value: '12345' },
    ];
    for (const condition of nested) expect(toBuilder(condition), JSON.stringify(condition)).toBeUndefined();
  });

  it('writes a lone clause as a bare comparison, several as all/any', () => {
    const clause: Clause = { ...emptyClause(), field: 'originCountry', op: 'in', text: 'IR, KP ,SY' };
    expect(fromBuilder({ combinator: 'any', clauses: [clause] })).toEqual({
      op: 'in',
      field: 'originCountry',
      values: ['IR', 'KP', 'SY'],
    });
    const negated: Clause = { ...clause, scope: 'anyItem', negate: true, field: 'item.originCountry' };
    expect(fromBuilder({ combinator: 'any', clauses: [clause, negated] })).toEqual({
      op: 'any',
      conditions: [
        { op: 'in', field: 'originCountry', values: ['IR', 'KP', 'SY'] },
        {
          op: 'not',
          condition: {
            op: 'anyItem',
            condition: { op: 'in', field: 'item.originCountry', values: ['IR', 'KP', 'SY'] },
          },
        },
      ],
    });
  });

  it('types scalars as the contract expects, and lets the contract refuse what was typed wrong', () => {
    expect(operandToCell({ ...emptyClause(), op: 'eq', text: ' true ' })).toEqual({ op: 'eq', value: true });
    expect(operandToCell({ ...emptyClause(), op: 'eq', text: '2.5' })).toEqual({ op: 'eq', value: 2.5 });
    expect(operandToCell({ ...emptyClause(), op: 'eq', text: 'sea' })).toEqual({ op: 'eq', value: 'sea' });
    // HS headings stay text even though they are digits.
    expect(operandToCell({ ...emptyClause(), op: 'startsWith', text: '0106, 93' })).toEqual({
      op: 'startsWith',
      values: ['0106', '93'],
    });
    const empty = fromBuilder({
      combinator: 'all',
      clauses: [{ ...emptyClause(), field: 'derived.totalValue', op: 'gt' }],
    });
    const checked = RuleCondition.safeParse(empty);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join('.'))).toEqual(['value']);
  });

  it('keeps a pattern rather than keywords when the pattern is given', () => {
    const cell = operandToCell({ ...emptyClause(), op: 'matches', text: 'ignored', pattern: '^goods$' });
    expect(cell).toEqual({ op: 'matches', pattern: '^goods$' });
    expect(cellToOperand(cell).pattern).toBe('^goods$');
  });

  // Any model the builder can produce reads back as itself: switching views never changes a rule.
  const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/);
  const clause: fc.Arbitrary<Clause> = fc
    .record({
      scope: fc.constantFrom(...CLAUSE_SCOPES),
      negate: fc.boolean(),
      field: fc.constantFrom('originCountry', 'item.hsCode', 'derived.totalValue', 'consignee.name'),
      op: fc.constantFrom(...COMPARISON_OPERATORS),
      words: fc.array(token, { minLength: 1, maxLength: 4 }),
      n: fc.integer({ min: -1000, max: 1000 }),
      m: fc.integer({ min: -1000, max: 1000 }),
      usePattern: fc.boolean(),
    })
    .map(({ scope, negate, field, op, words, n, m, usePattern }) => {
      const base = { ...emptyClause(), scope, negate, field, op };
      switch (op) {
        case 'eq':
        case 'ne':
          return { ...base, text: words[0] ?? 'x' };
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          return { ...base, text: String(n) };
        case 'between':
          return { ...base, min: String(Math.min(n, m)), max: String(Math.max(n, m)) };
        case 'in':
        case 'notIn':
        case 'startsWith':
          return { ...base, text: words.join(', ') };
        case 'matches':
          return usePattern ? { ...base, pattern: words.join('|') } : { ...base, text: words.join(', ') };
        case 'inWatchList':
          return { ...base, list: (words[0] ?? 'x').toLowerCase() };
        default:
          return base;
      }
    });

  it('round-trips every builder model through JSON (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'all' | 'any'>('all', 'any'),
        fc.array(clause, { minLength: 2, maxLength: 5 }),
        (combinator, clauses) => {
          const condition = fromBuilder({ combinator, clauses });
          expect(RuleCondition.safeParse(condition).success).toBe(true);
          const back = toBuilder(condition);
          expect(back).toBeDefined();
          expect(fromBuilder(back as BuilderModel)).toEqual(condition);
        },
      ),
    );
  });
});
