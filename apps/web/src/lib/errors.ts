import type { TFunction } from 'i18next';
import { ApiError } from './api.js';
import { formatDateTime } from './format.js';

/** Codes with a translated message; any other code shows the server's own (English) message. */
const TRANSLATED_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
  'NOT_CONFIGURED',
  'SERVICE_UNAVAILABLE',
  'NETWORK_ERROR',
  'UNEXPECTED_RESPONSE',
] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

function isTranslated(code: string): code is TranslatedCode {
  return (TRANSLATED_CODES as readonly string[]).includes(code);
}

/** A sentence for the person in front of the screen, in their language where we know the code. */
export function errorMessage(t: TFunction, error: unknown, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.UNKNOWN');
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const retryAfter = (error.details as { retryAfter?: string } | undefined)?.retryAfter;
    return retryAfter
      ? t('errors.TOO_MANY_ATTEMPTS_UNTIL', { time: formatDateTime(retryAfter, language) })
      : t('errors.TOO_MANY_ATTEMPTS');
  }
  if (isTranslated(error.code)) return t(`errors.${error.code}`);
  return error.message;
}

/** Server field messages we know, translated; others are shown as the server wrote them. */
const FIELD_MESSAGES: Record<string, 'wrongCurrentPassword' | 'samePassword' | 'tooShort' | 'invalidEmail'> =
  {
    'is not your current password': 'wrongCurrentPassword',
    'must differ from the current password': 'samePassword',
    'must be at least 10 characters': 'tooShort',
    'must be a valid email address': 'invalidEmail',
  };

/** Field name → message, from a VALIDATION_FAILED answer (first problem per field). */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const problem of error.problems) {
    const field = problem.path.split('.')[0] ?? problem.path;
    if (result[field]) continue;
    const known = FIELD_MESSAGES[problem.message];
    result[field] = known ? t(`errors.field.${known}`, { min: 10 }) : problem.message;
  }
  return result;
}
