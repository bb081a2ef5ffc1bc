import type {
  RuleSet,
  RuleSetDraft,
  RuleSetVersion,
  RuleSetVersionSummary,
  WatchList,
} from '@aeolus/contracts';
import { checkRuleSet } from '@aeolus/risk-engine';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { type Change, recordChange } from '../shared/record-change.js';
import { ensurePolicy } from './policy.service.js';
import * as repo from './rule-sets.repository.js';
import { toVersion, toVersionSummary } from './screening.mapper.js';
import { definitionOf, toWatchList } from './screening-context.js';

/**
 * Rule-set versions of the caller's administration: draft → published → retired. Drafts are checked by the
 * engine against the administration's current watch lists when they are saved and again when published
 * (unknown fields and operators, values outside code lists, unsafe patterns, missing or cyclic watch lists
 * are 400s naming the JSON path). A published or retired version never changes.
 */

/** Every problem the engine finds, as field problems (400), or the checked rule set. */
function check(definition: RuleSet, lists: readonly WatchList[]): RuleSet {
  const checked = checkRuleSet(definition, lists);
  if (!checked.ok) throw AppError.validation(checked.problems);
  return checked.ruleSet;
}

async function currentLists(ctx: CoreContext, administrationId: string): Promise<WatchList[]> {
  return (await repo.listWatchLists(ctx.db, administrationId)).map(toWatchList);
}

async function getOwnVersion(ctx: CoreContext, actor: Actor, id: string): Promise<repo.RuleSetVersionRow> {
  const row = await repo.findVersion(ctx.db, tenantOf(actor), id);
  if (!row) throw AppError.notFound('Rule-set version');
  return row;
}

/**
 * A manager's change to one of the administration's versions, in one transaction. Another administration's
 * version is a 404 before anything is locked.
 */
async function changeVersion(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  work: (tx: Tx, administrationId: string) => Promise<repo.RuleSetVersionRow>,
): Promise<RuleSetVersion> {
  authorize(actor, 'risk-rules:manage');
  const administrationId = tenantOf(actor);
  await getOwnVersion(ctx, actor, id);
  return toVersion(await inTransaction(ctx.db, (tx) => work(tx, administrationId)));
}

/**
 * Locks a version for a change and refuses (409) one its status does not allow: the status read before the
 * transaction may have changed since.
 */
async function lockVersionFor(
  tx: Tx,
  administrationId: string,
  input: {
    id: string;
    status: repo.RuleSetVersionRow['status'];
    refusal: (version: repo.RuleSetVersionRow) => string;
  },
): Promise<repo.RuleSetVersionRow> {
  const version = await repo.findVersion(tx, administrationId, input.id, { lock: true });
  if (!version) throw AppError.notFound('Rule-set version');
  if (version.status !== input.status) throw AppError.invalidState(input.refusal(version), version.status);
  return version;
}

/** The audit entry and event of a change to a version; the event always names the version. */
async function recordVersionChange(
  tx: Tx,
  actor: Actor,
  version: repo.RuleSetVersionRow,
  change: Pick<Change, 'action' | 'summary'> & { event?: Record<string, unknown> },
): Promise<void> {
  await recordChange(tx, actor, {
    action: change.action,
    subjectType: 'rule_set_version',
    subjectId: version.id,
    organisationId: version.administrationId,
    summary: change.summary,
    event: { versionId: version.id, ruleSetId: version.ruleSetId, version: version.version, ...change.event },
  });
}

export async function listRuleSetVersions(ctx: CoreContext, actor: Actor): Promise<RuleSetVersionSummary[]> {
  authorize(actor, 'risk-rules:read');
  return (await repo.listVersions(ctx.db, tenantOf(actor))).map(toVersionSummary);
}

export async function getRuleSetVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<RuleSetVersion> {
  authorize(actor, 'risk-rules:read');
  return toVersion(await getOwnVersion(ctx, actor, input.id));
}

/** The rule-set file of a version, as imported elsewhere (its version number and status included). */
export async function exportRuleSetVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<RuleSet> {
  authorize(actor, 'risk-rules:read');
  return definitionOf(await getOwnVersion(ctx, actor, input.id));
}

/** A new draft: the next version number of its rule-set id in this administration. */
export async function createRuleSetDraft(
  ctx: CoreContext,
  actor: Actor,
  draft: RuleSetDraft,
): Promise<RuleSetVersion> {
  authorize(actor, 'risk-rules:manage');
  const administrationId = tenantOf(actor);
  const checked = check({ ...draft, version: 1, status: 'draft' }, await currentLists(ctx, administrationId));
  const row = await inTransaction(ctx.db, async (tx) => {
    const version = await repo.nextVersionNumber(tx, administrationId, checked.id);
    const created = await repo.insertVersion(tx, {
      administrationId,
      ruleSetId: checked.id,
      version,
      status: 'draft',
      name: checked.name,
      definition: { ...checked, version, status: 'draft' },
      createdBy: actor.label,
    });
    await recordChange(tx, actor, {
      action: 'screening.rule_set.drafted',
      subjectType: 'rule_set_version',
      subjectId: created.id,
      organisationId: administrationId,
      summary: { after: { ruleSetId: checked.id, version, rules: checked.rules.length } },
      event: { versionId: created.id, ruleSetId: checked.id, version },
    });
    return created;
  });
  return toVersion(row);
}

export async function updateRuleSetDraft(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string; definition: RuleSetDraft },
): Promise<RuleSetVersion> {
  authorize(actor, 'risk-rules:manage');
  const administrationId = tenantOf(actor);
  const existing = await getOwnVersion(ctx, actor, input.id);
  if (input.definition.id !== existing.ruleSetId) {
    throw AppError.validation([
      { path: 'id', message: `must stay "${existing.ruleSetId}"; another id starts a rule set of its own` },
    ]);
  }
  const checked = check(
    { ...input.definition, version: existing.version, status: 'draft' },
    await currentLists(ctx, administrationId),
  );
  const row = await inTransaction(ctx.db, async (tx) => {
    const locked = await lockVersionFor(tx, administrationId, {
      id: existing.id,
      status: 'draft',
      refusal: (version) => `Version ${version.version} is ${version.status}: only drafts change`,
    });
    const updated = await repo.updateVersion(tx, existing.id, {
      name: checked.name,
      definition: checked,
      updatedAt: new Date(),
    });
    await recordVersionChange(tx, actor, locked, {
      action: 'screening.rule_set.updated',
      summary: {
        before: { rules: locked.definition.rules.length },
        after: { rules: checked.rules.length },
      },
    });
    return updated;
  });
  return toVersion(row);
}

/**
 * Publishes a draft: it must compile against the current watch lists; the version published before it is
 * retired in the same transaction, so filings switch from one to the other atomically.
 */
export async function publishRuleSetVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<RuleSetVersion> {
  return changeVersion(ctx, actor, input.id, async (tx, administrationId) => {
    // The policy row lock serialises publications (and list changes) of one administration.
    await ensurePolicy(tx, administrationId, actor);
    const version = await lockVersionFor(tx, administrationId, {
      id: input.id,
      status: 'draft',
      refusal: ({ status, version }) =>
        status === 'published'
          ? `Version ${version} is already published`
          : `Version ${version} is retired; export it and create a new draft to use it again`,
    });
    const lists = (await repo.listWatchLists(tx, administrationId)).map(toWatchList);
    check({ ...definitionOf(version), status: 'draft' }, lists);
    const previous = await repo.findPublishedVersion(tx, administrationId);
    const now = new Date();
    if (previous) {
      await repo.updateVersion(tx, previous.id, {
        status: 'retired',
        retiredAt: now,
        retiredBy: actor.label,
      });
    }
    const published = await repo.updateVersion(tx, version.id, {
      status: 'published',
      publishedAt: now,
      publishedBy: actor.label,
    });
    await recordVersionChange(tx, actor, version, {
      action: 'screening.rule_set.published',
      summary: {
        before: previous ? { published: `${previous.ruleSetId} v${previous.version}` } : { published: null },
        after: { published: `${version.ruleSetId} v${version.version}` },
      },
      event: { retiredVersionId: previous?.id ?? null },
    });
    return published;
  });
}

/** Retires the published version; until another is published, filings are refused (409). */
export async function retireRuleSetVersion(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<RuleSetVersion> {
  return changeVersion(ctx, actor, input.id, async (tx, administrationId) => {
    const version = await lockVersionFor(tx, administrationId, {
      id: input.id,
      status: 'published',
      refusal: ({ status, version }) =>
        status === 'draft'
          ? `Version ${version} is a draft: only the published version is retired`
          : `Version ${version} is already retired`,
    });
    const retired = await repo.updateVersion(tx, version.id, {
      status: 'retired',
      retiredAt: new Date(),
      retiredBy: actor.label,
    });
    await recordVersionChange(tx, actor, version, {
      action: 'screening.rule_set.retired',
      summary: { before: { status: 'published' }, after: { status: 'retired' } },
    });
    return retired;
  });
}
