import type { AeoAdministrationAction, AeoApplicationDetail } from '@aeolus/contracts';
import { and, eq } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { memberships } from '../identity/identity.tables.js';
import { extensionDaysUsed } from './aeo.deadlines.js';
import * as repo from './aeo.repository.js';
import type { WorkflowState } from './aeo.workflow.js';
import { getApplication } from './aeo-application.service.js';
import { applyStep, type CaseStep, foldLog, loadCase, timedLog } from './aeo-case.js';
import { issueCertificate, setCertificateStatus } from './aeo-certificate.service.js';

/** Administration-side decisions on a case (SAFE pillar 2; EU UCC Art. 22, DA Art. 28 for the clocks). */

const DAY = 86_400_000;

const SUMMARY: Record<AeoAdministrationAction['type'], string> = {
  accept: 'The application was accepted; the decision clock runs.',
  return_incomplete: 'The application was returned as incomplete.',
  request_information: 'Customs asked for more information; the clock stops until you answer.',
  extend_deadline: 'Customs extended the decision deadline.',
  plan_visit: 'A validation visit was planned.',
  record_visit: 'The validation visit was recorded.',
  grant: 'The AEO status was granted.',
  refuse: 'The application was refused.',
  suspend: 'The AEO status was suspended.',
  reinstate: 'The AEO status was reinstated.',
  revoke: 'The AEO status was revoked.',
  decide_appeal: 'The appeal was decided.',
  assign_validator: 'A validator was assigned.',
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addYears = (date: Date, years: number) => {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
};

/** Checks the action's own rules (beyond the workflow): extension limit, category, validator. */
async function prepare(
  tx: Tx,
  application: repo.ApplicationRow,
  action: AeoAdministrationAction,
): Promise<Partial<CaseStep>> {
  const programme = (await repo.findProgramme(tx, application.programmeId))!;
  switch (action.type) {
    case 'extend_deadline': {
      const used = extensionDaysUsed(timedLog(await repo.listActions(tx, [application.id])));
      const left = programme.clocks.maxExtensionDays - used;
      if (action.days > left) {
        throw AppError.validation([
          {
            path: 'days',
            message: `extensions may total at most ${programme.clocks.maxExtensionDays} days; ${left} left`,
          },
        ]);
      }
      return {};
    }
    case 'grant':
      if (!programme.categories.some((c) => c.code === action.category)) {
        const codes = programme.categories.map((c) => c.code).join(', ');
        throw AppError.validation([{ path: 'category', message: `must be one of ${codes}` }]);
      }
      return { update: { category: action.category } };
    case 'assign_validator': {
      const [member] = await tx
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, action.validatorUserId),
            eq(memberships.organisationId, application.administrationId),
            eq(memberships.role, 'aeo_validator'),
          ),
        );
      if (!member) {
        throw AppError.validation([
          { path: 'validatorUserId', message: 'must be an AEO validator of this administration' },
        ]);
      }
      return { update: { assignedValidatorId: action.validatorUserId } };
    }
    default:
      return {};
  }
}

/**
 * Keeps the public certificate status in step with the case, in the same transaction: a grant issues
 * the signed credential (effective `effectDays` after the decision); suspension, reinstatement and
 * revocation change the status verification reads at once.
 */
async function syncCertificate(
  ctx: CoreContext,
  tx: Tx,
  actor: Actor,
  input: { application: repo.ApplicationRow; before: WorkflowState; after: WorkflowState; reason: string },
): Promise<void> {
  const { application, before, after, reason } = input;
  const current = await repo.findCertificateForApplication(tx, application.id);
  if (after.state === 'granted' && (!current || current.status === 'revoked')) {
    const programme = (await repo.findProgramme(tx, application.programmeId))!;
    const validFrom = new Date(Date.now() + programme.clocks.effectDays * DAY);
    const validity = programme.validity;
    const fresh = (await repo.findApplication(tx, application.id))!;
    await issueCertificate(ctx, tx, actor, {
      applicationId: application.id,
      programmeId: programme.id,
      holderId: application.operatorId,
      category: fresh.category,
      validFrom,
      validUntil: validity.kind === 'fixed_term' ? addYears(validFrom, validity.years) : null,
      reassessmentDue:
        validity.kind === 'open_ended' ? isoDate(addYears(validFrom, validity.reassessmentYears)) : null,
    });
    return;
  }
  if (!current || before.state === after.state) return;
  const target =
    after.state === 'granted'
      ? 'active'
      : after.state === 'suspended' || after.state === 'revoked'
        ? after.state
        : null;
  if (target && current.status !== target) {
    await setCertificateStatus(tx, actor, { certificate: current.id, status: target, reason });
  }
}

const reasonOf = (action: AeoAdministrationAction): string => {
  switch (action.type) {
    case 'suspend':
    case 'revoke':
      return action.grounds;
    case 'reinstate':
    case 'decide_appeal':
      return action.reason;
    default:
      return SUMMARY[action.type];
  }
};

/** The workflow input of an action; assigning a validator is logged but changes no state. */
function workflowOf(action: AeoAdministrationAction): Pick<CaseStep, 'workflow'> {
  switch (action.type) {
    case 'assign_validator':
      return {};
    case 'decide_appeal':
      return { workflow: { type: 'decide_appeal', outcome: action.outcome } };
    default:
      return { workflow: { type: action.type } };
  }
}

export async function actAsAdministration(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string; action: AeoAdministrationAction },
): Promise<AeoApplicationDetail> {
  const { action } = input;
  await inTransaction(ctx.db, async (tx) => {
    const application = await loadCase(tx, actor, {
      id: input.id,
      permission: 'aeo-application:validate',
      side: 'administration',
    });
    const { type, ...payload } = action;
    const before = foldLog(await repo.listActions(tx, [application.id]));
    const extra = await prepare(tx, application, action);
    const after = await applyStep(tx, actor, application, {
      type,
      side: 'administration',
      payload,
      summary: SUMMARY[type],
      ...workflowOf(action),
      ...extra,
    });
    await syncCertificate(ctx, tx, actor, { application, before, after, reason: reasonOf(action) });
  });
  return getApplication(ctx, actor, { id: input.id });
}
