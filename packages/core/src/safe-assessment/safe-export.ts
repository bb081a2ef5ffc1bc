import { and, asc, eq } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Actor } from '../identity/actor.js';
import { organisations } from '../identity/identity.tables.js';
import { indexDefinition } from '../questionnaire/questionnaire.engine.js';
import { loadStoredDefinition } from '../questionnaire/questionnaire.store.js';
import { type ExportColumn, rowsToCsv, rowsToXlsx } from '../shared/table-export.js';
import { SAFE_DIMENSIONS } from './gap-actions.js';
import { safeResponses } from './safe-assessment.tables.js';
import { actorOrg, isSecretariat, loadVisibleCampaign } from './safe-campaign.access.js';
import { scoreSafeAssessment } from './scoring.js';

/**
 * Exports of a campaign's scores and answers, one row per member × item: first the member's scores
 * (overall, then every pillar, standard, theme, focus area and resilience action, with its weight), then
 * every answer. The secretariat gets every member; an administration only its own response.
 */
interface ExportRow {
  country: string;
  organisation: string;
  status: string;
  kind: 'score' | 'answer';
  dimension: string;
  id: string;
  label: string;
  value: string | number | null;
  percent: number | null;
  weight: number | null;
}

const COLUMNS: ExportColumn<ExportRow>[] = [
  { header: 'country', value: (r) => r.country },
  { header: 'organisation', value: (r) => r.organisation },
  { header: 'status', value: (r) => r.status },
  { header: 'kind', value: (r) => r.kind },
  { header: 'dimension_or_section', value: (r) => r.dimension },
  { header: 'id', value: (r) => r.id },
  { header: 'label', value: (r) => r.label },
  { header: 'answer', value: (r) => r.value },
  { header: 'percent', value: (r) => r.percent },
  { header: 'weight', value: (r) => r.weight },
];

function answerText(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  return JSON.stringify(value);
}

export async function exportSafeCampaign(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
  format: 'csv' | 'xlsx',
): Promise<{ body: string | Buffer; contentType: string; fileName: string }> {
  const campaign = await loadVisibleCampaign(ctx.db, actor, campaignId, 'safe-response:read');
  const own = isSecretariat(actor) ? null : actorOrg(actor);
  const responses = await ctx.db
    .select({ response: safeResponses, name: organisations.name, country: organisations.country })
    .from(safeResponses)
    .innerJoin(organisations, eq(organisations.id, safeResponses.organisationId))
    .where(
      own
        ? and(eq(safeResponses.campaignId, campaignId), eq(safeResponses.organisationId, own))
        : eq(safeResponses.campaignId, campaignId),
    )
    .orderBy(asc(organisations.country));
  const rows: ExportRow[] = [];
  for (const { response, name, country } of responses) {
    // Always scored against the version the response was given for.
    const definition = await loadStoredDefinition(ctx.db, response.definitionId);
    const { card, report } = scoreSafeAssessment(response.answers, { definition });
    const base = { country: country ?? '', organisation: name, status: response.status };
    rows.push({
      ...base,
      kind: 'score',
      dimension: 'overall',
      id: 'overall',
      label: 'Overall',
      value: null,
      percent: card.overall.percent,
      weight: card.overall.totalWeight,
    });
    for (const dimension of SAFE_DIMENSIONS) {
      for (const score of card.dimensions[dimension]) {
        rows.push({
          ...base,
          kind: 'score',
          dimension,
          id: score.id,
          label: score.label.en,
          value: null,
          percent: score.percent,
          weight: score.totalWeight,
        });
      }
    }
    const scores = new Map(report.questions.map((q) => [q.questionId, q]));
    for (const entry of indexDefinition(definition).entries) {
      const question = scores.get(entry.question.id);
      rows.push({
        ...base,
        kind: 'answer',
        dimension: entry.section.id,
        id: entry.question.id,
        label: entry.question.label.en,
        value: answerText(response.answers[entry.question.id]),
        percent:
          question?.score === null || question?.score === undefined
            ? null
            : Math.round((question.score / (question.maxScore || 1)) * 1000) / 10,
        weight: question?.weight ?? null,
      });
    }
  }
  const stem = `safe-assessment-${campaign.periodStart.slice(0, 4)}-${campaign.periodEnd.slice(0, 4)}`;
  if (format === 'csv')
    return {
      body: rowsToCsv(COLUMNS, rows),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${stem}.csv`,
    };
  return {
    body: await rowsToXlsx(COLUMNS, rows, 'Scores and answers'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${stem}.xlsx`,
  };
}
