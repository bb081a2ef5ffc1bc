import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';

/** What business services need from the outside world; built once at boot (server, CLI, tests). */
export interface CoreContext {
  db: Db;
  config: Pick<AppConfig, 'secrets' | 'passwordHashCost' | 'sessionTtlHours'>;
}
