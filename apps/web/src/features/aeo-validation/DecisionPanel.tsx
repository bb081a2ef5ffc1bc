import type { AeoApplicationDetail, AeoProgramme } from '@aeolus/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { Panel } from '../../components/Panel.js';
import { type DecisionAction, isAdverse } from './case-actions.js';
import { DecisionForm } from './DecisionForm.js';

/**
 * The workflow steps the case allows now, one button each; the chosen one opens its form below. When
 * none is allowed (e.g. waiting for the operator's answer), the panel says why instead.
 */
export function DecisionPanel({
  detail,
  programme,
  actions,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  programme: AeoProgramme | undefined;
  actions: readonly DecisionAction[];
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<DecisionAction | undefined>();
  const [justDone, setJustDone] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The form that sent the action is gone: continue from the panel, not from the top of the page.
  useEffect(() => {
    if (justDone) statusRef.current?.focus();
  }, [justDone]);

  // An action no longer allowed (the case moved on) closes its form.
  const current = open && actions.includes(open) ? open : undefined;

  return (
    <Panel
      title={t('aeoValidation.actions.title')}
      description={
        detail.awaitingInformation
          ? t('aeoValidation.actions.awaitingInformation')
          : actions.length === 0
            ? t('aeoValidation.actions.none')
            : t('aeoValidation.actions.lead')
      }
    >
      <p ref={statusRef} tabIndex={-1} className="visually-hidden">
        {justDone ? t('aeoValidation.actions.updated') : ''}
      </p>
      {actions.length > 0 ? (
        <div className="form__actions" data-testid="aeo-actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`btn ${isAdverse(action) ? 'btn--danger' : current === action ? 'btn--primary' : 'btn--secondary'}`}
              aria-expanded={current === action}
              data-testid={`aeo-action-${action}`}
              onClick={() => {
                setJustDone(false);
                setOpen(current === action ? undefined : action);
              }}
            >
              {t(`aeoValidation.actions.${action}.button`)}
            </button>
          ))}
        </div>
      ) : null}
      {detail.awaitingInformation ? (
        <Alert tone="info" title={t('aeoValidation.deadline.awaitingInformation')}>
          <p>{t('aeoValidation.actions.awaitingInformationBody')}</p>
        </Alert>
      ) : null}
      {current ? (
        <DecisionForm
          key={current}
          action={current}
          detail={detail}
          programme={programme}
          onCancel={() => setOpen(undefined)}
          onStale={onStale}
          onDone={(done) => {
            setOpen(undefined);
            setJustDone(true);
            onChanged(t(`aeoValidation.actions.${done}.done`));
          }}
        />
      ) : null}
    </Panel>
  );
}
