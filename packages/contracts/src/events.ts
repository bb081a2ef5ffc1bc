import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';

export const DomainEvent = z.object({
  id: Uuid,
  seq: z.number().int(),
  type: z.string(),
  organisationId: Uuid.nullable(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: IsoDateTime,
});
export type DomainEvent = z.infer<typeof DomainEvent>;

const EventType = z
  .string()
  .regex(
    /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/,
    'must be an event type such as user.created, or *',
  );

export const CreateWebhook = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(EventType).min(1).max(50).default(['*']),
});
export type CreateWebhook = z.infer<typeof CreateWebhook>;

export const Webhook = z.object({
  id: Uuid,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  createdAt: IsoDateTime,
  disabledAt: IsoDateTime.nullable(),
});
export type Webhook = z.infer<typeof Webhook>;

/** Returned once, at creation: the signing secret the receiver uses to check `Aeolus-Signature`. */
export const CreatedWebhook = z.object({ webhook: Webhook, secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookDelivery = z.object({
  id: Uuid,
  subscriptionId: Uuid,
  eventId: Uuid,
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'dead']),
  attempts: z.number().int(),
  nextAttemptAt: IsoDateTime,
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  completedAt: IsoDateTime.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** One HTTP attempt of a delivery, as logged by the webhook worker. */
export const WebhookDeliveryAttempt = z.object({
  /** Running number over the delivery's whole life, redeliveries included. */
  attempt: z.number().int(),
  attemptedAt: IsoDateTime,
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookDeliveryAttempt = z.infer<typeof WebhookDeliveryAttempt>;

export const WebhookDeliveryWithAttempts = WebhookDelivery.extend({
  attemptLog: z.array(WebhookDeliveryAttempt),
});
export type WebhookDeliveryWithAttempts = z.infer<typeof WebhookDeliveryWithAttempts>;

export const WebhookDeliveriesQuery = z.strictObject({
  status: z.enum(['pending', 'succeeded', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'must be the nextCursor of a previous page')
    .optional(),
});
export type WebhookDeliveriesQuery = z.infer<typeof WebhookDeliveriesQuery>;

export const WebhookDeliveryPage = z.object({
  items: z.array(WebhookDeliveryWithAttempts),
  nextCursor: z.string().nullable(),
});
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const EventsQuery = z.strictObject({
  /** Events with a `seq` above this one (the `nextAfter` of the previous page, or a remembered id). */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventPage = z.object({
  items: z.array(DomainEvent),
  /** Pass as `after` to get the next page; equals `after` when there is nothing new. */
  nextAfter: z.number().int(),
});
export type EventPage = z.infer<typeof EventPage>;

export const EventStreamQuery = z.strictObject({
  /** Resume after this `seq`; the `Last-Event-ID` header wins when both are given. */
  after: z.coerce.number().int().min(0).optional(),
});
export type EventStreamQuery = z.infer<typeof EventStreamQuery>;
