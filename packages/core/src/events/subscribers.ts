import type { DomainEvent } from '@aeolus/contracts';
import { type EventLogger, errorMessage } from './event-logger.js';
import { eventTypeMatches } from './event-type.js';

/** An event as a subscriber sees it; `P` types the payload for subscribers that know it. */
export type SubscribedEvent<P extends Record<string, unknown> = Record<string, unknown>> = Omit<
  DomainEvent,
  'payload'
> & { payload: P };

export type EventHandler<P extends Record<string, unknown> = Record<string, unknown>> = (
  event: SubscribedEvent<P>,
) => void | Promise<void>;

interface Subscription {
  pattern: string;
  handler: EventHandler;
  name: string;
}

/**
 * In-process subscribers to domain events (notifications, projections, …). The dispatcher calls them
 * at least once per committed event; a handler must therefore be idempotent (de-duplicate by
 * `event.id`). A handler that throws or exceeds its time limit is logged and does not stop the others.
 */
export class SubscriberRegistry {
  readonly #subscriptions: Subscription[] = [];

  /** Subscribes to `*`, an exact type or a `prefix.*` pattern; returns the function that unsubscribes. */
  subscribe<P extends Record<string, unknown> = Record<string, unknown>>(
    pattern: string,
    handler: EventHandler<P>,
    options: { name?: string } = {},
  ): () => void {
    const subscription: Subscription = {
      pattern,
      handler: handler as EventHandler,
      name: options.name ?? (handler.name || pattern),
    };
    this.#subscriptions.push(subscription);
    return () => {
      const index = this.#subscriptions.indexOf(subscription);
      if (index >= 0) this.#subscriptions.splice(index, 1);
    };
  }

  get size(): number {
    return this.#subscriptions.length;
  }

  /**
   * Runs every matching handler concurrently and waits for all of them, each for at most `timeoutMs`.
   * Returns the number of handlers that failed (already logged).
   */
  async publish(event: DomainEvent, options: { logger: EventLogger; timeoutMs: number }): Promise<number> {
    const matching = this.#subscriptions.filter((s) => eventTypeMatches(s.pattern, event.type));
    const results = await Promise.allSettled(
      matching.map((s) =>
        withTimeout(
          Promise.resolve().then(() => s.handler(event)),
          options.timeoutMs,
        ),
      ),
    );
    let failed = 0;
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      failed++;
      options.logger.error(
        { eventId: event.id, eventType: event.type, subscriber: matching[i]!.name, err: result.reason },
        `event subscriber failed: ${errorMessage(result.reason)}`,
      );
    });
    return failed;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
