import type { CreateSafePlanAction, SafePlanAction, UpdateSafePlanAction } from '@aeolus/contracts';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/default-definitions.js';
import { indexDefinition } from '../questionnaire/questionnaire.engine.js';
import { recordChange } from '../shared/record-change.js';
import { loadGapActions } from './gap-actions.js';
import { safeCampaigns, safePlanActions, safeResponses } from './safe-assessment.tables.js';
import { isSecretariat } from './safe-campaign.access.js';
import type { SafeScoreCard } from './scoring.js';

/**
 * Improvement plans (SAFE review; 2024 resilience resolution: integrate the roadmap into national
 * strategy): an administration turns gaps into actions with an owner, a due date and a status. The plan
 * belongs to the administration, not to a campaign, so it carries across cycles; each action shows the
 * linked standard's score in the latest submitted response, so progress shows up in the next cycle.
 */
type Conn = Db | Tx;
type PlanRow = typeof safePlanActions.$inferSelect;

function dimensionLabel(dimension: string | null, id: string | null) {
  if (!dimension || !id) return null;
  const found = getSafeMonitoringQuestionnaire()
    .dimensions?.find((d) => d.id === dimension)
    ?.values.find((v) => v.id === id);
  return found ? { en: found.label.en, fr: found.label.fr } : null;
}

async function latestCard(db: Conn, organisationId: string): Promise<SafeScoreCard | null> {
  const [row] = await db
    .select({ card: safeResponses.scoreCard })
    .from(safeResponses)
    .innerJoin(safeCampaigns, eq(safeCampaigns.id, safeResponses.campaignId))
    .where(and(eq(safeResponses.organisationId, organisationId), eq(safeResponses.status, 'submitted')))
    .orderBy(desc(safeCampaigns.periodStart))
    .limit(1);
  return (row?.card as unknown as SafeScoreCard | null | undefined) ?? null;
}

function toAction(row: PlanRow, card: SafeScoreCard | null): SafePlanAction {
  const score =
    card && row.gapDimension && row.gapId
      ? (card.dimensions[row.gapDimension]?.find((s) => s.id === row.gapId)?.percent ?? null)
      : null;
  return {
    id: row.id,
    organisationId: row.organisationId,
    gapDimension: row.gapDimension,
    gapId: row.gapId,
    gapLabel: dimensionLabel(row.gapDimension, row.gapId),
    questionId: row.questionId,
    libraryActionId: row.libraryActionId,
    campaignId: row.campaignId,
    title: row.title,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status,
    progressNote: row.progressNote,
    latestPercent: score,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listSafePlan(
  ctx: CoreContext,
  actor: Actor,
  query: { organisationId?: string },
): Promise<SafePlanAction[]> {
  authorize(actor, 'safe-plan:read');
  const organisationId = isSecretariat(actor) ? query.organisationId : tenantOf(actor);
  if (!organisationId)
    throw AppError.validation([{ path: 'organisationId', message: 'is required for the secretariat' }]);
  const rows = await ctx.db
    .select()
    .from(safePlanActions)
    .where(eq(safePlanActions.organisationId, organisationId))
    .orderBy(asc(safePlanActions.dueDate), asc(safePlanActions.createdAt));
  const card = await latestCard(ctx.db, organisationId);
  return rows.map((row) => toAction(row, card));
}

function checkLinks(
  input: Pick<CreateSafePlanAction, 'gapDimension' | 'gapId' | 'questionId' | 'libraryActionId'>,
) {
  const problems: FieldProblem[] = [];
  if (input.gapDimension && input.gapId && !dimensionLabel(input.gapDimension, input.gapId))
    problems.push({
      path: 'gapId',
      message: `'${input.gapId}' is not a ${input.gapDimension} of the SAFE questionnaire`,
    });
  if (input.questionId && !indexDefinition(getSafeMonitoringQuestionnaire()).byId.has(input.questionId))
    problems.push({
      path: 'questionId',
      message: `'${input.questionId}' is not a question of the SAFE questionnaire`,
    });
  if (input.libraryActionId && !loadGapActions().actions.some((a) => a.id === input.libraryActionId))
    problems.push({
      path: 'libraryActionId',
      message: `'${input.libraryActionId}' is not in the action library`,
    });
  if (problems.length > 0) throw AppError.validation(problems);
}

export async function createSafePlanAction(
  ctx: CoreContext,
  actor: Actor,
  input: CreateSafePlanAction & { organisationId?: string },
): Promise<SafePlanAction> {
  authorize(actor, 'safe-plan:manage');
  const organisationId = actor.kind === 'system' ? input.organisationId : tenantOf(actor);
  if (!organisationId) throw AppError.validation([{ path: 'organisationId', message: 'is required' }]);
  checkLinks(input);
  if (input.campaignId) {
    const [campaign] = await ctx.db
      .select({ id: safeCampaigns.id })
      .from(safeCampaigns)
      .where(eq(safeCampaigns.id, input.campaignId));
    if (!campaign) throw AppError.validation([{ path: 'campaignId', message: 'is not a campaign' }]);
  }
  const row = await inTransaction(ctx.db, async (tx) => {
    const [created] = await tx
      .insert(safePlanActions)
      .values({
        organisationId,
        campaignId: input.campaignId ?? null,
        gapDimension: input.gapDimension ?? null,
        gapId: input.gapId ?? null,
        questionId: input.questionId ?? null,
        libraryActionId: input.libraryActionId ?? null,
        title: input.title,
        owner: input.owner,
        dueDate: input.dueDate,
        status: input.status,
        progressNote: input.progressNote ?? null,
        createdBy: actor.kind === 'system' ? null : actor.userId,
      })
      .returning();
    await recordChange(tx, actor, {
      action: 'safe_assessment.plan_action_created',
      subjectType: 'safe_plan_action',
      subjectId: created!.id,
      organisationId,
      summary: { after: { title: input.title, dueDate: input.dueDate } },
      event: { actionId: created!.id, gapDimension: input.gapDimension ?? null, gapId: input.gapId ?? null },
    });
    return created!;
  });
  return toAction(row, await latestCard(ctx.db, organisationId));
}

export async function updateSafePlanAction(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  input: UpdateSafePlanAction,
): Promise<SafePlanAction> {
  authorize(actor, 'safe-plan:manage');
  const organisationId = tenantOf(actor);
  const row = await inTransaction(ctx.db, async (tx) => {
    const [updated] = await tx
      .update(safePlanActions)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(safePlanActions.id, id), eq(safePlanActions.organisationId, organisationId)))
      .returning();
    if (!updated) throw AppError.notFound('Plan action');
    await recordChange(tx, actor, {
      action: 'safe_assessment.plan_action_updated',
      subjectType: 'safe_plan_action',
      subjectId: id,
      organisationId,
      summary: { after: input },
      event: { actionId: id, status: updated.status },
    });
    return updated;
  });
  return toAction(row, await latestCard(ctx.db, organisationId));
}
