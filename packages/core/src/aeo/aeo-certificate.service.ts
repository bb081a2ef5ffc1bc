import { randomUUID } from 'node:crypto';
import type { AeoCertificateStatus } from '@aeolus/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import { insertRecordset } from '../db/bulk-insert.js';
import type { Tx } from '../db/client.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { organisations } from '../identity/identity.tables.js';
import { type Change, recordChange } from '../shared/record-change.js';
import { type SigningContext, signAllWithActiveKey } from '../signing/index.js';
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
  /**
   * An AEO status granted before the platform (a legacy register's import) keeps the identifier it
   * already has, in the programme's own format; a grant leaves it out and gets the next national number.
   */
  imported?: { aeoId: string; status: 'active' | 'suspended'; grantedOn: string };
}

type OrganisationRow = typeof organisations.$inferSelect;
type ProgrammeRow = typeof aeoProgrammes.$inferSelect;

/** The W3C Verifiable Credential of a certificate, from the rows it names (one mapping for all uses). */
function credentialFor(input: {
  certificateId: string;
  aeoId: string;
  administration: OrganisationRow;
  holder: OrganisationRow;
  programme: ProgrammeRow;
  category: ProgrammeRow['categories'][number];
  validFrom: Date;
  validUntil: Date | null;
  issuedAt: Date;
}): Record<string, unknown> {
  const { administration, holder, programme, category } = input;
  return buildAeoCredential({
    certificateId: input.certificateId,
    aeoId: input.aeoId,
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
    validUntil: input.validUntil,
    issuedAt: input.issuedAt,
  });
}

/**
 * Signs a stored certificate's credential again from its row, with the administration's active key:
 * for a certificate whose stored facts were corrected (the demo seed dates its stories in the past).
 */
export async function resignCertificate(ctx: SigningContext, tx: Tx, certificateId: string): Promise<void> {
  const [row] = await tx.select().from(aeoCertificates).where(eq(aeoCertificates.id, certificateId));
  if (!row) throw AppError.notFound('AEO certificate');
  const [programme] = await tx.select().from(aeoProgrammes).where(eq(aeoProgrammes.id, row.programmeId));
  const byId = new Map(
    (
      await tx
        .select()
        .from(organisations)
        .where(inArray(organisations.id, [row.holderId, row.administrationId]))
    ).map((o) => [o.id, o]),
  );
  const category = programme!.categories.find((c) => c.code === row.category)!;
  const credential = credentialFor({
    certificateId: row.id,
    aeoId: row.aeoId,
    administration: byId.get(row.administrationId)!,
    holder: byId.get(row.holderId)!,
    programme: programme!,
    category,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt,
  });
  const { jws, kid } = await signAllWithActiveKey(ctx, tx, {
    administrationId: row.administrationId,
    payloads: [credential],
    typ: AEO_CREDENTIAL_TYP,
  });
  await tx
    .update(aeoCertificates)
    .set({ credential: jws[0]!, keyId: kid })
    .where(eq(aeoCertificates.id, row.id));
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
  const [issued] = await issueCertificates(ctx, tx, actor, {
    programmeId: input.programmeId,
    certificates: [input],
  });
  await recordChange(tx, actor, issued!.change);
  return issued!.row;
}

/** The national number of an identifier in the programme's format (`NL` + `AEO` + `F` + `000123`). */
export function nationalNumberOf(aeoId: string): number {
  return Number(aeoId.slice(-6));
}

/**
 * Issues certificates of one programme in the caller's transaction and returns each with the change
 * (audit + event) it makes, for the caller to record: one by one (`issueCertificate`), or as a batch
 * with a single audit entry (an import). The programme, the administration and its signing key are
 * loaded once however many certificates there are. Any invalid certificate fails the whole call, before
 * anything is written.
 */
export async function issueCertificates(
  ctx: SigningContext,
  tx: Tx,
  actor: Actor,
  input: { programmeId: string; certificates: readonly Omit<IssueCertificate, 'programmeId'>[] },
): Promise<{ row: AeoCertificateRow; change: Change }[]> {
  const [programme] = await tx.select().from(aeoProgrammes).where(eq(aeoProgrammes.id, input.programmeId));
  if (!programme) throw AppError.notFound('AEO programme');
  assertActsFor(actor, programme.administrationId, 'AEO programme');
  if (input.certificates.length === 0) return [];
  const holderIds = [...new Set(input.certificates.map((c) => c.holderId))];
  const holders = new Map(
    (await tx.select().from(organisations).where(inArray(organisations.id, holderIds))).map((o) => [o.id, o]),
  );
  const [administration] = await tx
    .select()
    .from(organisations)
    .where(eq(organisations.id, programme.administrationId));

  const problems: FieldProblem[] = [];
  const checked = input.certificates.map((certificate, index) => {
    // A single certificate keeps the field names of its input; in a batch they are prefixed with the index.
    const at = (field: string) => (input.certificates.length === 1 ? field : `${index}.${field}`);
    const holder = holders.get(certificate.holderId);
    const category = programme.categories.find((c) => c.code === certificate.category);
    if (holder?.kind !== 'economic_operator') {
      problems.push({ path: at('holderId'), message: 'must be an economic operator' });
    } else if (!holder.country) {
      problems.push({ path: at('holderId'), message: 'the operator has no country' });
    }
    if (!category) {
      const codes = programme.categories.map((c) => c.code).join(', ');
      problems.push({ path: at('category'), message: `must be one of the programme's categories: ${codes}` });
    }
    if (Number.isNaN(certificate.validFrom.getTime())) {
      problems.push({ path: at('validFrom'), message: 'is not a date' });
    }
    if (certificate.validUntil && !(certificate.validUntil > certificate.validFrom)) {
      problems.push({ path: at('validUntil'), message: 'must be after validFrom' });
    }
    if (certificate.reassessmentDue && !/^\d{4}-\d{2}-\d{2}$/.test(certificate.reassessmentDue)) {
      problems.push({ path: at('reassessmentDue'), message: 'must be a date written YYYY-MM-DD' });
    }
    const imported = certificate.imported;
    if (imported && holder?.country && category) {
      // The identifier must be the one the programme itself would give, so the national number sequence
      // below can be moved past it and a later grant never collides with an imported AEO.
      const number = /\d{6}$/.test(imported.aeoId) ? nationalNumberOf(imported.aeoId) : 0;
      const expected = composeAeoId({
        country: holder.country,
        prefix: programme.identifierPrefix,
        categoryCode: category.code,
        nationalNumber: Math.max(1, number),
      });
      if (imported.aeoId !== expected || number < 1) {
        problems.push({
          path: at('aeoId'),
          message: `must be the programme's format for this holder and category, e.g. ${expected}`,
        });
      }
    }
    return { certificate, holder: holder!, category: category! };
  });
  if (problems.length || !administration) throw AppError.validation(problems);

  const aeoIds = await allocateIdentifiers(tx, programme, checked);
  const issuedAt = new Date();
  const prepared = checked.map(({ certificate, holder, category }, index) => {
    const certificateId = randomUUID();
    const aeoId = aeoIds[index]!;
    const validUntil = certificate.validUntil ?? null;
    const credential = credentialFor({
      certificateId,
      aeoId,
      administration,
      holder,
      programme,
      category,
      validFrom: certificate.validFrom,
      validUntil,
      issuedAt,
    });
    return { certificate, holder, category, certificateId, aeoId, validUntil, credential };
  });
  const { jws, kid } = await signAllWithActiveKey(ctx, tx, {
    administrationId: administration.id,
    payloads: prepared.map((p) => p.credential),
    typ: AEO_CREDENTIAL_TYP,
  });
  const rows: AeoCertificateRow[] = prepared.map((p, index) => ({
    id: p.certificateId,
    aeoId: p.aeoId,
    applicationId: p.certificate.applicationId,
    programmeId: programme.id,
    administrationId: administration.id,
    holderId: p.holder.id,
    category: p.category.code,
    status: p.certificate.imported?.status ?? 'active',
    validFrom: p.certificate.validFrom,
    validUntil: p.validUntil,
    reassessmentDue: p.certificate.reassessmentDue ?? null,
    credential: jws[index]!,
    keyId: kid,
    issuedAt,
    statusChangedAt: issuedAt,
  }));
  // Every column is given, so the rows written are exactly these: nothing to read back.
  await insertRecordset(tx, aeoCertificates, rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return prepared.map((p) => {
    const imported = p.certificate.imported;
    const change: Change = {
      action: imported ? 'aeo.certificate.imported' : 'aeo.certificate.issued',
      subjectType: 'aeo_certificate',
      subjectId: p.certificateId,
      organisationId: administration.id,
      summary: { after: { aeoId: p.aeoId, holderId: p.holder.id, category: p.category.code, kid } },
      event: {
        aeoId: p.aeoId,
        holderId: p.holder.id,
        applicationId: p.certificate.applicationId,
        category: p.category.code,
        validFrom: p.certificate.validFrom.toISOString(),
        validUntil: p.validUntil?.toISOString() ?? null,
        ...(imported ? { status: imported.status, grantedOn: imported.grantedOn } : {}),
      },
    };
    return { row: byId.get(p.certificateId)!, change };
  });
}

/**
 * The AEO identifiers of a batch, in order. A grant takes the next national number: the UPDATE takes
 * the programme row's lock, so concurrent grants get consecutive numbers, and a rolled-back grant gives
 * its number back with the rest of the transaction. Imported identifiers are kept, and the sequence
 * moves past the highest of them.
 */
async function allocateIdentifiers(
  tx: Tx,
  programme: typeof aeoProgrammes.$inferSelect,
  checked: {
    certificate: Omit<IssueCertificate, 'programmeId'>;
    holder: { country: string | null };
    category: { code: string };
  }[],
): Promise<string[]> {
  const fresh = checked.filter((c) => !c.certificate.imported).length;
  const highestImported = Math.max(
    0,
    ...checked.map((c) => (c.certificate.imported ? nationalNumberOf(c.certificate.imported.aeoId) : 0)),
  );
  const [allocated] = await tx
    .update(aeoProgrammes)
    .set({
      nextNationalNumber: sql`greatest(${aeoProgrammes.nextNationalNumber}, ${highestImported + 1}) + ${fresh}`,
    })
    .where(eq(aeoProgrammes.id, programme.id))
    .returning({ next: aeoProgrammes.nextNationalNumber });
  let number = allocated!.next - fresh;
  return checked.map(({ certificate, holder, category }) =>
    certificate.imported
      ? certificate.imported.aeoId
      : composeAeoId({
          country: holder.country!,
          prefix: programme.identifierPrefix,
          categoryCode: category.code,
          nationalNumber: number++,
        }),
  );
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
