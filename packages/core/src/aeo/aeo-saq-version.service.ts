import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { tenantOf } from '../identity/authorization.js';
import type { VersionContext } from '../questionnaire/questionnaire-versions.mapper.js';
import { questionnaireVersions, type Viewer } from '../questionnaire/questionnaire-versions.service.js';
import * as aeoRepo from './aeo.repository.js';
import * as repo from './aeo-saq-version.repository.js';

/**
 * SAQ versions of an administration's AEO programme (SAFE pillar 2: the self-assessment an applicant
 * answers), on the shared questionnaire-version lifecycle. Publishing makes the programme give the
 * version to new applications; applications keep the version they were given.
 */

/**
 * An administration sees the shipped versions and all of its own, drafts included. An operator sees the
 * shipped versions and its supervising administration's published and retired ones: drafts are internal.
 */
async function viewerOf(db: Db | Tx, actor: Actor): Promise<Viewer> {
  const organisationId = tenantOf(actor);
  if (actor.kind !== 'system' && actor.organisationKind === 'economic_operator') {
    const organisation = await aeoRepo.findOrganisation(db, organisationId);
    const administrationId = organisation?.supervisingAdministrationId ?? null;
    return {
      scope: { kind: 'aeo_saq', ownerOrganisationId: administrationId, includeDrafts: false },
      ownerId: administrationId,
      operatorId: organisationId,
    };
  }
  return {
    scope: { kind: 'aeo_saq', ownerOrganisationId: organisationId, includeDrafts: true },
    ownerId: organisationId,
  };
}

async function contextOf(db: Db | Tx, viewer: Viewer): Promise<VersionContext> {
  if (!viewer.ownerId) return { inUseId: null, applicationCounts: new Map() };
  const programme = await aeoRepo.findProgrammeByAdministration(db, viewer.ownerId);
  return {
    inUseId: programme?.saqDefinitionId ?? null,
    applicationCounts: await repo.countApplicationsByVersion(db, {
      administrationId: viewer.ownerId,
      ...(viewer.operatorId ? { operatorId: viewer.operatorId } : {}),
    }),
  };
}

const saqVersions = questionnaireVersions({
  kind: 'aeo_saq',
  what: 'SAQ version',
  auditPrefix: 'aeo.saq_version',
  read: 'aeo-programme:read',
  manage: 'aeo-programme:manage',
  shippedMessage:
    'The shipped SAQ is shared by every administration and cannot be changed; create your own version',
  viewerOf,
  contextOf,
  // Publishing and retiring change what the programme gives out: the programme row is locked first.
  lock: (tx, owner) => repo.lockProgrammeOf(tx, owner),
  async afterPublish(tx, programme, row) {
    if (!programme) throw AppError.notFound('AEO programme');
    // From now on new applications are given this version; existing ones keep theirs.
    await repo.setProgrammeSaq(tx, programme.id, row.id);
    return {
      before: { programmeSaqDefinitionId: programme.saqDefinitionId },
      after: { programmeSaqDefinitionId: row.id },
      event: { programmeId: programme.id },
    };
  },
  checkRetire(programme, row) {
    if (programme?.saqDefinitionId === row.id) {
      throw new AppError(
        'CONFLICT',
        'The programme gives this version to new applications: publish another version first',
      );
    }
  },
});

export const listSaqVersions = saqVersions.list;
export const getSaqVersion = saqVersions.get;
export const createSaqVersion = saqVersions.create;
export const updateSaqVersion = saqVersions.update;
export const publishSaqVersion = saqVersions.publish;
export const retireSaqVersion = saqVersions.retire;
export const deleteSaqVersion = saqVersions.remove;
