import type { AeoProgramme, UpdateAeoProgramme } from '@aeolus/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { getDefaultAeoSaq } from '../questionnaire/default-definitions.js';
import { ensurePublishedDefinition } from '../questionnaire/questionnaire.store.js';
import { recordChange } from '../shared/record-change.js';
import { toProgramme } from './aeo.mapper.js';
import * as repo from './aeo.repository.js';
import { aeoCriteria, aeoProgrammes } from './aeo.tables.js';

/**
 * The programme a caller works with: an administration's own, or for an operator the programme of the
 * administration that supervises it (an operator applies at its home customs).
 */
async function programmeAdministrationOf(ctx: CoreContext, actor: Actor): Promise<string> {
  const organisationId = tenantOf(actor);
  if (actor.kind !== 'system' && actor.organisationKind === 'economic_operator') {
    const organisation = await repo.findOrganisation(ctx.db, organisationId);
    if (!organisation?.supervisingAdministrationId) throw AppError.notFound('AEO programme');
    return organisation.supervisingAdministrationId;
  }
  return organisationId;
}

export async function getProgramme(ctx: CoreContext, actor: Actor): Promise<AeoProgramme> {
  authorize(actor, 'aeo-programme:read');
  const programme = await repo.findProgrammeByAdministration(
    ctx.db,
    await programmeAdministrationOf(ctx, actor),
  );
  if (!programme) throw AppError.notFound('AEO programme');
  return toProgramme(programme, await repo.listCriteria(ctx.db, programme.id));
}

/** Checks what zod cannot: codes unique, categories referenced by benefits and criteria exist. */
function checkSettings(input: UpdateAeoProgramme): void {
  const problems: { path: string; message: string }[] = [];
  const duplicates = (values: string[], path: string) => {
    values.forEach((v, i) => {
      if (values.indexOf(v) !== i) problems.push({ path: `${path}.${i}`, message: `'${v}' appears twice` });
    });
  };
  const categories = input.categories.map((c) => c.code);
  duplicates(categories, 'categories');
  duplicates(
    input.benefits.map((b) => b.code),
    'benefits',
  );
  duplicates(
    input.criteria.map((c) => c.code),
    'criteria',
  );
  const unknownCategory = (list: string[], path: string) => {
    list.forEach((code, i) => {
      if (!categories.includes(code))
        problems.push({ path: `${path}.${i}`, message: `'${code}' is not a category of this programme` });
    });
  };
  input.benefits.forEach((b, i) => {
    unknownCategory(b.categories ?? [], `benefits.${i}.categories`);
  });
  input.criteria.forEach((c, i) => {
    unknownCategory(c.categories ?? [], `criteria.${i}.categories`);
  });
  if (problems.length > 0) throw AppError.validation(problems);
}

/** Replaces the criteria catalogue by code: existing codes keep their ids (checklists point at them). */
async function replaceCriteria(tx: Tx, programmeId: string, criteria: UpdateAeoProgramme['criteria']) {
  const existing = await repo.listCriteria(tx, programmeId);
  const removed = existing.filter((e) => !criteria.some((c) => c.code === e.code));
  const inUse = await repo.criteriaInUse(
    tx,
    removed.map((r) => r.id),
  );
  if (inUse.length > 0) {
    const codes = removed.filter((r) => inUse.includes(r.id)).map((r) => r.code);
    throw new AppError('CONFLICT', `Criteria in use by validations cannot be removed: ${codes.join(', ')}`, {
      criteria: codes,
    });
  }
  if (removed.length > 0)
    await tx.delete(aeoCriteria).where(
      inArray(
        aeoCriteria.id,
        removed.map((r) => r.id),
      ),
    );
  for (const [position, criterion] of criteria.entries()) {
    const values = {
      title: criterion.title,
      description: criterion.description,
      safeHeading: criterion.safeHeading,
      categories: criterion.categories ?? [],
      onSiteByDefault: criterion.onSiteByDefault ?? false,
      position,
    };
    await tx
      .insert(aeoCriteria)
      .values({ programmeId, code: criterion.code, ...values })
      .onConflictDoUpdate({ target: [aeoCriteria.programmeId, aeoCriteria.code], set: values });
  }
}

export async function updateProgramme(
  ctx: CoreContext,
  actor: Actor,
  input: UpdateAeoProgramme,
): Promise<AeoProgramme> {
  authorize(actor, 'aeo-programme:manage');
  checkSettings(input);
  const administrationId = tenantOf(actor);
  return inTransaction(ctx.db, async (tx) => {
    const current = await repo.findProgrammeByAdministration(tx, administrationId);
    if (!current) throw AppError.notFound('AEO programme');
    // A new prefix applies to identifiers issued from now on; certificates keep the id they were given.
    const { criteria, identifierPrefix, ...settings } = input;
    await tx
      .update(aeoProgrammes)
      .set({
        ...settings,
        ...(identifierPrefix ? { identifierPrefix } : {}),
        benefits: settings.benefits.map((b) => ({ ...b, categories: b.categories ?? [] })),
        updatedAt: new Date(),
      })
      .where(eq(aeoProgrammes.id, current.id));
    await replaceCriteria(tx, current.id, criteria);
    await recordChange(tx, actor, {
      action: 'aeo.programme.updated',
      subjectType: 'aeo_programme',
      subjectId: current.id,
      summary: {
        before: { name: current.name.en, identifierPrefix: current.identifierPrefix, clocks: current.clocks },
        after: {
          name: input.name.en,
          identifierPrefix: identifierPrefix ?? current.identifierPrefix,
          criteria: criteria.length,
          clocks: input.clocks,
        },
      },
      event: { programmeId: current.id, administrationId },
    });
    const programme = (await repo.findProgramme(tx, current.id))!;
    return toProgramme(programme, await repo.listCriteria(tx, current.id));
  });
}

/**
 * Stores the shipped default SAQ as a published definition version (once; a version is never edited),
 * and returns its id. Applications pin this id, so a later version never changes their answers' meaning.
 */
export function publishDefaultSaq(tx: Tx): Promise<string> {
  return ensurePublishedDefinition(tx, getDefaultAeoSaq(), 'aeo_saq');
}

/** Creates an administration's programme (the seed and the CLI do this; there is one per administration). */
export async function createProgramme(
  ctx: CoreContext,
  actor: Actor,
  input: UpdateAeoProgramme & { administrationId: string },
): Promise<AeoProgramme> {
  authorize(actor, 'aeo-programme:manage', { organisationId: input.administrationId });
  checkSettings(input);
  return inTransaction(ctx.db, async (tx) => {
    const saqDefinitionId = await publishDefaultSaq(tx);
    const { criteria, administrationId, ...settings } = input;
    const [row] = await tx
      .insert(aeoProgrammes)
      .values({
        administrationId,
        ...settings,
        benefits: settings.benefits.map((b) => ({ ...b, categories: b.categories ?? [] })),
        saqDefinitionId,
      })
      .returning();
    await replaceCriteria(tx, row!.id, criteria);
    await recordChange(tx, actor, {
      action: 'aeo.programme.created',
      subjectType: 'aeo_programme',
      subjectId: row!.id,
      organisationId: administrationId,
      summary: { after: { name: input.name.en, criteria: criteria.length } },
      event: { programmeId: row!.id, administrationId },
    });
    return toProgramme(row!, await repo.listCriteria(tx, row!.id));
  });
}
