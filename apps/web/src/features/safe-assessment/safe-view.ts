import type {
  CreateSafeCampaign,
  CreateSafePlanAction,
  SafeAggregates,
  SafeCycleDelta,
  SafeDimensionScore,
  SafeGroupAggregate,
  SafeMeasured,
  SafePlanAction,
  SafePlanStatus,
  SafePriority,
  SafeScoreCard,
} from '@aeolus/contracts';
import { dayBoundary } from '../../lib/format.js';
import { localised } from '../questionnaire/localised.js';

/**
 * What the SAFE assessment pages compute for display, kept pure so it is tested on its own: chart rows,
 * trend wording, the measured-beside-declared pairs, the campaign form's checks and plan-action drafts.
 */

const LOCALE_TAGS: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };
const tag = (language: string) => LOCALE_TAGS[language] ?? language;

/** A 0–100 score as the reader writes it ("72 %" in French); a score that cannot be computed is a dash. */
export function formatPercent(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(tag(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    value / 100,
  );
}

/** A change in points, always signed ("+6", "−3", "0"). */
export function formatDelta(delta: number | null, language: string): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  return new Intl.NumberFormat(tag(language), { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(
    delta,
  );
}

export function formatNumber(value: number, language: string, digits = 1): string {
  return new Intl.NumberFormat(tag(language), { maximumFractionDigits: digits }).format(value);
}

/**
 * Standard ids sort as numbers part by part, so standard 1.10 comes after 1.9 (the SAFE Framework's own
 * order), and ids that are not numbered keep their text order.
 */
export function compareStandardIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.some(Number.isNaN) || pb.some(Number.isNaN)) return a.localeCompare(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

export interface ScoreRow {
  id: string;
  label: string;
  /** 0–100, null when no scored question of the group was answered. */
  percent: number | null;
  target: number | null;
  weight: number;
  questionCount: number;
}

/** One dimension of a score card (pillar, standard, theme…) as rows, standards in Framework order. */
export function scoreRows(
  card: SafeScoreCard,
  dimension: keyof SafeScoreCard['dimensions'],
  language: string,
) {
  const scores: readonly SafeDimensionScore[] = card.dimensions[dimension] ?? [];
  const rows = scores.map(
    (s): ScoreRow => ({
      id: s.id,
      label: localised(s.label, language),
      percent: s.percent,
      target: s.targetPercent,
      weight: s.totalWeight,
      questionCount: s.questionCount,
    }),
  );
  return dimension === 'standard' || dimension === 'pillar'
    ? rows.sort((a, b) => compareStandardIds(a.id, b.id))
    : rows;
}

/** The radar by pillar: an unanswered pillar is drawn at 0 but keeps `answered: false` for its table. */
export function radarRows(card: SafeScoreCard, language: string) {
  return scoreRows(card, 'pillar', language).map((row) => ({
    ...row,
    score: row.percent ?? 0,
    targetScore: row.target ?? 100,
    answered: row.percent !== null,
  }));
}

export type TrendWord = 'improved' | 'slipped' | 'steady' | 'notComparable';

/** How a change between cycles reads: the server decides the trend (with its tolerance), we only name it. */
export function trendWord(delta: Pick<SafeCycleDelta, 'trend'>): TrendWord {
  switch (delta.trend) {
    case 'up':
      return 'improved';
    case 'down':
      return 'slipped';
    case 'flat':
      return 'steady';
    case 'not_comparable':
      return 'notComparable';
    default:
      return delta.trend satisfies never;
  }
}

/** Per standard: how many members sit at each maturity level, as chart rows. */
export function histogramRows(aggregate: SafeGroupAggregate, language: string) {
  return [...aggregate.histograms]
    .sort((a, b) => compareStandardIds(a.id, b.id))
    .map((h) => ({
      id: h.id,
      label: localised(h.label, language),
      level0: h.counts[0] ?? 0,
      level1: h.counts[1] ?? 0,
      level2: h.counts[2] ?? 0,
      level3: h.counts[3] ?? 0,
      level4: h.counts[4] ?? 0,
      total: h.counts.reduce((n, c) => n + c, 0),
    }));
}

export type GroupRow =
  | { kind: 'shown'; group: string; memberCount: number; aggregate: SafeGroupAggregate }
  | { kind: 'withheld'; group: string };

/**
 * The global group first, then each region shown, then each region withheld (fewer members than the
 * minimum group size, so that no administration can be singled out) — withheld ones carry no figures.
 */
export function groupRows(aggregates: SafeAggregates): GroupRow[] {
  const rows: GroupRow[] = [];
  if (aggregates.global)
    rows.push({
      kind: 'shown',
      group: aggregates.global.group,
      memberCount: aggregates.global.memberCount,
      aggregate: aggregates.global,
    });
  for (const region of aggregates.regions)
    rows.push({ kind: 'shown', group: region.group, memberCount: region.memberCount, aggregate: region });
  for (const group of aggregates.withheldRegions) rows.push({ kind: 'withheld', group });
  return rows;
}

export type MeasuredFactId = 'aeoActive' | 'mras' | 'filingOnTime' | 'examination';

export interface MeasuredFact {
  id: MeasuredFactId;
  /** The question whose self-reported answer the fact sits beside, if the questionnaire asks it. */
  questionId: string | null;
  declared: unknown;
  /** null: the platform holds no such data — shown as absent, never estimated. */
  measured:
    | null
    | { kind: 'count'; value: number; trend?: SafeCycleDelta['trend'] }
    | { kind: 'byStatus'; entries: [string, number][] }
    | { kind: 'percent'; value: number; base: number }
    | { kind: 'rates'; aeo: number | null; nonAeo: number | null; aeoBase: number; nonAeoBase: number };
}

/**
 * The facts the platform holds next to the answers they check (issue item 6): active AEOs beside the
 * declared AEO count (SAFE standard 2.3), MRAs by phase beside the declared MRAs (standard 2.6), filing
 * before the advance-information deadline (standard 1.6) and AEO vs non-AEO examination rates (the
 * facilitation benefit of standard 2.6).
 */
export function measuredFacts(measured: SafeMeasured, answers: Record<string, unknown>): MeasuredFact[] {
  return [
    {
      id: 'aeoActive',
      questionId: 'aeo_count',
      declared: answers.aeo_count ?? null,
      measured: measured.aeo
        ? { kind: 'count', value: measured.aeo.activeCount, trend: measured.aeo.trend }
        : null,
    },
    {
      id: 'mras',
      questionId: 'mras_signed',
      declared: answers.mras_signed ?? null,
      measured: measured.mras ? { kind: 'byStatus', entries: Object.entries(measured.mras.byStatus) } : null,
    },
    {
      id: 'filingOnTime',
      questionId: null,
      declared: null,
      measured: measured.filing
        ? { kind: 'percent', value: measured.filing.onTimePercent, base: measured.filing.consignments }
        : null,
    },
    {
      id: 'examination',
      questionId: null,
      declared: null,
      measured: measured.examination
        ? {
            kind: 'rates',
            aeo: measured.examination.aeoExaminationPercent,
            nonAeo: measured.examination.nonAeoExaminationPercent,
            aeoBase: measured.examination.aeoConsignments,
            nonAeoBase: measured.examination.nonAeoConsignments,
          }
        : null,
    },
  ];
}

export interface CampaignForm {
  name: string;
  periodStart: string;
  periodEnd: string;
  questionnaireVersion: string;
  /** A calendar day: responses are accepted until its end. */
  deadline: string;
  invited: readonly string[];
}

export type CampaignFormProblem = 'name' | 'date' | 'periodOrder' | 'deadlinePast' | 'invited';
export type CampaignFormErrors = Partial<
  Record<'name' | 'periodStart' | 'periodEnd' | 'deadline' | 'invited', CampaignFormProblem>
>;

/** The form's own checks (the server repeats them), as message keys under `safeAssessment.newCampaign.errors`. */
export function campaignFormErrors(form: CampaignForm, now: Date): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  if (form.name.trim().length < 3) errors.name = 'name';
  if (!dayBoundary(form.periodStart, 'start')) errors.periodStart = 'date';
  if (!dayBoundary(form.periodEnd, 'start')) errors.periodEnd = 'date';
  else if (!errors.periodStart && form.periodEnd < form.periodStart) errors.periodEnd = 'periodOrder';
  const deadline = dayBoundary(form.deadline, 'end');
  if (!deadline) errors.deadline = 'date';
  else if (new Date(deadline) <= now) errors.deadline = 'deadlinePast';
  if (form.invited.length === 0) errors.invited = 'invited';
  return errors;
}

export function campaignBody(form: CampaignForm): CreateSafeCampaign {
  return {
    name: form.name.trim(),
    periodStart: form.periodStart,
    periodEnd: form.periodEnd,
    ...(form.questionnaireVersion.trim() ? { questionnaireVersion: form.questionnaireVersion.trim() } : {}),
    deadline: dayBoundary(form.deadline, 'end') ?? form.deadline,
    invitedOrganisationIds: [...form.invited],
  };
}

/** A day `months` after `from`, as `YYYY-MM-DD` (the default due date of a new plan action). */
export function addMonths(from: Date, months: number): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, from.getUTCDate()));
  return date.toISOString().slice(0, 10);
}

/**
 * A plan action drafted from a ranked gap: it adopts the first recommended action from the library (or
 * names the gap), is linked to the standard/theme, and is due in six months — the person edits it before
 * saving.
 */
export function draftFromGap(
  gap: Pick<SafePriority, 'dimension' | 'id' | 'label' | 'recommendedActions'>,
  options: { campaignId: string; language: string; today: Date; defaultTitle: string },
): CreateSafePlanAction {
  const adopted = gap.recommendedActions[0];
  return {
    gapDimension: gap.dimension,
    gapId: gap.id,
    ...(adopted ? { libraryActionId: adopted.id } : {}),
    campaignId: options.campaignId,
    title: adopted ? localised(adopted.title, options.language) : options.defaultTitle,
    owner: '',
    dueDate: addMonths(options.today, 6),
    status: 'planned',
  };
}

/** Past its due date and neither done nor dropped. */
export function isOverdue(action: Pick<SafePlanAction, 'dueDate' | 'status'>, today: Date): boolean {
  if (action.status === 'done' || action.status === 'dropped') return false;
  return action.dueDate < today.toISOString().slice(0, 10);
}

export function planCounts(
  actions: readonly Pick<SafePlanAction, 'status'>[],
): Record<SafePlanStatus, number> {
  const counts: Record<SafePlanStatus, number> = { planned: 0, in_progress: 0, done: 0, dropped: 0 };
  for (const action of actions) counts[action.status] += 1;
  return counts;
}

/** Which gaps already have an action in the plan (by dimension and id), so the list says so. */
export function plannedGapKeys(
  actions: readonly Pick<SafePlanAction, 'gapDimension' | 'gapId'>[],
): Set<string> {
  return new Set(actions.filter((a) => a.gapDimension && a.gapId).map((a) => `${a.gapDimension}:${a.gapId}`));
}
