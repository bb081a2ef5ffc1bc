import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  compareVersions,
  definitionKey,
  fingerprintDefinition,
  parseDefinition,
  validateDefinition,
} from './questionnaire.definition.js';
import { FIXTURE, fixtureCopy } from './questionnaire.fixtures.js';

/** Sets (or, with `undefined`, deletes) the value at a dotted JSON path of a plain JSON value. */
function edit(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = target as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function broken(...edits: Array<[string, unknown]>): unknown {
  const copy = fixtureCopy();
  for (const [path, value] of edits) edit(copy, path, value);
  return copy;
}

const q = (section: number, question: number) => `sections.${section}.questions.${question}`;

describe('validateDefinition', () => {
  it('accepts the fixture and applies defaults', () => {
    const result = validateDefinition(fixtureCopy());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const audit = FIXTURE.sections[1]!.questions[0]!;
    expect(audit).toMatchObject({ required: true, weight: 3, audience: 'all', tags: {} });
  });

  // Each broken definition must be refused with a problem at exactly this JSON path.
  const cases: Array<{ name: string; input: unknown; path: string; message: RegExp }> = [
    {
      name: 'duplicate question id',
      input: broken([`${q(1, 1)}.id`, 'audit_trail']),
      path: `${q(1, 1)}.id`,
      message: /duplicate question id 'audit_trail'/,
    },
    {
      name: 'duplicate section id',
      input: broken(['sections.2.id', 'records']),
      path: 'sections.2.id',
      message: /duplicate section id/,
    },
    {
      name: 'showIf on a later question',
      input: broken([`${q(0, 0)}.showIf`, { question: 'staff', answered: true }]),
      path: `${q(0, 0)}.showIf.question`,
      message: /earlier question; 'staff'/,
    },
    {
      name: 'showIf on itself',
      input: broken([`${q(0, 1)}.showIf`, { question: 'staff', gte: 1 }]),
      path: `${q(0, 1)}.showIf.question`,
      message: /earlier question/,
    },
    {
      name: 'showIf nested cycle',
      input: broken([`${q(2, 2)}.showIf`, { any: [{ not: { question: 'carrier_list', answered: true } }] }]),
      path: `${q(2, 2)}.showIf.any.0.not.question`,
      message: /earlier question; 'carrier_list'/,
    },
    {
      name: 'section showIf on its own question',
      input: broken(['sections.2.showIf', { question: 'seals', equals: 'iso' }]),
      path: 'sections.2.showIf.question',
      message: /earlier question/,
    },
    {
      name: 'showIf on an unknown question',
      input: broken([`${q(2, 2)}.showIf`, { question: 'ghost', equals: true }]),
      path: `${q(2, 2)}.showIf.question`,
      message: /unknown question 'ghost'/,
    },
    {
      name: 'gte on a yes/no question',
      input: broken([`${q(2, 2)}.showIf`, { question: 'subcontracts', gte: 1 }]),
      path: `${q(2, 2)}.showIf.gte`,
      message: /number and maturity/,
    },
    {
      name: 'equals with the wrong type',
      input: broken([`${q(2, 2)}.showIf`, { question: 'subcontracts', equals: 'yes' }]),
      path: `${q(2, 2)}.showIf.equals`,
      message: /true or false/,
    },
    {
      name: 'in with an option not offered',
      input: broken([`${q(2, 2)}.showIf`, { question: 'backup', in: ['daily', 'hourly'] }]),
      path: `${q(2, 2)}.showIf.in.1`,
      message: /options of 'backup'/,
    },
    {
      name: 'maturity level out of range in a condition',
      input: broken([`${q(3, 1)}.showIf`, { question: 'training', equals: 7 }]),
      path: `${q(3, 1)}.showIf.equals`,
      message: /level from 0 to 4/,
    },
    {
      name: 'condition of unknown shape',
      input: broken([`${q(2, 2)}.showIf`, { question: 'subcontracts', equals: true, lte: 2 }]),
      path: `${q(2, 2)}.showIf`,
      message: /must be a condition/,
    },
    {
      name: 'empty choices',
      input: broken([`${q(1, 1)}.options`, []], [`${q(1, 1)}.scoring`, undefined]),
      path: `${q(1, 1)}.options`,
      message: /at least one choice/,
    },
    {
      name: 'scoring map missing an option',
      input: broken([`${q(1, 1)}.scoring.options.never`, undefined]),
      path: `${q(1, 1)}.scoring.options`,
      message: /no score for option 'never'/,
    },
    {
      name: 'scoring map with an extra option',
      input: broken([`${q(1, 1)}.scoring.options.hourly`, 1]),
      path: `${q(1, 1)}.scoring.options.hourly`,
      message: /is not an option/,
    },
    {
      name: 'duplicate option id',
      input: broken([`${q(1, 1)}.options.1.id`, 'daily']),
      path: `${q(1, 1)}.options.1.id`,
      message: /duplicate option id/,
    },
    {
      name: 'misspelt field',
      input: broken([`${q(1, 0)}.gudiance`, { en: 'x', fr: 'y' }]),
      path: `${q(1, 0)}.gudiance`,
      message: /not a known field/,
    },
    {
      name: 'unknown question type',
      input: broken([`${q(1, 0)}.type`, 'slider']),
      path: `${q(1, 0)}.type`,
      message: /yes_no/,
    },
    {
      name: 'missing French label',
      input: broken([`${q(1, 0)}.label.fr`, undefined]),
      path: `${q(1, 0)}.label.fr`,
      message: /expected string/,
    },
    {
      name: 'maturity with neither levels nor scale',
      input: broken([`${q(1, 2)}.scale`, undefined]),
      path: q(1, 2),
      message: /five level descriptions/,
    },
    {
      name: 'maturity with an unknown scale',
      input: broken([`${q(1, 2)}.scale`, 'nope']),
      path: `${q(1, 2)}.scale`,
      message: /unknown maturity scale/,
    },
    {
      name: 'maturity with four levels',
      input: broken(['maturityScales.0.levels', fixtureCopy().maturityScales[0]!.levels.slice(1)]),
      path: 'maturityScales.0.levels',
      message: /exactly five levels/,
    },
    {
      name: 'number bands with a hole',
      input: broken([`${q(1, 4)}.scoring.bands.1.below`, 4]),
      path: `${q(1, 4)}.scoring.bands.1.below`,
      message: /atLeast of the next band/,
    },
    {
      name: 'first band closed below',
      input: broken([`${q(1, 4)}.scoring.bands.0.atLeast`, 0]),
      path: `${q(1, 4)}.scoring.bands.0.atLeast`,
      message: /open below/,
    },
    {
      name: 'number min above max',
      input: broken([`${q(0, 1)}.min`, 10], [`${q(0, 1)}.max`, 5]),
      path: `${q(0, 1)}.min`,
      message: /greater than max/,
    },
    {
      name: 'fraction score above 1',
      input: broken([`${q(1, 0)}.scoring.yes`, 2]),
      path: `${q(1, 0)}.scoring`,
      message: /between 0 and 1/,
    },
    {
      name: 'scoring that never scores',
      input: broken([`${q(1, 0)}.scoring`, { yes: null, no: null }]),
      path: `${q(1, 0)}.scoring`,
      message: /at least one answer/,
    },
    {
      name: 'target above the reachable top',
      input: broken(
        [`${q(2, 1)}.scoring.options`, { alarm: 0.2, cctv: 0.2, guard: 0.2, none: 0 }],
        [`${q(2, 1)}.scoring.target`, 0.9],
      ),
      path: `${q(2, 1)}.scoring.target`,
      message: /above the best score/,
    },
    {
      name: 'minSelected above maxSelected',
      input: broken([`${q(2, 1)}.minSelected`, 4]),
      path: `${q(2, 1)}.minSelected`,
      message: /greater than maxSelected/,
    },
    {
      name: 'unknown tag dimension',
      input: broken([`${q(1, 0)}.tags`, { pillar: '2' }]),
      path: `${q(1, 0)}.tags.pillar`,
      message: /unknown tag dimension/,
    },
    {
      name: 'unknown tag value',
      input: broken(['sections.2.tags', { heading: ['2', '14'] }]),
      path: 'sections.2.tags.heading.1',
      message: /'14' is not a value/,
    },
    {
      name: 'replaces on a question for everyone',
      input: broken([`${q(1, 3)}.audience`, 'all']),
      path: `${q(1, 3)}.replaces`,
      message: /only an SME question/,
    },
    {
      name: 'replaces a question everyone sees',
      input: broken([`${q(1, 2)}.audience`, 'all']),
      path: `${q(1, 3)}.replaces`,
      message: /must have audience 'non_sme'/,
    },
    {
      name: 'condition on a question the audience never sees',
      input: broken([`${q(1, 4)}.showIf`, { question: 'controls', gte: 2 }]),
      path: `${q(1, 4)}.showIf.question`,
      message: /not shown to every respondent/,
    },
    {
      name: 'question audience contradicting its section',
      input: broken(['sections.1.audience', 'sme']),
      path: `${q(1, 2)}.audience`,
      message: /contradicts the section audience/,
    },
    {
      name: 'bad version',
      input: broken(['version', 'v2']),
      path: 'version',
      message: /whole number or a version/,
    },
    {
      name: 'bad date bound',
      input: broken([`${q(3, 1)}.min`, '2001-02-30']),
      path: `${q(3, 1)}.min`,
      message: /calendar date/,
    },
  ];

  it.each(cases)('refuses $name', ({ input, path, message }) => {
    const result = validateDefinition(input);
    expect(result.ok).toBe(false);
    const match = result.problems.find((p) => p.path === path && message.test(p.message));
    expect(match, JSON.stringify(result.problems, null, 1)).toBeDefined();
  });

  it('collects every problem instead of stopping at the first', () => {
    const result = validateDefinition(
      broken(
        [`${q(1, 1)}.id`, 'audit_trail'],
        [`${q(2, 2)}.showIf`, { question: 'ghost', equals: true }],
        [`${q(1, 1)}.scoring.options.never`, undefined],
      ),
    );
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([`${q(1, 1)}.id`, `${q(2, 2)}.showIf.question`, `${q(1, 1)}.scoring.options`]),
    );
  });

  it('refuses something that is not a definition at all', () => {
    expect(validateDefinition(null).ok).toBe(false);
    expect(validateDefinition({ id: 'x' }).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['version', 'title', 'sections']),
    );
  });

  it('parseDefinition throws VALIDATION_FAILED naming each path', () => {
    const error = (() => {
      try {
        parseDefinition(broken(['sections.2.id', 'records']));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).message).toContain('sections.2.id');
    expect((error as AppError).details).toEqual({
      problems: [expect.objectContaining({ path: 'sections.2.id' })],
    });
  });
});

describe('versions and identity', () => {
  it.each([
    [1, 2, -1],
    [2, 2, 0],
    ['1.2.0', '1.10.0', -1],
    ['2.0.0', 1, 1],
    [3, '3.0.0', 0],
    ['3.0.1', 3, 1],
  ] as const)('compareVersions(%s, %s) = %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('names a definition version and fingerprints its content', () => {
    expect(definitionKey(FIXTURE)).toBe('fixture@1');
    const same = parseDefinition(fixtureCopy());
    expect(fingerprintDefinition(same)).toBe(fingerprintDefinition(FIXTURE));
    const edited = parseDefinition(broken([`${q(1, 0)}.weight`, 4]));
    expect(fingerprintDefinition(edited)).not.toBe(fingerprintDefinition(FIXTURE));
  });
});
