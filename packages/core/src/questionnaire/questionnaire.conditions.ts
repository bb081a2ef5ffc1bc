import type { Condition, ConditionValue } from '@aeolus/contracts';

/**
 * The `showIf` expression language: `all` / `any` / `not` over comparisons of earlier answers.
 * A comparison sees only answers of VISIBLE questions (the lookup returns undefined for hidden ones), so
 * an answer left behind on a question that has since been hidden can never reveal anything.
 */
export type AnswerLookup = (questionId: string) => unknown;

/** No answer: absent, null, blank text or an empty selection. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** Own property only: a question id such as `constructor` must not read `Object.prototype`. */
export function answerOf(answers: Record<string, unknown>, questionId: string): unknown {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

// A multiple-choice answer "equals" an option when that option is among those selected.
function matches(answer: unknown, expected: ConditionValue): boolean {
  return Array.isArray(answer) ? answer.includes(expected) : answer === expected;
}

/**
 * Comparisons on an unanswered question are false (so `not` of one is true); `answered: false` is the
 * explicit way to ask for a missing answer. `gte` / `lte` hold only for numeric answers.
 */
export function evaluateCondition(condition: Condition, lookup: AnswerLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, lookup));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, lookup));
  if ('not' in condition) return !evaluateCondition(condition.not, lookup);
  const answer = lookup(condition.question);
  const isAnswered = !isEmptyAnswer(answer);
  if ('answered' in condition) return isAnswered === condition.answered;
  if (!isAnswered) return false;
  if ('equals' in condition) return matches(answer, condition.equals);
  if ('in' in condition) return condition.in.some((value) => matches(answer, value));
  if ('gte' in condition) return typeof answer === 'number' && answer >= condition.gte;
  return typeof answer === 'number' && answer <= condition.lte;
}

export type ComparisonOperator = 'equals' | 'in' | 'gte' | 'lte' | 'answered';
export interface ConditionReference {
  questionId: string;
  operator: ComparisonOperator;
  /** The values compared against (empty for `answered`). */
  values: ConditionValue[];
  /** JSON path of the comparison node, e.g. `sections.1.showIf.any.0`. */
  path: string;
}

/** Every comparison in a condition, with its path: what definition validation checks one by one. */
export function conditionReferences(condition: Condition, path: string): ConditionReference[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionReferences(c, `${path}.all.${i}`));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionReferences(c, `${path}.any.${i}`));
  if ('not' in condition) return conditionReferences(condition.not, `${path}.not`);
  const base = { questionId: condition.question, path };
  if ('answered' in condition) return [{ ...base, operator: 'answered', values: [] }];
  if ('equals' in condition) return [{ ...base, operator: 'equals', values: [condition.equals] }];
  if ('in' in condition) return [{ ...base, operator: 'in', values: condition.in }];
  if ('gte' in condition) return [{ ...base, operator: 'gte', values: [condition.gte] }];
  return [{ ...base, operator: 'lte', values: [condition.lte] }];
}
