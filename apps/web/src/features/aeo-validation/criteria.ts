import type { AeoApplicationDetail, AeoCriterion } from '@aeolus/contracts';

/**
 * The programme's criteria as they bear on one case: those of the category applied for (a criterion
 * without categories applies to all), plus any the case already has plan or checklist entries for,
 * joined with those entries. The risk-based plan starts from each criterion's programme default.
 */

type ChecklistItem = AeoApplicationDetail['checklist'][number];

export interface CaseCriterion {
  criterion: AeoCriterion;
  item: ChecklistItem | undefined;
  /** Examined on site: the plan's choice, else the programme's default. */
  onSite: boolean;
}

export function caseCriteria(
  criteria: readonly AeoCriterion[],
  category: string,
  checklist: readonly ChecklistItem[],
): CaseCriterion[] {
  const items = new Map(checklist.map((i) => [i.criterionId, i]));
  return criteria
    .filter((c) => c.categories.length === 0 || c.categories.includes(category) || items.has(c.id))
    .sort((a, b) => a.position - b.position)
    .map((criterion) => {
      const item = items.get(criterion.id);
      return { criterion, item, onSite: item ? item.onSite : criterion.onSiteByDefault };
    });
}

/** On-site criteria first (what the visit is about), each group in the programme's order. */
export function onSiteFirst(rows: readonly CaseCriterion[]): CaseCriterion[] {
  return [...rows.filter((r) => r.onSite), ...rows.filter((r) => !r.onSite)];
}

export interface PlanRow {
  criterionId: string;
  onSite: boolean;
  reason: string;
}

export function planDraft(rows: readonly CaseCriterion[]): PlanRow[] {
  return rows.map((r) => ({
    criterionId: r.criterion.id,
    onSite: r.onSite,
    reason: r.item?.planReason ?? '',
  }));
}

/** The plan as the API takes it; criteria examined on site must say why (the server checks this too). */
export function planBody(
  rows: readonly PlanRow[],
):
  | { ok: true; items: { criterionId: string; onSite: boolean; reason?: string }[] }
  | { ok: false; missingReason: string[] } {
  const missingReason = rows.filter((r) => r.onSite && !r.reason.trim()).map((r) => r.criterionId);
  if (missingReason.length > 0) return { ok: false, missingReason };
  return {
    ok: true,
    items: rows.map((r) => ({
      criterionId: r.criterionId,
      onSite: r.onSite,
      ...(r.reason.trim() ? { reason: r.reason.trim() } : {}),
    })),
  };
}
