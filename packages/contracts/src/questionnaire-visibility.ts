import type {
  Audience,
  Condition,
  ConditionValue,
  MaturityLevel,
  Question,
  QuestionnaireDefinition,
} from './questionnaire.js';
import type { QuestionnaireProfile } from './questionnaire-results.js';

/**
 * The questionnaire engine's pure rules of visibility: the `showIf` expression language, audiences (the
 * SME variant) and which questions a respondent sees for given answers. They live here, beside the
 * definition format and without any I/O, so the web form shows and hides questions by the very rules
 * the server validates and scores with (core's engine re-exports them). Re-exported by `questionnaire.ts`.
 */

/**
 * What a condition sees of the answers. It returns undefined for questions that are not visible, so an
 * answer left behind on a question that has since been hidden can never reveal anything.
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

/** A section's audience and one of its questions' combined; null when they contradict (invalid). */
export function combineAudience(outer: Audience, inner: Audience): Audience | null {
  if (outer === 'all') return inner;
  if (inner === 'all' || inner === outer) return outer;
  return null;
}

/** SAFE proportionality: an SME sees `sme` and `all` questions, any other operator `non_sme` and `all`. */
export function isForProfile(audience: Audience | null, profile: QuestionnaireProfile): boolean {
  if (audience === null) return false;
  return audience === 'all' || (audience === 'sme') === profile.isSme;
}

/** Why a question is or is not shown. */
export type Visibility = 'visible' | 'not_for_profile' | 'section_hidden' | 'condition_not_met';

/**
 * Decides, in document order, which questions the respondent sees for these answers. Conditions only
 * see answers of questions already found visible, which is what makes hidden answers inert. When an id
 * appears twice (an invalid definition), the first occurrence decides.
 */
export function resolveVisibility(
  definition: QuestionnaireDefinition,
  answers: Record<string, unknown>,
  profile: QuestionnaireProfile,
): Map<string, Visibility> {
  const visibility = new Map<string, Visibility>();
  const lookup = (id: string) => (visibility.get(id) === 'visible' ? answerOf(answers, id) : undefined);
  for (const section of definition.sections) {
    const sectionShown = !section.showIf || evaluateCondition(section.showIf, lookup);
    for (const question of section.questions) {
      let state: Visibility = 'visible';
      if (!isForProfile(combineAudience(section.audience, question.audience), profile)) {
        state = 'not_for_profile';
      } else if (!sectionShown) state = 'section_hidden';
      else if (question.showIf && !evaluateCondition(question.showIf, lookup)) state = 'condition_not_met';
      if (!visibility.has(question.id)) visibility.set(question.id, state);
    }
  }
  return visibility;
}

/** The five described levels of a maturity question: inline, or from the shared scale it names. */
export function maturityLevelsOf(
  definition: QuestionnaireDefinition,
  question: Question,
): MaturityLevel[] | undefined {
  if (question.type !== 'maturity') return undefined;
  if (question.levels) return question.levels;
  return definition.maturityScales.find((scale) => scale.id === question.scale)?.levels;
}
