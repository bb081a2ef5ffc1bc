import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { ruleSetVersions, screeningPolicies, watchLists } from './rule-sets.tables.js';

/** Queries only: no authorization, no decisions. The administration is always a parameter. */
type Conn = Db | Tx;

export type RuleSetVersionRow = typeof ruleSetVersions.$inferSelect;
export type WatchListRow = typeof watchLists.$inferSelect;
export type PolicyRow = typeof screeningPolicies.$inferSelect;

export async function listVersions(db: Conn, administrationId: string): Promise<RuleSetVersionRow[]> {
  return db
    .select()
    .from(ruleSetVersions)
    .where(eq(ruleSetVersions.administrationId, administrationId))
    .orderBy(asc(ruleSetVersions.ruleSetId), desc(ruleSetVersions.version));
}

export async function findVersion(
  db: Conn,
  administrationId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RuleSetVersionRow | undefined> {
  const query = db
    .select()
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.administrationId, administrationId), eq(ruleSetVersions.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function findPublishedVersion(
  db: Conn,
  administrationId: string,
): Promise<RuleSetVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(ruleSetVersions)
    .where(
      and(eq(ruleSetVersions.administrationId, administrationId), eq(ruleSetVersions.status, 'published')),
    );
  return row;
}

export async function nextVersionNumber(
  tx: Tx,
  administrationId: string,
  ruleSetId: string,
): Promise<number> {
  // Serialises drafts of one rule set so that two concurrent drafts do not take the same number.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`rule-set:${administrationId}:${ruleSetId}`}, 0))`,
  );
  const [row] = await tx
    .select({ last: max(ruleSetVersions.version) })
    .from(ruleSetVersions)
    .where(
      and(eq(ruleSetVersions.administrationId, administrationId), eq(ruleSetVersions.ruleSetId, ruleSetId)),
    );
  return (row?.last ?? 0) + 1;
}

export async function insertVersion(tx: Tx, values: typeof ruleSetVersions.$inferInsert) {
  const [row] = await tx.insert(ruleSetVersions).values(values).returning();
  return row!;
}

export async function updateVersion(
  tx: Tx,
  id: string,
  values: Partial<typeof ruleSetVersions.$inferInsert>,
): Promise<RuleSetVersionRow> {
  const [row] = await tx.update(ruleSetVersions).set(values).where(eq(ruleSetVersions.id, id)).returning();
  return row!;
}

export async function listWatchLists(db: Conn, administrationId: string): Promise<WatchListRow[]> {
  return db
    .select()
    .from(watchLists)
    .where(eq(watchLists.administrationId, administrationId))
    .orderBy(asc(watchLists.name));
}

export async function findWatchList(
  db: Conn,
  administrationId: string,
  name: string,
): Promise<WatchListRow | undefined> {
  const [row] = await db
    .select()
    .from(watchLists)
    .where(and(eq(watchLists.administrationId, administrationId), eq(watchLists.name, name)));
  return row;
}

export async function insertWatchList(tx: Tx, values: typeof watchLists.$inferInsert): Promise<WatchListRow> {
  const [row] = await tx.insert(watchLists).values(values).returning();
  return row!;
}

export async function updateWatchList(
  tx: Tx,
  id: string,
  values: Partial<typeof watchLists.$inferInsert>,
): Promise<WatchListRow> {
  const [row] = await tx
    .update(watchLists)
    .set({ ...values, revision: sql`${watchLists.revision} + 1`, updatedAt: sql`now()` })
    .where(eq(watchLists.id, id))
    .returning();
  return row!;
}

export async function deleteWatchList(tx: Tx, id: string): Promise<void> {
  await tx.delete(watchLists).where(eq(watchLists.id, id));
}

export async function findPolicy(
  db: Conn,
  administrationId: string,
  options: { lock?: boolean } = {},
): Promise<PolicyRow | undefined> {
  const query = db
    .select()
    .from(screeningPolicies)
    .where(eq(screeningPolicies.administrationId, administrationId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertPolicy(
  tx: Tx,
  values: typeof screeningPolicies.$inferInsert,
): Promise<PolicyRow> {
  const [row] = await tx.insert(screeningPolicies).values(values).onConflictDoNothing().returning();
  return row ?? (await findPolicy(tx, values.administrationId, { lock: true }))!;
}

export async function updatePolicy(
  tx: Tx,
  administrationId: string,
  values: Partial<typeof screeningPolicies.$inferInsert>,
): Promise<PolicyRow> {
  const [row] = await tx
    .update(screeningPolicies)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(screeningPolicies.administrationId, administrationId))
    .returning();
  return row!;
}

/** Bumps the administration's watch-list revision (the policy row exists: callers ensure it). */
export async function bumpWatchListsRevision(tx: Tx, administrationId: string): Promise<number> {
  const [row] = await tx
    .update(screeningPolicies)
    .set({ watchListsRevision: sql`${screeningPolicies.watchListsRevision} + 1` })
    .where(eq(screeningPolicies.administrationId, administrationId))
    .returning({ revision: screeningPolicies.watchListsRevision });
  return row!.revision;
}

/**
 * The head of an administration's screening configuration in one indexed read: the published version and
 * the policy and watch-list revisions. The filing service compares it with its cache on every filing.
 */
export async function findScreeningHead(db: Conn, administrationId: string) {
  const [row] = await db
    .select({
      policy: screeningPolicies,
      versionId: ruleSetVersions.id,
      ruleSetId: ruleSetVersions.ruleSetId,
      version: ruleSetVersions.version,
    })
    .from(screeningPolicies)
    .leftJoin(
      ruleSetVersions,
      and(
        eq(ruleSetVersions.administrationId, screeningPolicies.administrationId),
        eq(ruleSetVersions.status, 'published'),
      ),
    )
    .where(eq(screeningPolicies.administrationId, administrationId));
  return row;
}
