import type { Question, QuestionnaireDefinition } from '@aeolus/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { localised } from './localised.js';
import { type EvidenceSlot, QuestionField } from './QuestionField.js';
import { ProgressBar } from './QuestionnaireOutline.js';
import type { QuestionnaireForm } from './use-questionnaire-form.js';

/** The sections shown now, each a panel with its progress and its visible questions. */
export function QuestionnaireSections({
  form,
  definition,
  disabled,
  renderEvidence,
  after,
}: {
  form: QuestionnaireForm;
  definition: QuestionnaireDefinition;
  disabled: boolean;
  renderEvidence(slot: EvidenceSlot): ReactNode;
  /** What a page shows under a question (facts it holds about the same thing). */
  after?(question: Question): ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return form.progress.sections
    .filter((s) => s.shown)
    .map(({ section, questions: visible, answered, required }) => (
      <section
        key={section.id}
        id={`section-${section.id}`}
        className="panel saq-section"
        aria-labelledby={`section-${section.id}-title`}
        data-testid="saq-section"
      >
        <div className="panel__header">
          <div>
            <h2 id={`section-${section.id}-title`} className="panel__title">
              {localised(section.title, language)}
            </h2>
            {section.description ? (
              <p className="panel__description">{localised(section.description, language)}</p>
            ) : null}
          </div>
          <ProgressBar
            answered={answered}
            required={required}
            label={t('questionnaire.count', { answered, required })}
          />
        </div>
        <div className="panel__body saq-section__questions">
          {visible.map((question) => (
            <div key={question.id} className="saq-question-wrap">
              <QuestionField
                definition={definition}
                question={question}
                value={form.answers[question.id]}
                error={form.messageFor(question.id)}
                disabled={disabled}
                renderEvidence={renderEvidence}
                onAnswer={(value, options) => form.answer(question, value, options)}
              />
              {after?.(question)}
            </div>
          ))}
        </div>
      </section>
    ));
}

/**
 * The last panel — whether everything required is answered, and the button — with the confirmation it
 * opens. `texts` is the i18n prefix holding submitTitle, readyToSubmit, notReady, submit, confirmTitle and
 * confirmBody; `testId` names the button (`testId`) and its confirmation (`confirmTestId`).
 */
export function QuestionnaireSubmit({
  form,
  editable,
  texts,
  testId,
  confirmTestId,
  onConfirm,
}: {
  form: QuestionnaireForm;
  editable: boolean;
  /** Each form's own wording; both prefixes hold the same six keys. */
  texts: 'aeoOperator.saq' | 'safeAssessment.form';
  testId: string;
  confirmTestId: string;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { progress } = form;
  return (
    <>
      {editable ? (
        <section className="panel" aria-labelledby={headingId}>
          <div className="panel__header">
            <div>
              <h2 id={headingId} className="panel__title">
                {t(`${texts}.submitTitle`)}
              </h2>
              <p className="panel__description">
                {progress.complete
                  ? t(`${texts}.readyToSubmit`)
                  : t(`${texts}.notReady`, { count: progress.required - progress.answered })}
              </p>
            </div>
          </div>
          <div className="panel__body">
            <div className="form__actions">
              <button
                type="button"
                className="btn btn--primary"
                data-testid={testId}
                disabled={form.busy}
                onClick={() => form.setConfirming(true)}
              >
                {t(`${texts}.submit`)}
              </button>
            </div>
          </div>
        </section>
      ) : null}
      <ConfirmDialog
        open={form.confirming}
        title={t(`${texts}.confirmTitle`)}
        confirmLabel={t(`${texts}.submit`)}
        tone="primary"
        busy={form.busy}
        confirmTestId={confirmTestId}
        onConfirm={onConfirm}
        onCancel={() => form.setConfirming(false)}
      >
        <p>{t(`${texts}.confirmBody`)}</p>
      </ConfirmDialog>
    </>
  );
}
