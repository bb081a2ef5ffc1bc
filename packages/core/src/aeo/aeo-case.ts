import type { Action } from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize } from '../identity/authorization.js';
import { notifyOrganisation } from '../notifications/index.js';
import { recordChange } from '../shared/record-change.js';
import { computeDeadlines, type Deadlines, type StatutoryClocks, type TimedAction } from './aeo.deadlines.js';
import * as repo from './aeo.repository.js';
import {
  ACTION_SIDE,
  type ActionInput,
  APPLICATION_ACTIONS,
  type ApplicationActionType,
  deriveState,
  transition,
  type WorkflowState,
} from './aeo.workflow.js';

/**
 * The one path every case action takes: lock the case, fold its log, check the transition, append the
 * action, refresh the cached status and deadline, and write audit + event + the operator's notification,
 * all in the caller's transaction. Validation work that is not a workflow step (assignment, the plan,
 * checklist results, corrective actions, monitoring reports) is logged through the same path with
 * `workflow: false`, so the case's history is complete while its state stays derived from the workflow.
 */

const isWorkflowAction = (type: string): type is ApplicationActionType =>
  (APPLICATION_ACTIONS as readonly string[]).includes(type);

export function toWorkflowInput(row: repo.ActionRow): ActionInput | null {
  if (!isWorkflowAction(row.type)) return null;
  if (row.type === 'decide_appeal') {
    return { type: 'decide_appeal', outcome: row.payload.outcome === 'overturned' ? 'overturned' : 'upheld' };
  }
  if (row.type === 'import') {
    return { type: 'import', status: row.payload.status === 'suspended' ? 'suspended' : 'granted' };
  }
  return { type: row.type };
}

export function foldLog(rows: readonly repo.ActionRow[]): WorkflowState {
  return deriveState(rows.map(toWorkflowInput).filter((a): a is ActionInput => a !== null));
}

export function timedLog(rows: readonly repo.ActionRow[]): TimedAction[] {
  return rows
    .filter((r) => isWorkflowAction(r.type))
    .map((r) => ({
      type: r.type as ApplicationActionType,
      at: r.at,
      ...(r.type === 'extend_deadline' ? { extensionDays: Number(r.payload.days ?? 0) } : {}),
    }));
}

export function deadlinesOf(
  rows: readonly repo.ActionRow[],
  clocks: StatutoryClocks,
  now = new Date(),
): Deadlines {
  return computeDeadlines(timedLog(rows), clocks, now);
}

/**
 * Loads a case for one side. Another tenant's case answers NOT_FOUND exactly like a missing one: an
 * operator sees only its own applications, an administration only those filed with it.
 */
export async function loadCase(
  db: CoreContext['db'] | Tx,
  actor: Actor,
  options: { id: string; permission: Action; side: 'operator' | 'administration' | 'either' },
): Promise<repo.ApplicationRow> {
  const row = await repo.findApplication(db, options.id);
  if (!row) {
    authorize(actor, options.permission);
    throw AppError.notFound('Application');
  }
  const owners =
    options.side === 'operator'
      ? [row.operatorId]
      : options.side === 'administration'
        ? [row.administrationId]
        : [row.operatorId, row.administrationId];
  authorize(
    actor,
    options.permission,
    { organisationId: owners[0]!, sharedWith: owners.slice(1) },
    'Application',
  );
  return row;
}

export interface CaseStep {
  type: string;
  side: 'operator' | 'administration';
  payload: Record<string, unknown>;
  /** The workflow input when the step is a workflow action (decide_appeal carries its outcome). */
  workflow?: ActionInput;
  summary: string;
  /** Extra cached columns to update with the step (e.g. the assigned validator). */
  update?: Parameters<typeof repo.updateApplication>[2];
}

const STATUS_TEXT: Record<string, { en: string; fr: string }> = {
  submitted: { en: 'submitted', fr: 'soumise' },
  returned: { en: 'returned as incomplete', fr: 'renvoyée comme incomplète' },
  under_review: { en: 'accepted and under review', fr: 'acceptée et en cours d’examen' },
  visit_planned: { en: 'scheduled for a validation visit', fr: 'programmée pour une visite de validation' },
  visit_recorded: { en: 'visited; decision pending', fr: 'visitée ; décision en attente' },
  granted: { en: 'granted', fr: 'accordée' },
  refused: { en: 'refused', fr: 'refusée' },
  suspended: { en: 'suspended', fr: 'suspendue' },
  revoked: { en: 'revoked', fr: 'révoquée' },
  withdrawn: { en: 'withdrawn', fr: 'retirée' },
  under_appeal: { en: 'under appeal', fr: 'en appel' },
};

/** Runs one step on a locked case inside `tx`; returns the new workflow state. */
export async function applyStep(
  tx: Tx,
  actor: Actor,
  application: repo.ApplicationRow,
  step: CaseStep,
): Promise<WorkflowState> {
  const locked = (await repo.lockApplication(tx, application.id))!;
  const rows = await repo.listActions(tx, [locked.id]);
  const before = foldLog(rows);
  if (step.workflow && ACTION_SIDE[step.workflow.type] !== step.side) {
    throw AppError.forbidden(`Only the ${ACTION_SIDE[step.workflow.type]} may ${step.workflow.type}`);
  }
  const after = step.workflow ? transition(before, step.workflow) : before;
  const appended = await repo.appendAction(tx, {
    applicationId: locked.id,
    type: step.type,
    side: step.side,
    actorUserId: actor.kind === 'system' ? null : actor.userId,
    actorLabel: actor.label,
    payload: step.payload,
  });
  const programme = (await repo.findProgramme(tx, locked.programmeId))!;
  const deadlines = deadlinesOf([...rows, appended], programme.clocks, appended.at);
  await repo.updateApplication(tx, locked.id, {
    status: after.state,
    awaitingInformation: after.awaitingInformation,
    nextDeadline: deadlines.next?.due ?? null,
    ...step.update,
  });
  await recordChange(tx, actor, {
    action: `aeo.application.${step.type}`,
    subjectType: 'aeo_application',
    subjectId: locked.id,
    summary: {
      before: { status: before.state },
      after: { status: after.state, ...step.payload },
      note: `${locked.reference}: ${step.summary}`,
    },
    event: {
      applicationId: locked.id,
      reference: locked.reference,
      operatorId: locked.operatorId,
      administrationId: locked.administrationId,
      status: after.state,
      previousStatus: before.state,
      awaitingInformation: after.awaitingInformation,
    },
  });
  // Every status change (and an open information request) reaches the operator in-app.
  const informationRequested = step.type === 'request_information';
  if (after.state !== before.state || informationRequested) {
    const text = STATUS_TEXT[after.state] ?? { en: after.state, fr: after.state };
    await notifyOrganisation(tx, {
      organisationId: locked.operatorId,
      type: `aeo.application.${step.type}`,
      title: informationRequested
        ? {
            en: `Information requested on ${locked.reference}`,
            fr: `Informations demandées pour ${locked.reference}`,
          }
        : {
            en: `AEO application ${locked.reference} ${text.en}`,
            fr: `Demande OEA ${locked.reference} ${text.fr}`,
          },
      body: { en: step.summary, fr: step.summary },
      link: `/aeo/applications/${locked.id}`,
    });
  }
  return after;
}
