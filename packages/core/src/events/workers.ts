import type { AppConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { OutboxDispatcher } from './dispatcher.js';
import type { EventFeed } from './event-feed.js';
import { type EventLogger, silentLogger } from './event-logger.js';
import { followNatsEvents, NatsEventPublisher, type NatsFollower } from './nats-publisher.js';
import { SubscriberRegistry } from './subscribers.js';
import { WebhookDeliveryWorker, type WebhookWorkerOptions } from './webhook-worker.js';

export interface EventWorkersOptions {
  database: Database;
  config: Pick<AppConfig, 'events' | 'nats' | 'secrets'>;
  logger?: EventLogger;
  /** In-process subscribers; a fresh registry when absent (reachable as `workers.subscribers`). */
  subscribers?: SubscriberRegistry;
  /** The SSE feed to wake on commits here and, with NATS, in other processes. */
  feed?: EventFeed;
  /** Overrides for the webhook worker (tests shorten the back-off). */
  webhooks?: Pick<WebhookWorkerOptions, 'concurrency' | 'perSubscription' | 'retryBaseMs' | 'retryMaxMs'>;
}

export interface EventWorkers {
  dispatcher: OutboxDispatcher;
  webhooks: WebhookDeliveryWorker;
  subscribers: SubscriberRegistry;
  /** Stops in the safe order: no new dispatches, in-flight deliveries finish, NATS drains. */
  stop(): Promise<void>;
}

/**
 * Starts the event machinery of one server process: the outbox dispatcher (woken by NOTIFY, polling as
 * a fallback), the webhook delivery worker, and — when NATS is configured — the JetStream publisher and
 * a follower that wakes this process's SSE streams for events other processes commit.
 */
export async function startEventWorkers(options: EventWorkersOptions): Promise<EventWorkers> {
  const { database, config, feed } = options;
  const logger = options.logger ?? silentLogger;
  const subscribers = options.subscribers ?? new SubscriberRegistry();
  const nats = config.nats ? { url: config.nats.url, stream: config.nats.stream, logger } : undefined;
  const publisher = nats ? await NatsEventPublisher.connect(nats) : undefined;
  let follower: NatsFollower | undefined;
  try {
    if (nats && feed) follower = await followNatsEvents(nats, () => feed.notify());
  } catch (error) {
    await publisher?.close();
    throw error;
  }

  const webhooks = new WebhookDeliveryWorker({
    db: database.db,
    keyEncryptionKey: config.secrets.keyEncryptionKey,
    timeoutMs: config.events.webhookTimeoutMs,
    maxAttempts: config.events.webhookMaxAttempts,
    pollMs: Math.max(config.events.pollMs, 100),
    logger,
    ...options.webhooks,
  });
  const dispatcher = new OutboxDispatcher({
    database,
    subscribers,
    publisher,
    logger,
    pollMs: config.events.pollMs,
    onNotify: () => feed?.notify(),
    onBatch: ({ deliveries }) => {
      if (deliveries > 0) webhooks.wake();
    },
  });
  webhooks.start();
  await dispatcher.start();

  let stopping: Promise<void> | undefined;
  return {
    dispatcher,
    webhooks,
    subscribers,
    stop() {
      stopping ??= (async () => {
        await dispatcher.stop();
        await webhooks.stop();
        await follower?.stop();
        await publisher?.close();
      })();
      return stopping;
    },
  };
}
