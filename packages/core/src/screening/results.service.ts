import type {
  RecordOutcome,
  ScreeningOutcome,
  ScreeningResult,
  ScreeningResultPage,
  ScreeningResultsQuery,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { actorId } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { recordChange } from '../shared/record-change.js';
import { toOutcome, toResult, toResultSummary } from './screening.mapper.js';
import * as repo from './screening.repository.js';

/**
 * Screening results of the caller's administration, with their explanations, and the outcomes officers
 * record. Every query is scoped to the administration: another tenant's result is a 404.
 */

export async function listScreeningResults(
  ctx: CoreContext,
  actor: Actor,
  query: ScreeningResultsQuery,
): Promise<ScreeningResultPage> {
  authorize(actor, 'screening-results:read');
  let before: repo.ResultFilter['before'];
  if (query.cursor) {
    const cut = query.cursor.lastIndexOf('_');
    before = { receivedAt: new Date(query.cursor.slice(0, cut)), id: query.cursor.slice(cut + 1) };
    if (Number.isNaN(before.receivedAt.getTime())) {
      throw AppError.validation([{ path: 'cursor', message: 'must be the nextCursor of a previous page' }]);
    }
  }
  if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from)) {
    throw AppError.validation([{ path: 'querystring.to', message: 'must be after from' }]);
  }
  const rows = await repo.listResults(ctx.db, {
    administrationId: tenantOf(actor),
    lane: query.lane,
    mode: query.mode,
    isAeo: query.aeo,
    rule: query.rule,
    referral: query.referral,
    ruleSetVersionId: query.version,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1)?.result;
  return {
    items: page.map(toResultSummary),
    nextCursor: rows.length > query.limit && last ? `${last.receivedAt.toISOString()}_${last.id}` : null,
  };
}

export async function getScreeningResult(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<ScreeningResult> {
  authorize(actor, 'screening-results:read');
  const row = await repo.findResult(ctx.db, tenantOf(actor), input.id);
  if (!row) throw AppError.notFound('Screening result');
  return toResult(row, await repo.listOutcomes(ctx.db, row.result.id));
}

/**
 * Records what the examination of a screened consignment found — the ground truth that backtests and the
 * AEO benefit measurement (examination and hit rates, AEO vs non-AEO) are computed from. Append-only: a
 * correction is a new outcome, and the latest one counts.
 */
export async function recordScreeningOutcome(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string } & RecordOutcome,
): Promise<ScreeningOutcome> {
  authorize(actor, 'screening-outcomes:record');
  const administrationId = tenantOf(actor);
  const found = await repo.findResult(ctx.db, administrationId, input.id);
  if (!found) throw AppError.notFound('Screening result');
  const row = await inTransaction(ctx.db, async (tx) => {
    const outcome = await repo.insertOutcome(tx, {
      resultId: found.result.id,
      administrationId,
      outcome: input.outcome,
      notes: input.notes?.trim() || null,
      officerUserId: actor.kind === 'user' ? actorId(actor) : null,
      officerLabel: actor.label,
    });
    await recordChange(tx, actor, {
      action: 'screening.outcome.recorded',
      subjectType: 'screening_result',
      subjectId: found.result.id,
      organisationId: administrationId,
      summary: { after: { outcome: input.outcome, lane: found.result.lane } },
      event: {
        resultId: found.result.id,
        outcomeId: outcome.id,
        outcome: input.outcome,
        lane: found.result.lane,
        isAeo: found.result.isAeo,
      },
    });
    return outcome;
  });
  return toOutcome(row);
}
