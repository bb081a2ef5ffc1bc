import { type AeoApplicationDetail, CHECKLIST_RESULTS, type Document } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { Panel } from '../../components/Panel.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { explainCaseError, isStale } from './case-errors.js';
import { type ChecklistRow, checklistBody, checklistDraft, isChecklistResult } from './checklist.js';
import { type CaseCriterion, onSiteFirst } from './criteria.js';
import { EvidenceList } from './EvidenceList.js';
import { validationApi } from './validation-api.js';

const RESULT_TONE = {
  met: 'success',
  partly_met: 'warning',
  not_met: 'danger',
  not_applicable: 'neutral',
} as const;

/**
 * The on-site checklist (WCO Validator Guide: on-site examination): per criterion a result, notes and
 * evidence (a photo, a scanned register) uploaded to the case. On-site criteria of the plan come first.
 */
export function ChecklistPanel({
  detail,
  rows,
  documents,
  editable,
  onChanged,
  onStale,
}: {
  detail: AeoApplicationDetail;
  rows: readonly CaseCriterion[];
  documents: ReadonlyMap<string, Document>;
  editable: boolean;
  onChanged(message: string): void;
  /** The case moved on under this page: reload it and say why the step was refused. */
  onStale(error: unknown): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const ordered = onSiteFirst(rows);
  const [draft, setDraft] = useState<ChecklistRow[]>(() => checklistDraft(ordered));
  const [uploaded, setUploaded] = useState<Map<string, Document>>(new Map());
  const [uploading, setUploading] = useState<string | undefined>();
  const [uploadError, setUploadError] = useState<Record<string, string>>({});
  const known = new Map([...documents, ...uploaded]);
  const titleOf = (id: string) => rows.find((r) => r.criterion.id === id)?.criterion.title[language] ?? id;
  const update = (id: string, change: Partial<ChecklistRow>) =>
    setDraft((list) => list.map((r) => (r.criterionId === id ? { ...r, ...change } : r)));

  const form = useFormSubmit({
    validate() {
      const body = checklistBody(draft);
      if (body.ok) return {};
      if (body.empty)
        return { [`result-${draft[0]?.criterionId ?? ''}`]: t('aeoValidation.checklist.empty') };
      return Object.fromEntries(
        body.missingResult.map((id) => [
          `result-${id}`,
          t('aeoValidation.checklist.resultRequired', { criterion: titleOf(id) }),
        ]),
      );
    },
    async submit() {
      const body = checklistBody(draft);
      if (!body.ok) return;
      try {
        await validationApi.recordChecklist(detail.id, body.body);
      } catch (error) {
        if (isStale(error)) onStale(error);
        throw error;
      }
      onChanged(t('aeoValidation.checklist.saved'));
    },
    explain: (error, usual) => explainCaseError(t, error, usual),
  });

  async function upload(criterionId: string, file: File | undefined) {
    if (!file) return;
    setUploading(criterionId);
    setUploadError((e) => ({ ...e, [criterionId]: '' }));
    try {
      const document = await validationApi.uploadEvidence(detail.id, file);
      setUploaded((m) => new Map(m).set(document.id, document));
      setDraft((list) =>
        list.map((r) =>
          r.criterionId === criterionId ? { ...r, documentIds: [...r.documentIds, document.id] } : r,
        ),
      );
    } catch (error) {
      setUploadError((e) => ({ ...e, [criterionId]: errorMessage(t, error, i18n.language) }));
    } finally {
      setUploading(undefined);
    }
  }

  const columns = [
    t('aeoValidation.criteria.criterion'),
    t('aeoValidation.checklist.result'),
    t('aeoValidation.checklist.notes'),
    t('aeoValidation.checklist.evidence'),
  ];

  if (!editable) {
    const recorded = ordered.filter((r) => r.item?.result);
    return (
      <Panel
        title={t('aeoValidation.checklist.title')}
        description={recorded.length === 0 ? t('aeoValidation.checklist.none') : undefined}
      >
        {recorded.length > 0 ? (
          <DataTable
            label={t('aeoValidation.checklist.title')}
            testId="aeo-checklist-table"
            dense
            columns={columns}
          >
            {recorded.map(({ criterion, item }) => (
              <tr key={criterion.id}>
                <th scope="row" className="table__primary">
                  {criterion.title[language]}
                </th>
                <td>
                  {item?.result ? (
                    <Badge tone={RESULT_TONE[item.result]}>{t(`aeo.checklistResult.${item.result}`)}</Badge>
                  ) : null}
                  {item?.recordedAt ? (
                    <span className="block muted small">
                      {formatDateTime(item.recordedAt, i18n.language)}
                    </span>
                  ) : null}
                </td>
                <td>{item?.notes ?? ''}</td>
                <td>
                  <EvidenceList ids={item?.documentIds ?? []} documents={known} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Panel>
    );
  }

  return (
    <Panel title={t('aeoValidation.checklist.title')} description={t('aeoValidation.checklist.lead')}>
      <form
        noValidate
        onSubmit={form.onSubmit}
        className="form"
        data-testid="aeo-checklist-form"
        aria-label={t('aeoValidation.checklist.title')}
      >
        <ErrorSummary
          ref={form.summaryRef}
          failure={form.failure}
          errors={form.errors}
          fieldIdPrefix="aeo-checklist-"
        />
        <DataTable
          label={t('aeoValidation.checklist.title')}
          testId="aeo-checklist-table"
          dense
          columns={columns}
        >
          {ordered.map(({ criterion, onSite }) => {
            const row = draft.find((r) => r.criterionId === criterion.id);
            if (!row) return null;
            const title = criterion.title[language];
            const error = form.errors[`result-${criterion.id}`];
            return (
              <tr key={criterion.id} data-testid={`aeo-checklist-row-${criterion.code}`}>
                <th scope="row" className="table__primary">
                  <span className="stack">
                    <span>{title}</span>
                    {onSite ? <Badge tone="accent">{t('aeoValidation.plan.yesOnSite')}</Badge> : null}
                  </span>
                </th>
                <td>
                  <label className="visually-hidden" htmlFor={`aeo-checklist-result-${criterion.id}`}>
                    {t('aeoValidation.checklist.resultFor', { criterion: title })}
                  </label>
                  <select
                    id={`aeo-checklist-result-${criterion.id}`}
                    className="select"
                    value={row.result}
                    aria-invalid={error ? true : undefined}
                    data-testid={`aeo-checklist-result-${criterion.code}`}
                    onChange={(e) =>
                      update(criterion.id, {
                        result: isChecklistResult(e.target.value) ? e.target.value : '',
                      })
                    }
                  >
                    <option value="">{t('aeoValidation.checklist.notRecorded')}</option>
                    {CHECKLIST_RESULTS.map((r) => (
                      <option key={r} value={r}>
                        {t(`aeo.checklistResult.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`aeo-checklist-notes-${criterion.id}`}>
                    {t('aeoValidation.checklist.notesFor', { criterion: title })}
                  </label>
                  <textarea
                    id={`aeo-checklist-notes-${criterion.id}`}
                    className="input"
                    rows={2}
                    maxLength={4000}
                    value={row.notes}
                    data-testid={`aeo-checklist-notes-${criterion.code}`}
                    onChange={(e) => update(criterion.id, { notes: e.target.value })}
                  />
                </td>
                <td>
                  {row.documentIds.length > 0 ? (
                    <EvidenceList
                      ids={row.documentIds}
                      documents={known}
                      onRemove={(documentId) =>
                        update(criterion.id, { documentIds: row.documentIds.filter((d) => d !== documentId) })
                      }
                    />
                  ) : null}
                  <label className="aeo-upload">
                    <span className="btn btn--secondary btn--small">
                      {uploading === criterion.id
                        ? t('aeoValidation.evidence.uploading')
                        : t('aeoValidation.evidence.add')}
                    </span>
                    <input
                      type="file"
                      className="visually-hidden"
                      accept="application/pdf,image/png,image/jpeg,application/xml,application/json"
                      aria-label={t('aeoValidation.evidence.addFor', { criterion: title })}
                      data-testid={`aeo-checklist-upload-${criterion.code}`}
                      disabled={uploading !== undefined}
                      onChange={(e) => {
                        void upload(criterion.id, e.target.files?.[0]);
                        e.target.value = '';
                      }}
                    />
                  </label>
                  {uploadError[criterion.id] ? (
                    <p className="field__error" role="alert">
                      {uploadError[criterion.id]}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
        <FormActions
          busy={form.busy}
          submitLabel={t('aeoValidation.checklist.save')}
          submitTestId="aeo-checklist-save"
        />
      </form>
    </Panel>
  );
}
