import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.js';
import type { FormProblems } from '../../lib/use-form-submit.js';
import { allowedFromConflict } from './case-actions.js';

/**
 * A refused case action, explained. The common one is a stale page: someone else moved the case on,
 * and the server answers 409 INVALID_STATE listing what is allowed now; say so in the reader's
 * language, naming those actions. Other refusals keep the usual reading (field problems, message).
 */
export function explainCaseError(t: TFunction, error: unknown, usual: FormProblems): FormProblems {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_STATE') return usual;
  const allowed = allowedFromConflict(error.details);
  if (allowed === undefined) return { ...usual, failure: t('aeoValidation.errors.notNow') };
  return {
    ...usual,
    failure:
      allowed.length === 0
        ? t('aeoValidation.errors.nothingAllowed')
        : t('aeoValidation.errors.allowedNow', {
            actions: allowed.map((a) => t(`aeoValidation.actions.${a}.button`)).join(', '),
          }),
  };
}

/** True when the refusal means the page shows an out-of-date case and should reload it. */
export const isStale = (error: unknown) =>
  error instanceof ApiError && (error.code === 'INVALID_STATE' || error.code === 'CONFLICT');
