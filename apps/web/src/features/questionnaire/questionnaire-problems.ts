import type { Question } from '@aeolus/contracts';
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format.js';
import type { AnswerProblemView } from './questionnaire-form.js';

/**
 * Server problems with an answer, in the reader's language. The server's messages are English and carry
 * the limits in their text; the translation takes the limits from the question itself instead.
 */
export function problemText(
  t: TFunction,
  language: string,
  question: Question | undefined,
  problem: AnswerProblemView,
): string {
  switch (problem.code) {
    case 'required':
      return t('questionnaire.problems.required');
    case 'invalid_type':
      return t('questionnaire.problems.invalidType');
    case 'unknown_option':
    case 'duplicate_option':
      return t('questionnaire.problems.unknownOption');
    case 'exclusive_option':
      return t('questionnaire.problems.exclusiveOption');
    case 'too_few_selected':
      return question?.type === 'multiple_choice' && question.minSelected
        ? t('questionnaire.problems.tooFewSelected', { count: question.minSelected })
        : problem.message;
    case 'too_many_selected':
      return question?.type === 'multiple_choice' && question.maxSelected
        ? t('questionnaire.problems.tooManySelected', { count: question.maxSelected })
        : problem.message;
    case 'not_integer':
      return t('questionnaire.problems.notInteger');
    case 'out_of_range':
      return rangeText(t, language, question) ?? problem.message;
    case 'invalid_date':
      return t('questionnaire.problems.invalidDate');
    case 'too_long':
      return question?.type === 'text'
        ? t('questionnaire.problems.tooLong', { count: question.maxLength })
        : problem.message;
    case 'too_many_files':
      return question?.type === 'evidence'
        ? t('questionnaire.problems.tooManyFiles', { count: question.maxFiles })
        : problem.message;
    case 'duplicate_document':
      return t('questionnaire.problems.duplicateDocument');
    case 'unknown_document':
      return t('questionnaire.problems.unknownDocument');
    case 'document_type_not_accepted':
      return t('questionnaire.problems.documentTypeNotAccepted');
    case 'hidden_question':
      return t('questionnaire.problems.hiddenQuestion');
    case 'unknown_question':
      return t('questionnaire.problems.unknownQuestion');
    default:
      return problem.message;
  }
}

function rangeText(t: TFunction, language: string, question: Question | undefined): string | undefined {
  if (question?.type === 'number') {
    const { min, max } = question;
    if (min !== undefined && max !== undefined)
      return t('questionnaire.problems.numberBetween', { min, max });
    if (min !== undefined) return t('questionnaire.problems.numberAtLeast', { min });
    if (max !== undefined) return t('questionnaire.problems.numberAtMost', { max });
  }
  if (question?.type === 'date') {
    const min = question.min ? formatDate(question.min, language) : undefined;
    const max = question.max ? formatDate(question.max, language) : undefined;
    if (min && max) return t('questionnaire.problems.dateBetween', { min, max });
    if (min) return t('questionnaire.problems.dateFrom', { min });
    if (max) return t('questionnaire.problems.dateUntil', { max });
  }
  return undefined;
}
