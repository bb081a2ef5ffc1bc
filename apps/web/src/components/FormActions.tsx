import { useTranslation } from 'react-i18next';

/** A form's submit button (relabelled while it is sent) and, where the form can be abandoned, Cancel. */
export function FormActions({
  busy,
  submitLabel,
  busyLabel,
  onCancel,
  submitTestId,
}: {
  busy: boolean;
  submitLabel: string;
  /** Defaults to "Saving…". */
  busyLabel?: string;
  onCancel?(): void;
  /** A stable hook for browser journeys on the submit button. */
  submitTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid={submitTestId}>
        {busy ? (busyLabel ?? t('common.saving')) : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
