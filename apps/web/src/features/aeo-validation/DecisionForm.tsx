import type { AeoApplicationDetail, AeoProgramme } from '@aeolus/contracts';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { InlineForm } from '../../components/InlineForm.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { type DecisionAction, isAdverse, needsConfirmation } from './case-actions.js';
import { explainCaseError, isStale } from './case-errors.js';
import {
  buildDecision,
  DECISION_FIELDS,
  type DecisionProblem,
  type DecisionValues,
  EMPTY_DECISION,
} from './decision-body.js';
import { validationApi } from './validation-api.js';

/**
 * The form for one workflow step (accept, request information, grant …). Decisions with legal effect
 * are confirmed in a dialog before they are sent; a refusal is shown above the form, and a stale page
 * (someone else moved the case on) is reloaded so the offered actions are current again.
 */
export function DecisionForm({
  action,
  detail,
  programme,
  onDone,
  onCancel,
  onStale,
}: {
  action: DecisionAction;
  detail: AeoApplicationDetail;
  programme: AeoProgramme | undefined;
  onDone(action: DecisionAction): void;
  onCancel(): void;
  onStale(error: unknown): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const categories = programme?.categories.map((c) => c.code) ?? [detail.category];
  const [values, setValues] = useState<DecisionValues>({ ...EMPTY_DECISION, category: detail.category });
  const [confirming, setConfirming] = useState(false);
  const confirmed = useRef(false);
  const formRef = useRef<HTMLDivElement>(null);
  // The form just opened: start at its first field (or its button, when it has none).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea, button[type="submit"]')?.focus();
  }, []);
  const limits = { extensionDaysLeft: detail.deadlines.extensionDaysLeft, categories };
  const prefix = `aeo-${action}-`;

  const labelOf = (field: keyof DecisionValues) =>
    t(`aeoValidation.fields.${field === 'outcome' ? 'appealOutcome' : field}`);
  const problemText = (field: keyof DecisionValues, problem: DecisionProblem) =>
    problem === 'days'
      ? t('aeoValidation.errors.days', { max: limits.extensionDaysLeft })
      : t(`aeoValidation.errors.${problem}`, { field: labelOf(field) });

  const form = useFormSubmit({
    validate() {
      const result = buildDecision(action, values, limits);
      if (result.ok) return {};
      return Object.fromEntries(
        Object.entries(result.problems).map(([field, problem]) => [
          field,
          problemText(field as keyof DecisionValues, problem),
        ]),
      );
    },
    async submit() {
      const result = buildDecision(action, values, limits);
      if (!result.ok) return;
      if (needsConfirmation(action) && !confirmed.current) {
        setConfirming(true);
        return;
      }
      confirmed.current = false;
      try {
        await validationApi.act(detail.id, result.body);
      } catch (error) {
        if (isStale(error)) onStale(error);
        throw error;
      }
      onDone(action);
    },
    explain: (error, usual) => explainCaseError(t, error, usual),
  });

  const bind = (field: keyof DecisionValues) => ({
    id: `${prefix}${field}`,
    name: field,
    value: values[field],
    error: form.errors[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });

  const fields: Record<keyof DecisionValues, () => ReactNode> = {
    reason: () => (
      <TextAreaField label={t('aeoValidation.fields.reason')} {...bind('reason')} maxLength={4000} />
    ),
    question: () => (
      <TextAreaField
        label={t('aeoValidation.fields.question')}
        hint={t('aeoValidation.fields.questionHint')}
        maxLength={4000}
        {...bind('question')}
      />
    ),
    days: () => (
      <TextField
        label={t('aeoValidation.fields.days')}
        hint={t('aeoValidation.fields.daysHint', { count: limits.extensionDaysLeft })}
        type="number"
        inputMode="numeric"
        min={1}
        max={limits.extensionDaysLeft}
        className="field--short"
        {...bind('days')}
      />
    ),
    visitDate: () => (
      <TextField
        label={t('aeoValidation.fields.visitDate')}
        type="date"
        className="field--short"
        {...bind('visitDate')}
      />
    ),
    reportSummary: () => (
      <TextAreaField
        label={t('aeoValidation.fields.reportSummary')}
        rows={5}
        maxLength={4000}
        {...bind('reportSummary')}
      />
    ),
    recommendation: () => (
      <SelectField label={t('aeoValidation.fields.recommendation')} {...bind('recommendation')}>
        <option value="">{t('aeoValidation.fields.choose')}</option>
        {(['grant', 'grant_with_conditions', 'refuse'] as const).map((r) => (
          <option key={r} value={r}>
            {t(`aeoValidation.recommendation.${r}`)}
          </option>
        ))}
      </SelectField>
    ),
    category: () => (
      <SelectField
        label={t('aeoValidation.fields.category')}
        hint={t('aeoValidation.fields.categoryHint', { applied: detail.category })}
        {...bind('category')}
      >
        {(programme?.categories ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {c.code} — {c.name[language]}
          </option>
        ))}
        {programme ? null : <option value={detail.category}>{detail.category}</option>}
      </SelectField>
    ),
    reasons: () => (
      <TextAreaField
        label={t('aeoValidation.fields.reasons')}
        hint={t('aeoValidation.fields.reasonsHint')}
        rows={4}
        {...bind('reasons')}
      />
    ),
    grounds: () => (
      <TextAreaField label={t('aeoValidation.fields.grounds')} maxLength={4000} {...bind('grounds')} />
    ),
    outcome: () => (
      <SelectField label={t('aeoValidation.fields.appealOutcome')} {...bind('outcome')}>
        <option value="">{t('aeoValidation.fields.choose')}</option>
        <option value="upheld">{t('aeoValidation.appealOutcome.upheld')}</option>
        <option value="overturned">{t('aeoValidation.appealOutcome.overturned')}</option>
      </SelectField>
    ),
  };

  const label = t(`aeoValidation.actions.${action}.button`);
  return (
    <div ref={formRef} data-testid={`aeo-action-form-${action}`}>
      <InlineForm
        titleId={`${prefix}title`}
        title={t(`aeoValidation.actions.${action}.title`)}
        onSubmit={form.onSubmit}
      >
        <p className="muted">
          {t(`aeoValidation.actions.${action}.help`, { days: programme?.clocks.effectDays ?? 0 })}
        </p>
        <ErrorSummary
          ref={form.summaryRef}
          failure={form.failure}
          errors={form.errors}
          fieldIdPrefix={prefix}
        />
        {DECISION_FIELDS[action].map((field) => (
          <div key={field}>{fields[field]()}</div>
        ))}
        <FormActions
          busy={form.busy}
          submitLabel={label}
          busyLabel={t('aeoValidation.sending')}
          onCancel={onCancel}
          submitTestId="aeo-action-submit"
        />
      </InlineForm>
      <ConfirmDialog
        open={confirming}
        title={t(`aeoValidation.actions.${action}.confirmTitle`, { reference: detail.reference })}
        confirmLabel={label}
        tone={isAdverse(action) ? 'danger' : 'primary'}
        confirmTestId="aeo-action-confirm"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          confirmed.current = true;
          setConfirming(false);
          formRef.current?.querySelector('form')?.requestSubmit();
        }}
      >
        <p>{t(`aeoValidation.actions.${action}.confirmBody`, { operator: detail.operatorName })}</p>
      </ConfirmDialog>
    </div>
  );
}
