import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.js';
import { Alert } from './Alert.js';

/** Says that something could not be loaded, and why, in the reader's language. */
export function LoadError({ title, error }: { title: string; error: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert tone="error" title={title}>
      <p>{errorMessage(t, error, i18n.language)}</p>
    </Alert>
  );
}
