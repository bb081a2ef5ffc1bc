import { CHECKLIST_RESULTS, type RecordAeoChecklist } from '@aeolus/contracts';
import type { CaseCriterion } from './criteria.js';

/** The on-site checklist being filled in: a result, notes and evidence per criterion. */

export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];

export interface ChecklistRow {
  criterionId: string;
  result: ChecklistResult | '';
  notes: string;
  documentIds: string[];
}

export function checklistDraft(rows: readonly CaseCriterion[]): ChecklistRow[] {
  return rows.map(({ criterion, item }) => ({
    criterionId: criterion.id,
    result: item?.result ?? '',
    notes: item?.notes ?? '',
    documentIds: item?.documentIds ?? [],
  }));
}

export const isChecklistResult = (value: string): value is ChecklistResult =>
  (CHECKLIST_RESULTS as readonly string[]).includes(value);

/**
 * Rows with a result are sent; a row with notes or evidence but no result is a mistake to point out,
 * not something to drop silently. Nothing to send at all is a mistake too.
 */
export function checklistBody(
  rows: readonly ChecklistRow[],
): { ok: true; body: RecordAeoChecklist } | { ok: false; missingResult: string[]; empty: boolean } {
  const missingResult = rows
    .filter((r) => r.result === '' && (r.notes.trim() !== '' || r.documentIds.length > 0))
    .map((r) => r.criterionId);
  const results = rows.flatMap((r) =>
    r.result === ''
      ? []
      : [
          {
            criterionId: r.criterionId,
            result: r.result,
            ...(r.notes.trim() ? { notes: r.notes.trim() } : {}),
            documentIds: r.documentIds,
          },
        ],
  );
  if (missingResult.length > 0 || results.length === 0) {
    return { ok: false, missingResult, empty: results.length === 0 && missingResult.length === 0 };
  }
  return { ok: true, body: { results } };
}
