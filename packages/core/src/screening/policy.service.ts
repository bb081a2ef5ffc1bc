import type { ScreeningPolicy, ScreeningPolicySettings } from '@aeolus/contracts';
import { findProgrammeBenefits } from '../aeo/index.js';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { recordChange } from '../shared/record-change.js';
import * as repo from './rule-sets.repository.js';
import { toPolicy } from './screening.mapper.js';
import { DEFAULT_POLICY, newRandomSeed } from './screening-context.js';

/**
 * The administration's selectivity policy. It exists from the first publication or watch-list change on
 * (with DEFAULT_POLICY); before that, reading it shows the defaults at revision 0.
 */

export async function ensurePolicy(tx: Tx, administrationId: string, actor: Actor): Promise<repo.PolicyRow> {
  const existing = await repo.findPolicy(tx, administrationId, { lock: true });
  if (existing) return existing;
  return repo.insertPolicy(tx, {
    administrationId,
    settings: DEFAULT_POLICY,
    randomSeed: newRandomSeed(),
    updatedBy: actor.label,
  });
}

export async function getScreeningPolicy(ctx: CoreContext, actor: Actor): Promise<ScreeningPolicy> {
  authorize(actor, 'risk-rules:read');
  const administrationId = tenantOf(actor);
  const row = await repo.findPolicy(ctx.db, administrationId);
  if (row) return toPolicy(row);
  return { administrationId, revision: 0, settings: DEFAULT_POLICY, updatedAt: new Date(0).toISOString() };
}

/** The AEO treatment must name a benefit of the administration's own programme. */
async function checkBenefit(ctx: CoreContext, administrationId: string, code: string | null): Promise<void> {
  if (code === null) return;
  const benefits = await findProgrammeBenefits(ctx.db, administrationId);
  if (benefits?.some((b) => b.code === code)) return;
  const known = benefits?.map((b) => b.code).join(', ');
  throw AppError.validation([
    {
      path: 'aeoBenefitCode',
      message: known
        ? `is not a benefit of the AEO programme (benefits: ${known})`
        : 'the administration runs no AEO programme yet; leave it null',
    },
  ]);
}

export async function updateScreeningPolicy(
  ctx: CoreContext,
  actor: Actor,
  settings: ScreeningPolicySettings,
): Promise<ScreeningPolicy> {
  authorize(actor, 'risk-rules:manage');
  const administrationId = tenantOf(actor);
  await checkBenefit(ctx, administrationId, settings.aeoBenefitCode);
  const row = await inTransaction(ctx.db, async (tx) => {
    const before = await ensurePolicy(tx, administrationId, actor);
    const updated = await repo.updatePolicy(tx, administrationId, {
      settings,
      revision: before.revision + 1,
      updatedBy: actor.label,
    });
    await recordChange(tx, actor, {
      action: 'screening.policy.updated',
      subjectType: 'screening_policy',
      subjectId: administrationId,
      organisationId: administrationId,
      // The full settings, before and after: the audit chain is the policy's history.
      summary: {
        before: { ...before.settings, revision: before.revision },
        after: { ...settings, revision: updated.revision },
      },
      event: { revision: updated.revision },
    });
    return updated;
  });
  return toPolicy(row);
}
