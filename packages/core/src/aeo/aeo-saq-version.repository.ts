import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { questionnaireDefinitions } from '../questionnaire/questionnaire.tables.js';
import { aeoApplications, aeoProgrammes } from './aeo.tables.js';

/** Queries for SAQ versions only: no authorization, no decisions. */
type Conn = Db | Tx;

export type DefinitionRow = typeof questionnaireDefinitions.$inferSelect;
export type DefinitionStatus = DefinitionRow['status'];

/**
 * The storage key of a version. Shipped versions use the definition's own id; an administration's are
 * namespaced by its organisation id, because `(key, version)` is unique across the whole table and one
 * administration's choice of id must neither collide with nor reveal another's.
 */
export function storageKey(ownerOrganisationId: string | null, definitionId: string): string {
  return ownerOrganisationId ? `${ownerOrganisationId}/${definitionId}` : definitionId;
}

/** Which versions a caller sees: the shipped ones, plus an owner's (all of them, or only non-drafts). */
export interface VersionScope {
  ownerOrganisationId: string | null;
  includeDrafts: boolean;
}

function visibleTo(scope: VersionScope) {
  const shipped = isNull(questionnaireDefinitions.ownerOrganisationId);
  if (!scope.ownerOrganisationId) return shipped;
  const owned = eq(questionnaireDefinitions.ownerOrganisationId, scope.ownerOrganisationId);
  return or(shipped, scope.includeDrafts ? owned : and(owned, ne(questionnaireDefinitions.status, 'draft')));
}

export async function listVersions(db: Conn, scope: VersionScope): Promise<DefinitionRow[]> {
  return db
    .select()
    .from(questionnaireDefinitions)
    .where(and(eq(questionnaireDefinitions.kind, 'aeo_saq'), visibleTo(scope)))
    .orderBy(asc(questionnaireDefinitions.createdAt), asc(questionnaireDefinitions.version));
}

export async function findVersion(
  db: Conn,
  scope: VersionScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DefinitionRow | undefined> {
  const query = db
    .select()
    .from(questionnaireDefinitions)
    .where(
      and(
        eq(questionnaireDefinitions.id, id),
        eq(questionnaireDefinitions.kind, 'aeo_saq'),
        visibleTo(scope),
      ),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Versions of this definition id that the owner already sees: its own and the shipped ones. */
export async function listVersionsOfDefinition(
  db: Conn,
  owner: string,
  definitionId: string,
): Promise<DefinitionRow[]> {
  return db
    .select()
    .from(questionnaireDefinitions)
    .where(
      inArray(questionnaireDefinitions.key, [
        storageKey(null, definitionId),
        storageKey(owner, definitionId),
      ]),
    );
}

export async function insertVersion(
  tx: Tx,
  values: typeof questionnaireDefinitions.$inferInsert,
): Promise<DefinitionRow | undefined> {
  const [row] = await tx
    .insert(questionnaireDefinitions)
    .values(values)
    .onConflictDoNothing({ target: [questionnaireDefinitions.key, questionnaireDefinitions.version] })
    .returning();
  return row;
}

export async function updateVersion(
  tx: Tx,
  id: string,
  values: Partial<typeof questionnaireDefinitions.$inferInsert>,
): Promise<DefinitionRow> {
  const [row] = await tx
    .update(questionnaireDefinitions)
    .set(values)
    .where(eq(questionnaireDefinitions.id, id))
    .returning();
  return row!;
}

export async function deleteVersion(tx: Tx, id: string): Promise<void> {
  await tx.delete(questionnaireDefinitions).where(eq(questionnaireDefinitions.id, id));
}

/** The programme row, locked so that publishing and retiring serialise with each other. */
export async function lockProgrammeOf(tx: Tx, administrationId: string) {
  const [row] = await tx
    .select()
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.administrationId, administrationId))
    .for('update');
  return row;
}

export async function setProgrammeSaq(tx: Tx, programmeId: string, saqDefinitionId: string): Promise<void> {
  await tx
    .update(aeoProgrammes)
    .set({ saqDefinitionId, updatedAt: new Date() })
    .where(eq(aeoProgrammes.id, programmeId));
}

/** Applications per pinned version, within an administration (and, for an operator, only its own). */
export async function countApplicationsByVersion(
  db: Conn,
  filter: { administrationId: string; operatorId?: string },
): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: aeoApplications.saqDefinitionId, n: sql<number>`count(*)::int` })
    .from(aeoApplications)
    .where(
      and(
        eq(aeoApplications.administrationId, filter.administrationId),
        filter.operatorId ? eq(aeoApplications.operatorId, filter.operatorId) : undefined,
      ),
    )
    .groupBy(aeoApplications.saqDefinitionId);
  return new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, Number(r.n)]));
}
