import { and, asc, eq, min } from 'drizzle-orm';
import { aeoApplications } from '../aeo/aeo.tables.js';
import type { Db, Tx } from '../db/client.js';
import { documents } from './documents.tables.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;

/** The two organisations that take part in an AEO case: the operator who applied and its administration. */
export interface ApplicationParties {
  operatorId: string;
  administrationId: string;
  /** The cached workflow state; `draft` means the administration has not received the case yet. */
  status: string;
}

export async function insertDocument(tx: Tx, row: NewDocumentRow): Promise<DocumentRow> {
  const [created] = await tx.insert(documents).values(row).returning();
  return created!;
}

/**
 * By id only: the caller decides visibility from what the document is attached to (which may belong to
 * another organisation than the uploader's), and answers NOT_FOUND when the actor may not see it.
 */
export async function findDocument(db: Db | Tx, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

export async function listDocumentsAttachedTo(
  db: Db | Tx,
  subject: { attachedToType: string; attachedToId: string },
): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.attachedToType, subject.attachedToType),
        eq(documents.attachedToId, subject.attachedToId),
      ),
    )
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

/** When these bytes first reached the platform (any tenant); undefined when never. */
export async function firstUploadOf(db: Db | Tx, sha256: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ first: min(documents.createdAt) })
    .from(documents)
    .where(eq(documents.sha256, sha256));
  return row?.first ?? undefined;
}

/**
 * Read straight from aeo_applications (not through the AEO module's service, which authorizes for its
 * own purposes): the documents module only needs to know who takes part in the case.
 */
export async function findApplicationParties(
  db: Db | Tx,
  applicationId: string,
): Promise<ApplicationParties | undefined> {
  const [row] = await db
    .select({
      operatorId: aeoApplications.operatorId,
      administrationId: aeoApplications.administrationId,
      status: aeoApplications.status,
    })
    .from(aeoApplications)
    .where(eq(aeoApplications.id, applicationId));
  return row;
}
