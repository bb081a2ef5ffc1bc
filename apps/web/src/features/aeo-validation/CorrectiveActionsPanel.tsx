import type { AeoApplicationDetail, AeoCriterion } from '@aeolus/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Icon } from '../../components/Icon.js';
import { InlineForm } from '../../components/InlineForm.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { explainCaseError, isStale } from './case-errors.js';
import { validationApi } from './validation-api.js';

const STATUS_TONE = { open: 'warning', done: 'success', cancelled: 'neutral' } as const;

/** Corrective actions asked of the operator, each with a due date (also of a holder: EU DA Art. 16). */
export function CorrectiveActionsPanel({
  detail,
  criteria,
  canRequest,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  criteria: readonly AeoCriterion[];
  canRequest: boolean;
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const [adding, setAdding] = useState(false);
  const titleOf = (id: string | null) => criteria.find((c) => c.id === id)?.title[language];
  const items = detail.correctiveActions;

  return (
    <Panel
      title={t('aeoValidation.corrective.title')}
      description={items.length === 0 ? t('aeoValidation.corrective.none') : undefined}
      actions={
        canRequest && !adding ? (
          <button
            type="button"
            className="btn btn--secondary"
            data-testid="aeo-corrective-add"
            onClick={() => setAdding(true)}
          >
            <Icon name="plus" />
            {t('aeoValidation.corrective.add')}
          </button>
        ) : null
      }
    >
      {adding ? (
        <CorrectiveActionForm
          detail={detail}
          criteria={criteria}
          onCancel={() => setAdding(false)}
          onStale={onStale}
          onChanged={(message) => {
            setAdding(false);
            onChanged(message);
          }}
        />
      ) : null}
      {items.length > 0 ? (
        <DataTable
          label={t('aeoValidation.corrective.title')}
          testId="aeo-corrective-table"
          dense
          columns={[
            t('aeoValidation.corrective.description'),
            t('aeoValidation.criteria.criterion'),
            t('aeoValidation.corrective.dueOn'),
            t('aeoValidation.corrective.status'),
          ]}
        >
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="table__primary">
                {item.description}
              </th>
              <td>
                {titleOf(item.criterionId) ?? (
                  <span className="muted">{t('aeoValidation.corrective.general')}</span>
                )}
              </td>
              <td className="nowrap">{formatDate(item.dueOn, i18n.language)}</td>
              <td>
                <Badge tone={STATUS_TONE[item.status]}>
                  {t(`aeoValidation.corrective.statuses.${item.status}`)}
                </Badge>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Panel>
  );
}

function CorrectiveActionForm({
  detail,
  criteria,
  onCancel,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  criteria: readonly AeoCriterion[];
  onCancel(): void;
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const [criterionId, setCriterionId] = useState('');
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  // The form just opened: start in it.
  useEffect(() => document.getElementById('aeo-corrective-criterionId')?.focus(), []);
  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!description.trim())
        found.description = t('aeoValidation.errors.required', {
          field: t('aeoValidation.corrective.description'),
        });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn))
        found.dueOn = t('aeoValidation.errors.date', { field: t('aeoValidation.corrective.dueOn') });
      return found;
    },
    async submit() {
      try {
        await validationApi.requestCorrectiveAction(detail.id, {
          ...(criterionId ? { criterionId } : {}),
          description: description.trim(),
          dueOn,
        });
      } catch (error) {
        if (isStale(error)) onStale(error);
        throw error;
      }
      onChanged(t('aeoValidation.corrective.requested'));
    },
    explain: (error, usual) => explainCaseError(t, error, usual),
  });

  return (
    <div data-testid="aeo-corrective-form">
      <InlineForm
        titleId="aeo-corrective-title"
        title={t('aeoValidation.corrective.formTitle')}
        onSubmit={form.onSubmit}
      >
        <ErrorSummary
          ref={form.summaryRef}
          failure={form.failure}
          errors={form.errors}
          fieldIdPrefix="aeo-corrective-"
        />
        <SelectField
          id="aeo-corrective-criterionId"
          label={t('aeoValidation.criteria.criterion')}
          labelSuffix={t('common.optional')}
          value={criterionId}
          error={form.errors.criterionId}
          onChange={(e) => setCriterionId(e.target.value)}
        >
          <option value="">{t('aeoValidation.corrective.general')}</option>
          {criteria.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title[language]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="aeo-corrective-description"
          label={t('aeoValidation.corrective.description')}
          value={description}
          maxLength={4000}
          error={form.errors.description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <TextField
          id="aeo-corrective-dueOn"
          label={t('aeoValidation.corrective.dueOn')}
          type="date"
          className="field--short"
          min={new Date().toISOString().slice(0, 10)}
          value={dueOn}
          error={form.errors.dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
        <FormActions
          busy={form.busy}
          submitLabel={t('aeoValidation.corrective.submit')}
          busyLabel={t('aeoValidation.sending')}
          onCancel={onCancel}
          submitTestId="aeo-corrective-submit"
        />
      </InlineForm>
    </div>
  );
}
