import {
  type CreateSafeCampaign,
  type InviteSafeAdministrations,
  type QuestionnaireDefinition,
  type SafeAdministration,
  type SafeAggregates,
  type SafeCampaign,
  type SafeCampaignProgress,
  type SafeResponseProgressStatus,
  type WcoRegion,
  wcoRegionOf,
} from '@aeolus/contracts';
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { organisations } from '../identity/identity.tables.js';
import { notifyOrganisation } from '../notifications/notifications.service.js';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/default-definitions.js';
import { ensurePublishedDefinition, loadStoredDefinition } from '../questionnaire/questionnaire.store.js';
import { questionnaireDefinitions } from '../questionnaire/questionnaire.tables.js';
import { recordChange } from '../shared/record-change.js';
import { aggregateSafeScores, DEFAULT_MIN_GROUP_SIZE, type MemberScoreCard } from './aggregate.js';
import { safeCampaignInvitations, safeCampaigns, safeResponses } from './safe-assessment.tables.js';
import {
  actorOrg,
  type CampaignRow,
  isSecretariat,
  loadVisibleCampaign,
  safeLinks,
} from './safe-campaign.access.js';
import type { SafeScoreCard } from './scoring.js';

type Conn = Db | Tx;
const DAY = 86_400_000;
/** Reminders go to invited administrations that have not submitted, this many days before the deadline. */
export const SAFE_REMINDER_DAYS = [7, 1] as const;

async function definitionOf(db: Conn, id: string) {
  const [row] = await db
    .select({ key: questionnaireDefinitions.key, version: questionnaireDefinitions.version })
    .from(questionnaireDefinitions)
    .where(eq(questionnaireDefinitions.id, id));
  if (!row) return { key: 'safe-monitoring', version: '?' };
  // A secretariat's own version is stored under `<owner>/<definition id>`: show the definition id.
  return { key: row.key.slice(row.key.lastIndexOf('/') + 1), version: row.version };
}

async function toCampaign(db: Conn, actor: Actor, campaign: CampaignRow): Promise<SafeCampaign> {
  const [definition, [invited], [submitted]] = await Promise.all([
    definitionOf(db, campaign.definitionId),
    db
      .select({ n: count() })
      .from(safeCampaignInvitations)
      .where(eq(safeCampaignInvitations.campaignId, campaign.id)),
    db
      .select({ n: count() })
      .from(safeResponses)
      .where(and(eq(safeResponses.campaignId, campaign.id), eq(safeResponses.status, 'submitted'))),
  ]);
  let myResponseStatus: SafeResponseProgressStatus | null = null;
  const org = actorOrg(actor);
  if (org && !isSecretariat(actor)) {
    const [mine] = await db
      .select({ status: safeResponses.status })
      .from(safeResponses)
      .where(and(eq(safeResponses.campaignId, campaign.id), eq(safeResponses.organisationId, org)));
    myResponseStatus = mine?.status ?? 'not_started';
  }
  return {
    id: campaign.id,
    name: campaign.name,
    periodStart: campaign.periodStart,
    periodEnd: campaign.periodEnd,
    questionnaireId: definition.key,
    questionnaireVersion: definition.version,
    deadline: campaign.deadline.toISOString(),
    status: campaign.status,
    deadlinePassed: campaign.deadline.getTime() <= Date.now(),
    invitedCount: invited?.n ?? 0,
    submittedCount: submitted?.n ?? 0,
    createdAt: campaign.createdAt.toISOString(),
    closedAt: campaign.closedAt?.toISOString() ?? null,
    myResponseStatus,
  };
}

/** Customs administrations the secretariat can invite, with their WCO region. */
export async function listSafeAdministrations(ctx: CoreContext, actor: Actor): Promise<SafeAdministration[]> {
  authorize(actor, 'safe-campaigns:manage');
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(eq(organisations.kind, 'customs_administration'))
    .orderBy(asc(organisations.country), asc(organisations.name));
  return rows
    .filter((r) => r.country)
    .map((r) => ({
      organisationId: r.id,
      name: r.name,
      countryCode: r.country!,
      region: wcoRegionOf(r.country!),
    }));
}

export async function listSafeCampaigns(ctx: CoreContext, actor: Actor): Promise<SafeCampaign[]> {
  authorize(actor, 'safe-campaigns:read');
  const org = tenantOf(actor);
  const rows = isSecretariat(actor)
    ? await ctx.db
        .select()
        .from(safeCampaigns)
        .where(eq(safeCampaigns.secretariatId, org))
        .orderBy(desc(safeCampaigns.createdAt))
    : (
        await ctx.db
          .select({ campaign: safeCampaigns })
          .from(safeCampaigns)
          .innerJoin(safeCampaignInvitations, eq(safeCampaignInvitations.campaignId, safeCampaigns.id))
          .where(eq(safeCampaignInvitations.organisationId, org))
          .orderBy(desc(safeCampaigns.createdAt))
      ).map((r) => r.campaign);
  return Promise.all(rows.map((row) => toCampaign(ctx.db, actor, row)));
}

export async function getSafeCampaign(ctx: CoreContext, actor: Actor, id: string): Promise<SafeCampaign> {
  const campaign = await loadVisibleCampaign(ctx.db, actor, id, 'safe-campaigns:read');
  return toCampaign(ctx.db, actor, campaign);
}

/** Checks that every id names a customs administration; problems name `<path>.<i>`. */
async function checkAdministrations(db: Conn, ids: readonly string[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, [...ids]), eq(organisations.kind, 'customs_administration')));
  const known = new Set(found.map((r) => r.id));
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `${path}.${i}`, message: 'is not a customs administration' });
    else if (ids.indexOf(id) !== i) problems.push({ path: `${path}.${i}`, message: 'is listed twice' });
  });
  if (problems.length > 0) throw AppError.validation(problems);
}

async function invite(tx: Tx, actor: Actor, campaign: CampaignRow, ids: readonly string[]) {
  if (ids.length === 0) return;
  const added = await tx
    .insert(safeCampaignInvitations)
    .values(ids.map((organisationId) => ({ campaignId: campaign.id, organisationId })))
    .onConflictDoNothing()
    .returning({ organisationId: safeCampaignInvitations.organisationId });
  for (const { organisationId } of added) {
    await recordChange(tx, actor, {
      action: 'safe_assessment.invited',
      subjectType: 'safe_campaign',
      subjectId: campaign.id,
      organisationId,
      summary: { note: campaign.name },
      event: { campaignId: campaign.id, name: campaign.name, deadline: campaign.deadline.toISOString() },
    });
    await notifyOrganisation(tx, {
      organisationId,
      type: 'safe_assessment.invited',
      title: {
        en: `SAFE assessment: ${campaign.name}`,
        fr: `Évaluation SAFE : ${campaign.name}`,
      },
      body: {
        en: `Your administration is invited to answer the SAFE monitoring questionnaire by ${campaign.deadline.toISOString().slice(0, 10)}.`,
        fr: `Votre administration est invitée à répondre au questionnaire de suivi SAFE avant le ${campaign.deadline.toISOString().slice(0, 10)}.`,
      },
      link: safeLinks.campaign(campaign.id),
    });
  }
}

/** The pinned questionnaire: the shipped one, or an earlier published SAFE monitoring version by number. */
/**
 * The version a new campaign pins: the shipped one by default, or any published version the secretariat
 * sees (shipped, or its own). Responses are scored against it for good, whatever is published later.
 */
async function pinDefinition(tx: Tx, secretariatId: string, version: string | undefined): Promise<string> {
  const shipped = getSafeMonitoringQuestionnaire();
  if (version === undefined || version === String(shipped.version))
    return ensurePublishedDefinition(tx, shipped, 'safe_monitoring');
  const rows = await tx
    .select({ id: questionnaireDefinitions.id, owner: questionnaireDefinitions.ownerOrganisationId })
    .from(questionnaireDefinitions)
    .where(
      and(
        eq(questionnaireDefinitions.version, version),
        eq(questionnaireDefinitions.kind, 'safe_monitoring'),
        eq(questionnaireDefinitions.status, 'published'),
        or(
          isNull(questionnaireDefinitions.ownerOrganisationId),
          eq(questionnaireDefinitions.ownerOrganisationId, secretariatId),
        ),
      ),
    );
  // The secretariat's own version first, should a shipped one carry the same number.
  const row = rows.find((r) => r.owner === secretariatId) ?? rows[0];
  if (!row)
    throw AppError.validation([
      { path: 'questionnaireVersion', message: `no published version '${version}' of ${shipped.id}` },
    ]);
  return row.id;
}

/** The secretariat opens a review-cycle campaign (SAFE review cycle) and invites administrations. */
export async function createSafeCampaign(
  ctx: CoreContext,
  actor: Actor,
  input: CreateSafeCampaign & { status?: 'open' | 'closed'; secretariatId?: string },
): Promise<SafeCampaign> {
  authorize(actor, 'safe-campaigns:manage');
  const secretariatId = actor.kind === 'system' ? input.secretariatId : tenantOf(actor);
  if (!secretariatId) throw AppError.validation([{ path: 'secretariatId', message: 'is required' }]);
  // The seed (system actor) records a past cycle; people open campaigns that can still be answered.
  if (actor.kind !== 'system' && new Date(input.deadline).getTime() <= Date.now())
    throw AppError.validation([{ path: 'deadline', message: 'must be in the future' }]);
  await checkAdministrations(ctx.db, input.invitedOrganisationIds, 'invitedOrganisationIds');
  const campaign = await inTransaction(ctx.db, async (tx) => {
    const definitionId = await pinDefinition(tx, secretariatId, input.questionnaireVersion);
    const [row] = await tx
      .insert(safeCampaigns)
      .values({
        secretariatId,
        name: input.name,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        definitionId,
        deadline: new Date(input.deadline),
        status: input.status ?? 'open',
        closedAt: input.status === 'closed' ? new Date(input.deadline) : null,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    const created = row!;
    await recordChange(tx, actor, {
      action: 'safe_assessment.campaign_opened',
      subjectType: 'safe_campaign',
      subjectId: created.id,
      organisationId: secretariatId,
      summary: { after: { name: created.name, deadline: created.deadline.toISOString() } },
      event: { campaignId: created.id, name: created.name, deadline: created.deadline.toISOString() },
    });
    await invite(tx, actor, created, input.invitedOrganisationIds);
    return created;
  });
  return toCampaign(ctx.db, actor, campaign);
}

export async function inviteSafeAdministrations(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  input: InviteSafeAdministrations,
): Promise<SafeCampaign> {
  const campaign = await loadVisibleCampaign(ctx.db, actor, id, 'safe-campaigns:manage', {
    administrations: false,
  });
  if (campaign.status !== 'open')
    throw new AppError('INVALID_STATE', 'The campaign is closed', { reason: 'CAMPAIGN_CLOSED' });
  await checkAdministrations(ctx.db, input.organisationIds, 'organisationIds');
  await inTransaction(ctx.db, (tx) => invite(tx, actor, campaign, input.organisationIds));
  return toCampaign(ctx.db, actor, campaign);
}

export async function closeSafeCampaign(ctx: CoreContext, actor: Actor, id: string): Promise<SafeCampaign> {
  const campaign = await loadVisibleCampaign(ctx.db, actor, id, 'safe-campaigns:manage', {
    administrations: false,
  });
  if (campaign.status !== 'open')
    throw new AppError('INVALID_STATE', 'The campaign is already closed', { reason: 'CAMPAIGN_CLOSED' });
  const closed = await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .update(safeCampaigns)
      .set({ status: 'closed', closedAt: new Date() })
      .where(and(eq(safeCampaigns.id, id), eq(safeCampaigns.status, 'open')))
      .returning();
    if (!row)
      throw new AppError('INVALID_STATE', 'The campaign is already closed', { reason: 'CAMPAIGN_CLOSED' });
    await recordChange(tx, actor, {
      action: 'safe_assessment.campaign_closed',
      subjectType: 'safe_campaign',
      subjectId: id,
      organisationId: campaign.secretariatId,
      summary: { note: campaign.name },
      event: { campaignId: id },
    });
    return row;
  });
  return toCampaign(ctx.db, actor, closed);
}

/** Who has submitted, who is drafting, who has not started. */
export async function getSafeCampaignProgress(
  ctx: CoreContext,
  actor: Actor,
  id: string,
): Promise<SafeCampaignProgress> {
  await loadVisibleCampaign(ctx.db, actor, id, 'safe-campaigns:manage', { administrations: false });
  const rows = await ctx.db
    .select({
      organisationId: safeCampaignInvitations.organisationId,
      name: organisations.name,
      country: organisations.country,
      responseId: safeResponses.id,
      status: safeResponses.status,
      submittedAt: safeResponses.submittedAt,
      updatedAt: safeResponses.updatedAt,
    })
    .from(safeCampaignInvitations)
    .innerJoin(organisations, eq(organisations.id, safeCampaignInvitations.organisationId))
    .leftJoin(
      safeResponses,
      and(
        eq(safeResponses.campaignId, safeCampaignInvitations.campaignId),
        eq(safeResponses.organisationId, safeCampaignInvitations.organisationId),
      ),
    )
    .where(eq(safeCampaignInvitations.campaignId, id))
    .orderBy(asc(organisations.country), asc(organisations.name));
  const counts: Record<SafeResponseProgressStatus, number> = {
    not_started: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
  };
  const items = rows.map((r) => {
    const status: SafeResponseProgressStatus = r.status ?? 'not_started';
    counts[status] += 1;
    return {
      organisationId: r.organisationId,
      organisationName: r.name,
      countryCode: r.country ?? 'XX',
      region: r.country ? wcoRegionOf(r.country) : null,
      status,
      responseId: r.responseId,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt?.toISOString() ?? null,
    };
  });
  return { campaignId: id, counts, items };
}

/** Submitted score cards of a campaign, with each member's region (what aggregates and exports read). */
export async function submittedCards(db: Conn, campaignId: string): Promise<MemberScoreCard[]> {
  const rows = await db
    .select({
      organisationId: safeResponses.organisationId,
      card: safeResponses.scoreCard,
      country: organisations.country,
    })
    .from(safeResponses)
    .innerJoin(organisations, eq(organisations.id, safeResponses.organisationId))
    .where(and(eq(safeResponses.campaignId, campaignId), eq(safeResponses.status, 'submitted')));
  return rows
    .filter((r) => r.card)
    .map((r) => ({
      memberId: r.organisationId,
      region: (r.country && wcoRegionOf(r.country)) || 'unassigned',
      card: r.card as unknown as SafeScoreCard,
    }));
}

/**
 * Global and regional aggregates of submitted responses. No group below the minimum size is shown
 * (SAFE review confidentiality: no member can be singled out); asking for such a region is refused.
 */
export async function getSafeAggregates(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  query: { region?: WcoRegion },
): Promise<SafeAggregates> {
  await loadVisibleCampaign(ctx.db, actor, id, 'safe-campaigns:manage', { administrations: false });
  const members = await submittedCards(ctx.db, id);
  const aggregates = aggregateSafeScores(members, { minGroupSize: DEFAULT_MIN_GROUP_SIZE });
  if (query.region) {
    const region = aggregates.regions.find((r) => r.group === query.region);
    if (!region) {
      const size = members.filter((m) => m.region === query.region).length;
      throw new AppError(
        'UNPROCESSABLE',
        `Region '${query.region}' has ${size < DEFAULT_MIN_GROUP_SIZE ? `fewer than ${DEFAULT_MIN_GROUP_SIZE}` : 'too few separable'} submitted members: its aggregate is withheld`,
        { reason: 'GROUP_TOO_SMALL', minGroupSize: DEFAULT_MIN_GROUP_SIZE },
      );
    }
    return { campaignId: id, ...aggregates, regions: [region] };
  }
  return { campaignId: id, ...aggregates };
}

/**
 * Deadline reminders (events + notifications) to invited administrations that have not submitted:
 * 7 days and 1 day before the deadline, each sent once (remembered on the invitation). Run periodically
 * by the server; idempotent, so running it twice sends nothing new.
 */
export async function sendSafeDeadlineReminders(
  ctx: CoreContext,
  actor: Actor,
  now: Date = new Date(),
): Promise<number> {
  const horizon = new Date(now.getTime() + Math.max(...SAFE_REMINDER_DAYS) * DAY);
  const due = await ctx.db
    .select({ campaign: safeCampaigns, invitation: safeCampaignInvitations, status: safeResponses.status })
    .from(safeCampaigns)
    .innerJoin(safeCampaignInvitations, eq(safeCampaignInvitations.campaignId, safeCampaigns.id))
    .leftJoin(
      safeResponses,
      and(
        eq(safeResponses.campaignId, safeCampaigns.id),
        eq(safeResponses.organisationId, safeCampaignInvitations.organisationId),
      ),
    )
    .where(
      and(
        eq(safeCampaigns.status, 'open'),
        gt(safeCampaigns.deadline, now),
        lte(safeCampaigns.deadline, horizon),
      ),
    );
  let sent = 0;
  for (const { campaign, invitation, status } of due) {
    if (status === 'submitted') continue;
    const daysLeft = (campaign.deadline.getTime() - now.getTime()) / DAY;
    const reached = SAFE_REMINDER_DAYS.filter((d) => daysLeft <= d);
    const fresh = reached.filter((d) => !invitation.remindedDays.includes(d));
    if (fresh.length === 0) continue;
    // Only the nearest reminder is sent when several are due at once (e.g. invited 2 days before).
    const days = Math.min(...fresh);
    const didSend = await inTransaction(ctx.db, async (tx) => {
      const [claimed] = await tx
        .update(safeCampaignInvitations)
        .set({
          remindedDays: sql`array_cat(${safeCampaignInvitations.remindedDays}, ${`{${fresh.join(',')}}`}::integer[])`,
        })
        .where(
          and(
            eq(safeCampaignInvitations.campaignId, campaign.id),
            eq(safeCampaignInvitations.organisationId, invitation.organisationId),
            sql`not (${safeCampaignInvitations.remindedDays} && ${`{${fresh.join(',')}}`}::integer[])`,
          ),
        )
        .returning({ id: safeCampaignInvitations.campaignId });
      if (!claimed) return false;
      const when = campaign.deadline.toISOString().slice(0, 10);
      await recordChange(tx, actor, {
        action: 'safe_assessment.deadline_reminder',
        subjectType: 'safe_campaign',
        subjectId: campaign.id,
        organisationId: invitation.organisationId,
        summary: { note: `${campaign.name}: ${days} day(s) before the deadline` },
        event: { campaignId: campaign.id, deadline: campaign.deadline.toISOString(), daysBefore: days },
      });
      await notifyOrganisation(tx, {
        organisationId: invitation.organisationId,
        type: 'safe_assessment.deadline_reminder',
        title: {
          en: `SAFE assessment due ${days === 1 ? 'tomorrow' : `in ${days} days`}`,
          fr: `Évaluation SAFE à rendre ${days === 1 ? 'demain' : `dans ${days} jours`}`,
        },
        body: {
          en: `${campaign.name}: your response has not been submitted yet (deadline ${when}).`,
          fr: `${campaign.name} : votre réponse n'a pas encore été soumise (date limite ${when}).`,
        },
        link: safeLinks.campaign(campaign.id),
      });
      return true;
    });
    if (didSend) sent += 1;
  }
  return sent;
}

/** The questionnaire version a campaign pinned: what its form renders and its answers are checked against. */
export async function getSafeCampaignQuestionnaire(
  ctx: CoreContext,
  actor: Actor,
  id: string,
): Promise<QuestionnaireDefinition> {
  const campaign = await loadVisibleCampaign(ctx.db, actor, id, 'safe-campaigns:read');
  return loadStoredDefinition(ctx.db, campaign.definitionId);
}
