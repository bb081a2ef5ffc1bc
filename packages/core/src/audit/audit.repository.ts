import { and, desc, eq, gte, ilike, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { appMeta } from '../events/events.tables.js';
import { auditLog } from './audit.tables.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export const AUDIT_HEAD_KEY = 'audit.head';
// Names the advisory lock that serialises appends, so that `seq` and `prev_hash` form one chain.
const AUDIT_LOCK_KEY = 7_411_202_402;

/** Taken by every audited writer until it commits: the chain grows one entry at a time. */
export function lockAuditChainStatement(): SQL {
  return sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
}

/** The last entry's `seq` and `hash` (rows of `seq`, `hash`), for `sendInOrder` after the lock. */
export function lastAuditRowStatement(): SQL {
  return sql`select ${auditLog.seq} as seq, ${auditLog.hash} as hash from ${auditLog} order by ${auditLog.seq} desc limit 1`;
}

/** The entry and the head that names it, in one statement (a writable CTE: one round trip, not two). */
export async function insertAuditRow(tx: Tx, row: NewAuditRow): Promise<void> {
  const head = { seq: row.seq, hash: row.hash };
  const entry = tx.insert(auditLog).values(row);
  const pointer = tx
    .insert(appMeta)
    .values({ key: AUDIT_HEAD_KEY, value: head })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: head, updatedAt: new Date() } });
  await tx.execute(sql`with entry as (${entry.getSQL()}) ${pointer.getSQL()}`);
}

export async function findAuditHead(db: Db | Tx): Promise<{ seq: number; hash: string } | null> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, AUDIT_HEAD_KEY));
  return (row?.value as { seq: number; hash: string } | undefined) ?? null;
}

export async function listAuditRowsAfter(db: Db | Tx, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.seq} > ${afterSeq}`)
    .orderBy(auditLog.seq)
    .limit(limit);
}

export interface AuditFilter {
  organisationId: string | null;
  actor?: string;
  action?: string;
  subject?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

/** Tenant-scoped: only entries of `organisationId` are ever returned. */
export async function listAuditRows(db: Db | Tx, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: SQL[] = [
    filter.organisationId === null
      ? sql`${auditLog.organisationId} is null`
      : eq(auditLog.organisationId, filter.organisationId),
  ];
  if (filter.actor) conditions.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.action) conditions.push(ilike(auditLog.action, `${escapeLike(filter.action)}%`));
  if (filter.subject) {
    const s = `%${escapeLike(filter.subject)}%`;
    conditions.push(or(ilike(auditLog.subjectType, s), ilike(auditLog.subjectId, s))!);
  }
  if (filter.from) conditions.push(gte(auditLog.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditLog.occurredAt, filter.to));
  if (filter.before) conditions.push(lt(auditLog.seq, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
