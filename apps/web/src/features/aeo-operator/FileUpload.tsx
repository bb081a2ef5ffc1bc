import type { Document } from '@aeolus/contracts';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.js';
import { uploadErrorMessage } from './saq-problems.js';

/**
 * Uploads one file as soon as it is chosen. The server decides what the file really is
 * and refuses what it cannot take (wrong type, corrupt, encrypted, empty, too big); the refusal is shown
 * under the label, naming the file, and announced at once.
 */
export function FileUpload({
  upload: send,
  id,
  label,
  hint,
  accept,
  disabled = false,
  testId,
  onUploaded,
}: {
  /** Sends the file where it belongs (an application, an organisation) and returns the stored document. */
  upload(file: File): Promise<Document>;
  id: string;
  label: string;
  hint?: string;
  accept: readonly string[];
  disabled?: boolean;
  testId?: string;
  onUploaded(document: Document): void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again after a refusal
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      onUploaded(await send(file));
    } catch (failure) {
      setError(uploadErrorMessage(t, failure, i18n.language, file.name));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`field ${error ? 'field--error' : ''}`.trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert" data-testid="upload-error">
          {error}
        </p>
      ) : null}
      <input
        type="file"
        id={id}
        className="file-input"
        accept={accept.join(',')}
        disabled={disabled || busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        data-testid={testId}
        onChange={upload}
      />
      {busy ? <Loading label={t('aeoOperator.upload.uploading')} /> : null}
    </div>
  );
}
