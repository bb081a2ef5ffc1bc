import type { Action } from '@aeolus/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize } from '../identity/authorization.js';
import { organisations } from '../identity/identity.tables.js';
import { safeCampaignInvitations, safeCampaigns } from './safe-assessment.tables.js';

/**
 * Who sees what in the SAFE assessment. Tenants are walls: the secretariat that opened a campaign sees
 * every response to it; an administration sees a campaign only when invited, and only its own response.
 * Anything outside one's view answers 404 exactly like an id that does not exist.
 */
export type CampaignRow = typeof safeCampaigns.$inferSelect;
type Conn = Db | Tx;

/**
 * Where a SAFE notification opens in the web app (the monitoring area, `/safe/monitoring/...`): the
 * campaign page for invitations, reminders and submissions; the response form when a response comes back
 * with the secretariat's comments, so the administration lands where it can act on them.
 */
export const safeLinks = {
  campaign: (campaignId: string) => `/safe/monitoring/campaigns/${campaignId}`,
  responseForm: (campaignId: string) => `/safe/monitoring/campaigns/${campaignId}/response`,
};

export function isSecretariat(actor: Actor): boolean {
  return actor.kind === 'system' || actor.organisationKind === 'secretariat';
}

export function actorOrg(actor: Actor): string | null {
  return actor.kind === 'system' ? null : actor.organisationId;
}

export async function findInvitation(db: Conn, campaignId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(safeCampaignInvitations)
    .where(
      and(
        eq(safeCampaignInvitations.campaignId, campaignId),
        eq(safeCampaignInvitations.organisationId, organisationId),
      ),
    );
  return row;
}

/**
 * Loads a campaign the actor may see for `action`: the secretariat that owns it, or an invited
 * administration (only when `administrations` is true). Role first (403), then visibility (404).
 */
export async function loadVisibleCampaign(
  db: Conn,
  actor: Actor,
  id: string,
  action: Action,
  options: { administrations: boolean } = { administrations: true },
): Promise<CampaignRow> {
  authorize(actor, action);
  const [campaign] = await db.select().from(safeCampaigns).where(eq(safeCampaigns.id, id));
  if (!campaign) throw AppError.notFound('Campaign');
  if (actor.kind === 'system') return campaign;
  if (isSecretariat(actor)) {
    if (campaign.secretariatId === actor.organisationId) return campaign;
    throw AppError.notFound('Campaign');
  }
  if (options.administrations && (await findInvitation(db, id, actor.organisationId))) return campaign;
  throw AppError.notFound('Campaign');
}

export async function findOrganisation(db: Conn, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}
