import {
  type AppConfig,
  ConfigError,
  type CoreContext,
  type Database,
  EventFeed,
  loadConfig,
  startEventWorkers,
  startSafeReminderLoop,
} from '@aeolus/core';
import { buildApp } from './app.js';
import { openConfiguredDatabase } from './boot.js';

export interface RunningServer {
  url: string;
  /** The core context and database the server runs on (the HTTP benchmarks read and seed through them). */
  ctx: CoreContext;
  database: Database;
  stop(): Promise<void>;
}

/** Boots everything `npm start` and `aeolus serve` run: database, HTTP server, event workers. */
export async function startServer(config: AppConfig = loadConfig()): Promise<RunningServer> {
  const opened = await openConfiguredDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let events: Awaited<ReturnType<typeof startEventWorkers>>;
  let reminders: ReturnType<typeof startSafeReminderLoop> | undefined;
  let address: string;
  try {
    const eventFeed = new EventFeed({ db: opened.database.db, pollMs: config.events.pollMs });
    app = await buildApp({ config, database: opened.database, eventFeed });
    address = await app.listen({ port: config.port, host: config.host });
    events = await startEventWorkers({ database: opened.database, config, logger: app.log, feed: eventFeed });
    // SAFE assessment deadline reminders (7 and 1 days before), idempotent.
    const log = app.log;
    reminders = startSafeReminderLoop(app.services.ctx, {
      onError: (error) => log.error({ err: error }, 'SAFE assessment reminders failed'),
    });
  } catch (error) {
    // A failed start (port in use, NATS unreachable) must not keep the database or its lock.
    await app?.close().catch(() => {});
    await opened.release();
    throw error;
  }
  const running = app;
  running.log.info(
    { database: config.database.kind, nats: Boolean(config.nats) },
    `Aeolus is listening on ${address.replace('0.0.0.0', 'localhost')}`,
  );
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await running.close();
      await reminders?.stop();
      await events.stop();
      await opened.release();
    })();
    return stopping;
  };
  return { url: address, ctx: running.services.ctx, database: opened.database, stop };
}

/** Entry point for `node apps/server/dist/main.js`: readable failures, graceful shutdown on signals. */
export async function main(): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(`Aeolus could not start: ${(error as Error).message}`);
    }
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
