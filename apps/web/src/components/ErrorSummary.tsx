import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.js';

/**
 * The error summary at the top of a form: the failure message, and one link per field problem that jumps
 * to the field (ids are `${fieldIdPrefix}${field}`). Renders nothing when there is nothing to report.
 */
export function ErrorSummary({
  failure,
  errors,
  fieldIdPrefix,
  failureTitle,
  ref,
}: {
  failure?: string | undefined;
  errors: Record<string, string>;
  fieldIdPrefix: string;
  /** When set, it titles the alert and the failure becomes its body. */
  failureTitle?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const problems = Object.entries(errors).filter(([, message]) => message);
  if (!failure && problems.length === 0) return null;
  const title = failure && failureTitle ? failureTitle : (failure ?? t('common.fixProblems'));
  return (
    <Alert ref={ref} tone="error" title={title}>
      {failure && failureTitle ? <p>{failure}</p> : null}
      {problems.length > 0 ? (
        <ul className="error-list">
          {problems.map(([field, message]) => (
            <li key={field}>
              <a href={`#${fieldIdPrefix}${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
