import pg from 'pg';
import type { Database } from '../db/client.js';
import { type EventLogger, errorMessage } from './event-logger.js';
import { OUTBOX_CHANNEL } from './outbox.js';

export interface OutboxListener {
  close(): Promise<void>;
}

/**
 * Calls `onNotify` whenever a transaction that wrote an outbox event commits (`NOTIFY aeolus_outbox`).
 * PostgreSQL: a dedicated connection outside the pool (LISTEN is per session), re-opened with back-off
 * when it drops; `onNotify` also fires after every reconnect, since notifications sent while
 * disconnected are lost. PGlite: its in-process `listen`. Callers keep a polling fallback either way.
 */
export async function listenForOutbox(
  database: Database,
  onNotify: () => void,
  logger: EventLogger,
): Promise<OutboxListener> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(OUTBOX_CHANNEL, () => onNotify());
    return {
      async close() {
        if (!database.pglite?.closed) await unlisten();
      },
    };
  }
  if (!database.pool) throw new Error('listenForOutbox needs a PGlite or PostgreSQL database');
  const connection = database.pool.options;
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  // A broken client reports both 'error' and 'end'; only its first report may schedule a reconnect.
  const retired = new WeakSet<pg.Client>();

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ ...connection, application_name: 'aeolus-outbox-listener' });
    next.on('notification', () => onNotify());
    next.on('error', (error) => {
      logger.warn({ err: error }, `outbox listener connection lost: ${errorMessage(error)}`);
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      client = next;
      failures = 0;
      onNotify();
    } catch (error) {
      logger.warn({ err: error }, `outbox listener could not connect: ${errorMessage(error)}`);
      reconnect(next);
    }
  };
  const reconnect = (broken: pg.Client) => {
    if (closed || retired.has(broken)) return;
    retired.add(broken);
    if (client === broken) client = undefined;
    broken.end().catch(() => {});
    failures++;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        void connect();
      },
      Math.min(30_000, 250 * 2 ** Math.min(failures, 7)),
    );
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      if (client) retired.add(client);
      await client?.end().catch(() => {});
    },
  };
}
