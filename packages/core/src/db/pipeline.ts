import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

type Row = Record<string, unknown>;

/**
 * Sends statements now, one after another, without waiting for each answer, and resolves with each one's
 * rows, in order. On PostgreSQL the pool's connections pipeline them (`pipeline: true`, client.ts): the
 * client waits one round trip for all of them, while the server still runs them one by one in this order,
 * each with its own snapshot — a lock one of them takes is held when the next one starts. On PGlite they
 * run one after another as before. Should several fail, the first in sending order is thrown (answers come
 * back in order): later statements of a transaction then fail only because it is aborted.
 */
export function sendInOrder(db: Db | Tx, statements: readonly SQL[]): Promise<Row[][]> {
  // `execute()` submits the statement at once; awaiting the query object would submit it a microtask later,
  // and statements sent meanwhile would overtake it.
  const sent = statements.map((statement) => db.execute(statement).execute());
  return Promise.all(sent).then((results) => results.map((result) => (result as { rows: Row[] }).rows));
}
