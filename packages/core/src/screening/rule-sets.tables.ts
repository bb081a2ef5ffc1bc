import type { RuleSet, ScreeningPolicySettings } from '@aeolus/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../identity/identity.tables.js';

/**
 * Rule-set versions of an administration: draft → published → retired. A draft is edited in place (it keeps
 * its number); publishing freezes it (the service refuses any change to a published or retired version) and
 * retires the version published before it, so an administration screens with exactly one version at a time
 * (partial unique index). Every screening result names the version that decided it.
 */
export const ruleSetVersions = pgTable(
  'screening_rule_set_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => organisations.id),
    /** The rule set's own id in the file (`nl-demo`); versions are numbered per (administration, id). */
    ruleSetId: text('rule_set_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published', 'retired'] })
      .notNull()
      .default('draft'),
    name: text('name').notNull(),
    /** The rule-set file as exchanged on import and export (its `version`/`status` are the columns'). */
    definition: jsonb('definition').$type<RuleSet>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredBy: text('retired_by'),
  },
  (t) => [
    uniqueIndex('screening_rule_set_versions_number_uq').on(t.administrationId, t.ruleSetId, t.version),
    uniqueIndex('screening_rule_set_versions_published_uq')
      .on(t.administrationId)
      .where(sql`status = 'published'`),
    index('screening_rule_set_versions_admin_idx').on(t.administrationId, t.createdAt),
  ],
);

/**
 * Watch lists belong to the administration and are referenced by name from rule sets, not copied into
 * versions: intelligence lists change daily, rule sets rarely. Each change bumps the list's `revision` and
 * the administration's `watch_lists_revision` (on the policy row), which every screening result records
 * and which keys the compiled-program cache, so a list change takes effect on the next filing.
 */
export const watchLists = pgTable(
  'screening_watch_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description'),
    entries: jsonb('entries').$type<string[]>().notNull(),
    includes: text('includes').array().notNull().default(sql`'{}'::text[]`),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [uniqueIndex('screening_watch_lists_name_uq').on(t.administrationId, t.name)],
);

/**
 * The administration's selectivity policy (thresholds, random selection, AEO treatment, office capacity) and
 * the head of its screening configuration: `revision` counts policy changes, `watchListsRevision` counts
 * watch-list changes. `randomSeed` keys the random draw; it never leaves the server, so a filer cannot
 * predict which consignments will be drawn. Earlier revisions are kept in the audit log (`summary`).
 */
export const screeningPolicies = pgTable('screening_policies', {
  administrationId: uuid('administration_id')
    .primaryKey()
    .references(() => organisations.id),
  revision: integer('revision').notNull().default(1),
  settings: jsonb('settings').$type<ScreeningPolicySettings>().notNull(),
  randomSeed: text('random_seed').notNull(),
  watchListsRevision: integer('watch_lists_revision').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});
