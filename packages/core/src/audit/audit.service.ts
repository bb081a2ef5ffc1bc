import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditPage, AuditQuery, AuditVerification } from '@aeolus/contracts';
import type { Db, Tx } from '../db/client.js';
import { sendInOrder } from '../db/pipeline.js';
import type { Actor } from '../identity/actor.js';
import { actorId, actorOrganisationId } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { auditHash, ChainVerifier, GENESIS_HASH } from './audit.chain.js';
import * as repo from './audit.repository.js';
import type { AuditSummary } from './audit.tables.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  summary?: AuditSummary;
  /** Defaults to the actor's organisation. */
  organisationId?: string | null;
}

/**
 * Appends one entry to the chain inside the caller's transaction. The advisory lock serialises
 * appenders, so each entry's `prev_hash` is the hash of the entry before it, across all processes.
 */
export async function appendAudit(
  tx: Tx,
  actor: Actor,
  record: AuditRecord,
): Promise<{ seq: number; hash: string }> {
  // The chain's lock, then its head: two statements, as a statement's snapshot predates the lock it waits
  // for; sent together, answered in one round trip (db/pipeline.ts).
  const [, head] = await sendInOrder(tx, [repo.lockAuditChainStatement(), repo.lastAuditRowStatement()]);
  const last = head?.[0];
  const seq = (last ? Number(last.seq) : 0) + 1;
  const prevHash = last ? String(last.hash) : GENESIS_HASH;
  const content = {
    seq,
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    organisationId: record.organisationId === undefined ? actorOrganisationId(actor) : record.organisationId,
    actorType: actor.kind === 'system' ? (actor.label === 'public' ? 'public' : 'system') : actor.kind,
    actorId: actorId(actor),
    actorLabel: actor.label,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId ?? null,
    // A JSON round-trip gives the exact value PostgreSQL's jsonb will hand back when we verify.
    summary: JSON.parse(JSON.stringify(record.summary ?? {})) as AuditSummary,
    requestId: actor.requestId ?? null,
  } as const;
  const hash = auditHash(prevHash, content);
  await repo.insertAuditRow(tx, {
    ...content,
    occurredAt: new Date(content.occurredAt),
    actorType: content.actorType,
    prevHash,
    hash,
  });
  return { seq, hash };
}

export interface VerifyAuditOptions {
  pageSize?: number;
  /** Called after each page with the number of entries checked so far (progress bars); awaited. */
  onProgress?: (checked: number) => void | Promise<void>;
}

/**
 * Walks the whole chain in pages and reports the first entry that was altered, removed or reordered.
 * Safe while the server keeps writing: no long transaction is held, and the head is read after the walk.
 * An entry and the head that names it commit together, so a head beyond the last entry seen is either an
 * append that committed meanwhile (the walk goes on to it) or a cut tail (nothing more to read).
 */
export async function verifyAuditChain(db: Db, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const verifier = new ChainVerifier();
  const pageSize = options.pageSize ?? 5000;
  const walk = async (): Promise<boolean> => {
    for (;;) {
      const rows = await repo.listAuditRowsAfter(db, verifier.lastSeq, pageSize);
      for (const row of rows) {
        if (!verifier.push({ ...row, occurredAt: row.occurredAt.toISOString() })) return false;
      }
      await options.onProgress?.(verifier.checked);
      if (rows.length < pageSize) return true;
    }
  };
  if (!(await walk())) return verifier.finish(null);
  for (;;) {
    const head = await repo.findAuditHead(db);
    if (!head || head.seq <= verifier.lastSeq) return verifier.finish(head);
    const before = verifier.checked;
    if (!(await walk())) return verifier.finish(null);
    if (verifier.checked === before) return verifier.finish(head);
  }
}

/** One entry by its position in the chain, for reports such as `aeolus audit verify` (no tenant scope). */
export async function findAuditEntry(db: Db, seq: number): Promise<AuditEntry | undefined> {
  const [row] = await repo.listAuditRowsAfter(db, seq - 1, 1);
  return row && row.seq === seq ? toAuditEntry(row) : undefined;
}

export async function listAuditEntries(db: Db, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  authorize(actor, 'audit:read');
  const rows = await repo.listAuditRows(db, {
    organisationId: tenantOf(actor),
    actor: query.actor,
    action: query.action,
    subject: query.subject,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAuditEntry),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

export function toAuditEntry(row: repo.AuditRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    organisationId: row.organisationId,
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    summary: row.summary as Record<string, unknown>,
    requestId: row.requestId,
    hash: row.hash,
  };
}
