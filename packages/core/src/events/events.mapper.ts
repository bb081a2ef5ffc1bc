import type { DomainEvent, Webhook, WebhookDelivery, WebhookDeliveryAttempt } from '@aeolus/contracts';
import type { OutboxRow } from './outbox.repository.js';
import type { AttemptRow, DeliveryRow, SubscriptionRow } from './webhooks.repository.js';

/** The one shape an event has outside the database: API pages, SSE `data:`, webhook bodies and NATS. */
export function toDomainEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    seq: row.seq,
    type: row.type,
    organisationId: row.organisationId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload,
    occurredAt: row.occurredAt.toISOString(),
  };
}

export function toWebhook(row: SubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

export function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function toWebhookDeliveryAttempt(row: AttemptRow): WebhookDeliveryAttempt {
  return {
    attempt: row.attempt,
    attemptedAt: row.attemptedAt.toISOString(),
    statusCode: row.statusCode,
    error: row.error,
    durationMs: row.durationMs,
  };
}
