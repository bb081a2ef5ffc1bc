import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import { insertRecordset } from '../db/bulk-insert.js';
import type { Tx } from '../db/client.js';
import type { Actor } from '../identity/actor.js';
import { organisations } from '../identity/identity.tables.js';
import { type Change, recordBatch } from '../shared/record-change.js';
import type { ProgrammeRow } from './aeo.repository.js';
import { aeoApplicationActions, aeoApplications } from './aeo.tables.js';
import { deriveState } from './aeo.workflow.js';
import { issueCertificates } from './aeo-certificate.service.js';
import { type ImportOperator, identifierKey } from './aeo-import.operators.js';
import type { AeoImportRow, AeoImportTarget } from './aeo-import.rows.js';
import type { AeoImportEntry, AeoImportOutcome } from './aeo-import.service.js';

const midnight = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * Writes the checked rows of one batch, in its transaction: new operators, cases with their `import`
 * action, signed certificates (the certificate service, as for a grant), then one audit entry for the
 * batch and an event per operator, case and certificate. One statement per table, whatever the count.
 */
export async function writeRows(
  ctx: CoreContext,
  tx: Tx,
  actor: Actor,
  input: {
    target: AeoImportTarget;
    /** Locked by the caller. */
    programme: ProgrammeRow;
    source: string;
    rows: readonly { entry: AeoImportEntry; operator: ImportOperator | null }[];
    /** Receives the operators created, for the caller to index once the transaction commits. */
    created: ImportOperator[];
  },
): Promise<Extract<AeoImportOutcome, { status: 'imported' }>[]> {
  const { administration } = input.target;
  const { programme, created } = input;
  const toWrite = input.rows;
  const outcomes: Extract<AeoImportOutcome, { status: 'imported' }>[] = [];
  const changes: Change[] = [];
  const operatorIds = new Map<number, string>();
  const newOperators = toWrite
    .filter((w) => !w.operator)
    .map(({ entry: { index, row } }) => ({
      index,
      values: {
        id: randomUUID(),
        kind: 'economic_operator' as const,
        name: row.name,
        legalName: row.legalName,
        country: row.country,
        identifiers: [row.identifier],
        supervisingAdministrationId: administration.id,
      },
    }));
  await insertRecordset(
    tx,
    organisations,
    newOperators.map((o) => o.values),
  );
  for (const { index, values: org } of newOperators) {
    operatorIds.set(index, org.id);
    created.push({
      id: org.id,
      name: org.name,
      kind: org.kind,
      country: org.country,
      supervisingAdministrationId: org.supervisingAdministrationId,
      key: identifierKey(org.identifiers[0]!),
    });
    // The same event `createOrganisation` records, so subscribers learn of the new operator.
    changes.push({
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: org.id,
      organisationId: org.id,
      event: { organisationId: org.id, kind: org.kind, name: org.name, country: org.country },
    });
  }
  for (const { entry, operator } of toWrite) if (operator) operatorIds.set(entry.index, operator.id);

  const [counted] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(aeoApplications)
    .where(sql`${aeoApplications.reference} like ${`${administration.country}-AEO-%`}`);
  let reference = Number(counted?.n ?? 0);
  // The case's state is the fold of its log, here a single `import`; the cached status is that fold.
  const folded = (row: AeoImportRow) =>
    deriveState([{ type: 'import', status: row.status === 'active' ? 'granted' : 'suspended' }]).state;
  const applications = toWrite.map(({ entry }) => ({
    id: randomUUID(),
    reference: `${administration.country}-AEO-${String(++reference).padStart(6, '0')}`,
    programmeId: programme.id,
    administrationId: administration.id,
    operatorId: operatorIds.get(entry.index)!,
    category: entry.row.category,
    saqDefinitionId: programme.saqDefinitionId,
    status: folded(entry.row),
  }));
  await insertRecordset(tx, aeoApplications, applications);
  await insertRecordset(
    tx,
    aeoApplicationActions,
    toWrite.map(({ entry }, i) => ({
      applicationId: applications[i]!.id,
      type: 'import',
      side: 'administration' as const,
      actorUserId: actor.kind === 'system' ? null : actor.userId,
      actorLabel: actor.label,
      payload: {
        status: folded(entry.row),
        aeoId: entry.row.aeoId,
        grantedOn: entry.row.grantedOn,
        effectiveFrom: entry.row.effectiveFrom,
        ...(entry.row.validUntil ? { validUntil: entry.row.validUntil } : {}),
        ...(entry.row.reassessmentDue ? { reassessmentDue: entry.row.reassessmentDue } : {}),
        // The legacy record as given, for whoever later reads the case: the organisation has no place
        // for an address or an AEO contact, and a new operator has no account yet.
        legacy: {
          legalName: entry.row.legalName,
          identifier: entry.row.identifier,
          ...(entry.row.address ? { address: entry.row.address } : {}),
          ...(entry.row.contactEmail ? { contactEmail: entry.row.contactEmail } : {}),
          ...(entry.row.note ? { note: entry.row.note } : {}),
        },
        source: { file: input.source, row: entry.rowNumber },
      },
    })),
  );
  for (const application of applications) {
    changes.push({
      action: 'aeo.application.import',
      subjectType: 'aeo_application',
      subjectId: application.id,
      organisationId: administration.id,
      event: {
        applicationId: application.id,
        reference: application.reference,
        operatorId: application.operatorId,
        administrationId: application.administrationId,
        status: application.status,
        previousStatus: 'draft',
        awaitingInformation: false,
      },
    });
  }

  const issued = await issueCertificates(ctx, tx, actor, {
    programmeId: programme.id,
    certificates: toWrite.map(({ entry: { row } }, i) => ({
      applicationId: applications[i]!.id,
      holderId: applications[i]!.operatorId,
      category: row.category,
      validFrom: midnight(row.effectiveFrom),
      validUntil: row.validUntil ? midnight(row.validUntil) : null,
      reassessmentDue: row.reassessmentDue,
      imported: { aeoId: row.aeoId, status: row.status, grantedOn: row.grantedOn },
    })),
  });
  changes.push(...issued.map((i) => i.change));
  toWrite.forEach(({ entry }, i) => {
    outcomes.push({
      index: entry.index,
      status: 'imported',
      aeoId: entry.row.aeoId,
      certificateId: issued[i]!.row.id,
      applicationId: applications[i]!.id,
    });
  });

  const rowNumbers = toWrite.map((w) => w.entry.rowNumber);
  await recordBatch(tx, actor, {
    audit: {
      action: 'aeo.certificates.imported',
      subjectType: 'aeo_programme',
      subjectId: programme.id,
      organisationId: administration.id,
      summary: {
        after: {
          imported: toWrite.length,
          newOperators: newOperators.length,
          aeoIds: toWrite.map((w) => w.entry.row.aeoId),
        },
        note: `Imported ${toWrite.length} existing AEO${toWrite.length === 1 ? '' : 's'} from ${input.source} (${describeSpan(rowNumbers)})`,
      },
    },
    changes,
  });
  return outcomes;
}

const describeSpan = (rows: readonly number[]) => {
  const [first, last] = [Math.min(...rows), Math.max(...rows)];
  return first === last ? `row ${first}` : `rows ${first}–${last}`;
};
