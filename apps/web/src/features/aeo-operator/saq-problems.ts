import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

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
