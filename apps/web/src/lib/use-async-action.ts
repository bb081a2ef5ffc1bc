import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from './errors.js';

/**
 * One action a person confirms (revoke a key, delete a webhook): whether it is running, and the translated
 * reason it failed, to show beside the button that started it.
 */
export function useAsyncAction(): {
  busy: boolean;
  error: string | undefined;
  /** The server's message per field (first path segment) when it refused the input, e.g. `comment`. */
  fieldErrors: Record<string, string>;
  /** Runs `action`; a failure becomes `error` rather than an exception. */
  run(action: () => Promise<void>): Promise<void>;
  clearError(): void;
} {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(t, failure, i18n.language));
      setFields(fieldErrors(t, failure));
    } finally {
      setBusy(false);
    }
  }

  const clearError = useCallback(() => {
    setError(undefined);
    setFields({});
  }, []);
  return { busy, error, fieldErrors: fields, run, clearError };
}
