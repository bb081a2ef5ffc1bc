import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface LocalisedText {
  en: string;
  fr: string;
}

/**
 * In-app notifications, one row per person (`notifyOrganisation` writes a row for each member), so read
 * state is per person. `userId` is nullable only for history; the readers select by person.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id'),
    type: text('type').notNull(),
    title: jsonb('title').$type<LocalisedText>().notNull(),
    body: jsonb('body').$type<LocalisedText>().notNull(),
    link: text('link'),
    eventId: uuid('event_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_org_created_idx').on(t.organisationId, t.createdAt)],
);
