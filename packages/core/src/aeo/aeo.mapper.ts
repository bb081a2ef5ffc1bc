import type {
  AeoApplicationDetail,
  AeoApplicationSummary,
  AeoProgramme,
  AeoValidity,
} from '@aeolus/contracts';
import type { Clock, Deadlines } from './aeo.deadlines.js';
import type * as repo from './aeo.repository.js';

/** The one place where database rows become API contract types. */

export function toProgramme(row: repo.ProgrammeRow, criteria: repo.CriterionRow[]): AeoProgramme {
  return {
    id: row.id,
    administrationId: row.administrationId,
    name: row.name,
    identifierPrefix: row.identifierPrefix,
    categories: row.categories,
    eligibleRoles: row.eligibleRoles,
    validity: row.validity as AeoValidity,
    clocks: row.clocks,
    benefits: row.benefits.map((b) => ({ ...b, categories: b.categories ?? [] })),
    criteria: criteria.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      description: c.description,
      safeHeading: c.safeHeading,
      categories: c.categories,
      onSiteByDefault: c.onSiteByDefault,
      position: c.position,
    })),
    saqDefinitionId: row.saqDefinitionId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toNextDeadline(deadlines: Deadlines): AeoApplicationSummary['nextDeadline'] {
  const next = deadlines.next;
  return next
    ? {
        kind: next.kind,
        due: next.due.toISOString(),
        daysLeft: next.daysLeft,
        overdue: next.overdue,
        stopped: next.stopped,
      }
    : null;
}

export function toSummary(
  row: repo.ApplicationRow,
  extra: { operatorName: string; deadlines: Deadlines; openReviews: number },
): AeoApplicationSummary {
  return {
    id: row.id,
    reference: row.reference,
    programmeId: row.programmeId,
    operatorId: row.operatorId,
    operatorName: extra.operatorName,
    category: row.category,
    status: row.status as AeoApplicationSummary['status'],
    awaitingInformation: row.awaitingInformation,
    assignedValidatorId: row.assignedValidatorId,
    nextDeadline: toNextDeadline(extra.deadlines),
    openReviews: extra.openReviews,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const toClock = (clock: Clock | undefined) =>
  clock
    ? {
        startedAt: clock.startedAt.toISOString(),
        due: clock.due.toISOString(),
        daysLeft: clock.daysLeft,
        overdue: clock.overdue,
        stoppedDays: clock.stoppedDays,
        extensionDays: clock.extensionDays,
        stopped: clock.stopped,
        ...(clock.endedAt ? { endedAt: clock.endedAt.toISOString() } : {}),
      }
    : undefined;

export function toDeadlines(
  deadlines: Deadlines,
  extensionDaysLeft: number,
): AeoApplicationDetail['deadlines'] {
  const acceptance = toClock(deadlines.acceptance);
  const decision = toClock(deadlines.decision);
  return {
    ...(acceptance ? { acceptance } : {}),
    ...(decision ? { decision } : {}),
    ...(deadlines.effectiveFrom ? { effectiveFrom: deadlines.effectiveFrom.toISOString() } : {}),
    extensionDaysLeft,
  };
}

export const toActionEntry = (row: repo.ActionRow): AeoApplicationDetail['actions'][number] => ({
  id: row.id,
  type: row.type,
  side: row.side,
  actorLabel: row.actorLabel,
  at: row.at.toISOString(),
  payload: row.payload,
});

export const toChecklistItem = (row: repo.ChecklistRow): AeoApplicationDetail['checklist'][number] => ({
  criterionId: row.criterionId,
  onSite: row.onSite,
  planReason: row.planReason,
  result: row.result,
  notes: row.notes,
  documentIds: row.documentIds,
  recordedAt: row.recordedAt?.toISOString() ?? null,
});

export const toCorrectiveAction = (
  row: repo.CorrectiveActionRow,
): AeoApplicationDetail['correctiveActions'][number] => ({
  id: row.id,
  criterionId: row.criterionId,
  description: row.description,
  dueOn: row.dueOn,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
});

export const toMonitoringReport = (
  row: repo.MonitoringReportRow,
): AeoApplicationDetail['monitoringReports'][number] => ({
  id: row.id,
  kind: row.kind,
  description: row.description,
  reportedAt: row.reportedAt.toISOString(),
  reviewStatus: row.reviewStatus,
  outcome: row.outcome,
});
