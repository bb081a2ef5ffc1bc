import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { questionnaireDefinitions } from './questionnaire.tables.js';

/** Queries for stored questionnaire versions of one kind (AEO SAQ, SAFE monitoring): no authorization. */
type Conn = Db | Tx;

export type DefinitionRow = typeof questionnaireDefinitions.$inferSelect;
export type DefinitionKind = DefinitionRow['kind'];
export type DefinitionStatus = DefinitionRow['status'];

/**
 * The storage key of a version. Shipped versions use the definition's own id; an owner's (administration,
 * secretariat) are namespaced by its organisation id, because `(key, version)` is unique across the whole
 * table and one owner's choice of id must neither collide with nor reveal another's.
 */
export function storageKey(ownerOrganisationId: string | null, definitionId: string): string {
  return ownerOrganisationId ? `${ownerOrganisationId}/${definitionId}` : definitionId;
}

/** Which versions a caller sees: the shipped ones of a kind, plus an owner's (all of them, or only non-drafts). */
export interface VersionScope {
  kind: DefinitionKind;
  ownerOrganisationId: string | null;
  includeDrafts: boolean;
}

function visibleTo(scope: VersionScope) {
  const shipped = isNull(questionnaireDefinitions.ownerOrganisationId);
  const owned = scope.ownerOrganisationId
    ? eq(questionnaireDefinitions.ownerOrganisationId, scope.ownerOrganisationId)
    : undefined;
  const visible = !owned
    ? shipped
    : or(shipped, scope.includeDrafts ? owned : and(owned, ne(questionnaireDefinitions.status, 'draft')));
  return and(eq(questionnaireDefinitions.kind, scope.kind), visible);
}

export async function listVersions(db: Conn, scope: VersionScope): Promise<DefinitionRow[]> {
  return db
    .select()
    .from(questionnaireDefinitions)
    .where(visibleTo(scope))
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
    .where(and(eq(questionnaireDefinitions.id, id), visibleTo(scope)));
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
