import type { AeoApplicationDetail } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { Panel } from '../../components/Panel.js';
import { ApiError } from '../../lib/api.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { explainCaseError, isStale } from './case-errors.js';
import { type CaseCriterion, type PlanRow, planBody, planDraft } from './criteria.js';
import { validationApi } from './validation-api.js';

const reasonId = (criterionId: string) => `aeo-plan-reason-${criterionId}`;

/**
 * The risk-based validation plan (WCO Validator Guide: preparation): which criteria are examined on
 * site and why; the rest are assessed at the desk from the SAQ and its evidence.
 */
export function ValidationPlanPanel({
  detail,
  rows,
  editable,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  rows: readonly CaseCriterion[];
  editable: boolean;
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const [plan, setPlan] = useState<PlanRow[]>(() => planDraft(rows));
  const titleOf = (id: string) => rows.find((r) => r.criterion.id === id)?.criterion.title[language] ?? id;
  const form = useFormSubmit({
    validate() {
      const body = planBody(plan);
      if (body.ok) return {};
      return Object.fromEntries(
        body.missingReason.map((id) => [
          `reason-${id}`,
          t('aeoValidation.plan.reasonRequired', { criterion: titleOf(id) }),
        ]),
      );
    },
    async submit() {
      const body = planBody(plan);
      if (!body.ok) return;
      try {
        await validationApi.setPlan(detail.id, { items: body.items });
      } catch (error) {
        if (isStale(error)) onStale(error);
        throw error;
      }
      onChanged(t('aeoValidation.plan.saved'));
    },
    explain(error, usual) {
      const explained = explainCaseError(t, error, usual);
      if (!(error instanceof ApiError)) return explained;
      // `items.3.reason` → the reason field of the fourth row.
      const errors: Record<string, string> = {};
      for (const problem of error.problems) {
        const match = /^items\.(\d+)\.(\w+)$/.exec(problem.path);
        const row = match ? plan[Number(match[1])] : undefined;
        if (row) errors[`reason-${row.criterionId}`] = `${titleOf(row.criterionId)}: ${problem.message}`;
      }
      return Object.keys(errors).length > 0 ? { ...explained, errors } : explained;
    },
  });

  const update = (id: string, change: Partial<PlanRow>) =>
    setPlan((list) => list.map((r) => (r.criterionId === id ? { ...r, ...change } : r)));
  const planned = detail.checklist.length > 0;
  const columns = [
    t('aeoValidation.criteria.criterion'),
    t('aeoValidation.plan.onSite'),
    t('aeoValidation.plan.reason'),
  ];

  return (
    <Panel
      title={t('aeoValidation.plan.title')}
      description={
        editable ? t('aeoValidation.plan.lead') : planned ? undefined : t('aeoValidation.plan.none')
      }
    >
      {editable ? (
        <form
          noValidate
          onSubmit={form.onSubmit}
          className="form"
          data-testid="aeo-plan-form"
          aria-label={t('aeoValidation.plan.title')}
        >
          <ErrorSummary
            ref={form.summaryRef}
            failure={form.failure}
            errors={form.errors}
            fieldIdPrefix="aeo-plan-"
          />
          <DataTable label={t('aeoValidation.plan.title')} testId="aeo-plan-table" dense columns={columns}>
            {rows.map(({ criterion }) => {
              const row = plan.find((r) => r.criterionId === criterion.id);
              if (!row) return null;
              const error = form.errors[`reason-${criterion.id}`];
              return (
                <tr key={criterion.id}>
                  <th scope="row" className="table__primary">
                    <span className="stack">
                      <span>{criterion.title[language]}</span>
                      <span className="muted small">
                        {t('aeoValidation.criteria.heading', { heading: criterion.safeHeading })} ·{' '}
                        <code>{criterion.code}</code>
                      </span>
                    </span>
                  </th>
                  <td>
                    <label className="aeo-inline-check">
                      <input
                        type="checkbox"
                        checked={row.onSite}
                        data-testid={`aeo-plan-onsite-${criterion.code}`}
                        onChange={(e) => update(criterion.id, { onSite: e.target.checked })}
                      />
                      <span className="visually-hidden">
                        {t('aeoValidation.plan.onSiteFor', { criterion: criterion.title[language] })}
                      </span>
                    </label>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={reasonId(criterion.id)}>
                      {t('aeoValidation.plan.reasonFor', { criterion: criterion.title[language] })}
                    </label>
                    <input
                      id={reasonId(criterion.id)}
                      className="input aeo-plan__reason"
                      value={row.reason}
                      maxLength={4000}
                      aria-invalid={error ? true : undefined}
                      data-testid={`aeo-plan-reason-${criterion.code}`}
                      onChange={(e) => update(criterion.id, { reason: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <FormActions
            busy={form.busy}
            submitLabel={t('aeoValidation.plan.save')}
            submitTestId="aeo-plan-save"
          />
        </form>
      ) : planned ? (
        <DataTable label={t('aeoValidation.plan.title')} testId="aeo-plan-table" dense columns={columns}>
          {rows
            .filter((r) => r.item)
            .map(({ criterion, item }) => (
              <tr key={criterion.id}>
                <th scope="row" className="table__primary">
                  {criterion.title[language]}
                </th>
                <td>
                  {item?.onSite ? (
                    <Badge tone="accent">{t('aeoValidation.plan.yesOnSite')}</Badge>
                  ) : (
                    <span className="muted">{t('aeoValidation.plan.atDesk')}</span>
                  )}
                </td>
                <td>{item?.planReason ?? ''}</td>
              </tr>
            ))}
        </DataTable>
      ) : null}
    </Panel>
  );
}
