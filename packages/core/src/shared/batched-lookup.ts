/**
 * Coalesces concurrent look-ups by key into one read per turn of the event loop (ADR 0005, ADR 0006).
 * A look-up never joins a read already sent: it waits for the next one, which starts after it was asked
 * for — so it sees everything committed before it was asked (a revocation, a suspension). Batching
 * changes how many statements run, never how fresh their answers are.
 */
export class BatchedLookup<K, V> {
  readonly #pending = new Map<K, { resolve(value: V | undefined): void; reject(error: unknown): void }[]>();
  #scheduled = false;

  /** `read` answers a set of keys at once (absent keys: not found); at most `maxBatch` keys per read. */
  constructor(
    private readonly read: (keys: K[]) => Promise<ReadonlyMap<K, V>>,
    private readonly maxBatch = 256,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.#pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.#pending.set(key, [{ resolve, reject }]);
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O callbacks of this turn: every request read in the same poll joins the batch.
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const all = [...this.#pending];
    this.#pending.clear();
    for (let start = 0; start < all.length; start += this.maxBatch) {
      void this.#run(all.slice(start, start + this.maxBatch));
    }
  }

  async #run(batch: [K, { resolve(value: V | undefined): void; reject(error: unknown): void }[]][]) {
    try {
      const found = await this.read(batch.map(([key]) => key));
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (error) {
      for (const [, waiters] of batch) for (const w of waiters) w.reject(error);
    }
  }
}
