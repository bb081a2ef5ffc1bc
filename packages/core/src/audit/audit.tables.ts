import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface AuditSummary {
  before?: unknown;
  after?: unknown;
  note?: string;
}

/**
 * Append-only and hash-chained: `hash` = SHA-256 over (`prevHash`, canonical JSON of the entry's own
 * content including `seq`). Altering, removing or reordering a row breaks the chain at that row.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    organisationId: uuid('organisation_id'),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'system', 'public'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    summary: jsonb('summary').$type<AuditSummary>().notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_org_seq_idx').on(t.organisationId, t.seq),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_occurred_idx').on(t.occurredAt),
  ],
);
