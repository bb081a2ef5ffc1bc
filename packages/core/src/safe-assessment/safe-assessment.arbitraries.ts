import type { Question, QuestionnaireDefinition } from '@aeolus/contracts';
import fc from 'fast-check';

/**
 * fast-check arbitraries for answers to a questionnaire definition: every question may be left empty or
 * get a valid answer of its type. Used by the property tests and the aggregation benchmark.
 */
const DOC = '7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11';

export function validAnswer(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'yes_no':
      return fc.boolean();
    case 'single_choice':
      return fc.constantFrom(...question.options.map((o) => o.id));
    case 'multiple_choice': {
      const open = question.options.filter((o) => !o.exclusive).map((o) => o.id);
      const exclusive = question.options.filter((o) => o.exclusive).map((o) => [o.id]);
      const combined = fc.subarray(open, { minLength: Math.max(1, question.minSelected ?? 1) });
      return exclusive.length > 0 ? fc.oneof(combined, fc.constantFrom(...exclusive)) : combined;
    }
    case 'maturity':
      return fc.integer({ min: 0, max: 4 });
    case 'number': {
      const min = question.min ?? 0;
      return fc.integer({ min, max: Math.min(question.max ?? min + 1000, min + 1000) });
    }
    case 'date':
      return fc.constant('2024-03-01');
    case 'text':
      return fc.constant('Described in the national plan.');
    case 'evidence':
      return fc.constant([DOC]);
    default:
      return question satisfies never;
  }
}

export function answersFor(definition: QuestionnaireDefinition): fc.Arbitrary<Record<string, unknown>> {
  const questions = definition.sections.flatMap((s) => s.questions);
  return fc.record(
    Object.fromEntries(questions.map((q) => [q.id, fc.option(validAnswer(q), { nil: undefined, freq: 5 })])),
  ) as fc.Arbitrary<Record<string, unknown>>;
}

/** Drops unanswered entries (fc.option gives `undefined`). */
export function compact(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
}
