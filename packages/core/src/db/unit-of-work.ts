import type { Db, Tx } from './client.js';

/**
 * Runs `work` in one transaction: a state change, its audit entry and its outbox event commit together
 * or not at all. Nested calls reuse the open transaction.
 */
export async function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db);
  return db.transaction(work);
}

function isTransaction(db: Db | Tx): db is Tx {
  return typeof (db as Tx).rollback === 'function';
}
