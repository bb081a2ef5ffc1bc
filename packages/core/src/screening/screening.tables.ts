import type {
  AeoFact,
  Consignment,
  FilingRejection,
  ScreeningExplanation,
  ScreeningPolicySettings,
} from '@aeolus/contracts';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * The screening tables are written at tens of thousands of rows a second (issue 4 targets), so the hot ones
 * (batches, results, parties, office usage) carry no foreign keys: the filing service is their only writer
 * and takes the administration, filer and rule-set version from rows it has just read. Results are
 * immutable once written; what happens to a consignment afterwards is recorded in outcomes.
 */

/**
 * One filing request (a single consignment, a JSON batch or one chunk of an NDJSON stream): who filed, when,
 * and the per-item refusals. An idempotent replay rebuilds its response from the batch and its results.
 */
export const screeningBatches = pgTable(
  'screening_batches',
  {
    id: uuid('id').primaryKey(),
    administrationId: uuid('administration_id').notNull(),
    filerOrganisationId: uuid('filer_organisation_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    format: text('format', { enum: ['single', 'json', 'ndjson', 'csv'] }).notNull(),
    itemCount: integer('item_count').notNull(),
    acceptedCount: integer('accepted_count').notNull(),
    /** Items refused with their field problems; `index` is the item's position in the request. */
    rejected: jsonb('rejected').$type<FilingRejection[]>().notNull(),
    /** For an NDJSON chunk: the position of its first line in the stream. */
    firstIndex: integer('first_index').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    actorLabel: text('actor_label').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('screening_batches_filer_idx').on(t.filerOrganisationId, t.receivedAt),
    index('screening_batches_admin_idx').on(t.administrationId, t.receivedAt),
  ],
);

/**
 * The screening of one consignment: the data as filed, the lane and score, the referrals, the explanation
 * (every fired rule with its evidence and every selectivity step), and what decided it — rule-set version,
 * policy revision, watch-list revision, the AEO facts read from the register and the random draw.
 */
export const screeningResults = pgTable(
  'screening_results',
  {
    id: uuid('id').primaryKey(),
    administrationId: uuid('administration_id').notNull(),
    batchId: uuid('batch_id').notNull(),
    batchIndex: integer('batch_index').notNull(),
    filerOrganisationId: uuid('filer_organisation_id').notNull(),
    /** The consignment's key: its UCR, or `<document type> <number>`; the random draw is seeded by it. */
    reference: text('reference').notNull(),
    transportDocument: text('transport_document').notNull(),
    mode: text('mode').notNull(),
    dataset: text('dataset', { enum: ['full', 'placi'] }).notNull(),
    /** UN/LOCODE of the place of unloading: the office whose capacity a red selection uses. */
    office: text('office'),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    consignment: jsonb('consignment').$type<Consignment>().notNull(),
    lane: text('lane', { enum: ['green', 'blue', 'yellow', 'red'] }).notNull(),
    score: doublePrecision('score').notNull(),
    referrals: text('referrals').array().notNull(),
    firedRuleIds: text('fired_rule_ids').array().notNull(),
    explanation: jsonb('explanation').$type<ScreeningExplanation>().notNull(),
    ruleSetVersionId: uuid('rule_set_version_id').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    policyRevision: integer('policy_revision').notNull(),
    watchListsRevision: integer('watch_lists_revision').notNull(),
    aeoFacts: jsonb('aeo_facts').$type<AeoFact[]>().notNull(),
    /** A party held an active AEO certificate and the programme benefit applied. */
    isAeo: boolean('is_aeo').notNull(),
    randomDraw: doublePrecision('random_draw').notNull(),
    randomlySelected: boolean('randomly_selected').notNull(),
    capacityDowngraded: boolean('capacity_downgraded').notNull(),
    /**
     * Hours between filing and the mode's lodgement deadline (negative: filed late), as the risk engine
     * derives it; null when the filing lacks the times the deadline needs. The SAFE review measures Pillar 1
     * standard 6 (advance electronic information in time for risk assessment) from it.
     */
    filingMarginHours: doublePrecision('filing_margin_hours'),
  },
  (t) => [
    index('screening_results_admin_received_idx').on(t.administrationId, t.receivedAt, t.id),
    index('screening_results_admin_lane_idx').on(t.administrationId, t.lane, t.receivedAt),
    index('screening_results_admin_reference_idx').on(t.administrationId, t.reference),
    index('screening_results_fired_idx').using('gin', t.firedRuleIds),
    uniqueIndex('screening_results_batch_uq').on(t.batchId, t.batchIndex),
  ],
);

/**
 * What an examination found (outcomes feedback): the ground truth for backtests and for the AEO benefit
 * measurement. Append-only; the latest outcome of a result is the current one.
 */
export const screeningOutcomes = pgTable(
  'screening_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => screeningResults.id),
    administrationId: uuid('administration_id').notNull(),
    outcome: text('outcome', { enum: ['no_finding', 'discrepancy', 'seizure'] }).notNull(),
    notes: text('notes'),
    officerUserId: uuid('officer_user_id'),
    officerLabel: text('officer_label').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('screening_outcomes_result_idx').on(t.resultId, t.recordedAt),
    index('screening_outcomes_admin_idx').on(t.administrationId, t.recordedAt),
  ],
);

/**
 * Parties an administration has seen in filings, by EORI or by normalised name and country: the source of
 * the `facts.*FirstSeen` facts (a new or unknown party is a typical indicator, DOMAIN.md §7).
 */
export const screeningParties = pgTable(
  'screening_parties',
  {
    administrationId: uuid('administration_id').notNull(),
    partyKey: text('party_key').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.administrationId, t.partyKey] })],
);

/** Red selections counted per office and day, against the policy's daily examination capacity. */
export const screeningOfficeUsage = pgTable(
  'screening_office_usage',
  {
    administrationId: uuid('administration_id').notNull(),
    office: text('office').notNull(),
    day: date('day').notNull(),
    reds: integer('reds').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.administrationId, t.office, t.day] })],
);

/**
 * A backtest: a candidate rule-set version (and optionally policy settings) replayed over past screening
 * results in a time window, compared with what was decided and with recorded outcomes.
 */
export const screeningBacktests = pgTable(
  'screening_backtests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    administrationId: uuid('administration_id').notNull(),
    ruleSetVersionId: uuid('rule_set_version_id').notNull(),
    /** Policy settings to test with; null: the policy in force when the backtest runs. */
    policy: jsonb('policy').$type<ScreeningPolicySettings>(),
    from: timestamp('from', { withTimezone: true }).notNull(),
    to: timestamp('to', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    consignmentCount: integer('consignment_count').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('screening_backtests_admin_idx').on(t.administrationId, t.createdAt)],
);
