import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';

/** Notifications are written in both working languages; the reader's language picks one. */
export const NotificationText = z.object({ en: z.string(), fr: z.string() });
export type NotificationText = z.infer<typeof NotificationText>;

/** One in-app notification of the signed-in person, in their active organisation. */
export const Notification = z.object({
  id: Uuid,
  /** What happened, dotted like event types: `aeo.application.request_information`. */
  type: z.string(),
  title: NotificationText,
  body: NotificationText,
  /** A path inside the web app (`/aeo/applications/…`), when there is something to open. */
  link: z.string().nullable(),
  createdAt: IsoDateTime,
  /** When this person marked it read; null while unread. */
  readAt: IsoDateTime.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.strictObject({
  /** `true`: unread ones only. */
  unread: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'must be the nextCursor of a previous page')
    .optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

/** Newest first; `unreadCount` counts every unread notification, not only this page's. */
export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.int().min(0),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** What the header bell polls: small on purpose. */
export const NotificationCount = z.object({
  unreadCount: z.int().min(0),
  /** The newest notification's time, so a client can tell that something new arrived. */
  latestAt: IsoDateTime.nullable(),
});
export type NotificationCount = z.infer<typeof NotificationCount>;

export const MarkedNotificationsRead = z.object({
  /** How many were unread and are now read. */
  marked: z.int().min(0),
});
export type MarkedNotificationsRead = z.infer<typeof MarkedNotificationsRead>;
