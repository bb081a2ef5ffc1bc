import { type AeoApplicationDetail, MONITORING_REPORT_KINDS } from '@aeolus/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextAreaField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { type FormProblems, type FormSubmit, useFormSubmit } from '../../lib/use-form-submit.js';
import { operatorApi } from './operator-api.js';
import { caseErrorMessage } from './saq-problems.js';

/** What an operator's action hands back: the case as it is now, and the confirmation to show. */
export type CaseChanged = (detail: AeoApplicationDetail, notice: string) => void;

const MAX_TEXT = 4000;

/** Case actions that the case's state refuses read in the operator's words, not the server's. */
function useCaseExplain() {
  const { t, i18n } = useTranslation();
  return (error: unknown, usual: FormProblems): FormProblems => ({
    ...usual,
    failure: caseErrorMessage(t, error, i18n.language),
  });
}

/** A case action's form: its heading, the error summary, the fields (`children`) and the submit button. */
function CaseForm({
  form,
  title,
  fieldIdPrefix,
  submitLabel,
  submitTestId,
  children,
}: {
  form: FormSubmit;
  title: string;
  fieldIdPrefix: string;
  submitLabel: string;
  submitTestId: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form className="form" noValidate onSubmit={form.onSubmit} aria-labelledby={titleId}>
      <h3 id={titleId} className="form__title">
        {title}
      </h3>
      <ErrorSummary
        ref={form.summaryRef}
        failure={form.failure}
        errors={form.errors}
        fieldIdPrefix={fieldIdPrefix}
      />
      {children}
      <FormActions busy={form.busy} submitLabel={submitLabel} submitTestId={submitTestId} />
    </form>
  );
}

/** Answers customs' request for information; the stopped decision clock runs again once it is sent. */
export function AnswerInformationForm({
  applicationId,
  onChanged,
}: {
  applicationId: string;
  onChanged: CaseChanged;
}) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const explain = useCaseExplain();
  const form = useFormSubmit({
    validate: (): Record<string, string> =>
      answer.trim() ? {} : { answer: t('aeoOperator.rfi.answerRequired') },
    async submit() {
      const detail = await operatorApi.act(applicationId, {
        type: 'answer_information',
        answer: answer.trim(),
      });
      onChanged(detail, t('aeoOperator.rfi.sent'));
    },
    explain,
  });
  return (
    <CaseForm
      form={form}
      title={t('aeoOperator.rfi.formTitle')}
      fieldIdPrefix="rfi-"
      submitLabel={t('aeoOperator.rfi.submit')}
      submitTestId="rfi-submit"
    >
      <TextAreaField
        id="rfi-answer"
        label={t('aeoOperator.rfi.answer')}
        hint={t('aeoOperator.rfi.answerHint')}
        rows={5}
        maxLength={MAX_TEXT}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        error={form.errors.answer}
        data-testid="rfi-answer"
      />
    </CaseForm>
  );
}

/** Appeals a refusal, suspension or revocation, with the grounds (the decision stays until it is decided). */
export function AppealForm({ applicationId, onChanged }: { applicationId: string; onChanged: CaseChanged }) {
  const { t } = useTranslation();
  const [grounds, setGrounds] = useState('');
  const explain = useCaseExplain();
  const form = useFormSubmit({
    validate: (): Record<string, string> =>
      grounds.trim() ? {} : { grounds: t('aeoOperator.appeal.groundsRequired') },
    async submit() {
      const detail = await operatorApi.act(applicationId, { type: 'appeal', grounds: grounds.trim() });
      onChanged(detail, t('aeoOperator.appeal.sent'));
    },
    explain,
  });
  return (
    <CaseForm
      form={form}
      title={t('aeoOperator.appeal.title')}
      fieldIdPrefix="appeal-"
      submitLabel={t('aeoOperator.appeal.submit')}
      submitTestId="appeal-submit"
    >
      <TextAreaField
        id="appeal-grounds"
        label={t('aeoOperator.appeal.grounds')}
        hint={t('aeoOperator.appeal.groundsHint')}
        rows={5}
        maxLength={MAX_TEXT}
        value={grounds}
        onChange={(e) => setGrounds(e.target.value)}
        error={form.errors.grounds}
        data-testid="appeal-grounds"
      />
    </CaseForm>
  );
}

/** Reports a significant change or a security incident; it opens a review at customs (EU DA Art. 16). */
export function ReportChangeForm({
  applicationId,
  onChanged,
}: {
  applicationId: string;
  onChanged: CaseChanged;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [description, setDescription] = useState('');
  const explain = useCaseExplain();
  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!kind) found.kind = t('aeoOperator.report.kindRequired');
      if (!description.trim()) found.description = t('aeoOperator.report.descriptionRequired');
      return found;
    },
    async submit() {
      const detail = await operatorApi.reportChange(applicationId, {
        kind: kind as (typeof MONITORING_REPORT_KINDS)[number],
        description: description.trim(),
      });
      setKind('');
      setDescription('');
      onChanged(detail, t('aeoOperator.report.sent'));
    },
    explain,
  });
  return (
    <CaseForm
      form={form}
      title={t('aeoOperator.report.title')}
      fieldIdPrefix="report-"
      submitLabel={t('aeoOperator.report.submit')}
      submitTestId="report-submit"
    >
      <SelectField
        id="report-kind"
        label={t('aeoOperator.report.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        error={form.errors.kind}
        data-testid="report-kind"
      >
        <option value="">{t('aeoOperator.report.kindChoose')}</option>
        {MONITORING_REPORT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`aeo.monitoringKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="report-description"
        label={t('aeoOperator.report.description')}
        hint={t('aeoOperator.report.descriptionHint')}
        rows={4}
        maxLength={MAX_TEXT}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={form.errors.description}
        data-testid="report-description"
      />
    </CaseForm>
  );
}

/** Withdraws the application before a decision, after a confirmation; a reason is optional. */
export function WithdrawButton({
  applicationId,
  onChanged,
}: {
  applicationId: string;
  onChanged: CaseChanged;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAsyncAction();
  const [failure, setFailure] = useState<string>();

  function confirm() {
    setFailure(undefined);
    return action.run(async () => {
      try {
        const trimmed = reason.trim();
        const detail = await operatorApi.act(applicationId, {
          type: 'withdraw',
          ...(trimmed ? { reason: trimmed } : {}),
        });
        setOpen(false);
        onChanged(detail, t('aeoOperator.withdraw.done'));
      } catch (error) {
        setFailure(caseErrorMessage(t, error, i18n.language));
      }
    });
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--danger"
        data-testid="withdraw-open"
        onClick={() => setOpen(true)}
      >
        {t('aeoOperator.withdraw.open')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('aeoOperator.withdraw.title')}
        confirmLabel={t('aeoOperator.withdraw.confirm')}
        busy={action.busy}
        confirmTestId="withdraw-confirm"
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{t('aeoOperator.withdraw.body')}</p>
        <TextAreaField
          id="withdraw-reason"
          label={t('aeoOperator.withdraw.reason')}
          labelSuffix={t('common.optional')}
          rows={3}
          maxLength={MAX_TEXT}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {failure ? <Alert tone="error" title={failure} /> : null}
      </ConfirmDialog>
    </>
  );
}
