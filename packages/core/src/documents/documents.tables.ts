import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An accepted piece of evidence. The bytes live in the content-addressed store under `sha256`; this row
 * says who uploaded it and what it is attached to. Access follows access to that subject.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    originalName: text('original_name').notNull(),
    pageCount: integer('page_count'),
    signatures: jsonb('signatures').$type<unknown[]>().notNull().default([]),
    attachedToType: text('attached_to_type').notNull(),
    attachedToId: uuid('attached_to_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_sha256_idx').on(t.sha256),
    index('documents_subject_idx').on(t.attachedToType, t.attachedToId),
  ],
);
