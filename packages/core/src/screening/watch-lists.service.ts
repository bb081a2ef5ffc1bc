import type {
  CreateWatchList,
  UpdateWatchList,
  WatchList,
  WatchListDetail,
  WatchListSummary,
} from '@aeolus/contracts';
import { checkRuleSet, type Problem, resolveWatchLists } from '@aeolus/risk-engine';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { recordChange } from '../shared/record-change.js';
import { ensurePolicy } from './policy.service.js';
import * as repo from './rule-sets.repository.js';
import { toWatchListDetail, toWatchListSummary } from './screening.mapper.js';
import { definitionOf, toWatchList } from './screening-context.js';

/**
 * Watch lists of the caller's administration, referenced by name from rule sets (see rule-sets.tables.ts for
 * why they are not versioned with them). Every change is checked as a whole: includes must exist and not
 * form a cycle, and the published rule set must still compile with the lists as they would be. A change
 * bumps the administration's watch-list revision, so the next filing screens with it.
 */

export async function listWatchLists(ctx: CoreContext, actor: Actor): Promise<WatchListSummary[]> {
  authorize(actor, 'risk-rules:read');
  return (await repo.listWatchLists(ctx.db, tenantOf(actor))).map(toWatchListSummary);
}

export async function getWatchList(
  ctx: CoreContext,
  actor: Actor,
  input: { name: string },
): Promise<WatchListDetail> {
  authorize(actor, 'risk-rules:read');
  return toWatchListDetail(await getOwnWatchList(ctx, actor, input.name));
}

async function getOwnWatchList(ctx: CoreContext, actor: Actor, name: string): Promise<repo.WatchListRow> {
  const row = await repo.findWatchList(ctx.db, tenantOf(actor), name);
  if (!row) throw AppError.notFound('Watch list');
  return row;
}

/** Checks the administration's lists as they would be after a change (`next`), inside its transaction. */
async function checkLists(tx: Tx, administrationId: string, next: WatchList[]): Promise<void> {
  const problems: Problem[] = [];
  resolveWatchLists(
    next.map((l) => l.name),
    next,
    problems,
  );
  if (problems.length > 0) {
    throw AppError.validation(problems.map((p) => ({ path: 'includes', message: p.message })));
  }
  const published = await repo.findPublishedVersion(tx, administrationId);
  if (!published) return;
  const checked = checkRuleSet(definitionOf(published), next);
  if (!checked.ok) {
    throw new AppError(
      'INVALID_STATE',
      `The published rule set ${published.ruleSetId} v${published.version} would no longer compile: ${checked.problems
        .map((p) => p.message)
        .join('; ')}`,
      { problems: checked.problems },
    );
  }
}

async function change(
  ctx: CoreContext,
  actor: Actor,
  work: (tx: Tx, administrationId: string, lists: repo.WatchListRow[]) => Promise<repo.WatchListRow | null>,
): Promise<repo.WatchListRow | null> {
  const administrationId = tenantOf(actor);
  return inTransaction(ctx.db, async (tx) => {
    // The policy row carries the watch-list revision; its lock serialises list changes and publications.
    await ensurePolicy(tx, administrationId, actor);
    const lists = await repo.listWatchLists(tx, administrationId);
    const row = await work(tx, administrationId, lists);
    await repo.bumpWatchListsRevision(tx, administrationId);
    return row;
  });
}

export async function createWatchList(
  ctx: CoreContext,
  actor: Actor,
  input: CreateWatchList,
): Promise<WatchListDetail> {
  authorize(actor, 'risk-rules:manage');
  const row = await change(ctx, actor, async (tx, administrationId, lists) => {
    if (lists.some((l) => l.name === input.name)) {
      throw new AppError('CONFLICT', `A watch list named ${input.name} already exists`);
    }
    await checkLists(tx, administrationId, [...lists.map(toWatchList), input]);
    const created = await repo.insertWatchList(tx, {
      administrationId,
      name: input.name,
      description: input.description ?? null,
      entries: input.entries,
      includes: input.includes ?? [],
      updatedBy: actor.label,
    });
    await recordChange(tx, actor, {
      action: 'screening.watch_list.created',
      subjectType: 'watch_list',
      subjectId: created.id,
      organisationId: administrationId,
      summary: { after: { name: input.name, entries: input.entries.length, includes: input.includes ?? [] } },
      event: { name: input.name, revision: created.revision },
    });
    return created;
  });
  return toWatchListDetail(row!);
}

export async function updateWatchList(
  ctx: CoreContext,
  actor: Actor,
  input: { name: string } & UpdateWatchList,
): Promise<WatchListDetail> {
  authorize(actor, 'risk-rules:manage');
  const existing = await getOwnWatchList(ctx, actor, input.name);
  const row = await change(ctx, actor, async (tx, administrationId, lists) => {
    const next: WatchList = {
      name: input.name,
      entries: input.entries,
      ...(input.description ? { description: input.description } : {}),
      ...(input.includes ? { includes: input.includes } : {}),
    };
    await checkLists(tx, administrationId, [
      ...lists.filter((l) => l.name !== input.name).map(toWatchList),
      next,
    ]);
    const before = new Set(existing.entries);
    const after = new Set(input.entries);
    const updated = await repo.updateWatchList(tx, existing.id, {
      description: input.description ?? null,
      entries: input.entries,
      includes: input.includes ?? [],
      updatedBy: actor.label,
    });
    await recordChange(tx, actor, {
      action: 'screening.watch_list.updated',
      subjectType: 'watch_list',
      subjectId: existing.id,
      organisationId: administrationId,
      summary: {
        before: { entries: existing.entries.length, includes: existing.includes },
        after: {
          entries: input.entries.length,
          includes: input.includes ?? [],
          added: input.entries.filter((e) => !before.has(e)).slice(0, 50),
          removed: existing.entries.filter((e) => !after.has(e)).slice(0, 50),
        },
      },
      event: { name: input.name, revision: updated.revision },
    });
    return updated;
  });
  return toWatchListDetail(row!);
}

export async function deleteWatchList(
  ctx: CoreContext,
  actor: Actor,
  input: { name: string },
): Promise<void> {
  authorize(actor, 'risk-rules:manage');
  const existing = await getOwnWatchList(ctx, actor, input.name);
  await change(ctx, actor, async (tx, administrationId, lists) => {
    const includedBy = lists.filter((l) => l.includes.includes(input.name)).map((l) => l.name);
    if (includedBy.length > 0) {
      throw new AppError(
        'INVALID_STATE',
        `Watch list ${input.name} is included by ${includedBy.join(', ')}`,
        {
          includedBy,
        },
      );
    }
    await checkLists(tx, administrationId, lists.filter((l) => l.name !== input.name).map(toWatchList));
    await repo.deleteWatchList(tx, existing.id);
    await recordChange(tx, actor, {
      action: 'screening.watch_list.deleted',
      subjectType: 'watch_list',
      subjectId: existing.id,
      organisationId: administrationId,
      summary: { before: { name: existing.name, entries: existing.entries.length } },
      event: { name: existing.name },
    });
    return null;
  });
}
