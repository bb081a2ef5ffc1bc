import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../identity/identity.tables.js';

interface Localised {
  en: string;
  fr: string;
}

interface Source {
  publisher: string;
  title: string;
  url: string;
}

interface Reassessment {
  kind: 'fixed_term' | 'periodic_revalidation' | 'open_ended_monitoring';
  years?: number;
  note?: Localised;
}

/**
 * Programmes of the online AEO compilation that do not run on this platform (curated). Programmes run
 * here are not stored: they are read live from the AEO module. `review_state` is the publication
 * workflow: draft → submitted → published | rejected; only `published` rows are public.
 */
export const compilationProgrammes = pgTable(
  'compilation_programmes',
  {
    /** Public id: jurisdiction in lower case, "-" and a slug (`eu-aeo`). */
    id: text('id').primaryKey(),
    /** ISO 3166-1 alpha-2, or `EU` for the customs union's one programme. */
    country: text('country').notNull(),
    region: text('region'),
    name: text('name').notNull(),
    localName: text('local_name'),
    administration: text('administration').notNull(),
    type: text('type', { enum: ['aeo', 'compliance'] }).notNull(),
    status: text('status', { enum: ['operational', 'pilot', 'in_development'] }).notNull(),
    launchYear: integer('launch_year'),
    operatorRoles: text('operator_roles').array().notNull().default(sql`'{}'::text[]`),
    /** SAFE AEO heading "1" … "13" → summary of the programme's criterion. */
    criteria: jsonb('criteria').$type<Record<string, Localised>>().notNull().default({}),
    benefits: text('benefits').array().notNull().default(sql`'{}'::text[]`),
    reassessment: jsonb('reassessment').$type<Reassessment>(),
    /** Curated count of certified operators (null when not published by the programme). */
    aeoCount: integer('aeo_count'),
    website: text('website'),
    contact: text('contact'),
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    unverified: text('unverified').array().notNull().default(sql`'{}'::text[]`),
    reviewState: text('review_state', { enum: ['draft', 'submitted', 'published', 'rejected'] }).notNull(),
    reviewComment: text('review_comment'),
    /** The administration or secretariat that curates the entry; null for the shipped data set. */
    curatedByOrganisationId: uuid('curated_by_organisation_id').references(() => organisations.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One programme per jurisdiction and name (case-insensitive): a duplicate is refused with 409.
    uniqueIndex('compilation_programmes_country_name_uq').on(t.country, sql`lower(${t.name})`),
    index('compilation_programmes_review_idx').on(t.reviewState),
  ],
);

/** Mutual recognition arrangements, stored once with all their parties (jurisdiction codes). */
export const compilationMras = pgTable(
  'compilation_mras',
  {
    id: text('id').primaryKey(),
    parties: text('parties').array().notNull(),
    kind: text('kind', { enum: ['bilateral', 'plurilateral'] }).notNull(),
    status: text('status', { enum: ['signed', 'in_negotiation', 'suspended', 'terminated'] }).notNull(),
    /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only as precise as the public record. */
    signedOn: text('signed_on'),
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    unverified: text('unverified').array().notNull().default(sql`'{}'::text[]`),
    notes: jsonb('notes').$type<Localised>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('compilation_mras_parties_idx').using('gin', t.parties)],
);
