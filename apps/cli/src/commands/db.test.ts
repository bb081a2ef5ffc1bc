import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER } from '@aeolus/core';
import { TEST_ENV } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv, runInProcess } from '../testing/cli-harness.js';

// The number of committed migrations, so that adding one does not break these expectations.
const MIGRATIONS = (
  JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;
const migrationsWord = MIGRATIONS === 1 ? 'migration' : 'migrations';

describe('aeolus db, from an empty database', () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: false });
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('refuses to work on a database that is not migrated, and says what to run', async () => {
    for (const argv of [
      ['audit', 'verify'],
      ['users', 'create', '--org', 'x', '--email', 'a@b.example', '--name', 'A', '--role', 'admin'],
    ]) {
      const result = await cli.run(...argv);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `^aeolus: The database \\((PGlite|PostgreSQL) .+\\) is missing ${MIGRATIONS} of ${MIGRATIONS} migrations: run \`aeolus db migrate\` first$`,
        ),
      );
    }
  });

  it('migrates, and a second run has nothing to do', async () => {
    const first = await cli.run('db', 'migrate');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(
        `^Applied ${MIGRATIONS} ${migrationsWord} to (PGlite|PostgreSQL) .+; ${MIGRATIONS} in total\\.$`,
      ),
    );
    const second = await cli.run('db', 'migrate', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ applied: 0, total: MIGRATIONS });
    const tables = await cli.withDatabase((db) =>
      db.query<{ n: number }>(
        "select count(*)::int as n from information_schema.tables where table_name in ('audit_log', 'users', 'outbox_events')",
      ),
    );
    expect(tables[0]!.n).toBe(3);
  });

  it('asks for --demo before seeding anything', async () => {
    const result = await cli.run('db', 'seed');
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'aeolus: Nothing to seed: pass --demo to load the demo organisations and accounts',
    });
  });

  it('seeds the demo world once, with its audit trail, and leaves it alone the second time', async () => {
    const seeded = await cli.run('db', 'seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(
      /^Seeded the demo data into .+: 8 organisations, 11 accounts \(password "aeolus-demo", e\.g\. admin@nl\.customs\.example\)\.$/,
    );
    const again = await cli.run('db', 'seed', '--demo');
    expect(again.stdout).toMatch(/^The demo data is already in .+; nothing changed\.$/);
    const counts = await cli.withDatabase(async (db) => {
      const [row] = await db.query<{ orgs: number; users: number; audit: number; events: number }>(
        `select (select count(*)::int from organisations) as orgs, (select count(*)::int from users) as users,
                (select count(*)::int from audit_log) as audit, (select count(*)::int from outbox_events) as events`,
      );
      return row!;
    });
    // 8 demo organisations and 11 accounts, plus the AEO demo's 3 certificate-holding operators (one account
    // each, and a second person at Delta) and the SAFE review's 8 other administrations (one admin each).
    expect(counts).toMatchObject({ orgs: 19, users: 23 });
    expect(counts.audit).toBeGreaterThan(16);
    // Changes publish events; a batch (the screening history) is one audit entry for many events.
    expect(counts.events).toBeGreaterThan(0);
    const verify = await cli.run('audit', 'verify');
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.stdout).toContain(`Audit chain intact: ${counts.audit} entries verified`);
  });
});

describe('aeolus configuration failures', () => {
  it.each([
    {
      why: 'a malformed DATABASE_URL',
      env: { ...TEST_ENV, DATABASE_URL: 'mysql://db/aeolus' },
      message: 'aeolus: Invalid configuration: DATABASE_URL: must be a postgres:// or postgresql:// URL',
    },
    {
      why: 'PostgreSQL without its secrets',
      env: { DATABASE_URL: 'postgres://127.0.0.1:1/aeolus', LOG_LEVEL: 'silent' },
      message:
        'aeolus: Invalid configuration: SESSION_SECRET: is required when DATABASE_URL is set; KEY_ENCRYPTION_KEY: is required when DATABASE_URL is set (32 random bytes, base64)',
    },
    {
      why: 'a PostgreSQL server that is not there',
      env: { ...TEST_ENV, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/aeolus' },
      message: 'aeolus: Could not reach the database: connect ECONNREFUSED 127.0.0.1:1',
    },
  ])('fails with one line on $why (exit 1)', async ({ env, message }) => {
    const result = await runInProcess(['db', 'migrate'], env);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: message });
  });
});
