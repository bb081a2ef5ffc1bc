import { OUTCOMES, type OutcomeKind, type ScreeningOutcome } from '@aeolus/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { ChoiceRow } from '../../components/ChoiceRow.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/Field.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { formatDateTime } from '../../lib/format.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { OutcomeBadge } from './LaneBadge.js';
import { resultsApi } from './results-api.js';

/**
 * What the control found. Outcomes are append-only (the latest counts, a correction is a new one) and
 * feed the rules' hit rates and the AEO benefit measurement, so recording one asks for confirmation.
 */
export function OutcomePanel({
  resultId,
  reference,
  outcomes,
  canRecord,
  onRecorded,
}: {
  resultId: string;
  reference: string;
  /** Oldest first, as the API returns them. */
  outcomes: readonly ScreeningOutcome[];
  canRecord: boolean;
  onRecorded(): void;
}) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const legendId = useId();
  const [choice, setChoice] = useState<OutcomeKind | ''>('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const action = useAsyncAction();
  const latest = outcomes.at(-1);
  const history = [...outcomes].reverse();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!choice) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setConfirming(true);
  }

  async function confirm() {
    if (!choice) return;
    await action.run(async () => {
      await resultsApi.recordOutcome(resultId, { outcome: choice, notes: notes.trim() || undefined });
      setConfirming(false);
      setChoice('');
      setNotes('');
      notify(t('riskResults.outcomeForm.recorded', { outcome: t(`riskResults.outcome.${choice}`) }));
      onRecorded();
    });
  }

  return (
    <Panel title={t('riskResults.outcomeForm.title')} description={t('riskResults.outcomeForm.lead')}>
      {latest ? (
        <div className="risk-outcome-latest" data-testid="risk-outcome-latest" data-outcome={latest.outcome}>
          <p className="risk-outcome-latest__line">
            {t('riskResults.outcomeForm.latest')} <OutcomeBadge outcome={latest.outcome} />
          </p>
          <p className="muted small">
            {t('riskResults.outcomeForm.by', {
              officer: latest.officer,
              at: formatDateTime(latest.recordedAt, i18n.language),
            })}
          </p>
          {latest.notes ? <p className="risk-outcome-latest__notes">{latest.notes}</p> : null}
        </div>
      ) : (
        <p className="muted" data-testid="risk-outcome-none">
          {t('riskResults.outcomeForm.none')}
        </p>
      )}
      {history.length > 1 ? (
        <details className="risk-outcome-history">
          <summary>{t('riskResults.outcomeForm.history', { count: history.length })}</summary>
          <ol>
            {history.map((o) => (
              <li key={o.id}>
                <OutcomeBadge outcome={o.outcome} />{' '}
                <span className="muted small">
                  {t('riskResults.outcomeForm.by', {
                    officer: o.officer,
                    at: formatDateTime(o.recordedAt, i18n.language),
                  })}
                </span>
                {o.notes ? <span className="small"> — {o.notes}</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {canRecord ? (
        <form
          className="form risk-outcome-form"
          noValidate
          onSubmit={onSubmit}
          data-testid="risk-outcome-form"
        >
          <fieldset
            className="fieldset"
            aria-describedby={missing ? `${legendId}-error` : undefined}
            aria-invalid={missing || undefined}
          >
            <legend className="field__label" id={legendId}>
              {latest ? t('riskResults.outcomeForm.correct') : t('riskResults.outcomeForm.choose')}
            </legend>
            {missing ? (
              <p className="field__error" id={`${legendId}-error`}>
                {t('riskResults.outcomeForm.missing')}
              </p>
            ) : null}
            <ChoiceRow
              name="risk-outcome"
              options={OUTCOMES}
              value={choice}
              onChange={setChoice}
              label={(o) => (
                <span className="stack">
                  <span>{t(`riskResults.outcome.${o}`)}</span>
                  <span className="muted small">{t(`riskResults.outcomeForm.hint.${o}`)}</span>
                </span>
              )}
              testId={(o) => `risk-outcome-${o}`}
            />
          </fieldset>
          <TextAreaField
            id="risk-outcome-notes"
            label={t('riskResults.outcomeForm.notes')}
            labelSuffix={t('common.optional')}
            hint={t('riskResults.outcomeForm.notesHint')}
            value={notes}
            maxLength={4000}
            rows={3}
            onChange={(e) => setNotes(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" data-testid="risk-outcome-submit">
              {t('riskResults.outcomeForm.submit')}
            </button>
          </div>
        </form>
      ) : (
        <Alert tone="info" title={t('riskResults.outcomeForm.readOnly')} />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('riskResults.outcomeForm.confirmTitle')}
        confirmLabel={t('riskResults.outcomeForm.confirm')}
        tone="primary"
        busy={action.busy}
        confirmTestId="risk-outcome-confirm"
        onConfirm={() => void confirm()}
        onCancel={() => {
          setConfirming(false);
          action.clearError();
        }}
      >
        <p>
          {t('riskResults.outcomeForm.confirmBody', {
            outcome: choice ? t(`riskResults.outcome.${choice}`) : '',
            reference,
          })}
        </p>
        {action.error ? <Alert tone="error" title={action.error} /> : null}
      </ConfirmDialog>
    </Panel>
  );
}
