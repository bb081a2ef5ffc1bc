import type {
  Action,
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
import { recordChange } from '../shared/record-change.js';
import { compareVersions, fingerprintDefinition, validateDefinition } from './questionnaire.definition.js';
import { toVersionDetail, toVersionSummary, type VersionContext } from './questionnaire-versions.mapper.js';
import * as repo from './questionnaire-versions.repository.js';

/**
 * Versions of a questionnaire that an owner (an administration for its AEO SAQ, the secretariat for the
 * SAFE monitoring questionnaire) keeps beside the shipped ones. One lifecycle for every kind: draft
 * (editable) → published (never edited again: whatever pinned it keeps the meaning of its answers) →
 * retired (no longer given out). What differs per kind (who reads, who manages, what "in use" means and
 * what publishing switches over) is a `VersionPolicy`.
 */

export interface Viewer {
  scope: repo.VersionScope;
  /** The owner whose versions the caller works with (none for an unsupervised operator). */
  ownerId: string | null;
  /** Set for an operator: it sees only its own applications' use of a version. */
  operatorId?: string;
}

/** What a kind adds to publishing and retiring; `Lock` is what it locks first (e.g. the AEO programme). */
export interface VersionPolicy<Lock = unknown> {
  kind: repo.DefinitionKind;
  /** The noun in messages, e.g. "SAQ version". */
  what: string;
  /** Audit action prefix, e.g. `aeo.saq_version` → `aeo.saq_version.published`. */
  auditPrefix: string;
  read: Action;
  manage: Action;
  /** Why a shipped version cannot be changed by its reader. */
  shippedMessage: string;
  viewerOf(db: Db | Tx, actor: Actor): Promise<Viewer>;
  contextOf(db: Db | Tx, viewer: Viewer): Promise<VersionContext>;
  /** Before listing: e.g. store the shipped definition so that it appears as published. */
  beforeList?(ctx: CoreContext): Promise<void>;
  /** Locked before the version, so that publish and retire never deadlock. */
  lock(tx: Tx, owner: string): Promise<Lock>;
  /** After a draft became published: switch what the owner gives out; returns audit extras. */
  afterPublish(
    tx: Tx,
    lock: Lock,
    row: repo.DefinitionRow,
  ): Promise<{
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    event?: Record<string, unknown>;
  }>;
  /** Refuses to retire a version still given out (throws). */
  checkRetire(lock: Lock, row: repo.DefinitionRow): void;
  /** What this kind of questionnaire needs beyond the engine's checks (paths under the definition). */
  checkDefinition?(definition: QuestionnaireDefinition): { path: string; message: string }[];
}

/**
 * Runs the questionnaire engine's checks, then the kind's own; every problem is reported at its path under
 * `definition`.
 */
function checkedDefinition(
  input: SaveSaqVersion,
  extra?: VersionPolicy['checkDefinition'],
): QuestionnaireDefinition {
  const result = validateDefinition(input.definition);
  const problems = result.ok ? (extra?.(result.definition) ?? []) : result.problems;
  if (problems.length > 0) {
    throw AppError.validation(
      problems.map((p) => ({
        path: p.path ? `definition.${p.path}` : 'definition',
        message: p.message,
      })),
    );
  }
  return (result as { definition: QuestionnaireDefinition }).definition;
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

/** The version service of one questionnaire kind. */
export function questionnaireVersions<Lock>(policy: VersionPolicy<Lock>) {
  const { what } = policy;
  const action = (verb: string) => `${policy.auditPrefix}.${verb}`;

  async function list(ctx: CoreContext, actor: Actor): Promise<SaqVersionSummary[]> {
    authorize(actor, policy.read);
    await policy.beforeList?.(ctx);
    const viewer = await policy.viewerOf(ctx.db, actor);
    const rows = await repo.listVersions(ctx.db, viewer.scope);
    const context = await policy.contextOf(ctx.db, viewer);
    return rows.map((row) => toVersionSummary(row, context));
  }

  async function get(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<SaqVersionDetail> {
    authorize(actor, policy.read);
    const viewer = await policy.viewerOf(ctx.db, actor);
    // Another owner's version, or a draft an operator may not see, answers like a missing one.
    const row = await repo.findVersion(ctx.db, viewer.scope, input.id);
    if (!row) throw AppError.notFound(what);
    return toVersionDetail(row, await policy.contextOf(ctx.db, viewer));
  }

  /** A change to the owner's versions, in one transaction, answered with the version as it now is. */
  async function change(
    ctx: CoreContext,
    actor: Actor,
    work: (tx: Tx, owner: string) => Promise<repo.DefinitionRow>,
  ): Promise<SaqVersionDetail> {
    authorize(actor, policy.manage);
    const owner = tenantOf(actor);
    return inTransaction(ctx.db, async (tx) => {
      const row = await work(tx, owner);
      return toVersionDetail(row, await policy.contextOf(tx, await policy.viewerOf(tx, actor)));
    });
  }

  /** Loads, locked, a version the owner may change; the shipped ones belong to the platform. */
  async function ownVersionForChange(tx: Tx, owner: string, id: string): Promise<repo.DefinitionRow> {
    const scope = { kind: policy.kind, ownerOrganisationId: owner, includeDrafts: true };
    const row = await repo.findVersion(tx, scope, id, { lock: true });
    if (!row) throw AppError.notFound(what);
    if (row.ownerOrganisationId === null) throw new AppError('CONFLICT', policy.shippedMessage);
    return row;
  }

  async function create(ctx: CoreContext, actor: Actor, input: SaveSaqVersion): Promise<SaqVersionDetail> {
    return change(ctx, actor, async (tx, owner) => {
      const definition = checkedDefinition(input, policy.checkDefinition);
      const version = String(definition.version);
      if (await findSameVersion(tx, owner, definition)) throw duplicate(definition);
      // The unique (key, version) index settles a race between two identical uploads.
      const row = await repo.insertVersion(tx, {
        ...storedValues(owner, definition),
        kind: policy.kind,
        ownerOrganisationId: owner,
        status: 'draft',
      });
      if (!row) throw duplicate(definition);
      await recordChange(tx, actor, {
        action: action('created'),
        subjectType: 'questionnaire_definition',
        subjectId: row.id,
        summary: { after: { definitionId: definition.id, version, fingerprint: row.fingerprint } },
        event: { versionId: row.id, definitionId: definition.id, version, status: 'draft' },
      });
      return row;
    });
  }

  async function update(
    ctx: CoreContext,
    actor: Actor,
    input: SaveSaqVersion & { id: string },
  ): Promise<SaqVersionDetail> {
    return change(ctx, actor, async (tx, owner) => {
      const current = await ownVersionForChange(tx, owner, input.id);
      // Answers are read against the version they were given for: published text never changes.
      if (current.status !== 'draft') {
        throw AppError.invalidState(
          `A ${current.status} version is never edited; create a new version instead`,
          current.status,
        );
      }
      const definition = checkedDefinition(input, policy.checkDefinition);
      const version = String(definition.version);
      if (await findSameVersion(tx, owner, definition, current.id)) throw duplicate(definition);
      const row = await repo.updateVersion(tx, current.id, storedValues(owner, definition));
      await recordChange(tx, actor, {
        action: action('updated'),
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

  async function publish(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<SaqVersionDetail> {
    return change(ctx, actor, async (tx, owner) => {
      const lock = await policy.lock(tx, owner);
      const current = await ownVersionForChange(tx, owner, input.id);
      if (current.status !== 'draft') {
        throw AppError.invalidState(`This version is already ${current.status}`, current.status);
      }
      const row = await repo.updateVersion(tx, current.id, { status: 'published', publishedAt: new Date() });
      const extra = await policy.afterPublish(tx, lock, row);
      await recordChange(tx, actor, {
        action: action('published'),
        subjectType: 'questionnaire_definition',
        subjectId: row.id,
        summary: {
          before: { status: 'draft', ...extra.before },
          after: { status: 'published', version: row.version, fingerprint: row.fingerprint, ...extra.after },
        },
        event: { versionId: row.id, version: row.version, status: 'published', ...extra.event },
      });
      return row;
    });
  }

  async function retire(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<SaqVersionDetail> {
    return change(ctx, actor, async (tx, owner) => {
      const lock = await policy.lock(tx, owner);
      const current = await ownVersionForChange(tx, owner, input.id);
      if (current.status !== 'published') {
        throw AppError.invalidState(
          current.status === 'draft'
            ? 'A draft was never given out: delete it instead of retiring it'
            : 'This version is already retired',
          current.status,
        );
      }
      policy.checkRetire(lock, current);
      const row = await repo.updateVersion(tx, current.id, { status: 'retired' });
      await recordChange(tx, actor, {
        action: action('retired'),
        subjectType: 'questionnaire_definition',
        subjectId: row.id,
        summary: { before: { status: 'published' }, after: { status: 'retired', version: row.version } },
        event: { versionId: row.id, version: row.version, status: 'retired' },
      });
      return row;
    });
  }

  async function remove(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<void> {
    authorize(actor, policy.manage);
    const owner = tenantOf(actor);
    await inTransaction(ctx.db, async (tx) => {
      const current = await ownVersionForChange(tx, owner, input.id);
      // A published version may be pinned; only a draft is referenced by nothing.
      if (current.status !== 'draft') {
        throw AppError.invalidState(
          `A ${current.status} version is kept; only a draft can be deleted`,
          current.status,
        );
      }
      await repo.deleteVersion(tx, current.id);
      await recordChange(tx, actor, {
        action: action('deleted'),
        subjectType: 'questionnaire_definition',
        subjectId: current.id,
        summary: { before: { version: current.version, fingerprint: current.fingerprint } },
        event: { versionId: current.id, version: current.version },
      });
    });
  }

  return { list, get, create, update, publish, retire, remove };
}
