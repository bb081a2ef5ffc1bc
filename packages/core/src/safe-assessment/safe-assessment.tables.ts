import { sql } from 'drizzle-orm';
import {
  date,
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

/**
 * SAFE implementation assessment (SAFE Framework review cycle, monitoring questionnaire): campaigns the
 * WCO secretariat opens, the administrations it invites, their responses, the secretariat's comments on a
 * returned response, and each administration's improvement plan (carried from cycle to cycle).
 */
export const safeCampaigns = pgTable(
  'safe_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The secretariat organisation that opened it. */
    secretariatId: uuid('secretariat_id').notNull(),
    name: text('name').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** The pinned questionnaire version (a published row of questionnaire_definitions). */
    definitionId: uuid('definition_id').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('safe_campaigns_deadline_idx').on(t.status, t.deadline)],
);

export const safeCampaignInvitations = pgTable(
  'safe_campaign_invitations',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => safeCampaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    /** Reminders already sent, as days before the deadline (e.g. {7,1}): each is sent once. */
    remindedDays: integer('reminded_days').array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.organisationId] }),
    index('safe_campaign_invitations_org_idx').on(t.organisationId),
  ],
);

export interface SafeContributorRow {
  userId: string;
  /** Display name when saved (rows from before names were kept hold the email here). */
  name: string;
  email?: string;
  lastSavedAt: string;
}

export const safeResponses = pgTable(
  'safe_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => safeCampaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    /** The questionnaire version the answers were given for (the campaign's, copied: never re-pointed). */
    definitionId: uuid('definition_id').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'returned'] })
      .notNull()
      .default('draft'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    contributors: jsonb('contributors').$type<SafeContributorRow[]>().notNull().default([]),
    /** The score card computed at submission (what aggregates read); null while not submitted. */
    scoreCard: jsonb('score_card').$type<Record<string, unknown>>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('safe_responses_campaign_org_uq').on(t.campaignId, t.organisationId),
    index('safe_responses_org_idx').on(t.organisationId, t.status),
  ],
);

export const safeResponseComments = pgTable(
  'safe_response_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => safeResponses.id, { onDelete: 'cascade' }),
    questionId: text('question_id'),
    text: text('text').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('safe_response_comments_response_idx').on(t.responseId)],
);

export const safePlanActions = pgTable(
  'safe_plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    campaignId: uuid('campaign_id'),
    gapDimension: text('gap_dimension', { enum: ['standard', 'theme', 'focus', 'action'] }),
    gapId: text('gap_id'),
    questionId: text('question_id'),
    libraryActionId: text('library_action_id'),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['planned', 'in_progress', 'done', 'dropped'] })
      .notNull()
      .default('planned'),
    progressNote: text('progress_note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('safe_plan_actions_org_idx').on(t.organisationId)],
);
