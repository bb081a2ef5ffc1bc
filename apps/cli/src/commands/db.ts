import {
  DEMO_ACCOUNTS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  migrateDatabase,
  seedDemoData,
} from '@aeolus/core';
import type { Command } from 'commander';
import { migrationStatus, type Runtime, withSession } from '../runtime.js';

export function registerDbCommands(program: Command, rt: Runtime): void {
  const db = program
    .command('db')
    .description('Create or upgrade the database schema, and load the demo data')
    .addHelpText(
      'after',
      `
Examples:
  $ aeolus db migrate
  $ aeolus db seed --demo
  $ DATABASE_URL=postgres://aeolus@db/aeolus SESSION_SECRET=… KEY_ENCRYPTION_KEY=… aeolus db migrate`,
    );

  db.command('migrate')
    .description('Apply the committed migrations that the database does not have yet (safe to repeat)')
    .addHelpText(
      'after',
      `
Uses DATABASE_URL when set (several servers may start at once: one migrates, the others wait),
otherwise the embedded PGlite database under DATA_DIR (default ./.data), which must not be in use by
a running server.

Examples:
  $ aeolus db migrate
  $ DATA_DIR=/srv/aeolus aeolus db migrate --json`,
    )
    .action(async () => {
      await withSession(rt, { migrate: false, requireMigrated: false }, async ({ database, where }) => {
        const before = await migrationStatus(database);
        await migrateDatabase(database);
        const after = await migrationStatus(database);
        const applied = after.applied - before.applied;
        if (rt.json) {
          rt.io.out(JSON.stringify({ database: where, applied, total: after.applied }));
        } else if (applied === 0) {
          rt.io.out(`The database is up to date (${where}, ${plural(after.applied, 'migration')} applied).`);
        } else {
          rt.io.out(`Applied ${plural(applied, 'migration')} to ${where}; ${after.applied} in total.`);
        }
      });
    });

  db.command('seed')
    .description('Load the demo organisations and accounts (applies pending migrations first)')
    .option('--demo', 'the demo world: NL and KE administrations, the WCO secretariat, four operators')
    .addHelpText(
      'after',
      `
Seeding happens once: a database that already has the demo data is left as it is. Every demo account
has the password "${DEMO_PASSWORD}" — never seed a production database.

Examples:
  $ aeolus db seed --demo
  $ DATABASE_URL=postgres://aeolus@localhost/aeolus_demo SESSION_SECRET=… KEY_ENCRYPTION_KEY=… aeolus db seed --demo`,
    )
    .action(async (options: { demo?: boolean }, command: Command) => {
      if (!options.demo) {
        command.error('Nothing to seed: pass --demo to load the demo organisations and accounts');
      }
      await withSession(rt, { migrate: true }, async ({ ctx, where }) => {
        const result = await seedDemoData(ctx);
        const organisations = Object.keys(DEMO_ORGANISATIONS).length;
        if (rt.json) {
          rt.io.out(
            JSON.stringify({ database: where, seeded: result.seeded, organisations: result.organisations }),
          );
        } else if (!result.seeded) {
          rt.io.out(`The demo data is already in ${where}; nothing changed.`);
        } else {
          rt.io.out(
            `Seeded the demo data into ${where}: ${organisations} organisations, ${DEMO_ACCOUNTS.length} accounts ` +
              `(password "${DEMO_PASSWORD}", e.g. ${DEMO_ACCOUNTS[0]!.email}).`,
          );
        }
      });
    });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
