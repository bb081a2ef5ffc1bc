import type { Db } from '../db/client.js';
import { decryptSecret } from '../shared/crypto.js';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDueDeliveries,
  completeAttempt,
  loadClaimedDeliveries,
} from './delivery-queue.repository.js';
import { type EventLogger, errorMessage, silentLogger } from './event-logger.js';
import { toDomainEvent } from './events.mapper.js';
import { SIGNATURE_HEADER, signWebhookPayload } from './webhook-signature.js';

export interface WebhookWorkerOptions {
  db: Db;
  keyEncryptionKey: Buffer;
  /** Per-request time limit (config.events.webhookTimeoutMs). */
  timeoutMs: number;
  /** After this many failed attempts a delivery is dead-lettered (config.events.webhookMaxAttempts). */
  maxAttempts: number;
  /** How often to look for retries that have come due. */
  pollMs: number;
  logger?: EventLogger;
  /** Deliveries in flight at once in this process (default 16). */
  concurrency?: number;
  /** Deliveries of one subscription in flight at once, across processes (default 4). */
  perSubscription?: number;
  /** Back-off before the second attempt; doubles per attempt (default 5 s). */
  retryBaseMs?: number;
  /** Longest back-off (default 1 h). */
  retryMaxMs?: number;
}

/**
 * Exponential back-off with "equal jitter": half of `base * 2^(n-1)` (capped) plus a random half, so
 * that deliveries that failed together (a receiver outage) do not all retry in the same instant.
 */
export function retryDelayMs(
  attempt: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Sends webhook deliveries: claims due ones with a lease, POSTs each signed event with its own time
 * limit, and records every attempt. Each delivery runs independently, so a slow or unreachable receiver
 * only ever occupies its own (capped) slots.
 */
export class WebhookDeliveryWorker {
  readonly #options: Required<Omit<WebhookWorkerOptions, 'logger'>> & { logger: EventLogger };
  readonly #inFlight = new Set<Promise<void>>();
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #passRequested = false;

  constructor(options: WebhookWorkerOptions) {
    this.#options = {
      concurrency: 16,
      perSubscription: 4,
      retryBaseMs: 5_000,
      retryMaxMs: 3_600_000,
      logger: silentLogger,
      ...options,
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.wake();
  }

  /** Looks for due deliveries now (the dispatcher calls this after creating some). */
  wake(): void {
    if (!this.#running) return;
    if (this.#pass) {
      this.#passRequested = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#pass = this.#claimAndSend().finally(() => {
      this.#pass = undefined;
      if (!this.#running) return;
      if (this.#passRequested) {
        this.#passRequested = false;
        this.wake();
      } else {
        this.#timer = setTimeout(() => this.wake(), this.#options.pollMs);
      }
    });
  }

  /** Stops claiming and waits for the deliveries in flight (each bounded by the request time limit). */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#pass;
    await this.whenIdle();
  }

  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  async #claimAndSend(): Promise<void> {
    const { db, concurrency, perSubscription, timeoutMs, logger } = this.#options;
    try {
      const free = concurrency - this.#inFlight.size;
      if (free <= 0) return;
      // The lease outlives the request time limit by a wide margin: only a dead worker lets it lapse.
      const ids = await claimDueDeliveries(db, { limit: free, perSubscription, leaseMs: timeoutMs + 60_000 });
      if (ids.length === 0) return;
      for (const claimed of await loadClaimedDeliveries(db, ids)) {
        const run = this.#deliver(claimed).finally(() => {
          this.#inFlight.delete(run);
          this.wake();
        });
        this.#inFlight.add(run);
      }
      // A full batch suggests more are due.
      if (ids.length === free) this.#passRequested = true;
    } catch (error) {
      logger.error({ err: error }, `webhook worker could not claim deliveries: ${errorMessage(error)}`);
    }
  }

  async #deliver(claimed: ClaimedDelivery): Promise<void> {
    const outcome = await this.#attempt(claimed);
    try {
      await completeAttempt(this.#options.db, outcome);
    } catch (error) {
      // The lease expires and another pass retries: at-least-once, never lost.
      this.#options.logger.error(
        { err: error, deliveryId: claimed.id },
        `could not record a webhook attempt: ${errorMessage(error)}`,
      );
    }
    const level = outcome.next.status === 'dead' ? 'warn' : 'debug';
    this.#options.logger[level](
      { deliveryId: claimed.id, subscriptionId: claimed.subscriptionId, status: outcome.next.status },
      outcome.error ? `webhook delivery failed: ${outcome.error}` : 'webhook delivered',
    );
  }

  async #attempt(claimed: ClaimedDelivery): Promise<AttemptOutcome> {
    const { keyEncryptionKey, timeoutMs, maxAttempts, retryBaseMs, retryMaxMs } = this.#options;
    const refuse = (error: string): AttemptOutcome => ({
      deliveryId: claimed.id,
      claimedAttempts: claimed.attempts,
      statusCode: null,
      error,
      durationMs: 0,
      next: { status: 'dead' },
      logAttempt: false,
    });
    if (claimed.disabledAt) return refuse('the subscription is disabled');
    if (!claimed.event) return refuse('the event is no longer in the outbox');
    let secret: string;
    try {
      secret = decryptSecret(keyEncryptionKey, claimed.secretEncrypted);
    } catch {
      return refuse('the signing secret cannot be decrypted with the configured KEY_ENCRYPTION_KEY');
    }

    const event = toDomainEvent(claimed.event);
    const body = JSON.stringify(event);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(claimed.url, {
        method: 'POST',
        body,
        // A redirect is a failure: following it would send the signed event somewhere not subscribed.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Aeolus-Webhooks/1',
          'Aeolus-Event-Id': event.id,
          'Aeolus-Event-Type': event.type,
          'Aeolus-Delivery-Id': claimed.id,
          [SIGNATURE_HEADER]: signWebhookPayload(secret, body, Date.now() / 1000),
        },
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => {});
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (failure) {
      error =
        (failure as Error).name === 'TimeoutError'
          ? `no response within ${timeoutMs} ms`
          : errorMessage(failure);
    }
    const durationMs = performance.now() - started;
    const attempt = claimed.attempts + 1;
    return {
      deliveryId: claimed.id,
      claimedAttempts: claimed.attempts,
      statusCode,
      error,
      durationMs,
      logAttempt: true,
      next:
        error === null
          ? { status: 'succeeded' }
          : attempt >= maxAttempts
            ? { status: 'dead' }
            : {
                status: 'pending',
                retryInMs: retryDelayMs(attempt, { baseMs: retryBaseMs, maxMs: retryMaxMs }),
              },
    };
  }
}
