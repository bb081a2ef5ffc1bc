import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import type { Actor } from '../identity/actor.js';
import { tenantOf } from '../identity/authorization.js';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/default-definitions.js';
import { ensurePublishedDefinition } from '../questionnaire/questionnaire.store.js';
import type { VersionContext } from '../questionnaire/questionnaire-versions.mapper.js';
import { questionnaireVersions, type Viewer } from '../questionnaire/questionnaire-versions.service.js';
import { safeCampaigns } from './safe-assessment.tables.js';

/**
 * Versions of the SAFE monitoring questionnaire a secretariat keeps (issue 5: definitions editable by the
 * secretariat), on the shared questionnaire-version lifecycle. A campaign pins one published version when
 * it opens; every response to it is scored against that version, whatever is published later, so
 * publishing switches nothing over and a retired version stays readable for the campaigns that pinned it.
 */

async function viewerOf(_db: Db | Tx, actor: Actor): Promise<Viewer> {
  const owner = tenantOf(actor);
  return {
    scope: { kind: 'safe_monitoring', ownerOrganisationId: owner, includeDrafts: true },
    ownerId: owner,
  };
}

/** Campaigns of this secretariat per pinned version. */
async function contextOf(db: Db | Tx, viewer: Viewer): Promise<VersionContext> {
  if (!viewer.ownerId) return { inUseId: null, applicationCounts: new Map() };
  const rows = await db
    .select({ id: safeCampaigns.definitionId, n: count() })
    .from(safeCampaigns)
    .where(eq(safeCampaigns.secretariatId, viewer.ownerId))
    .groupBy(safeCampaigns.definitionId);
  return { inUseId: null, applicationCounts: new Map(rows.map((r) => [r.id, Number(r.n)])) };
}

const safeVersions = questionnaireVersions<null>({
  kind: 'safe_monitoring',
  what: 'Questionnaire version',
  auditPrefix: 'safe_assessment.questionnaire_version',
  read: 'safe-campaigns:manage',
  manage: 'safe-campaigns:manage',
  shippedMessage:
    'The shipped SAFE monitoring questionnaire belongs to the platform and cannot be changed; create your own version',
  viewerOf,
  contextOf,
  // The shipped version is stored on first use; listing stores it so that it appears as published.
  beforeList: (ctx) =>
    inTransaction(ctx.db, async (tx) => {
      await ensurePublishedDefinition(tx, getSafeMonitoringQuestionnaire(), 'safe_monitoring');
    }),
  lock: async () => null,
  afterPublish: async () => ({}),
  checkRetire: () => {},
});

export const listSafeQuestionnaireVersions = safeVersions.list;
export const getSafeQuestionnaireVersion = safeVersions.get;
export const createSafeQuestionnaireVersion = safeVersions.create;
export const updateSafeQuestionnaireVersion = safeVersions.update;
export const publishSafeQuestionnaireVersion = safeVersions.publish;
export const retireSafeQuestionnaireVersion = safeVersions.retire;
export const deleteSafeQuestionnaireVersion = safeVersions.remove;
