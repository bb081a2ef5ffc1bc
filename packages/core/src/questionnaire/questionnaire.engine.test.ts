import type { Condition } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, isEmptyAnswer } from './questionnaire.conditions.js';
import { parseDefinition } from './questionnaire.definition.js';
import {
  indexDefinition,
  maturityLevelsOf,
  questionsForProfile,
  resolveVisibility,
  visibleQuestions,
} from './questionnaire.engine.js';
import { FIXTURE, fixtureCopy, NON_SME, SME } from './questionnaire.fixtures.js';

describe('evaluateCondition', () => {
  const answers: Record<string, unknown> = {
    yes: true,
    no: false,
    choice: 'b',
    many: ['x', 'y'],
    n: 5,
    blank: '',
  };
  const lookup = (id: string) => answers[id];
  const cases: Array<[string, Condition, boolean]> = [
    ['equals true', { question: 'yes', equals: true }, true],
    ['equals false on a yes', { question: 'yes', equals: false }, false],
    ['equals false on a no', { question: 'no', equals: false }, true],
    ['equals an option', { question: 'choice', equals: 'b' }, true],
    ['equals a selected option of many', { question: 'many', equals: 'y' }, true],
    ['equals an unselected option of many', { question: 'many', equals: 'z' }, false],
    ['in with a match', { question: 'choice', in: ['a', 'b'] }, true],
    ['in without a match', { question: 'choice', in: ['a', 'c'] }, false],
    ['in over a selection', { question: 'many', in: ['z', 'x'] }, true],
    ['gte at the bound', { question: 'n', gte: 5 }, true],
    ['gte above', { question: 'n', gte: 6 }, false],
    ['lte at the bound', { question: 'n', lte: 5 }, true],
    ['lte below', { question: 'n', lte: 4 }, false],
    ['gte on text is false', { question: 'choice', gte: 0 }, false],
    ['answered', { question: 'n', answered: true }, true],
    ['blank text is not answered', { question: 'blank', answered: false }, true],
    ['absent is not answered', { question: 'missing', answered: true }, false],
    ['a comparison on a missing answer is false', { question: 'missing', equals: true }, false],
    ['not of it is true', { not: { question: 'missing', equals: true } }, true],
    [
      'all',
      {
        all: [
          { question: 'yes', equals: true },
          { question: 'n', gte: 1 },
        ],
      },
      true,
    ],
    [
      'all with one false',
      {
        all: [
          { question: 'yes', equals: true },
          { question: 'n', gte: 9 },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { question: 'no', equals: true },
          { question: 'n', lte: 5 },
        ],
      },
      true,
    ],
    [
      'any all false',
      {
        any: [
          { question: 'no', equals: true },
          { question: 'n', lte: 1 },
        ],
      },
      false,
    ],
    ['nested', { not: { any: [{ all: [{ question: 'yes', equals: true }] }] } }, false],
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, lookup)).toBe(expected);
  });

  it.each([
    [undefined, true],
    [null, true],
    ['  ', true],
    [[], true],
    [false, false],
    [0, false],
    ['x', false],
  ])('isEmptyAnswer(%j) = %s', (value, expected) => {
    expect(isEmptyAnswer(value)).toBe(expected);
  });
});

describe('resolveVisibility', () => {
  it('shows a conditional question only when its condition holds', () => {
    expect(resolveVisibility(FIXTURE, { subcontracts: true }, NON_SME).get('carrier_checks')).toBe('visible');
    expect(resolveVisibility(FIXTURE, { subcontracts: false }, NON_SME).get('carrier_checks')).toBe(
      'condition_not_met',
    );
    expect(resolveVisibility(FIXTURE, {}, NON_SME).get('carrier_checks')).toBe('condition_not_met');
  });

  it('never lets a hidden answer reveal a dependent question', () => {
    // carrier_checks = true is left over from before the gate was closed: carrier_list must stay hidden.
    const visibility = resolveVisibility(FIXTURE, { subcontracts: false, carrier_checks: true }, NON_SME);
    expect(visibility.get('carrier_list')).toBe('condition_not_met');
    const open = resolveVisibility(FIXTURE, { subcontracts: true, carrier_checks: true }, NON_SME);
    expect(open.get('carrier_list')).toBe('visible');
  });

  it('hides a whole section when its condition fails', () => {
    const input = fixtureCopy();
    Object.assign(input.sections[2]!, { showIf: { question: 'staff', gte: 10 } });
    const definition = parseDefinition(input);
    const small = resolveVisibility(definition, { staff: 3, subcontracts: true }, NON_SME);
    expect(['seals', 'measures', 'carrier_checks'].map((id) => small.get(id))).toEqual([
      'section_hidden',
      'section_hidden',
      'section_hidden',
    ]);
    expect(resolveVisibility(definition, { staff: 30 }, NON_SME).get('seals')).toBe('visible');
  });

  it('lists the visible questions in document order', () => {
    const ids = visibleQuestions(FIXTURE, { subcontracts: false }, NON_SME).map((e) => e.question.id);
    expect(ids).toEqual([
      'subcontracts',
      'staff',
      'audit_trail',
      'backup',
      'controls',
      'retention',
      'seals',
      'measures',
      'training',
      'last_drill',
      'notes',
    ]);
  });
});

describe('SME variant selection', () => {
  it('gives an SME the simpler question in place of the full one', () => {
    const sme = questionsForProfile(FIXTURE, SME).map((e) => e.question.id);
    const full = questionsForProfile(FIXTURE, NON_SME).map((e) => e.question.id);
    expect(sme).toContain('controls_sme');
    expect(sme).not.toContain('controls');
    expect(full).toContain('controls');
    expect(full).not.toContain('controls_sme');
    expect(resolveVisibility(FIXTURE, {}, SME).get('controls')).toBe('not_for_profile');
  });

  it('aggregates the SME variant under the tags of the question it replaces', () => {
    const index = indexDefinition(FIXTURE);
    expect(index.byId.get('controls')!.tags).toEqual({ heading: ['1'], theme: ['process'] });
    expect(index.byId.get('controls_sme')!.tags).toEqual({ heading: ['1'], theme: ['process'] });
  });

  it('resolves maturity levels inline or from a shared scale', () => {
    const controls = indexDefinition(FIXTURE).byId.get('controls')!.question;
    const training = indexDefinition(FIXTURE).byId.get('training')!.question;
    expect(maturityLevelsOf(FIXTURE, controls)).toHaveLength(5);
    expect(maturityLevelsOf(FIXTURE, training)?.[4]?.label.fr).toBe('Niveau 4');
  });
});
