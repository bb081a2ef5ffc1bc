import {
  AEO_VALIDATION_WORK_STATES,
  type AeoApplicationDetail,
  type AeoValidationPlan,
  type CloseAeoMonitoringReview,
  type CreateAeoCorrectiveAction,
  type RecordAeoChecklist,
} from '@aeolus/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import * as repo from './aeo.repository.js';
import { aeoChecklistItems, aeoCorrectiveActions, aeoMonitoringReports } from './aeo.tables.js';
import { getApplication } from './aeo-application.service.js';
import { applyStep, loadCase } from './aeo-case.js';

/**
 * Validation work that is not a workflow step (WCO Validator Guide: preparation, on-site, reporting):
 * the risk-based plan, checklist results per criterion, corrective-action requests, and closing the
 * review a holder's change report opened. Each is logged on the case like every other action.
 */

// The states each kind of work is accepted in live in the contracts, so the web app offers the same.
const PLANNING = AEO_VALIDATION_WORK_STATES.plan_validation;
const EXAMINING = AEO_VALIDATION_WORK_STATES.record_checklist;
const CORRECTING = AEO_VALIDATION_WORK_STATES.request_corrective_action;

function requireState(application: repo.ApplicationRow, states: readonly string[], what: string): void {
  if (!states.includes(application.status)) {
    throw new AppError(
      'INVALID_STATE',
      `Cannot ${what} while the application is ${application.status.replaceAll('_', ' ')}`,
      {
        state: application.status,
        allowedStates: states,
      },
    );
  }
}

async function checkCriteria(tx: Tx, application: repo.ApplicationRow, ids: { path: string; id: string }[]) {
  const known = new Set((await repo.listCriteria(tx, application.programmeId)).map((c) => c.id));
  const problems: FieldProblem[] = ids
    .filter((c) => !known.has(c.id))
    .map((c) => ({ path: c.path, message: 'is not a criterion of this programme' }));
  if (problems.length > 0) throw AppError.validation(problems);
}

async function withCase(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  work: (tx: Tx, application: repo.ApplicationRow) => Promise<void>,
): Promise<AeoApplicationDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await loadCase(tx, actor, {
      id,
      permission: 'aeo-application:validate',
      side: 'administration',
    });
    await work(tx, (await repo.lockApplication(tx, found.id))!);
  });
  return getApplication(ctx, actor, { id });
}

/** The risk-based validation plan: which criteria are examined on site, and why. */
export function setValidationPlan(ctx: CoreContext, actor: Actor, input: AeoValidationPlan & { id: string }) {
  return withCase(ctx, actor, input.id, async (tx, application) => {
    requireState(application, PLANNING, 'change the validation plan');
    await checkCriteria(
      tx,
      application,
      input.items.map((item, i) => ({ path: `items.${i}.criterionId`, id: item.criterionId })),
    );
    const missingReason = input.items.flatMap((item, i) =>
      item.onSite && !item.reason
        ? [{ path: `items.${i}.reason`, message: 'say why it is examined on site' }]
        : [],
    );
    if (missingReason.length > 0) throw AppError.validation(missingReason);
    for (const item of input.items) {
      const values = { onSite: item.onSite, planReason: item.reason ?? null };
      await tx
        .insert(aeoChecklistItems)
        .values({ applicationId: application.id, criterionId: item.criterionId, ...values })
        .onConflictDoUpdate({
          target: [aeoChecklistItems.applicationId, aeoChecklistItems.criterionId],
          set: values,
        });
    }
    await applyStep(tx, actor, application, {
      type: 'plan_validation',
      side: 'administration',
      payload: { items: input.items },
      summary: 'The validation plan was set.',
    });
  });
}

export function recordChecklist(ctx: CoreContext, actor: Actor, input: RecordAeoChecklist & { id: string }) {
  return withCase(ctx, actor, input.id, async (tx, application) => {
    requireState(application, EXAMINING, 'record checklist results');
    await checkCriteria(
      tx,
      application,
      input.results.map((r, i) => ({ path: `results.${i}.criterionId`, id: r.criterionId })),
    );
    const now = new Date();
    const recordedBy = actor.kind === 'system' ? null : actor.userId;
    for (const result of input.results) {
      const values = {
        result: result.result,
        notes: result.notes ?? null,
        documentIds: result.documentIds ?? [],
        recordedBy,
        recordedAt: now,
      };
      await tx
        .insert(aeoChecklistItems)
        .values({ applicationId: application.id, criterionId: result.criterionId, ...values })
        .onConflictDoUpdate({
          target: [aeoChecklistItems.applicationId, aeoChecklistItems.criterionId],
          set: values,
        });
    }
    await applyStep(tx, actor, application, {
      type: 'record_checklist',
      side: 'administration',
      payload: { results: input.results.map((r) => ({ criterionId: r.criterionId, result: r.result })) },
      summary: 'Checklist results were recorded.',
    });
  });
}

export function requestCorrectiveAction(
  ctx: CoreContext,
  actor: Actor,
  input: CreateAeoCorrectiveAction & { id: string },
) {
  return withCase(ctx, actor, input.id, async (tx, application) => {
    requireState(application, CORRECTING, 'request corrective action');
    if (input.criterionId) {
      await checkCriteria(tx, application, [{ path: 'criterionId', id: input.criterionId }]);
    }
    const today = new Date().toISOString().slice(0, 10);
    if (input.dueOn < today)
      throw AppError.validation([{ path: 'dueOn', message: 'must not be in the past' }]);
    const [row] = await tx
      .insert(aeoCorrectiveActions)
      .values({
        applicationId: application.id,
        criterionId: input.criterionId ?? null,
        description: input.description,
        dueOn: input.dueOn,
        createdBy: actor.kind === 'system' ? null : actor.userId,
      })
      .returning();
    await applyStep(tx, actor, application, {
      type: 'request_corrective_action',
      side: 'administration',
      payload: { correctiveActionId: row!.id, description: input.description, dueOn: input.dueOn },
      summary: `Corrective action requested by ${input.dueOn}: ${input.description}`,
    });
  });
}

export function closeMonitoringReview(
  ctx: CoreContext,
  actor: Actor,
  input: CloseAeoMonitoringReview & { id: string; reportId: string },
) {
  return withCase(ctx, actor, input.id, async (tx, application) => {
    const [closed] = await tx
      .update(aeoMonitoringReports)
      .set({ reviewStatus: 'closed', outcome: input.outcome, closedAt: sql`now()` })
      .where(
        and(
          eq(aeoMonitoringReports.id, input.reportId),
          eq(aeoMonitoringReports.holderId, application.operatorId),
          eq(aeoMonitoringReports.administrationId, application.administrationId),
          eq(aeoMonitoringReports.reviewStatus, 'open'),
        ),
      )
      .returning();
    if (!closed) throw AppError.notFound('Open monitoring review');
    await applyStep(tx, actor, application, {
      type: 'close_review',
      side: 'administration',
      payload: { reportId: closed.id, outcome: input.outcome },
      summary: 'Customs closed the review of a reported change.',
    });
  });
}
