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
