import type { RuleCondition, RuleSet, WatchList } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { LISTS, rule, ruleSet } from '../testing/fixtures.js';
import { checkRuleSet } from './check.js';
import { compileRuleSet, RuleSetCompileError } from './compile.js';

function problemsOf(input: unknown, lists: WatchList[] = LISTS) {
  const result = checkRuleSet(input, lists);
  if (result.ok) throw new Error('expected the rule set to be refused');
  return result.problems;
}

const one = (conditions: unknown, extra: Partial<RuleSet> = {}) =>
  ruleSet([rule('r1', conditions as RuleCondition)], { watchLists: ['embargo', 'parties'], ...extra });

describe('rule sets that do not compile', () => {
  it.each([
    [
      'unknown field',
      { op: 'eq', field: 'consignee.favouriteColour', value: 'red' },
      'rules.0.conditions.field',
      'unknown field "consignee.favouriteColour"',
    ],
    [
      'unknown operator',
      { op: 'resembles', field: 'originCountry', value: 'CN' },
      'rules.0.conditions.op',
      'unknown operator',
    ],
    [
      'operator that does not fit the type',
      { op: 'gt', field: 'originCountry', value: 3 },
      'rules.0.conditions.op',
      'needs a numeric field',
    ],
    [
      'value of the wrong type',
      { op: 'eq', field: 'totalGrossMassKg', value: '30' },
      'rules.0.conditions.value',
      'is number',
    ],
    [
      'value outside the code list',
      { op: 'eq', field: 'modeOfTransport', value: 'ship' },
      'rules.0.conditions.value',
      '"ship" is not a value',
    ],
    [
      'unassigned country code',
      { op: 'in', field: 'originCountry', values: ['CN', 'UK'] },
      'rules.0.conditions.values.1',
      'not an assigned',
    ],
    [
      'non-numeric HS prefix',
      { op: 'startsWith', field: 'derived.hsCodes', values: ['93', 'arms'] },
      'rules.0.conditions.values.1',
      'not an HS chapter',
    ],
    [
      'between out of order',
      { op: 'between', field: 'totalGrossMassKg', min: 10, max: 1 },
      'rules.0.conditions.max',
      'below min',
    ],
    [
      'matches with both forms',
      { op: 'matches', field: 'goodsDescription', keywords: ['a'], pattern: 'a' },
      'rules.0.conditions',
      'exactly one',
    ],
    [
      'item field outside a quantifier',
      { op: 'startsWith', field: 'item.hsCode', values: ['93'] },
      'rules.0.conditions.field',
      'only be used inside anyItem or allItems',
    ],
    [
      'nested quantifier',
      {
        op: 'anyItem',
        condition: { op: 'anyContainer', condition: { op: 'exists', field: 'container.containerId' } },
      },
      'rules.0.conditions.condition.op',
      'cannot be nested',
    ],
    [
      'catastrophic regex (nested repetition)',
      { op: 'matches', field: 'goodsDescription', pattern: '^(a+)+$' },
      'rules.0.conditions.pattern',
      'backtrack catastrophically',
    ],
    [
      'overlapping alternation under repetition',
      { op: 'matches', field: 'goodsDescription', pattern: '(a|ab)*c' },
      'rules.0.conditions.pattern',
      'nested repetition',
    ],
    [
      'back-reference',
      { op: 'matches', field: 'goodsDescription', pattern: '(a)\\1' },
      'rules.0.conditions.pattern',
      'back-references',
    ],
    [
      'look-ahead',
      { op: 'matches', field: 'goodsDescription', pattern: 'gun(?!powder)' },
      'rules.0.conditions.pattern',
      'look-around',
    ],
    [
      'watch list not declared by the rule set',
      { op: 'inWatchList', field: 'originCountry', list: 'more-parties' },
      'rules.0.conditions.list',
      'not declared',
    ],
  ])('%s', (_name, conditions, path, message) => {
    const problems = problemsOf(one(conditions));
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('lists every problem at once, each with its path', () => {
    const problems = problemsOf(
      ruleSet([
        rule('a', { op: 'eq', field: 'nope', value: 1 } as RuleCondition),
        rule('a', {
          op: 'all',
          conditions: [{ op: 'gt', field: 'modeOfTransport', value: 1 }],
        } as RuleCondition),
      ]),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'rules.0.conditions.field',
      'rules.1.id',
      'rules.1.conditions.conditions.0.op',
    ]);
  });

  it('names a watch list that was not provided', () => {
    const problems = problemsOf(one({ op: 'inWatchList', field: 'originCountry', list: 'embargo' }), []);
    expect(problems).toContainEqual({
      path: 'watchLists.0',
      message: 'watch list "embargo" was not provided to the compiler',
    });
  });

  it('names a missing list reached through includes', () => {
    const lists: WatchList[] = [{ name: 'embargo', entries: [], includes: ['ghost'] }, LISTS[1]!, LISTS[2]!];
    const problems = problemsOf(one({ op: 'exists', field: 'originCountry' }), lists);
    expect(problems).toContainEqual({
      path: 'watchLists.0',
      message: 'watch list "ghost" (included by "embargo") was not provided to the compiler',
    });
  });

  it('names the cycle of a cyclic watch-list reference', () => {
    const lists: WatchList[] = [
      { name: 'embargo', entries: ['IR'], includes: ['b'] },
      { name: 'b', entries: [], includes: ['c'] },
      { name: 'c', entries: [], includes: ['embargo'] },
      LISTS[1]!,
      LISTS[2]!,
    ];
    const problems = problemsOf(one({ op: 'inWatchList', field: 'originCountry', list: 'embargo' }), lists);
    expect(problems).toContainEqual({
      path: 'watchLists.0',
      message: 'watch list "embargo" includes itself: embargo -> b -> c -> embargo',
    });
  });

  it('checks decision-table rows against their columns', () => {
    const problems = problemsOf(
      ruleSet([], {
        decisionTables: [
          {
            id: 't',
            name: 'T',
            rationale: 'R',
            hitPolicy: 'first',
            inputs: [{ field: 'modeOfTransport' }, { field: 'totalGrossMassKg' }],
            rows: [
              { id: 'a', cells: [{ op: 'eq', value: 'air' }], weight: 1 },
              {
                id: 'b',
                cells: [
                  { op: 'eq', value: 'air' },
                  { op: 'matches', keywords: ['x'] },
                ],
                weight: 1,
              },
            ],
          },
        ],
      }),
    );
    expect(problems).toEqual([
      { path: 'decisionTables.0.rows.0.cells', message: 'has 1 cells but the table has 2 input columns' },
      {
        path: 'decisionTables.0.rows.1.cells.1.op',
        message: expect.stringContaining('operator matches needs a text field'),
      },
    ]);
  });

  it('reports structural errors from the schema with their paths', () => {
    const problems = problemsOf({
      ...one({ op: 'exists', field: 'originCountry' }),
      version: 0,
      status: 'live',
      extra: 1,
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['version', 'status', '']));
  });

  it('compileRuleSet throws a RuleSetCompileError carrying the problems', () => {
    try {
      compileRuleSet(one({ op: 'eq', field: 'nope', value: 1 }), { watchLists: LISTS });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetCompileError);
      expect((error as RuleSetCompileError).problems).toEqual([
        { path: 'rules.0.conditions.field', message: 'unknown field "nope"' },
      ]);
      expect((error as Error).message).toContain('rules.0.conditions.field: unknown field "nope"');
    }
  });
});
