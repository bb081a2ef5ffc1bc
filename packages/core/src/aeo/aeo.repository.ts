import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { organisations } from '../identity/identity.tables.js';
import { questionnaireDefinitions } from '../questionnaire/questionnaire.tables.js';
import {
  aeoApplicationActions,
  aeoApplications,
  aeoCertificates,
  aeoChecklistItems,
  aeoCorrectiveActions,
  aeoCriteria,
  aeoMonitoringReports,
  aeoProgrammes,
} from './aeo.tables.js';

/** Queries only: no authorization, no decisions. Every function takes the pool or a transaction. */
type Conn = Db | Tx;

export type ProgrammeRow = typeof aeoProgrammes.$inferSelect;
export type CriterionRow = typeof aeoCriteria.$inferSelect;
export type ApplicationRow = typeof aeoApplications.$inferSelect;
export type ActionRow = typeof aeoApplicationActions.$inferSelect;
export type ChecklistRow = typeof aeoChecklistItems.$inferSelect;
export type CorrectiveActionRow = typeof aeoCorrectiveActions.$inferSelect;
export type MonitoringReportRow = typeof aeoMonitoringReports.$inferSelect;
export type CertificateRow = typeof aeoCertificates.$inferSelect;

export async function findProgrammeByAdministration(db: Conn, administrationId: string) {
  const [row] = await db
    .select()
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.administrationId, administrationId));
  return row;
}

export async function findProgramme(db: Conn, id: string) {
  const [row] = await db.select().from(aeoProgrammes).where(eq(aeoProgrammes.id, id));
  return row;
}

export async function listCriteria(db: Conn, programmeId: string) {
  return db
    .select()
    .from(aeoCriteria)
    .where(eq(aeoCriteria.programmeId, programmeId))
    .orderBy(asc(aeoCriteria.position), asc(aeoCriteria.code));
}

export async function criteriaInUse(db: Conn, criterionIds: string[]): Promise<string[]> {
  if (criterionIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: aeoChecklistItems.criterionId })
    .from(aeoChecklistItems)
    .where(inArray(aeoChecklistItems.criterionId, criterionIds));
  const corrective = await db
    .selectDistinct({ id: aeoCorrectiveActions.criterionId })
    .from(aeoCorrectiveActions)
    .where(inArray(aeoCorrectiveActions.criterionId, criterionIds));
  return [...new Set([...rows, ...corrective].map((r) => r.id).filter((id): id is string => id !== null))];
}

export async function findOrganisation(db: Conn, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findDefinition(db: Conn, id: string) {
  const [row] = await db.select().from(questionnaireDefinitions).where(eq(questionnaireDefinitions.id, id));
  return row;
}

export async function findDefinitionByKey(db: Conn, key: string, version: string) {
  const [row] = await db
    .select()
    .from(questionnaireDefinitions)
    .where(and(eq(questionnaireDefinitions.key, key), eq(questionnaireDefinitions.version, version)));
  return row;
}

export async function findApplication(db: Conn, id: string) {
  const [row] = await db.select().from(aeoApplications).where(eq(aeoApplications.id, id));
  return row;
}

/** Locks the application row so that two actions on one case serialise (the log is folded under the lock). */
export async function lockApplication(tx: Tx, id: string) {
  const [row] = await tx.select().from(aeoApplications).where(eq(aeoApplications.id, id)).for('update');
  return row;
}

/** Applications an organisation can see: its own (operator) or those filed with it (administration). */
export async function listApplicationsFor(db: Conn, organisationId: string) {
  return db
    .select({ application: aeoApplications, operatorName: organisations.name })
    .from(aeoApplications)
    .innerJoin(organisations, eq(organisations.id, aeoApplications.operatorId))
    .where(
      or(
        eq(aeoApplications.operatorId, organisationId),
        eq(aeoApplications.administrationId, organisationId),
      ),
    );
}

export async function listActions(db: Conn, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(aeoApplicationActions)
    .where(inArray(aeoApplicationActions.applicationId, applicationIds))
    .orderBy(asc(aeoApplicationActions.seq));
}

export async function countOpenReviews(db: Conn, applicationIds: string[]): Promise<Map<string, number>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ applicationId: aeoCertificates.applicationId, open: sql<number>`count(*)::int` })
    .from(aeoMonitoringReports)
    .innerJoin(aeoCertificates, eq(aeoCertificates.id, aeoMonitoringReports.certificateId))
    .where(
      and(
        inArray(aeoCertificates.applicationId, applicationIds),
        eq(aeoMonitoringReports.reviewStatus, 'open'),
      ),
    )
    .groupBy(aeoCertificates.applicationId);
  return new Map(rows.map((r) => [r.applicationId, Number(r.open)]));
}

export async function nextReference(tx: Tx, country: string): Promise<string> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(aeoApplications)
    .where(sql`${aeoApplications.reference} like ${`${country}-AEO-%`}`);
  return `${country}-AEO-${String(Number(row?.n ?? 0) + 1).padStart(6, '0')}`;
}

export async function appendAction(tx: Tx, values: typeof aeoApplicationActions.$inferInsert) {
  const [row] = await tx.insert(aeoApplicationActions).values(values).returning();
  return row!;
}

export async function updateApplication(
  tx: Tx,
  id: string,
  values: Partial<typeof aeoApplications.$inferInsert>,
): Promise<void> {
  await tx
    .update(aeoApplications)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(aeoApplications.id, id));
}

export async function listChecklist(db: Conn, applicationId: string) {
  return db.select().from(aeoChecklistItems).where(eq(aeoChecklistItems.applicationId, applicationId));
}

export async function listCorrectiveActions(db: Conn, applicationId: string) {
  return db
    .select()
    .from(aeoCorrectiveActions)
    .where(eq(aeoCorrectiveActions.applicationId, applicationId))
    .orderBy(asc(aeoCorrectiveActions.createdAt));
}

export async function findCertificateForApplication(db: Conn, applicationId: string) {
  // The latest: an overturned revocation is granted again under a new certificate (revocation is final).
  const [row] = await db
    .select()
    .from(aeoCertificates)
    .where(eq(aeoCertificates.applicationId, applicationId))
    .orderBy(desc(aeoCertificates.issuedAt))
    .limit(1);
  return row;
}

export async function listMonitoringReports(db: Conn, certificateId: string) {
  return db
    .select()
    .from(aeoMonitoringReports)
    .where(eq(aeoMonitoringReports.certificateId, certificateId))
    .orderBy(asc(aeoMonitoringReports.reportedAt));
}
