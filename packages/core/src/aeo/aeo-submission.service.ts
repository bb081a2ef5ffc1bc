import type {
  AeoApplicationDetail,
  AeoOperatorAction,
  CreateAeoApplication,
  CreateAeoMonitoringReport,
  SaveAeoAnswers,
} from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { mergeAnswers } from '../questionnaire/questionnaire.answers.js';
import { recordChange } from '../shared/record-change.js';
import * as repo from './aeo.repository.js';
import { aeoApplications, aeoMonitoringReports, aeoProgrammes } from './aeo.tables.js';
import { getApplication } from './aeo-application.service.js';
import { applyStep, loadCase } from './aeo-case.js';
import { checkAnswers } from './aeo-saq.js';

/** Operator-side use-cases: draft, autosave, submit, answer, withdraw, appeal, report changes. */

// An operator holds one live application per programme; a closed one (withdrawn, refused, revoked) allows a new one.
const CLOSED = ['withdrawn', 'refused', 'revoked'];

export async function createApplication(
  ctx: CoreContext,
  actor: Actor,
  input: CreateAeoApplication,
): Promise<AeoApplicationDetail> {
  authorize(actor, 'aeo-application:apply');
  const operatorId = tenantOf(actor);
  const operator = await repo.findOrganisation(ctx.db, operatorId);
  const programme = await repo.findProgramme(ctx.db, input.programmeId);
  // Only the programme of the operator's own supervising administration exists for it (SAFE: home customs).
  if (!operator || !programme || programme.administrationId !== operator.supervisingAdministrationId) {
    throw AppError.notFound('AEO programme');
  }
  if (!programme.categories.some((c) => c.code === input.category)) {
    const offered = programme.categories.map((c) => c.code).join(', ');
    throw AppError.validation([{ path: 'category', message: `must be one of ${offered}` }]);
  }
  if (!operator.supplyChainRoles.some((r) => programme.eligibleRoles.includes(r))) {
    throw new AppError(
      'UNPROCESSABLE',
      `None of the organisation's supply-chain roles (${operator.supplyChainRoles.join(', ') || 'none'}) is eligible for this programme`,
      { eligibleRoles: programme.eligibleRoles },
    );
  }
  const id = await inTransaction(ctx.db, async (tx) => {
    // Serialises reference numbering and the one-live-application rule per programme.
    await tx.select().from(aeoProgrammes).where(eq(aeoProgrammes.id, programme.id)).for('update');
    const existing = (await repo.listApplicationsFor(tx, operatorId)).find(
      (a) => a.application.programmeId === programme.id && !CLOSED.includes(a.application.status),
    );
    if (existing) {
      throw new AppError('CONFLICT', `An application is already open: ${existing.application.reference}`, {
        applicationId: existing.application.id,
      });
    }
    const administration = await repo.findOrganisation(tx, programme.administrationId);
    const [row] = await tx
      .insert(aeoApplications)
      .values({
        reference: await repo.nextReference(tx, administration?.country ?? 'XX'),
        programmeId: programme.id,
        administrationId: programme.administrationId,
        operatorId,
        category: input.category,
        saqDefinitionId: programme.saqDefinitionId,
        // The proportionate SME variant is chosen from the organisation's SME flag, not by the applicant.
        saqVariant: operator.isSme ? 'sme' : 'standard',
      })
      .returning();
    await recordChange(tx, actor, {
      action: 'aeo.application.created',
      subjectType: 'aeo_application',
      subjectId: row!.id,
      summary: { after: { reference: row!.reference, category: row!.category, variant: row!.saqVariant } },
      event: { applicationId: row!.id, reference: row!.reference, status: 'draft' },
    });
    return row!.id;
  });
  return getApplication(ctx, actor, { id });
}

export async function saveAnswers(
  ctx: CoreContext,
  actor: Actor,
  input: SaveAeoAnswers & { id: string },
): Promise<AeoApplicationDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await loadCase(tx, actor, {
      id: input.id,
      permission: 'aeo-application:apply',
      side: 'operator',
    });
    const application = (await repo.lockApplication(tx, found.id))!;
    if (application.status !== 'draft' && application.status !== 'returned') {
      throw new AppError(
        'INVALID_STATE',
        `Answers can only change while the application is a draft or returned`,
        {
          state: application.status,
          allowedActions: [],
        },
      );
    }
    const merged = mergeAnswers(application.saqAnswers, input.answers);
    await checkAnswers(tx, application, merged, 'draft');
    await repo.updateApplication(tx, application.id, { saqAnswers: merged });
    // Autosave is audited without an outbound event: subscribers care about submission, not keystrokes.
    await recordChange(tx, actor, {
      action: 'aeo.application.answers_saved',
      subjectType: 'aeo_application',
      subjectId: application.id,
      summary: { note: `${Object.keys(input.answers).length} answers changed` },
      event: false,
    });
  });
  return getApplication(ctx, actor, { id: input.id });
}

export async function actAsOperator(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string; action: AeoOperatorAction },
): Promise<AeoApplicationDetail> {
  const { action } = input;
  await inTransaction(ctx.db, async (tx) => {
    const application = await loadCase(tx, actor, {
      id: input.id,
      permission: 'aeo-application:apply',
      side: 'operator',
    });
    const { type, ...payload } = action;
    if (type === 'submit') {
      const locked = (await repo.lockApplication(tx, application.id))!;
      // A submit in the wrong state is a 409 first; only then are the answers checked in full.
      if (locked.status === 'draft' || locked.status === 'returned') {
        await checkAnswers(tx, locked, locked.saqAnswers, 'submit');
      }
    }
    const summaries = {
      submit: 'The application was submitted for acceptance.',
      answer_information: 'The operator answered the request for information.',
      withdraw: 'The operator withdrew the application.',
      appeal: 'The operator appealed the decision.',
    } as const;
    await applyStep(tx, actor, application, {
      type,
      side: 'operator',
      payload,
      workflow: { type },
      summary: summaries[type],
    });
  });
  return getApplication(ctx, actor, { id: input.id });
}

/**
 * A holder reports a significant change or a security incident (EU DA Art. 16; SAFE monitoring). It
 * opens a review in the administration's queue; the certificate status does not change by itself.
 */
export async function reportMonitoringChange(
  ctx: CoreContext,
  actor: Actor,
  input: CreateAeoMonitoringReport & { id: string },
): Promise<AeoApplicationDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const application = await loadCase(tx, actor, {
      id: input.id,
      permission: 'aeo-application:apply',
      side: 'operator',
    });
    const certificate = await repo.findCertificateForApplication(tx, application.id);
    if (!certificate || !['granted', 'suspended', 'under_appeal'].includes(application.status)) {
      throw new AppError('INVALID_STATE', 'Changes can be reported only for a granted AEO authorisation', {
        state: application.status,
        allowedActions: [],
      });
    }
    const [report] = await tx
      .insert(aeoMonitoringReports)
      .values({
        certificateId: certificate.id,
        administrationId: application.administrationId,
        holderId: application.operatorId,
        kind: input.kind,
        description: input.description,
        reportedBy: actor.kind === 'system' ? null : actor.userId,
      })
      .returning();
    await applyStep(tx, actor, application, {
      type: 'report_change',
      side: 'operator',
      payload: { reportId: report!.id, kind: input.kind, description: input.description },
      summary: `The holder reported a change (${input.kind.replaceAll('_', ' ')}).`,
    });
  });
  return getApplication(ctx, actor, { id: input.id });
}
