import type { QuestionnaireDefinition } from '@aeolus/contracts';
import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import type { Actor } from '../identity/actor.js';
import { tenantOf } from '../identity/authorization.js';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/default-definitions.js';
import { indexDefinition } from '../questionnaire/questionnaire.engine.js';
import { maxScore } from '../questionnaire/questionnaire.scoring.js';
import { ensurePublishedDefinition } from '../questionnaire/questionnaire.store.js';
import type { VersionContext } from '../questionnaire/questionnaire-versions.mapper.js';
import { questionnaireVersions, type Viewer } from '../questionnaire/questionnaire-versions.service.js';
import { SAFE_DIMENSIONS } from './gap-actions.js';
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

/**
 * What scoring needs of a SAFE monitoring questionnaire (scoring.ts): the pillar and standard dimensions,
 * since results, gaps and the radar are reported by pillar and standard; and a SAFE tag on every scored
 * question, or its answer would count in the overall score but never show as a gap anyone could act on.
 */
export function safeDefinitionProblems(
  definition: QuestionnaireDefinition,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const declared = new Set(definition.dimensions.map((d) => d.id));
  for (const required of ['pillar', 'standard']) {
    if (!declared.has(required)) {
      problems.push({
        path: 'dimensions',
        message: `must declare the '${required}' dimension: SAFE results are reported per ${required}`,
      });
    }
  }
  for (const entry of indexDefinition(definition).entries) {
    if (maxScore(entry.question) === null) continue;
    if (!SAFE_DIMENSIONS.some((d) => (entry.tags[d]?.length ?? 0) > 0)) {
      problems.push({
        path: entry.path,
        message: `scored question '${entry.question.id}' needs a tag of one of the SAFE dimensions (${SAFE_DIMENSIONS.join(', ')})`,
      });
    }
  }
  return problems;
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
  checkDefinition: safeDefinitionProblems,
});

export const listSafeQuestionnaireVersions = safeVersions.list;
export const getSafeQuestionnaireVersion = safeVersions.get;
export const createSafeQuestionnaireVersion = safeVersions.create;
export const updateSafeQuestionnaireVersion = safeVersions.update;
export const publishSafeQuestionnaireVersion = safeVersions.publish;
export const retireSafeQuestionnaireVersion = safeVersions.retire;
export const deleteSafeQuestionnaireVersion = safeVersions.remove;
