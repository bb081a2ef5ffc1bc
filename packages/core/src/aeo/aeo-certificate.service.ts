import { randomUUID } from 'node:crypto';
import type { AeoCertificateStatus } from '@aeolus/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { organisations } from '../identity/identity.tables.js';
import { recordChange } from '../shared/record-change.js';
import { type SigningContext, signWithActiveKey } from '../signing/index.js';
import { aeoCertificates, aeoProgrammes } from './aeo.tables.js';
import { AEO_CREDENTIAL_TYP, buildAeoCredential, composeAeoId } from './aeo-certificate.credential.js';

export type AeoCertificateRow = typeof aeoCertificates.$inferSelect;

export interface IssueCertificate {
  applicationId: string;
  programmeId: string;
  /** The economic operator that becomes the AEO. */
  holderId: string;
  /** A category code of the programme, e.g. `F`. */
  category: string;
  validFrom: Date;
  /** Fixed-term programmes; open-ended ones leave it out and set `reassessmentDue`. */
  validUntil?: Date | null;
  /** `YYYY-MM-DD`. */
  reassessmentDue?: string | null;
}

/**
 * The caller (the application workflow) has already authorized the decision; this guard only makes
 * sure nobody issues or changes a certificate in another administration's name.
 */
function assertActsFor(actor: Actor, administrationId: string, what: string) {
  if (actor.kind !== 'system' && actor.organisationId !== administrationId) throw AppError.notFound(what);
}

/**
 * Grants the AEO status (issue 3 §6): allocates the AEO identifier from the programme's national
 * number sequence, signs the Verifiable Credential with the administration's active Ed25519 key and
 * stores the certificate as `active` — all in the caller's transaction, with `aeo.certificate.issued`.
 */
export async function issueCertificate(
  ctx: SigningContext,
  tx: Tx,
  actor: Actor,
  input: IssueCertificate,
): Promise<AeoCertificateRow> {
  const [programme] = await tx.select().from(aeoProgrammes).where(eq(aeoProgrammes.id, input.programmeId));
  if (!programme) throw AppError.notFound('AEO programme');
  assertActsFor(actor, programme.administrationId, 'AEO programme');
  const [holder] = await tx.select().from(organisations).where(eq(organisations.id, input.holderId));
  const [administration] = await tx
    .select()
    .from(organisations)
    .where(eq(organisations.id, programme.administrationId));
  const category = programme.categories.find((c) => c.code === input.category);

  const problems: FieldProblem[] = [];
  if (holder?.kind !== 'economic_operator') {
    problems.push({ path: 'holderId', message: 'must be an economic operator' });
  } else if (!holder.country) {
    problems.push({ path: 'holderId', message: 'the operator has no country' });
  }
  if (!category) {
    const codes = programme.categories.map((c) => c.code).join(', ');
    problems.push({ path: 'category', message: `must be one of the programme's categories: ${codes}` });
  }
  if (Number.isNaN(input.validFrom.getTime())) problems.push({ path: 'validFrom', message: 'is not a date' });
  if (input.validUntil && !(input.validUntil > input.validFrom)) {
    problems.push({ path: 'validUntil', message: 'must be after validFrom' });
  }
  if (input.reassessmentDue && !/^\d{4}-\d{2}-\d{2}$/.test(input.reassessmentDue)) {
    problems.push({ path: 'reassessmentDue', message: 'must be a date written YYYY-MM-DD' });
  }
  if (problems.length || !holder || !category || !administration) throw AppError.validation(problems);

  // The UPDATE takes the programme row's lock: concurrent grants get consecutive numbers, and a
  // rolled-back grant gives its number back with the rest of the transaction.
  const [allocated] = await tx
    .update(aeoProgrammes)
    .set({ nextNationalNumber: sql`${aeoProgrammes.nextNationalNumber} + 1` })
    .where(eq(aeoProgrammes.id, programme.id))
    .returning({ next: aeoProgrammes.nextNationalNumber });
  const aeoId = composeAeoId({
    country: holder.country!,
    prefix: programme.identifierPrefix,
    categoryCode: category.code,
    nationalNumber: allocated!.next - 1,
  });

  const certificateId = randomUUID();
  const issuedAt = new Date();
  const validUntil = input.validUntil ?? null;
  const credential = buildAeoCredential({
    certificateId,
    aeoId,
    administration: { id: administration.id, name: administration.name },
    holder: {
      id: holder.id,
      name: holder.name,
      legalName: holder.legalName,
      country: holder.country!,
      identifiers: holder.identifiers,
    },
    programme: { id: programme.id, name: programme.name },
    category: { code: category.code, name: category.name },
    validFrom: input.validFrom,
    validUntil,
    issuedAt,
  });
  const { jws, kid } = await signWithActiveKey(ctx, tx, {
    administrationId: administration.id,
    payload: credential,
    typ: AEO_CREDENTIAL_TYP,
  });
  const [row] = await tx
    .insert(aeoCertificates)
    .values({
      id: certificateId,
      aeoId,
      applicationId: input.applicationId,
      programmeId: programme.id,
      administrationId: administration.id,
      holderId: holder.id,
      category: category.code,
      status: 'active',
      validFrom: input.validFrom,
      validUntil,
      reassessmentDue: input.reassessmentDue ?? null,
      credential: jws,
      keyId: kid,
      issuedAt,
      statusChangedAt: issuedAt,
    })
    .returning();
  await recordChange(tx, actor, {
    action: 'aeo.certificate.issued',
    subjectType: 'aeo_certificate',
    subjectId: certificateId,
    organisationId: administration.id,
    summary: { after: { aeoId, holderId: holder.id, category: category.code, kid } },
    event: {
      aeoId,
      holderId: holder.id,
      applicationId: input.applicationId,
      category: category.code,
      validFrom: input.validFrom.toISOString(),
      validUntil: validUntil?.toISOString() ?? null,
    },
  });
  return row!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A certificate by AEO identifier or by id, locked for the status change. */
async function loadForUpdate(tx: Tx, ref: string) {
  const [row] = await tx
    .select()
    .from(aeoCertificates)
    .where(UUID.test(ref) ? eq(aeoCertificates.id, ref) : eq(aeoCertificates.aeoId, ref))
    .for('update');
  return row;
}

const STATUS_ACTIONS = {
  active: 'aeo.certificate.reinstated',
  suspended: 'aeo.certificate.suspended',
  revoked: 'aeo.certificate.revoked',
} as const satisfies Record<AeoCertificateStatus, string>;

/**
 * Suspension, reinstatement and revocation of the AEO status. The row's `status` is what public
 * verification reads on every request, so the change is visible as soon as the caller commits.
 * Revocation is final (a revoked AEO applies again); the same status twice is a 409.
 */
export async function setCertificateStatus(
  tx: Tx,
  actor: Actor,
  input: { certificate: string; status: AeoCertificateStatus; reason: string },
): Promise<AeoCertificateRow> {
  const reason = input.reason.trim();
  if (!reason) throw AppError.validation([{ path: 'reason', message: 'is required' }]);
  const row = await loadForUpdate(tx, input.certificate);
  if (!row) throw AppError.notFound('AEO certificate');
  assertActsFor(actor, row.administrationId, 'AEO certificate');
  if (row.status === 'revoked') {
    throw new AppError('INVALID_STATE', 'The certificate is revoked; revocation is final', {
      status: row.status,
    });
  }
  if (row.status === input.status) {
    throw new AppError('INVALID_STATE', `The certificate is already ${row.status}`, { status: row.status });
  }
  const at = new Date();
  const [updated] = await tx
    .update(aeoCertificates)
    .set({ status: input.status, statusChangedAt: at })
    .where(eq(aeoCertificates.id, row.id))
    .returning();
  await recordChange(tx, actor, {
    action: STATUS_ACTIONS[input.status],
    subjectType: 'aeo_certificate',
    subjectId: row.id,
    organisationId: row.administrationId,
    summary: { before: { status: row.status }, after: { status: input.status }, note: reason },
    event: { aeoId: row.aeoId, holderId: row.holderId, from: row.status, to: input.status, reason },
  });
  return updated!;
}
