import {
  type AppConfig,
  acquireDataDirLock,
  type Database,
  migrateDatabase,
  openDatabase,
  seedDemoData,
} from '@aeolus/core';

export interface OpenedDatabase {
  database: Database;
  release(): Promise<void>;
}

/**
 * Opens the configured database for a long-running process: PGlite under DATA_DIR (locked to this
 * process) or PostgreSQL, migrated, and seeded with the demo data when configured to.
 */
export async function openConfiguredDatabase(
  config: AppConfig,
  options: { migrate?: boolean; seed?: boolean } = {},
): Promise<OpenedDatabase> {
  const lock = config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : undefined;
  try {
    const database = await openDatabase(
      config.database.kind === 'pglite'
        ? { kind: 'pglite', dataDir: config.database.dataDir }
        : {
            kind: 'postgres',
            url: config.database.url,
            poolSize: config.database.poolSize,
            preparedStatements: config.database.preparedStatements,
          },
    );
    if (options.migrate ?? true) await migrateDatabase(database);
    if (options.seed ?? config.seedDemo) await seedDemoData({ db: database.db, config });
    return {
      database,
      async release() {
        await database.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
