import type { Question } from '@aeolus/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDate } from '../../lib/format.js';
import type { AnswerProblemView } from './saq-form.js';

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
      return t('aeoOperator.problems.required');
    case 'invalid_type':
      return t('aeoOperator.problems.invalidType');
    case 'unknown_option':
    case 'duplicate_option':
      return t('aeoOperator.problems.unknownOption');
    case 'exclusive_option':
      return t('aeoOperator.problems.exclusiveOption');
    case 'too_few_selected':
      return question?.type === 'multiple_choice' && question.minSelected
        ? t('aeoOperator.problems.tooFewSelected', { count: question.minSelected })
        : problem.message;
    case 'too_many_selected':
      return question?.type === 'multiple_choice' && question.maxSelected
        ? t('aeoOperator.problems.tooManySelected', { count: question.maxSelected })
        : problem.message;
    case 'not_integer':
      return t('aeoOperator.problems.notInteger');
    case 'out_of_range':
      return rangeText(t, language, question) ?? problem.message;
    case 'invalid_date':
      return t('aeoOperator.problems.invalidDate');
    case 'too_long':
      return question?.type === 'text'
        ? t('aeoOperator.problems.tooLong', { count: question.maxLength })
        : problem.message;
    case 'too_many_files':
      return question?.type === 'evidence'
        ? t('aeoOperator.problems.tooManyFiles', { count: question.maxFiles })
        : problem.message;
    case 'duplicate_document':
      return t('aeoOperator.problems.duplicateDocument');
    case 'unknown_document':
      return t('aeoOperator.problems.unknownDocument');
    case 'document_type_not_accepted':
      return t('aeoOperator.problems.documentTypeNotAccepted');
    case 'hidden_question':
      return t('aeoOperator.problems.hiddenQuestion');
    case 'unknown_question':
      return t('aeoOperator.problems.unknownQuestion');
    default:
      return problem.message;
  }
}

function rangeText(t: TFunction, language: string, question: Question | undefined): string | undefined {
  if (question?.type === 'number') {
    const { min, max } = question;
    if (min !== undefined && max !== undefined) return t('aeoOperator.problems.numberBetween', { min, max });
    if (min !== undefined) return t('aeoOperator.problems.numberAtLeast', { min });
    if (max !== undefined) return t('aeoOperator.problems.numberAtMost', { max });
  }
  if (question?.type === 'date') {
    const min = question.min ? formatDate(question.min, language) : undefined;
    const max = question.max ? formatDate(question.max, language) : undefined;
    if (min && max) return t('aeoOperator.problems.dateBetween', { min, max });
    if (min) return t('aeoOperator.problems.dateFrom', { min });
    if (max) return t('aeoOperator.problems.dateUntil', { max });
  }
  return undefined;
}

/**
 * Why a case action failed, for the person who tried it. A refusal because of the case's state (someone
 * else acted first, the case moved on) and a duplicate application get words of their own; the rest reads
 * as everywhere else in the app.
 */
export function caseErrorMessage(t: TFunction, error: unknown, language: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'INVALID_STATE') return t('aeoOperator.errors.invalidState');
    if (error.code === 'CONFLICT') return t('aeoOperator.errors.conflict');
    if (error.code === 'UNPROCESSABLE') return error.message;
  }
  return errorMessage(t, error, language);
}

/** Why an upload was refused, from the server's machine-readable `details.reason`. */
export function uploadErrorMessage(t: TFunction, error: unknown, language: string, fileName: string): string {
  if (error instanceof ApiError) {
    const reason = (error.details as { reason?: unknown } | null | undefined)?.reason;
    switch (reason) {
      case 'EMPTY':
        return t('aeoOperator.upload.refused.EMPTY', { name: fileName });
      case 'TOO_LARGE':
        return t('aeoOperator.upload.refused.TOO_LARGE', { name: fileName });
      case 'UNSUPPORTED_TYPE':
        return t('aeoOperator.upload.refused.UNSUPPORTED_TYPE', { name: fileName });
      case 'TYPE_MISMATCH':
        return t('aeoOperator.upload.refused.TYPE_MISMATCH', { name: fileName });
      case 'CORRUPT':
        return t('aeoOperator.upload.refused.CORRUPT', { name: fileName });
      case 'ENCRYPTED':
        return t('aeoOperator.upload.refused.ENCRYPTED', { name: fileName });
      case 'UNSAFE_CONTENT':
        return t('aeoOperator.upload.refused.UNSAFE_CONTENT', { name: fileName });
      default:
        if (error.code === 'PAYLOAD_TOO_LARGE')
          return t('aeoOperator.upload.refused.TOO_LARGE', { name: fileName });
    }
  }
  return errorMessage(t, error, language);
}
