import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type Actor,
  type AppConfig,
  AppError,
  type CoreContext,
  type Database,
  loadConfig,
  MIGRATIONS_FOLDER,
  systemActor,
} from '@aeolus/core';
import { openConfiguredDatabase } from '@aeolus/server';
import type { FieldOptions } from './errors.js';
import type { CliIo } from './io.js';

/** State shared by the commands of one `aeolus` invocation. */
export interface Runtime {
  io: CliIo;
  /** `--json`: machine-readable output on stdout. */
  json: boolean;
  /** `--debug`: print stack traces on failure. */
  debug: boolean;
  /** Set by a command that finished but must report failure (e.g. a broken audit chain). */
  exitCode: number;
  /** How the running command names its input fields on the command line, for error messages. */
  fields: FieldOptions;
}

export interface Session {
  config: AppConfig;
  database: Database;
  ctx: CoreContext;
  /** The system actor, labelled with the operating-system user, for the audit trail. */
  actor: Actor;
  /** Where the data lives, for messages ("PGlite in /srv/aeolus/.data/pglite"). */
  where: string;
}

export function loadCliConfig(rt: Runtime, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...rt.io.env, ...overrides });
}

/**
 * Opens the configured database the way the server does (`openConfiguredDatabase`): in embedded mode
 * that takes the DATA_DIR lock, so a command fails with a clear message while a server holds it instead
 * of corrupting the PGlite directory. Closes it and releases the lock however `work` ends.
 */
export async function withSession<T>(
  rt: Runtime,
  options: { migrate?: boolean; requireMigrated?: boolean },
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const config = loadCliConfig(rt);
  const opened = await openConfiguredDatabase(config, { migrate: options.migrate ?? false, seed: false });
  try {
    const session: Session = {
      config,
      database: opened.database,
      ctx: { db: opened.database.db, config },
      actor: systemActor(`cli:${operatingSystemUser()}`),
      where: describeDatabase(config),
    };
    if (options.requireMigrated ?? true) {
      const status = await migrationStatus(opened.database);
      if (status.pending > 0) {
        throw new AppError(
          'INVALID_STATE',
          `The database (${session.where}) is missing ${status.pending} of ${status.known} migrations: run \`aeolus db migrate\` first`,
        );
      }
    }
    return await work(session);
  } finally {
    await opened.release();
  }
}

export interface MigrationStatus {
  applied: number;
  known: number;
  pending: number;
}

/** Compares drizzle's record of applied migrations with the committed journal. */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const known = journal.entries.length;
  const [table] = await database.query<{ name: string | null }>(
    "select to_regclass('drizzle.__drizzle_migrations')::text as name",
  );
  let applied = 0;
  if (table?.name) {
    const [row] = await database.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    applied = row?.n ?? 0;
  }
  return { applied, known, pending: Math.max(0, known - applied) };
}

export function describeDatabase(config: AppConfig): string {
  if (config.database.kind === 'pglite') return `PGlite in ${config.database.dataDir}`;
  const url = new URL(config.database.url);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** Who ran the command, as the audit log will name them (`cli:<user>`). */
function operatingSystemUser(): string {
  try {
    return os.userInfo().username || `uid-${process.getuid?.() ?? 'unknown'}`;
  } catch {
    // A container user without a passwd entry has no name.
    return `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
