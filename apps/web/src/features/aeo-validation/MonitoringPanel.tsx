import type { AeoApplicationDetail } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextAreaField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { InlineForm } from '../../components/InlineForm.js';
import { Panel } from '../../components/Panel.js';
import { formatDateTime } from '../../lib/format.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { explainCaseError, isStale } from './case-errors.js';
import { validationApi } from './validation-api.js';

type Report = AeoApplicationDetail['monitoringReports'][number];

/**
 * Changes the holder reported (ownership, premises, a security incident …) and the reviews they opened
 * (SAFE pillar 2 monitoring; EU UCC Art. 23(2) duty to inform). Customs closes a review with its outcome.
 */
export function MonitoringPanel({
  detail,
  canClose,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  canClose: boolean;
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t, i18n } = useTranslation();
  const [closing, setClosing] = useState<string | undefined>();
  const reports = detail.monitoringReports;
  return (
    <Panel
      title={t('aeoValidation.monitoring.title')}
      description={
        reports.length === 0 ? t('aeoValidation.monitoring.none') : t('aeoValidation.monitoring.lead')
      }
    >
      {reports.length > 0 ? (
        <ol className="aeo-reports" data-testid="aeo-monitoring-reports">
          {reports.map((report) => (
            <li key={report.id} className="aeo-reports__item">
              <p className="badges">
                <Badge tone="accent">{t(`aeo.monitoringKind.${report.kind}`)}</Badge>
                <Badge tone={report.reviewStatus === 'open' ? 'warning' : 'success'}>
                  {t(`aeoValidation.monitoring.review.${report.reviewStatus}`)}
                </Badge>
                <span className="muted small">{formatDateTime(report.reportedAt, i18n.language)}</span>
              </p>
              <p>{report.description}</p>
              {report.outcome ? (
                <p>
                  <strong>{t('aeoValidation.monitoring.outcome')}</strong> {report.outcome}
                </p>
              ) : null}
              {canClose && report.reviewStatus === 'open' ? (
                closing === report.id ? (
                  <CloseReviewForm
                    detail={detail}
                    report={report}
                    onCancel={() => setClosing(undefined)}
                    onStale={onStale}
                    onChanged={(message) => {
                      setClosing(undefined);
                      onChanged(message);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    data-testid="aeo-review-close"
                    onClick={() => setClosing(report.id)}
                  >
                    {t('aeoValidation.monitoring.close')}
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </Panel>
  );
}

function CloseReviewForm({
  detail,
  report,
  onCancel,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  report: Report;
  onCancel(): void;
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const prefix = `aeo-review-${report.id}-`;
  const form = useFormSubmit({
    validate: (): Record<string, string> =>
      outcome.trim()
        ? {}
        : { outcome: t('aeoValidation.errors.required', { field: t('aeoValidation.monitoring.outcome') }) },
    async submit() {
      try {
        await validationApi.closeReview(detail.id, report.id, outcome.trim());
      } catch (error) {
        if (isStale(error)) onStale(error);
        throw error;
      }
      onChanged(t('aeoValidation.monitoring.closed'));
    },
    explain: (error, usual) => explainCaseError(t, error, usual),
  });
  return (
    <div data-testid="aeo-review-form">
      <InlineForm
        titleId={`${prefix}title`}
        title={t('aeoValidation.monitoring.closeTitle')}
        onSubmit={form.onSubmit}
      >
        <ErrorSummary
          ref={form.summaryRef}
          failure={form.failure}
          errors={form.errors}
          fieldIdPrefix={prefix}
        />
        <TextAreaField
          id={`${prefix}outcome`}
          label={t('aeoValidation.monitoring.outcome')}
          hint={t('aeoValidation.monitoring.outcomeHint')}
          value={outcome}
          maxLength={4000}
          error={form.errors.outcome}
          onChange={(e) => setOutcome(e.target.value)}
        />
        <FormActions
          busy={form.busy}
          submitLabel={t('aeoValidation.monitoring.close')}
          busyLabel={t('aeoValidation.sending')}
          onCancel={onCancel}
          submitTestId="aeo-review-submit"
        />
      </InlineForm>
    </div>
  );
}
