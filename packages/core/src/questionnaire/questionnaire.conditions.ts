import type { Condition, ConditionValue } from '@aeolus/contracts';

/**
 * The `showIf` expression language. Its evaluation is pure and shared with the web form, so it lives in
 * contracts (`questionnaire-visibility.ts`); what stays here is what definition validation needs.
 */
export { type AnswerLookup, answerOf, evaluateCondition, isEmptyAnswer } from '@aeolus/contracts';

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
