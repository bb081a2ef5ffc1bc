import { QuestionnaireDefinition, type QuestionnaireDefinitionInput } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  documentIdsOf,
  hiddenAnswerIds,
  questionnaireProgress,
  toggleOption,
} from './questionnaire-form.js';

const text = (en: string) => ({ en, fr: `${en} (fr)` });

/** A small SAQ with what the form must handle: a gate question, an SME swap, a conditional section. */
const DEFINITION = QuestionnaireDefinition.parse({
  id: 'form-fixture',
  version: 1,
  title: text('Fixture'),
  sections: [
    {
      id: 'profile',
      title: text('Profile'),
      questions: [
        { id: 'handles_goods', type: 'yes_no', label: text('Handles goods?') },
        { id: 'notes', type: 'text', label: text('Notes'), required: false },
      ],
    },
    {
      id: 'controls',
      title: text('Controls'),
      questions: [
        { id: 'breaches', type: 'yes_no', label: text('Breaches?') },
        {
          id: 'breaches_details',
          type: 'text',
          label: text('Details'),
          showIf: { question: 'breaches', equals: true },
        },
        { id: 'maturity', type: 'maturity', label: text('Maturity'), audience: 'non_sme', levels: levels() },
        {
          id: 'maturity_sme',
          type: 'yes_no',
          label: text('In place?'),
          audience: 'sme',
          replaces: 'maturity',
        },
      ],
    },
    {
      id: 'cargo',
      title: text('Cargo'),
      showIf: { question: 'handles_goods', equals: true },
      questions: [
        { id: 'seals', type: 'single_choice', label: text('Seals'), options: [opt('iso'), opt('none')] },
      ],
    },
  ],
} satisfies QuestionnaireDefinitionInput);

function levels() {
  return [0, 1, 2, 3, 4].map((n) => ({ label: text(`Level ${n}`), description: text(`Described ${n}`) }));
}
function opt(id: string) {
  return { id, label: text(id) };
}

const SME = { isSme: true };
const FULL = { isSme: false };

describe('questionnaireProgress', () => {
  it('counts visible required questions only, per section and overall', () => {
    const progress = questionnaireProgress(DEFINITION, { handles_goods: false, breaches: false }, SME);
    const [profile, controls, cargo] = progress.sections;
    expect(profile).toMatchObject({ shown: true, required: 1, answered: 1, complete: true });
    expect(profile?.questions.map((q) => q.id)).toEqual(['handles_goods', 'notes']);
    // The SME sees its own variant of the maturity question; the follow-up stays hidden on "no".
    expect(controls?.questions.map((q) => q.id)).toEqual(['breaches', 'maturity_sme']);
    expect(controls).toMatchObject({ required: 2, answered: 1, complete: false });
    expect(cargo).toMatchObject({ shown: false, required: 0, complete: true });
    expect(progress).toMatchObject({ required: 3, answered: 2, complete: false });
  });

  it('reveals follow-ups and conditional sections as the gate questions are answered', () => {
    const progress = questionnaireProgress(DEFINITION, { handles_goods: true, breaches: true }, FULL);
    expect(progress.sections[1]?.questions.map((q) => q.id)).toEqual([
      'breaches',
      'breaches_details',
      'maturity',
    ]);
    expect(progress.sections[2]).toMatchObject({ shown: true, required: 1, answered: 0 });
    expect(progress).toMatchObject({ required: 5, answered: 2 });
  });

  it('does not count blank text or an empty selection as answered', () => {
    const progress = questionnaireProgress(
      DEFINITION,
      { handles_goods: true, seals: '', breaches: true, breaches_details: '  ' },
      FULL,
    );
    expect(progress.sections[1]).toMatchObject({ answered: 1 });
    expect(progress.sections[2]).toMatchObject({ answered: 0 });
  });

  it('is complete when every visible required question is answered', () => {
    const answers = { handles_goods: false, breaches: false, maturity_sme: true };
    expect(questionnaireProgress(DEFINITION, answers, SME).complete).toBe(true);
    expect(questionnaireProgress(DEFINITION, answers, FULL).complete).toBe(false);
  });
});

describe('hiddenAnswerIds', () => {
  it('finds answers kept on questions and sections hidden since', () => {
    const answers = {
      handles_goods: false,
      seals: 'iso',
      breaches: false,
      breaches_details: 'Fined in 2023',
      notes: '',
    };
    expect(hiddenAnswerIds(DEFINITION, answers, FULL).sort()).toEqual(['breaches_details', 'seals']);
  });

  it('finds nothing when every answer is visible', () => {
    expect(
      hiddenAnswerIds(
        DEFINITION,
        { handles_goods: true, seals: 'iso', breaches: true, breaches_details: 'x' },
        FULL,
      ),
    ).toEqual([]);
  });
});

describe('toggleOption', () => {
  const options = [
    { id: 'a', label: text('A'), exclusive: false },
    { id: 'b', label: text('B'), exclusive: false },
    { id: 'none', label: text('None of these'), exclusive: true },
  ];

  it.each([
    [[], 'b', true, ['b']],
    [['b'], 'a', true, ['a', 'b']], // definition order, not click order
    [['a', 'b'], 'a', false, ['b']],
    [['a', 'b'], 'none', true, ['none']],
    [['none'], 'a', true, ['a']],
    [['a'], 'unknown', true, ['a']],
  ] as const)('%j + %s (%s) = %j', (selected, option, checked, expected) => {
    expect(toggleOption(options, selected, option, checked)).toEqual(expected);
  });
});

describe('answerProblems', () => {
  it('keeps the first problem per question and sets aside those naming no question', () => {
    const result = answerProblems({
      problems: [
        { path: 'answers.seals', code: 'unknown_option', message: "'x' is not an option" },
        { path: 'answers.seals', code: 'required', message: 'is required' },
        { path: 'body.answers.notes', code: 'too_long', message: 'must be at most 10 characters' },
        { path: 'answers', code: 'invalid_answers', message: 'must be an object' },
        { path: 'file', message: 'no code' },
        { nonsense: true },
      ],
    });
    expect(result.byQuestion).toEqual({
      seals: { code: 'unknown_option', message: "'x' is not an option" },
      notes: { code: 'too_long', message: 'must be at most 10 characters' },
    });
    expect(result.general).toEqual([
      { code: 'invalid_answers', message: 'must be an object' },
      { code: 'other', message: 'no code' },
    ]);
  });

  it('reads nothing from details without problems', () => {
    expect(answerProblems(undefined)).toEqual({ byQuestion: {}, general: [] });
    expect(answerProblems({ reason: 'EMPTY' })).toEqual({ byQuestion: {}, general: [] });
  });
});

describe('documentIdsOf', () => {
  it('reads an evidence answer as document ids, whatever was stored', () => {
    expect(documentIdsOf(['a', 3, 'b'])).toEqual(['a', 'b']);
    expect(documentIdsOf('a')).toEqual([]);
    expect(documentIdsOf(undefined)).toEqual([]);
  });
});
