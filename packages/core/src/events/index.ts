export { type DispatcherOptions, type EventPublisher, OutboxDispatcher } from './dispatcher.js';
export { EventFeed } from './event-feed.js';
export { type EventLogger, silentLogger } from './event-logger.js';
export { eventTypeMatches } from './event-type.js';
export { toDomainEvent } from './events.mapper.js';
export { type FollowOptions, followEvents, listEvents } from './events.service.js';
export {
  DEFAULT_SUBJECT_PREFIX,
  eventSubject,
  followNatsEvents,
  NatsEventPublisher,
  type NatsEventsOptions,
  type NatsFollower,
} from './nats-publisher.js';
export * from './outbox.js';
export { type EventHandler, type SubscribedEvent, SubscriberRegistry } from './subscribers.js';
export { SIGNATURE_HEADER, signWebhookPayload, verifyWebhookSignature } from './webhook-signature.js';
export { retryDelayMs, WebhookDeliveryWorker, type WebhookWorkerOptions } from './webhook-worker.js';
export {
  createWebhook,
  deleteWebhook,
  disableWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhookDelivery,
} from './webhooks.service.js';
export { type EventWorkers, type EventWorkersOptions, startEventWorkers } from './workers.js';
