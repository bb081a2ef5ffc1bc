import type {
  QuestionnaireDefinition,
  SaqVersionDetail,
  SaqVersionSummary,
  SaveSaqVersion,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import {
  compareVersions,
  fingerprintDefinition,
  validateDefinition,
} from '../questionnaire/questionnaire.definition.js';
import { recordChange } from '../shared/record-change.js';
import * as aeoRepo from './aeo.repository.js';
import { toSaqVersionDetail, toSaqVersionSummary, type VersionContext } from './aeo-saq-version.mapper.js';
import * as repo from './aeo-saq-version.repository.js';

/**
 * SAQ versions of an administration's AEO programme (SAFE pillar 2: the self-assessment an applicant
 * answers). Lifecycle: draft (editable) → published (the programme gives it to new applications; never
 * edited again) → retired (no longer given out). Applications keep the version they were given.
 */

const WHAT = 'SAQ version';

interface Viewer {
  scope: repo.VersionScope;
  /** The administration whose programme the caller works with (none for an unsupervised operator). */
  administrationId: string | null;
  /** Set for an operator: it sees only its own applications' use of a version. */
  operatorId?: string;
}

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
      scope: { ownerOrganisationId: administrationId, includeDrafts: false },
      administrationId,
      operatorId: organisationId,
    };
  }
  return {
    scope: { ownerOrganisationId: organisationId, includeDrafts: true },
    administrationId: organisationId,
  };
}

async function contextOf(db: Db | Tx, viewer: Viewer): Promise<VersionContext> {
  if (!viewer.administrationId) return { inUseId: null, applicationCounts: new Map() };
  const programme = await aeoRepo.findProgrammeByAdministration(db, viewer.administrationId);
  return {
    inUseId: programme?.saqDefinitionId ?? null,
    applicationCounts: await repo.countApplicationsByVersion(db, {
      administrationId: viewer.administrationId,
      ...(viewer.operatorId ? { operatorId: viewer.operatorId } : {}),
    }),
  };
}

export async function listSaqVersions(ctx: CoreContext, actor: Actor): Promise<SaqVersionSummary[]> {
  authorize(actor, 'aeo-programme:read');
  const viewer = await viewerOf(ctx.db, actor);
  const rows = await repo.listVersions(ctx.db, viewer.scope);
  const context = await contextOf(ctx.db, viewer);
  return rows.map((row) => toSaqVersionSummary(row, context));
}

export async function getSaqVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<SaqVersionDetail> {
  authorize(actor, 'aeo-programme:read');
  const viewer = await viewerOf(ctx.db, actor);
  // Another administration's version, or a draft an operator may not see, answers like a missing one.
  const row = await repo.findVersion(ctx.db, viewer.scope, input.id);
  if (!row) throw AppError.notFound(WHAT);
  return toSaqVersionDetail(row, await contextOf(ctx.db, viewer));
}

/** Runs the questionnaire engine's checks; every problem is reported at its path under `definition`. */
function checkedDefinition(input: SaveSaqVersion): QuestionnaireDefinition {
  const result = validateDefinition(input.definition);
  if (!result.ok) {
    throw AppError.validation(
      result.problems.map((p) => ({
        path: p.path ? `definition.${p.path}` : 'definition',
        message: p.message,
      })),
    );
  }
  return result.definition;
}

const duplicate = (definition: QuestionnaireDefinition) =>
  new AppError(
    'CONFLICT',
    `Version ${definition.version} of '${definition.id}' already exists; give the new one another version`,
    { problems: [{ path: 'definition.version', message: 'already exists' }] },
  );

/**
 * Another version the owner sees with the same number: `2` and `2.0.0` are the same version (the engine
 * orders an integer n as n.0.0), so both cannot exist side by side.
 */
async function findSameVersion(tx: Tx, owner: string, definition: QuestionnaireDefinition, except?: string) {
  const rows = await repo.listVersionsOfDefinition(tx, owner, definition.id);
  return rows.find(
    (row) =>
      row.id !== except &&
      compareVersions(/^\d+$/.test(row.version) ? Number(row.version) : row.version, definition.version) ===
        0,
  );
}

function storedValues(owner: string, definition: QuestionnaireDefinition) {
  return {
    key: repo.storageKey(owner, definition.id),
    version: String(definition.version),
    definition: definition as unknown as Record<string, unknown>,
    fingerprint: fingerprintDefinition(definition),
  };
}

/** A change to the administration's SAQ versions, in one transaction, answered with the version as it now is. */
async function changeSaqVersions(
  ctx: CoreContext,
  actor: Actor,
  work: (tx: Tx, owner: string) => Promise<repo.DefinitionRow>,
): Promise<SaqVersionDetail> {
  authorize(actor, 'aeo-programme:manage');
  const owner = tenantOf(actor);
  return inTransaction(ctx.db, async (tx) => {
    const row = await work(tx, owner);
    return toSaqVersionDetail(row, await contextOf(tx, await viewerOf(tx, actor)));
  });
}

export async function createSaqVersion(
  ctx: CoreContext,
  actor: Actor,
  input: SaveSaqVersion,
): Promise<SaqVersionDetail> {
  return changeSaqVersions(ctx, actor, async (tx, owner) => {
    const definition = checkedDefinition(input);
    const version = String(definition.version);
    if (await findSameVersion(tx, owner, definition)) throw duplicate(definition);
    // The unique (key, version) index settles a race between two identical uploads.
    const row = await repo.insertVersion(tx, {
      ...storedValues(owner, definition),
      kind: 'aeo_saq',
      ownerOrganisationId: owner,
      status: 'draft',
    });
    if (!row) throw duplicate(definition);
    await recordChange(tx, actor, {
      action: 'aeo.saq_version.created',
      subjectType: 'questionnaire_definition',
      subjectId: row.id,
      summary: { after: { definitionId: definition.id, version, fingerprint: row.fingerprint } },
      event: { versionId: row.id, definitionId: definition.id, version, status: 'draft' },
    });
    return row;
  });
}

/** Loads, locked, a version the administration may change; the shipped ones belong to the platform. */
async function ownVersionForChange(tx: Tx, owner: string, id: string): Promise<repo.DefinitionRow> {
  const row = await repo.findVersion(tx, { ownerOrganisationId: owner, includeDrafts: true }, id, {
    lock: true,
  });
  if (!row) throw AppError.notFound(WHAT);
  if (row.ownerOrganisationId === null) {
    throw new AppError(
      'CONFLICT',
      'The shipped SAQ is shared by every administration and cannot be changed; create your own version',
    );
  }
  return row;
}

/**
 * Publishing and retiring change what the programme gives out: they lock the programme first, then the
 * version, in the same order, so the two never deadlock.
 */
async function lockProgrammeAndVersion(tx: Tx, owner: string, id: string) {
  const programme = await repo.lockProgrammeOf(tx, owner);
  const current = await ownVersionForChange(tx, owner, id);
  return { programme, current };
}

export async function updateSaqVersion(
  ctx: CoreContext,
  actor: Actor,
  input: SaveSaqVersion & { id: string },
): Promise<SaqVersionDetail> {
  return changeSaqVersions(ctx, actor, async (tx, owner) => {
    const current = await ownVersionForChange(tx, owner, input.id);
    // An application's answers are read against the version it was given: published text never changes.
    if (current.status !== 'draft') {
      throw AppError.invalidState(
        `A ${current.status} version is never edited; create a new version instead`,
        current.status,
      );
    }
    const definition = checkedDefinition(input);
    const version = String(definition.version);
    if (await findSameVersion(tx, owner, definition, current.id)) throw duplicate(definition);
    const row = await repo.updateVersion(tx, current.id, storedValues(owner, definition));
    await recordChange(tx, actor, {
      action: 'aeo.saq_version.updated',
      subjectType: 'questionnaire_definition',
      subjectId: row.id,
      summary: {
        before: { version: current.version, fingerprint: current.fingerprint },
        after: { definitionId: definition.id, version, fingerprint: row.fingerprint },
      },
      event: { versionId: row.id, definitionId: definition.id, version, status: 'draft' },
    });
    return row;
  });
}

export async function publishSaqVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<SaqVersionDetail> {
  return changeSaqVersions(ctx, actor, async (tx, owner) => {
    const { programme, current } = await lockProgrammeAndVersion(tx, owner, input.id);
    if (!programme) throw AppError.notFound('AEO programme');
    if (current.status !== 'draft') {
      throw AppError.invalidState(`This version is already ${current.status}`, current.status);
    }
    const row = await repo.updateVersion(tx, current.id, { status: 'published', publishedAt: new Date() });
    // From now on new applications are given this version; existing ones keep theirs.
    await repo.setProgrammeSaq(tx, programme.id, row.id);
    await recordChange(tx, actor, {
      action: 'aeo.saq_version.published',
      subjectType: 'questionnaire_definition',
      subjectId: row.id,
      summary: {
        before: { programmeSaqDefinitionId: programme.saqDefinitionId },
        after: { programmeSaqDefinitionId: row.id, version: row.version, fingerprint: row.fingerprint },
      },
      event: { versionId: row.id, programmeId: programme.id, version: row.version, status: 'published' },
    });
    return row;
  });
}

export async function retireSaqVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<SaqVersionDetail> {
  return changeSaqVersions(ctx, actor, async (tx, owner) => {
    const { programme, current } = await lockProgrammeAndVersion(tx, owner, input.id);
    if (current.status !== 'published') {
      throw AppError.invalidState(
        current.status === 'draft'
          ? 'A draft was never given out: delete it instead of retiring it'
          : 'This version is already retired',
        current.status,
      );
    }
    if (programme?.saqDefinitionId === current.id) {
      throw new AppError(
        'CONFLICT',
        'The programme gives this version to new applications: publish another version first',
      );
    }
    const row = await repo.updateVersion(tx, current.id, { status: 'retired' });
    await recordChange(tx, actor, {
      action: 'aeo.saq_version.retired',
      subjectType: 'questionnaire_definition',
      subjectId: row.id,
      summary: { before: { status: 'published' }, after: { status: 'retired', version: row.version } },
      event: { versionId: row.id, version: row.version, status: 'retired' },
    });
    return row;
  });
}

export async function deleteSaqVersion(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<void> {
  authorize(actor, 'aeo-programme:manage');
  const owner = tenantOf(actor);
  await inTransaction(ctx.db, async (tx) => {
    const current = await ownVersionForChange(tx, owner, input.id);
    // A published version may be pinned by applications; only a draft is referenced by nothing.
    if (current.status !== 'draft') {
      throw AppError.invalidState(
        `A ${current.status} version is kept; only a draft can be deleted`,
        current.status,
      );
    }
    await repo.deleteVersion(tx, current.id);
    await recordChange(tx, actor, {
      action: 'aeo.saq_version.deleted',
      subjectType: 'questionnaire_definition',
      subjectId: current.id,
      summary: { before: { version: current.version, fingerprint: current.fingerprint } },
      event: { versionId: current.id, version: current.version },
    });
  });
}
