import type { Db } from '../db/client.js';
import { findLatestSeq } from './outbox.repository.js';

/**
 * Wakes live readers (server-sent-event streams) when new events may have been committed. Anything that
 * learns of a commit calls `notify()`: the outbox LISTEN connection, the dispatcher, a NATS follower
 * for events written by other processes. As a safety net the feed itself checks the newest `seq` every
 * `pollMs` while someone is waiting: one cheap query per process, however many streams are open.
 */
export class EventFeed {
  readonly #db: Db;
  readonly #pollMs: number;
  #waiters = new Set<() => void>();
  #timer: NodeJS.Timeout | undefined;
  #latestSeq: number | undefined;
  #closed = false;

  constructor(options: { db: Db; pollMs: number }) {
    this.#db = options.db;
    this.#pollMs = options.pollMs;
  }

  notify(): void {
    const waiters = this.#waiters;
    this.#waiters = new Set();
    for (const wake of waiters) wake();
    if (this.#waiters.size === 0) this.#stopPolling();
  }

  /**
   * A promise for the next wake-up, taken *before* reading so that a commit between the read and the
   * wait is not missed. Resolves on `notify()`, after `timeoutMs`, on abort, or when the feed closes.
   */
  next(timeoutMs: number, signal?: AbortSignal): Promise<'woken' | 'timeout'> {
    if (this.#closed || signal?.aborted) return Promise.resolve('woken');
    return new Promise((resolve) => {
      const done = (why: 'woken' | 'timeout') => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waiters.delete(wake);
        resolve(why);
      };
      const wake = () => done('woken');
      const onAbort = () => done('woken');
      const timer = setTimeout(() => done('timeout'), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.add(wake);
      this.#startPolling();
    });
  }

  /** Readers waiting for a wake-up now (one per idle open stream). */
  get waiting(): number {
    return this.#waiters.size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
    this.notify();
    this.#stopPolling();
  }

  #startPolling() {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => void this.#poll(), this.#pollMs);
    this.#timer.unref();
  }

  #stopPolling() {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #poll() {
    if (this.#waiters.size === 0) {
      this.#stopPolling();
      return;
    }
    try {
      const latest = await findLatestSeq(this.#db);
      // Without a baseline we cannot tell whether a waiter missed something, so wake it to re-read once.
      const advanced = this.#latestSeq === undefined || latest > this.#latestSeq;
      this.#latestSeq = Math.max(latest, this.#latestSeq ?? 0);
      if (advanced) this.notify();
    } catch {
      // The database may be briefly unreachable or closing; the next tick tries again and streams
      // re-read on their heartbeat anyway.
    }
  }
}
