import type { Database } from '../db/client.js';

/** What one verification reads live: the signing key by kid and the certificate by AEO identifier. */
export interface VerificationRow {
  /** Null when no key has this kid. */
  keyAdministrationId: string | null;
  /** The Ed25519 public key (`signing_keys` holds Ed25519 keys only, so `x` is the whole key). */
  x: string | null;
  keyRevoked: boolean;
  /** Null when no certificate has this AEO identifier. */
  status: 'active' | 'suspended' | 'revoked' | null;
  certificateAdministrationId: string | null;
}

type Reader = Pick<Database, 'query' | 'pool'>;

/**
 * Reads the rows of many verifications with one statement: the key by primary key, the certificate by
 * its unique AEO identifier, for every (kid, AEO identifier) pair asked for. One round trip (and on
 * PGlite one parse and plan) serves every verification waiting at that moment, instead of one each.
 */
const BATCH_SQL = `select w.i,
       k.administration_id as "keyAdministrationId",
       k.public_jwk->>'x' as x,
       coalesce(k.revoked_at is not null, false) as "keyRevoked",
       c.status,
       c.administration_id as "certificateAdministrationId"
  from jsonb_to_recordset($1::jsonb) as w(i int, kid text, aeo_id text)
  left join signing_keys k on k.id = w.kid
  left join aeo_certificates c on c.aeo_id = w.aeo_id`;

/** More would make one statement slow for everyone in it; the rest waits for the next batch. */
const MAX_BATCH = 256;

interface Waiter {
  resolve(row: VerificationRow): void;
  reject(error: unknown): void;
}

/**
 * Coalesces concurrent look-ups into batches. A look-up never joins a batch already sent: it waits for
 * the next one, which is sent after it was asked for — so every verification reads the database *after*
 * its request arrived, and a suspension committed before a request is always seen by it. (Batching
 * changes how many statements run, never how fresh their answer is.)
 */
class VerificationLookups {
  #pending = new Map<string, { kid: string; aeoId: string; waiters: Waiter[] }>();
  #scheduled = false;

  constructor(private readonly database: Reader) {}

  lookup(kid: string, aeoId: string): Promise<VerificationRow> {
    return new Promise((resolve, reject) => {
      const key = `${kid}\u0000${aeoId}`;
      const entry = this.#pending.get(key);
      if (entry) entry.waiters.push({ resolve, reject });
      else this.#pending.set(key, { kid, aeoId, waiters: [{ resolve, reject }] });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O callbacks of this turn: every request read in the same poll joins the batch.
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const all = [...this.#pending.values()];
    this.#pending.clear();
    for (let start = 0; start < all.length; start += MAX_BATCH) {
      void this.#run(all.slice(start, start + MAX_BATCH));
    }
  }

  async #run(batch: { kid: string; aeoId: string; waiters: Waiter[] }[]): Promise<void> {
    const values = [JSON.stringify(batch.map((b, i) => ({ i, kid: b.kid, aeo_id: b.aeoId })))];
    try {
      const { pool } = this.database;
      // On PostgreSQL a named statement is parsed and planned once per connection, not per batch.
      const rows = pool
        ? (
            await pool.query<VerificationRow & { i: number }>({
              name: 'aeo_verification_batch',
              text: BATCH_SQL,
              values,
            })
          ).rows
        : await this.database.query<VerificationRow & { i: number }>(BATCH_SQL, values);
      for (const row of rows) {
        const { i, ...found } = row;
        for (const waiter of batch[i]!.waiters) waiter.resolve(found);
      }
    } catch (error) {
      for (const entry of batch) for (const waiter of entry.waiters) waiter.reject(error);
    }
  }
}

const lookups = new WeakMap<Reader, VerificationLookups>();

/** The live row of one verification, read together with whatever other verifications wait now. */
export function lookupForVerification(
  database: Reader,
  kid: string,
  aeoId: string,
): Promise<VerificationRow> {
  let batcher = lookups.get(database);
  if (!batcher) {
    batcher = new VerificationLookups(database);
    lookups.set(database, batcher);
  }
  return batcher.lookup(kid, aeoId);
}
