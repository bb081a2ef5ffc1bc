import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../identity/identity.tables.js';
import type { StatutoryClocks } from './aeo.deadlines.js';

export interface Localised {
  en: string;
  fr: string;
}

export interface ProgrammeCategory {
  /** Short code used in AEO identifiers, e.g. `S` (security and safety), `C` (customs simplifications), `F` (both). */
  code: string;
  name: Localised;
  description: Localised;
}

export interface ProgrammeBenefit {
  /** Stable code other capabilities look up, e.g. `reduced_examination`, `recovery_priority`. */
  code: string;
  name: Localised;
  description: Localised;
  /** Categories that get this benefit; empty = all. */
  categories: string[];
  /** Optional figure, e.g. a score reduction or a random-selection rate used by screening. */
  parameters?: Record<string, number>;
}

export type ProgrammeValidity =
  | { kind: 'open_ended'; reassessmentYears: number }
  | { kind: 'fixed_term'; years: number };

/** One AEO programme per administration (SAFE pillar 2), with its settings as data. */
export const aeoProgrammes = pgTable(
  'aeo_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => organisations.id),
    name: jsonb('name').$type<Localised>().notNull(),
    /** Prefix inside AEO identifiers after the country code, e.g. `AEO` in `NLAEOF000001`. */
    identifierPrefix: text('identifier_prefix').notNull().default('AEO'),
    nextNationalNumber: integer('next_national_number').notNull().default(1),
    categories: jsonb('categories').$type<ProgrammeCategory[]>().notNull(),
    eligibleRoles: text('eligible_roles').array().notNull(),
    validity: jsonb('validity').$type<ProgrammeValidity>().notNull(),
    clocks: jsonb('clocks').$type<StatutoryClocks>().notNull(),
    benefits: jsonb('benefits').$type<ProgrammeBenefit[]>().notNull(),
    /** The published SAQ definitions used for new applications (standard and SME). */
    saqDefinitionId: uuid('saq_definition_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('aeo_programmes_administration_uq').on(t.administrationId)],
);

/** The criteria catalogue: every criterion maps to one of the 13 SAFE AEO requirement headings. */
export const aeoCriteria = pgTable(
  'aeo_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => aeoProgrammes.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: jsonb('title').$type<Localised>().notNull(),
    description: jsonb('description').$type<Localised>().notNull(),
    /** SAFE AEO requirement heading 1–13 (see DOMAIN.md §2). */
    safeHeading: smallint('safe_heading').notNull(),
    /** Categories the criterion applies to; empty = all. */
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    /** Whether a validator normally examines it on site (the risk-based plan may change that). */
    onSiteByDefault: boolean('on_site_by_default').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('aeo_criteria_programme_code_uq').on(t.programmeId, t.code)],
);

export const aeoApplications = pgTable(
  'aeo_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => aeoProgrammes.id),
    administrationId: uuid('administration_id').notNull(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category').notNull(),
    /** The SAQ definition version the answers belong to; editing the definition never changes it. */
    saqDefinitionId: uuid('saq_definition_id'),
    saqVariant: text('saq_variant', { enum: ['standard', 'sme'] })
      .notNull()
      .default('standard'),
    saqAnswers: jsonb('saq_answers').$type<Record<string, unknown>>().notNull().default({}),
    assignedValidatorId: uuid('assigned_validator_id').references(() => users.id),
    /** Cached fold of the action log (kept in the same transaction as each action) for queues. */
    status: text('status').notNull().default('draft'),
    awaitingInformation: boolean('awaiting_information').notNull().default(false),
    nextDeadline: timestamp('next_deadline', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('aeo_applications_reference_uq').on(t.reference),
    index('aeo_applications_admin_status_idx').on(t.administrationId, t.status),
    index('aeo_applications_operator_idx').on(t.operatorId),
  ],
);

/** Append-only: the application's state is derived from these rows (OpenCRVS-style action log). */
export const aeoApplicationActions = pgTable(
  'aeo_application_actions',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => aeoApplications.id),
    type: text('type').notNull(),
    side: text('side', { enum: ['operator', 'administration'] }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('aeo_application_actions_app_idx').on(t.applicationId, t.seq)],
);

export const aeoChecklistItems = pgTable(
  'aeo_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => aeoApplications.id),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => aeoCriteria.id),
    /** In the risk-based plan: examine on site, and why. */
    onSite: boolean('on_site').notNull().default(false),
    planReason: text('plan_reason'),
    result: text('result', { enum: ['met', 'partly_met', 'not_met', 'not_applicable'] }),
    notes: text('notes'),
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'::uuid[]`),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('aeo_checklist_app_criterion_uq').on(t.applicationId, t.criterionId)],
);

export const aeoCorrectiveActions = pgTable(
  'aeo_corrective_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => aeoApplications.id),
    criterionId: uuid('criterion_id').references(() => aeoCriteria.id),
    description: text('description').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    operatorResponse: text('operator_response'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('aeo_corrective_actions_app_idx').on(t.applicationId)],
);

/**
 * An issued AEO certificate. `status` is the public truth that verification reads: suspension,
 * reinstatement and revocation change it in the same transaction as the application action.
 */
export const aeoCertificates = pgTable(
  'aeo_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ISO country code + national number, e.g. `NLAEOF000001`. */
    aeoId: text('aeo_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => aeoApplications.id),
    programmeId: uuid('programme_id').notNull(),
    administrationId: uuid('administration_id').notNull(),
    holderId: uuid('holder_id').notNull(),
    category: text('category').notNull(),
    status: text('status', { enum: ['active', 'suspended', 'revoked'] })
      .notNull()
      .default('active'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    reassessmentDue: date('reassessment_due'),
    /** The signed W3C Verifiable Credential as a compact JWS (EdDSA). */
    credential: text('credential').notNull(),
    keyId: text('key_id').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('aeo_certificates_aeo_id_uq').on(t.aeoId),
    index('aeo_certificates_holder_idx').on(t.holderId),
    index('aeo_certificates_admin_status_idx').on(t.administrationId, t.status),
  ],
);

/** Significant changes and security incidents an AEO reports (monitoring); each opens a review. */
export const aeoMonitoringReports = pgTable(
  'aeo_monitoring_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => aeoCertificates.id),
    administrationId: uuid('administration_id').notNull(),
    holderId: uuid('holder_id').notNull(),
    kind: text('kind', {
      enum: ['ownership', 'premises', 'legal_form', 'management', 'security_incident', 'other'],
    }).notNull(),
    description: text('description').notNull(),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reviewStatus: text('review_status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    outcome: text('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('aeo_monitoring_reports_admin_idx').on(t.administrationId, t.reviewStatus)],
);
