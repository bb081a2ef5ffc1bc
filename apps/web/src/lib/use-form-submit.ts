import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from './errors.js';

/** What a form shows after a failed attempt: a message per field, and/or one message for the whole form. */
export interface FormProblems {
  errors: Record<string, string>;
  failure?: string | undefined;
}

export interface FormSubmitOptions {
  /** Checks in the browser first; field name → message. A non-empty answer stops the request. */
  validate?(): Record<string, string>;
  /** Sends the form; throws (usually an ApiError) when the server refuses it. */
  submit(): Promise<void>;
  /**
   * Adjusts what a refused request shows. It receives the usual reading — field problems from a
   * VALIDATION_FAILED answer, and the translated message — and may replace either.
   */
  explain?(error: unknown, usual: FormProblems): FormProblems;
}

export interface FormSubmit {
  errors: Record<string, string>;
  failure: string | undefined;
  busy: boolean;
  /** Attach to the error summary: it takes focus after each failed attempt (WCAG 3.3.1, GOV.UK pattern). */
  summaryRef: RefObject<HTMLDivElement | null>;
  onSubmit(event: FormEvent): Promise<void>;
}

/**
 * The submit cycle every form shares: validate, send, and on failure show field problems and a summary,
 * then move focus to the summary so keyboard and screen-reader users learn what went wrong.
 */
export function useFormSubmit({ validate, submit, explain }: FormSubmitOptions): FormSubmit {
  const { t, i18n } = useTranslation();
  const [problems, setProblems] = useState<FormProblems>({ errors: {} });
  const [busy, setBusy] = useState(false);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Focus after the summary has rendered, once per failed attempt.
  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate?.() ?? {};
    setProblems({ errors: found });
    if (Object.keys(found).length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await submit();
    } catch (error) {
      const usual = { errors: fieldErrors(t, error), failure: errorMessage(t, error, i18n.language) };
      setProblems(explain ? explain(error, usual) : usual);
      setFailedAttempts((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return { errors: problems.errors, failure: problems.failure, busy, summaryRef, onSubmit };
}
