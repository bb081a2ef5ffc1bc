import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { apiKeys, memberships, organisations, sessions, users } from './identity.tables.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export interface MembershipView {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationRow['kind'];
  country: string | null;
  role: (typeof memberships.$inferSelect)['role'];
}

// Organisations ---------------------------------------------------------------------------------------

export async function insertOrganisation(tx: Db | Tx, values: typeof organisations.$inferInsert) {
  const [row] = await tx.insert(organisations).values(values).returning();
  return row!;
}

export async function findOrganisation(db: Db | Tx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function listOrganisations(db: Db | Tx): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

// Users -----------------------------------------------------------------------------------------------

export async function insertUser(tx: Db | Tx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

export async function findUserByEmail(db: Db | Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUser(db: Db | Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function updateUser(tx: Db | Tx, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await tx
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Counts a failed sign-in atomically and returns the new count. */
export async function incrementFailedLogins(tx: Db | Tx, id: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning({ count: users.failedLoginCount });
  return row?.count ?? 0;
}

// Memberships -----------------------------------------------------------------------------------------

export async function insertMembership(tx: Db | Tx, values: typeof memberships.$inferInsert) {
  await tx.insert(memberships).values(values).onConflictDoNothing();
}

export async function listMemberships(db: Db | Tx, userId: string): Promise<MembershipView[]> {
  return db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      country: organisations.country,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name), asc(memberships.role));
}

/** Members of one organisation only: the tenant is part of the query, not a filter applied later. */
export async function listOrganisationMembers(db: Db | Tx, organisationId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.email), asc(memberships.role));
}

// Sessions --------------------------------------------------------------------------------------------

export async function insertSession(tx: Db | Tx, values: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(values).returning();
  return row!;
}

export async function findLiveSession(db: Db | Tx, id: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row;
}

export async function updateSession(tx: Db | Tx, id: string, values: Partial<typeof sessions.$inferInsert>) {
  await tx.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function deleteSession(tx: Db | Tx, id: string): Promise<SessionRow | undefined> {
  const [row] = await tx.delete(sessions).where(eq(sessions.id, id)).returning();
  return row;
}

export async function deleteUserSessions(tx: Db | Tx, userId: string, exceptId?: string) {
  const condition = exceptId
    ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
    : eq(sessions.userId, userId);
  await tx.delete(sessions).where(condition);
}

export async function deleteExpiredSessions(tx: Db | Tx, now: Date) {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
}

// API keys --------------------------------------------------------------------------------------------

export async function insertApiKey(tx: Db | Tx, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKeys).values(values).returning();
  return row!;
}

/** What authenticating a key needs: the key, its organisation's kind and its creator's roles there. */
export interface ApiKeyCredential {
  id: string;
  prefix: string;
  organisationId: string;
  organisationKind: OrganisationRow['kind'];
  createdByUserId: string | null;
  name: string;
  secretHash: string;
  scopes: string[];
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The creator's current roles in the key's organisation (empty for a system key). */
  creatorRoles: string[];
}

/** The keys with these prefixes, with their organisation's kind and their creator's roles, in one statement. */
export async function findApiKeyCredentials(
  db: Db | Tx,
  prefixes: readonly string[],
): Promise<Map<string, ApiKeyCredential>> {
  const result = await db.execute(sql`
    select k.id, k.prefix, k.organisation_id, o.kind as organisation_kind, k.created_by_user_id, k.name,
           k.secret_hash, k.scopes, k.last_used_at, k.expires_at, k.revoked_at,
           coalesce((select array_agg(m.role order by m.role) from memberships m
                      where m.user_id = k.created_by_user_id and m.organisation_id = k.organisation_id),
                    '{}'::text[]) as creator_roles
      from api_keys k join organisations o on o.id = k.organisation_id
     where k.prefix = any(${sql.param([...prefixes])}::text[])`);
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const found = new Map<string, ApiKeyCredential>();
  for (const r of (result as unknown as { rows: Record<string, unknown>[] }).rows) {
    found.set(r.prefix as string, {
      id: r.id as string,
      prefix: r.prefix as string,
      organisationId: r.organisation_id as string,
      organisationKind: r.organisation_kind as OrganisationRow['kind'],
      createdByUserId: (r.created_by_user_id as string | null) ?? null,
      name: r.name as string,
      secretHash: r.secret_hash as string,
      scopes: r.scopes as string[],
      lastUsedAt: date(r.last_used_at),
      expiresAt: date(r.expires_at),
      revokedAt: date(r.revoked_at),
      creatorRoles: r.creator_roles as string[],
    });
  }
  return found;
}

/** Scoped by organisation: a key of another tenant is simply not found. */
export async function findApiKey(
  db: Db | Tx,
  organisationId: string,
  id: string,
): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.organisationId, organisationId), eq(apiKeys.id, id)));
  return row;
}

export async function listApiKeys(
  db: Db | Tx,
  filter: { organisationId: string; createdByUserId?: string },
): Promise<(ApiKeyRow & { createdByEmail: string | null })[]> {
  const rows = await db
    .select({ key: apiKeys, createdByEmail: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(
      and(
        eq(apiKeys.organisationId, filter.organisationId),
        filter.createdByUserId ? eq(apiKeys.createdByUserId, filter.createdByUserId) : undefined,
      ),
    )
    .orderBy(asc(apiKeys.createdAt));
  return rows.map((r) => ({ ...r.key, createdByEmail: r.createdByEmail }));
}

export async function revokeApiKeyRow(tx: Db | Tx, organisationId: string, id: string, at: Date) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.organisationId, organisationId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}

export async function touchApiKeys(db: Db | Tx, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await db.update(apiKeys).set({ lastUsedAt: at }).where(inArray(apiKeys.id, ids));
}
