import type {
  QuestionnaireDefinition,
  ReturnSafeResponse,
  SafeCycleComparison,
  SafeResponse,
  SafeResponseSummary,
  SafeResults,
} from '@aeolus/contracts';
import { and, asc, desc, eq, lt, ne } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { documents } from '../documents/documents.tables.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { organisations, users } from '../identity/identity.tables.js';
import { notifyOrganisation } from '../notifications/notifications.service.js';
import {
  assertValidResponse,
  mergeAnswers,
  validateResponse,
} from '../questionnaire/questionnaire.answers.js';
import { indexDefinition } from '../questionnaire/questionnaire.engine.js';
import { loadStoredDefinition } from '../questionnaire/questionnaire.store.js';
import { recordChange } from '../shared/record-change.js';
import { compareCycles } from './comparison.js';
import { safeCampaigns, safeResponseComments, safeResponses } from './safe-assessment.tables.js';
import {
  actorOrg,
  type CampaignRow,
  findOrganisation,
  isSecretariat,
  loadVisibleCampaign,
  safeLinks,
} from './safe-campaign.access.js';
import { measuredFacts } from './safe-measured.js';
import { type SafeScoreCard, scoreSafeAssessment } from './scoring.js';

type Conn = Db | Tx;
type ResponseRow = typeof safeResponses.$inferSelect;

/** A monitoring response is given by an administration (never an SME): the full questionnaire. */
const PROFILE = { isSme: false } as const;
/** Evidence answers name documents the administration uploaded to its own organisation (documents module). */
export const SAFE_EVIDENCE_SUBJECT = 'organisation';

async function questionnaireKey(db: Conn, definitionId: string) {
  const definition = await loadStoredDefinition(db, definitionId);
  return { definition, id: definition.id, version: String(definition.version) };
}

async function toResponse(
  db: Conn,
  actor: Actor,
  campaign: CampaignRow,
  organisationId: string,
  row: ResponseRow | undefined,
): Promise<SafeResponse> {
  const org = await findOrganisation(db, organisationId);
  const { id: questionnaireId, version } = await questionnaireKey(
    db,
    row?.definitionId ?? campaign.definitionId,
  );
  const comments = row
    ? await db
        .select()
        .from(safeResponseComments)
        .where(eq(safeResponseComments.responseId, row.id))
        .orderBy(asc(safeResponseComments.createdAt))
    : [];
  const status = row?.status ?? 'not_started';
  const editable =
    actor.kind !== 'system' &&
    !isSecretariat(actor) &&
    actor.roles.includes('admin') &&
    campaign.status === 'open' &&
    campaign.deadline.getTime() > Date.now() &&
    status !== 'submitted';
  return {
    id: row?.id ?? null,
    campaignId: campaign.id,
    organisationId,
    organisationName: org?.name ?? '',
    countryCode: org?.country ?? 'XX',
    status,
    questionnaireId,
    questionnaireVersion: version,
    answers: row?.answers ?? {},
    contributors: row?.contributors ?? [],
    comments: comments.map((c) => ({
      id: c.id,
      ...(c.questionId ? { questionId: c.questionId } : {}),
      text: c.text,
      authorName: c.authorName,
      createdAt: c.createdAt.toISOString(),
    })),
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedByName: row?.updatedByName ?? null,
    editable,
  };
}

async function findResponse(db: Conn, campaignId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(safeResponses)
    .where(and(eq(safeResponses.campaignId, campaignId), eq(safeResponses.organisationId, organisationId)));
  return row;
}

/** The administration's own response to a campaign (`not_started` until something is saved). */
export async function getMySafeResponse(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
): Promise<SafeResponse> {
  // Administration staff only (the secretariat reads responses by id).
  const campaign = await loadVisibleCampaign(ctx.db, actor, campaignId, 'safe-response:read-own');
  const org = tenantOf(actor);
  return toResponse(ctx.db, actor, campaign, org, await findResponse(ctx.db, campaignId, org));
}

/**
 * Checks that the actor's administration may still change its response: invited (else 404),
 * campaign open and before the deadline, response not submitted (409 with a reason).
 */
async function loadEditable(db: Conn, actor: Actor, campaignId: string) {
  // Not invited: the campaign is not visible to this administration (404, like any other tenant's thing).
  const campaign = await loadVisibleCampaign(db, actor, campaignId, 'safe-response:edit');
  const org = tenantOf(actor);
  if (campaign.status !== 'open')
    throw new AppError('INVALID_STATE', 'The campaign is closed', { reason: 'CAMPAIGN_CLOSED' });
  if (campaign.deadline.getTime() <= Date.now())
    throw new AppError(
      'INVALID_STATE',
      `The deadline (${campaign.deadline.toISOString()}) has passed: responses are no longer accepted`,
      { reason: 'DEADLINE_PASSED', deadline: campaign.deadline.toISOString() },
    );
  return { campaign, org };
}

function refuseSubmitted(row: ResponseRow | undefined) {
  if (row?.status === 'submitted')
    throw new AppError('INVALID_STATE', 'The response is submitted and can no longer be edited', {
      reason: 'ALREADY_SUBMITTED',
    });
}

/** Documents the administration uploaded to itself, for evidence answers. */
async function evidenceLookup(db: Conn, organisationId: string) {
  const attached = await db
    .select({ id: documents.id, mime: documents.mime })
    .from(documents)
    .where(
      and(
        eq(documents.attachedToType, SAFE_EVIDENCE_SUBJECT),
        eq(documents.attachedToId, organisationId),
        eq(documents.organisationId, organisationId),
      ),
    );
  const byId = new Map(attached.map((d) => [d.id, { mediaType: d.mime }]));
  return (id: string) => byId.get(id);
}

/** The contributor list after `actor` saved: one entry per person, with their display name and email. */
async function contributorsAfter(tx: Tx, row: ResponseRow | undefined, actor: Actor, at: Date) {
  const list = [...(row?.contributors ?? [])];
  if (actor.kind !== 'user') return list;
  const [user] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
  const entry = {
    userId: actor.userId,
    name: user?.name ?? actor.label,
    email: actor.label,
    lastSavedAt: at.toISOString(),
  };
  const i = list.findIndex((c) => c.userId === actor.userId);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
  return list;
}

async function writeAnswers(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
  patchOf: (
    current: Record<string, unknown>,
    definition: QuestionnaireDefinition,
    org: string,
    tx: Tx,
  ) => Promise<Record<string, unknown>>,
  action: string,
): Promise<SafeResponse> {
  const { campaign, org } = await loadEditable(ctx.db, actor, campaignId);
  const row = await inTransaction(ctx.db, async (tx) => {
    const existing = await findResponse(tx, campaignId, org);
    refuseSubmitted(existing);
    const definitionId = existing?.definitionId ?? campaign.definitionId;
    const definition = await loadStoredDefinition(tx, definitionId);
    const answers = await patchOf(existing?.answers ?? {}, definition, org, tx);
    // Autosave (SAFE monitoring answers): each given answer must fit its question; required ones may wait.
    assertValidResponse(definition, answers, {
      profile: PROFILE,
      mode: 'draft',
      lookupDocument: await evidenceLookup(tx, org),
    });
    const now = new Date();
    const values = {
      answers,
      contributors: await contributorsAfter(tx, existing, actor, now),
      updatedAt: now,
      updatedBy: actor.kind === 'system' ? null : actor.userId,
      updatedByName: actor.label,
    };
    const [saved] = existing
      ? await tx.update(safeResponses).set(values).where(eq(safeResponses.id, existing.id)).returning()
      : await tx
          .insert(safeResponses)
          .values({ campaignId, organisationId: org, definitionId, status: 'draft', ...values })
          .returning();
    await recordChange(tx, actor, {
      action,
      subjectType: 'safe_response',
      subjectId: saved!.id,
      organisationId: org,
      summary: { note: `${campaign.name}: ${Object.keys(answers).length} answer(s)` },
      event: { campaignId, responseId: saved!.id, status: saved!.status },
    });
    return saved!;
  });
  return toResponse(ctx.db, actor, campaign, org, row);
}

/** Autosave: merges partial answers (`null` clears one) into the draft, creating it on first save. */
export function saveSafeResponse(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
  input: { answers: Record<string, unknown> },
): Promise<SafeResponse> {
  return writeAnswers(
    ctx,
    actor,
    campaignId,
    async (current) => mergeAnswers(current, input.answers),
    'safe_assessment.response_saved',
  );
}

async function previousSubmitted(db: Conn, campaign: CampaignRow, organisationId: string) {
  const [row] = await db
    .select({ response: safeResponses, campaign: safeCampaigns })
    .from(safeResponses)
    .innerJoin(safeCampaigns, eq(safeCampaigns.id, safeResponses.campaignId))
    .where(
      and(
        eq(safeResponses.organisationId, organisationId),
        eq(safeResponses.status, 'submitted'),
        ne(safeResponses.campaignId, campaign.id),
        // The same review programme (the same secretariat's campaigns), an earlier period.
        eq(safeCampaigns.secretariatId, campaign.secretariatId),
        lt(safeCampaigns.periodStart, campaign.periodStart),
      ),
    )
    .orderBy(desc(safeCampaigns.periodStart))
    .limit(1);
  return row;
}

/**
 * Starts (or refills) the draft from the administration's latest submitted response in an earlier cycle.
 * Only answers still valid for this campaign's questionnaire version are kept.
 */
export function copyPreviousSafeResponse(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
): Promise<SafeResponse> {
  return writeAnswers(
    ctx,
    actor,
    campaignId,
    async (current, definition, org, tx) => {
      const [campaign] = await tx.select().from(safeCampaigns).where(eq(safeCampaigns.id, campaignId));
      const previous = await previousSubmitted(tx, campaign!, org);
      if (!previous) throw AppError.notFound('Previous submitted response');
      const lookup = await evidenceLookup(tx, org);
      const bad = new Set(
        validateResponse(definition, previous.response.answers, {
          profile: PROFILE,
          mode: 'draft',
          lookupDocument: lookup,
        }).problems.map((p) => p.path.replace(/^answers\./, '')),
      );
      const kept = Object.fromEntries(
        Object.entries(previous.response.answers).filter(([id]) => !bad.has(id)),
      );
      return mergeAnswers(current, kept);
    },
    'safe_assessment.response_saved',
  );
}

/** Submits the response: every visible required question answered, every answer valid (SAFE review). */
export async function submitSafeResponse(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
): Promise<SafeResponse> {
  const { campaign, org } = await loadEditable(ctx.db, actor, campaignId);
  const row = await inTransaction(ctx.db, async (tx) => {
    const existing = await findResponse(tx, campaignId, org);
    refuseSubmitted(existing);
    const definitionId = existing?.definitionId ?? campaign.definitionId;
    const definition = await loadStoredDefinition(tx, definitionId);
    const answers = existing?.answers ?? {};
    assertValidResponse(definition, answers, {
      profile: PROFILE,
      mode: 'submit',
      lookupDocument: await evidenceLookup(tx, org),
    });
    const card = scoreSafeAssessment(answers, { definition }).card;
    const now = new Date();
    const values = {
      status: 'submitted' as const,
      scoreCard: card as unknown as Record<string, unknown>,
      submittedAt: now,
      submittedBy: actor.kind === 'system' ? null : actor.userId,
      updatedAt: now,
      updatedBy: actor.kind === 'system' ? null : actor.userId,
      updatedByName: actor.label,
      contributors: await contributorsAfter(tx, existing, actor, now),
    };
    const [saved] = existing
      ? await tx.update(safeResponses).set(values).where(eq(safeResponses.id, existing.id)).returning()
      : await tx
          .insert(safeResponses)
          .values({ campaignId, organisationId: org, definitionId, answers, ...values })
          .returning();
    await recordChange(tx, actor, {
      action: 'safe_assessment.response_submitted',
      subjectType: 'safe_response',
      subjectId: saved!.id,
      organisationId: org,
      summary: { note: campaign.name, after: { status: 'submitted', overallPercent: card.overall.percent } },
      event: { campaignId, responseId: saved!.id, overallPercent: card.overall.percent },
    });
    await notifyOrganisation(tx, {
      organisationId: campaign.secretariatId,
      type: 'safe_assessment.response_submitted',
      title: { en: 'SAFE assessment response submitted', fr: 'Réponse à l’évaluation SAFE soumise' },
      body: {
        en: `A response to ${campaign.name} was submitted.`,
        fr: `Une réponse à ${campaign.name} a été soumise.`,
      },
      link: safeLinks.campaign(campaign.id),
    });
    return saved!;
  });
  return toResponse(ctx.db, actor, campaign, org, row);
}

/** A response by id: the secretariat that owns the campaign, or the administration that gave it. */
async function loadVisibleResponse(
  db: Conn,
  actor: Actor,
  id: string,
  action: 'safe-response:read' | 'safe-campaigns:manage',
) {
  authorize(actor, action);
  const [found] = await db
    .select({ response: safeResponses, campaign: safeCampaigns })
    .from(safeResponses)
    .innerJoin(safeCampaigns, eq(safeCampaigns.id, safeResponses.campaignId))
    .where(eq(safeResponses.id, id));
  if (!found) throw AppError.notFound('Response');
  if (actor.kind === 'system') return found;
  const visible = isSecretariat(actor)
    ? found.campaign.secretariatId === actor.organisationId
    : found.response.organisationId === actor.organisationId;
  if (!visible) throw AppError.notFound('Response');
  return found;
}

export async function getSafeResponse(ctx: CoreContext, actor: Actor, id: string): Promise<SafeResponse> {
  const { response, campaign } = await loadVisibleResponse(ctx.db, actor, id, 'safe-response:read');
  return toResponse(ctx.db, actor, campaign, response.organisationId, response);
}

/** Responses to a campaign: the secretariat sees every one, an administration only its own. */
export async function listSafeResponses(
  ctx: CoreContext,
  actor: Actor,
  campaignId: string,
): Promise<SafeResponseSummary[]> {
  await loadVisibleCampaign(ctx.db, actor, campaignId, 'safe-response:read');
  const own = isSecretariat(actor) ? null : actorOrg(actor);
  const rows = await ctx.db
    .select({ response: safeResponses, name: organisations.name, country: organisations.country })
    .from(safeResponses)
    .innerJoin(organisations, eq(organisations.id, safeResponses.organisationId))
    .where(
      own
        ? and(eq(safeResponses.campaignId, campaignId), eq(safeResponses.organisationId, own))
        : eq(safeResponses.campaignId, campaignId),
    )
    .orderBy(asc(organisations.country));
  return rows.map(({ response, name, country }) => ({
    id: response.id,
    campaignId,
    organisationId: response.organisationId,
    organisationName: name,
    countryCode: country ?? 'XX',
    status: response.status,
    submittedAt: response.submittedAt?.toISOString() ?? null,
    updatedAt: response.updatedAt.toISOString(),
    overallPercent:
      response.status === 'submitted'
        ? ((response.scoreCard as unknown as SafeScoreCard | null)?.overall.percent ?? null)
        : null,
  }));
}

/** The secretariat returns a submitted response with comments; the administration edits and resubmits. */
export async function returnSafeResponse(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  input: ReturnSafeResponse,
): Promise<SafeResponse> {
  const { response, campaign } = await loadVisibleResponse(ctx.db, actor, id, 'safe-campaigns:manage');
  if (response.status !== 'submitted')
    throw new AppError('INVALID_STATE', 'Only a submitted response can be returned', {
      reason: 'NOT_SUBMITTED',
    });
  const definition = await loadStoredDefinition(ctx.db, response.definitionId);
  const known = indexDefinition(definition).byId;
  const problems = input.comments.flatMap((c, i) =>
    c.questionId && !known.has(c.questionId)
      ? [{ path: `comments.${i}.questionId`, message: `'${c.questionId}' is not a question of this version` }]
      : [],
  );
  if (problems.length > 0) throw AppError.validation(problems);
  const row = await inTransaction(ctx.db, async (tx) => {
    const [updated] = await tx
      .update(safeResponses)
      .set({ status: 'returned', scoreCard: null, updatedAt: new Date(), updatedByName: actor.label })
      .where(and(eq(safeResponses.id, id), eq(safeResponses.status, 'submitted')))
      .returning();
    if (!updated)
      throw new AppError('INVALID_STATE', 'Only a submitted response can be returned', {
        reason: 'NOT_SUBMITTED',
      });
    await tx.insert(safeResponseComments).values(
      input.comments.map((c) => ({
        responseId: id,
        questionId: c.questionId ?? null,
        text: c.text,
        authorId: actor.kind === 'system' ? null : actor.userId,
        authorName: actor.label,
      })),
    );
    await recordChange(tx, actor, {
      action: 'safe_assessment.response_returned',
      subjectType: 'safe_response',
      subjectId: id,
      organisationId: response.organisationId,
      summary: { note: campaign.name, after: { status: 'returned', comments: input.comments.length } },
      event: { campaignId: campaign.id, responseId: id, comments: input.comments.length },
    });
    await notifyOrganisation(tx, {
      organisationId: response.organisationId,
      type: 'safe_assessment.response_returned',
      title: { en: 'SAFE assessment response returned', fr: 'Réponse à l’évaluation SAFE renvoyée' },
      body: {
        en: `The secretariat returned your response to ${campaign.name} with ${input.comments.length} comment(s).`,
        fr: `Le secrétariat a renvoyé votre réponse à ${campaign.name} avec ${input.comments.length} commentaire(s).`,
      },
      link: safeLinks.responseForm(campaign.id),
    });
    return updated;
  });
  return toResponse(ctx.db, actor, campaign, row.organisationId, row);
}

/** A response's score card, scored against the version it was given for (stored at submission). */
async function cardOf(db: Conn, row: ResponseRow): Promise<SafeScoreCard> {
  if (row.status === 'submitted' && row.scoreCard) return row.scoreCard as unknown as SafeScoreCard;
  const definition = await loadStoredDefinition(db, row.definitionId);
  return scoreSafeAssessment(row.answers, { definition }).card;
}

/** Scores, gaps with recommended actions, comparison with the previous cycle and measured facts. */
export async function getSafeResults(ctx: CoreContext, actor: Actor, id: string): Promise<SafeResults> {
  const { response, campaign } = await loadVisibleResponse(ctx.db, actor, id, 'safe-response:read');
  const definition = await loadStoredDefinition(ctx.db, response.definitionId);
  const assessment = scoreSafeAssessment(response.answers, { definition });
  const previous = await previousSubmitted(ctx.db, campaign, response.organisationId);
  let comparison: SafeCycleComparison | null = null;
  if (previous) {
    const compared = compareCycles(await cardOf(ctx.db, previous.response), assessment.card);
    comparison = {
      previousCampaignId: previous.campaign.id,
      previousCampaignName: previous.campaign.name,
      ...compared,
    };
  }
  const org = await findOrganisation(ctx.db, response.organisationId);
  return {
    responseId: response.id,
    campaignId: campaign.id,
    organisationId: response.organisationId,
    status: response.status,
    card: assessment.card,
    gaps: assessment.gaps,
    priorities: assessment.priorities,
    comparison,
    measured: await measuredFacts(ctx.db, {
      administrationId: response.organisationId,
      countryCode: org?.country ?? null,
      periodStart: campaign.periodStart,
    }),
  };
}

/** For exports and reports: a response the actor may read, with its campaign. */
export { loadVisibleResponse };
