import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Stored questionnaire definition versions (AEO SAQ, SAFE monitoring). A published version is never
 * edited: a response points at the version it was given for, and its fingerprint proves which text.
 */
export const questionnaireDefinitions = pgTable(
  'questionnaire_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: text('version').notNull(),
    kind: text('kind', { enum: ['aeo_saq', 'safe_monitoring'] }).notNull(),
    /** The administration or secretariat that owns it; null for the definitions the platform ships. */
    ownerOrganisationId: uuid('owner_organisation_id'),
    status: text('status', { enum: ['draft', 'published', 'retired'] })
      .notNull()
      .default('draft'),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    fingerprint: text('fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('questionnaire_definitions_key_version_uq').on(t.key, t.version),
    index('questionnaire_definitions_owner_idx').on(t.ownerOrganisationId, t.kind),
  ],
);
