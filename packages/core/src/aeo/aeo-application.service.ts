import type { AeoApplicationDetail, AeoApplicationSummary } from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { extensionDaysUsed } from './aeo.deadlines.js';
import {
  toActionEntry,
  toChecklistItem,
  toCorrectiveAction,
  toDeadlines,
  toMonitoringReport,
  toSummary,
} from './aeo.mapper.js';
import * as repo from './aeo.repository.js';
import { ACTION_SIDE, allowedActions } from './aeo.workflow.js';
import { deadlinesOf, foldLog, loadCase, timedLog } from './aeo-case.js';

/** Read side: the work queue (administration) or one's own applications (operator), and the case view. */

/**
 * Sorted by urgency: overdue first (most overdue on top), then by days left, then cases with no running
 * clock (most recently changed first). Deadlines are computed from the logs at `now`, because a stopped
 * clock (open information request) moves its due date every day.
 */
export async function listApplications(
  ctx: CoreContext,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<AeoApplicationSummary[]> {
  authorize(actor, 'aeo-application:read');
  const now = options.now ?? new Date();
  const rows = await repo.listApplicationsFor(ctx.db, tenantOf(actor));
  const ids = rows.map((r) => r.application.id);
  const [actions, reviews] = await Promise.all([
    repo.listActions(ctx.db, ids),
    repo.countOpenReviews(ctx.db, ids),
  ]);
  const programmes = new Map<string, repo.ProgrammeRow>();
  for (const { application } of rows) {
    if (!programmes.has(application.programmeId)) {
      programmes.set(application.programmeId, (await repo.findProgramme(ctx.db, application.programmeId))!);
    }
  }
  // Grouped once: a register with thousands of cases (e.g. imported AEOs) must not scan every log per case.
  const logs = new Map<string, repo.ActionRow[]>();
  for (const action of actions) {
    const log = logs.get(action.applicationId);
    if (log) log.push(action);
    else logs.set(action.applicationId, [action]);
  }
  const items = rows.map(({ application, operatorName }) =>
    toSummary(application, {
      operatorName,
      deadlines: deadlinesOf(
        logs.get(application.id) ?? [],
        programmes.get(application.programmeId)!.clocks,
        now,
      ),
      openReviews: reviews.get(application.id) ?? 0,
    }),
  );
  return items.sort(byUrgency);
}

function byUrgency(a: AeoApplicationSummary, b: AeoApplicationSummary): number {
  const rank = (s: AeoApplicationSummary) =>
    s.nextDeadline ? (s.nextDeadline.overdue ? 0 : 1) : s.openReviews > 0 ? 2 : 3;
  const diff = rank(a) - rank(b);
  if (diff !== 0) return diff;
  if (a.nextDeadline && b.nextDeadline) {
    return a.nextDeadline.due.localeCompare(b.nextDeadline.due) || a.reference.localeCompare(b.reference);
  }
  return b.updatedAt.localeCompare(a.updatedAt);
}

export async function getApplication(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string; now?: Date },
): Promise<AeoApplicationDetail> {
  const application = await loadCase(ctx.db, actor, {
    id: input.id,
    permission: 'aeo-application:read',
    side: 'either',
  });
  const [operator, programme, actions, checklist, corrective, certificate] = await Promise.all([
    repo.findOrganisation(ctx.db, application.operatorId),
    repo.findProgramme(ctx.db, application.programmeId),
    repo.listActions(ctx.db, [application.id]),
    repo.listChecklist(ctx.db, application.id),
    repo.listCorrectiveActions(ctx.db, application.id),
    repo.findCertificateForApplication(ctx.db, application.id),
  ]);
  const clocks = programme!.clocks;
  const deadlines = deadlinesOf(actions, clocks, input.now ?? new Date());
  const reports = certificate ? await repo.listMonitoringReports(ctx.db, certificate.id) : [];
  const side = tenantOf(actor) === application.operatorId ? 'operator' : 'administration';
  return {
    ...toSummary(application, {
      operatorName: operator?.name ?? '',
      deadlines,
      openReviews: reports.filter((r) => r.reviewStatus === 'open').length,
    }),
    saqDefinitionId: application.saqDefinitionId,
    saqVariant: application.saqVariant,
    answers: application.saqAnswers,
    actions: actions.map(toActionEntry),
    deadlines: toDeadlines(
      deadlines,
      Math.max(0, clocks.maxExtensionDays - extensionDaysUsed(timedLog(actions))),
    ),
    allowedActions: allowedActions(foldLog(actions)).filter((a) => ACTION_SIDE[a] === side),
    checklist: checklist.map(toChecklistItem),
    correctiveActions: corrective.map(toCorrectiveAction),
    monitoringReports: reports.map(toMonitoringReport),
    certificate: certificate
      ? {
          id: certificate.id,
          aeoId: certificate.aeoId,
          status: certificate.status,
          category: certificate.category,
          validFrom: certificate.validFrom.toISOString(),
          validUntil: certificate.validUntil?.toISOString() ?? null,
          reassessmentDue: certificate.reassessmentDue,
          // The holder and its administration may hand the signed credential on (it is also in the PDF's QR).
          credential: certificate.credential,
        }
      : null,
  };
}
