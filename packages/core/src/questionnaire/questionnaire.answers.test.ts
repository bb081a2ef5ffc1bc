import type { AnswerProblemCode } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertValidResponse, mergeAnswers, validateResponse } from './questionnaire.answers.js';
import { FIXTURE, NON_SME, SME } from './questionnaire.fixtures.js';

const DOC_PDF = '7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11';
const DOC_PNG = '0b4a1e2f-9c3d-4e5f-8a7b-6c5d4e3f2a10';
const DOC_MISSING = 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e00';
const documents = new Map([
  [DOC_PDF, { mediaType: 'application/pdf' }],
  [DOC_PNG, { mediaType: 'image/png' }],
]);
const lookupDocument = (id: string) => documents.get(id);

/** A complete, valid non-SME response; tests change one answer at a time. */
const COMPLETE = {
  subcontracts: true,
  staff: 40,
  audit_trail: true,
  backup: 'weekly',
  controls: 2,
  retention: 4,
  seals: 'iso',
  measures: ['alarm'],
  carrier_checks: true,
  carrier_list: [DOC_PDF],
  training: 3,
  last_drill: '2024-05-31',
  notes: 'ok',
};

const check = (answers: unknown, mode: 'draft' | 'submit' = 'submit', profile = NON_SME) =>
  validateResponse(FIXTURE, answers, { profile, mode, lookupDocument });

describe('validateResponse', () => {
  it('accepts a complete response', () => {
    expect(check(COMPLETE)).toEqual({ ok: true, problems: [] });
  });

  // One wrong answer each: the problem must name `answers.<id>` with this code.
  const cases: Array<[string, string, unknown, AnswerProblemCode]> = [
    ['text for a number', 'staff', '40', 'invalid_type'],
    ['a fraction for a whole number', 'staff', 40.5, 'not_integer'],
    ['a number below the minimum', 'retention', -1, 'out_of_range'],
    ['a number above the maximum', 'retention', 51, 'out_of_range'],
    ['an object for a number', 'staff', { value: 40 }, 'invalid_type'],
    ['text for yes/no', 'audit_trail', 'yes', 'invalid_type'],
    ['a choice not offered', 'backup', 'hourly', 'unknown_option'],
    ['a list for a single choice', 'backup', ['daily'], 'invalid_type'],
    ['a multiple choice not offered', 'measures', ['alarm', 'moat'], 'unknown_option'],
    ['a choice listed twice', 'measures', ['alarm', 'alarm'], 'duplicate_option'],
    ['an exclusive choice combined', 'measures', ['none', 'cctv'], 'exclusive_option'],
    ['too many choices', 'measures', ['alarm', 'cctv', 'guard', 'none'], 'too_many_selected'],
    ['a string for a multiple choice', 'measures', 'alarm', 'invalid_type'],
    ['a maturity level out of range', 'training', 5, 'out_of_range'],
    ['a negative maturity level', 'training', -1, 'out_of_range'],
    ['a half maturity level', 'training', 2.5, 'not_integer'],
    ['text for a maturity level', 'training', 'three', 'invalid_type'],
    ['an impossible date', 'last_drill', '2023-02-29', 'invalid_date'],
    ['a date in another format', 'last_drill', '31/05/2024', 'invalid_date'],
    ['a date before the minimum', 'last_drill', '1999-12-31', 'out_of_range'],
    ['text over the maximum length', 'notes', 'x'.repeat(21), 'too_long'],
    ['a number for text', 'notes', 42, 'invalid_type'],
    ['a document id that is not an id', 'carrier_list', ['report.pdf'], 'invalid_type'],
    ['an unknown document', 'carrier_list', [DOC_MISSING], 'unknown_document'],
    ['a document of a type not accepted', 'carrier_list', [DOC_PNG], 'document_type_not_accepted'],
    ['a document listed twice', 'carrier_list', [DOC_PDF, DOC_PDF], 'duplicate_document'],
    ['too many documents', 'carrier_list', [DOC_PDF, DOC_PNG, DOC_MISSING], 'too_many_files'],
  ];

  it.each(cases)('refuses %s', (_name, questionId, value, code) => {
    for (const mode of ['draft', 'submit'] as const) {
      const result = check({ ...COMPLETE, [questionId]: value }, mode);
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ path: `answers.${questionId}`, code }),
      );
      // Only the broken answer is reported.
      expect(new Set(result.problems.map((p) => p.path))).toEqual(new Set([`answers.${questionId}`]));
    }
  });

  it('refuses an unknown question id, including prototype names', () => {
    const result = check({ ...COMPLETE, ghost: 1, constructor: 'x', __proto__: 1 });
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'answers.ghost', code: 'unknown_question' }),
      expect.objectContaining({ path: 'answers.constructor', code: 'unknown_question' }),
    ]);
  });

  it('refuses answers that are not an object', () => {
    for (const answers of [null, [], 'yes', 3]) {
      expect(check(answers).problems).toEqual([
        expect.objectContaining({ path: 'answers', code: 'invalid_answers' }),
      ]);
    }
  });

  it('requires every visible required question on submission, and only those', () => {
    const { audit_trail: _a, carrier_checks: _c, carrier_list: _l, notes: _n, ...rest } = COMPLETE;
    const result = check({ ...rest, backup: '   ', measures: [] });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['answers.audit_trail', 'required'],
      ['answers.backup', 'required'],
      ['answers.measures', 'required'],
      ['answers.carrier_checks', 'required'],
    ]);
  });

  it('does not require a question hidden by its condition', () => {
    const { carrier_checks: _c, carrier_list: _l, ...rest } = COMPLETE;
    expect(check({ ...rest, subcontracts: false })).toEqual({ ok: true, problems: [] });
  });

  it('refuses on submission an answer to a question hidden by its condition', () => {
    const result = check({ ...COMPLETE, subcontracts: false });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['answers.carrier_checks', 'hidden_question'],
      ['answers.carrier_list', 'hidden_question'],
    ]);
  });

  it('keeps hidden answers in a draft but still checks their shape', () => {
    expect(check({ subcontracts: false, carrier_checks: true }, 'draft').ok).toBe(true);
    expect(check({ subcontracts: false, carrier_checks: 'maybe' }, 'draft').problems).toEqual([
      expect.objectContaining({ path: 'answers.carrier_checks', code: 'invalid_type' }),
    ]);
  });

  it('lets a draft leave required questions open', () => {
    expect(check({}, 'draft')).toEqual({ ok: true, problems: [] });
    expect(check({ staff: 12 }, 'draft')).toEqual({ ok: true, problems: [] });
  });

  it('uses the SME variant for an SME and refuses the full question', () => {
    const { controls: _c, ...rest } = COMPLETE;
    expect(check({ ...rest, controls_sme: true }, 'submit', SME)).toEqual({ ok: true, problems: [] });
    const result = check(COMPLETE, 'submit', SME);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['answers.controls', 'hidden_question'],
      ['answers.controls_sme', 'required'],
    ]);
    // Even a draft may not answer a question the profile never sees.
    expect(check({ controls: 2 }, 'draft', SME).problems[0]).toMatchObject({ code: 'hidden_question' });
    expect(check({ controls_sme: true }, 'draft', NON_SME).problems[0]).toMatchObject({
      code: 'hidden_question',
    });
  });

  it('checks evidence types only when documents can be looked up', () => {
    const result = validateResponse(FIXTURE, { ...COMPLETE, carrier_list: [DOC_PNG] }, { profile: NON_SME });
    expect(result.ok).toBe(true);
  });

  it('assertValidResponse throws VALIDATION_FAILED with every field', () => {
    const run = () =>
      assertValidResponse(FIXTURE, { ...COMPLETE, staff: 'many', training: 9 }, { profile: NON_SME });
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (error) {
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).message).toBe('Invalid input: answers.staff, answers.training');
    }
  });
});

describe('mergeAnswers', () => {
  it('applies an autosave patch; null clears an answer', () => {
    expect(mergeAnswers({ a: 1, b: true }, { b: null, c: 'x' })).toEqual({ a: 1, c: 'x' });
  });

  it('keeps a __proto__ key as data', () => {
    const merged = mergeAnswers({}, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(validateResponse(FIXTURE, merged, { profile: NON_SME, mode: 'draft' }).problems).toEqual([
      expect.objectContaining({ path: 'answers.__proto__', code: 'unknown_question' }),
    ]);
  });
});
