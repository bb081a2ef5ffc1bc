import os from 'node:os';
import { login } from '@aeolus/core';
import { testConfig } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv } from '../testing/cli-harness.js';

const NL = 'Netherlands Customs (demo)';
const cliActor = `cli:${os.userInfo().username}`;

describe('aeolus users create', () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: true });
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('creates an account with a generated password that signs in, audited as the CLI user', async () => {
    const result = await cli.run(
      'users',
      'create',
      '--org',
      'netherlands customs (DEMO)',
      '--email',
      'Jan.Jansen@Douane.example',
      '--name',
      'Jan Jansen',
      '--role',
      'aeo_validator',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Created jan.jansen@douane.example (Jan Jansen, id `);
    expect(result.stdout).toContain(`with the role aeo_validator in ${NL}`);
    const password = /Password \(shown only now; ask Jan Jansen to change it\): (\S+)$/m.exec(
      result.stdout,
    )?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    await cli.withDatabase(async (database) => {
      const ctx = { db: database.db, config: testConfig() };
      const session = await login(ctx, { email: 'jan.jansen@douane.example', password: password! });
      expect(session).toBeTruthy();
      const [audit] = await database.query<{ actor_label: string; actor_type: string; action: string }>(
        "select actor_label, actor_type, action from audit_log where summary->'after'->>'email' = $1",
        ['jan.jansen@douane.example'],
      );
      expect(audit).toEqual({ actor_label: cliActor, actor_type: 'system', action: 'user.created' });
      const [event] = await database.query<{ type: string }>(
        "select type from outbox_events where payload->>'email' = $1",
        ['jan.jansen@douane.example'],
      );
      expect(event?.type).toBe('user.created');
    });
  });

  it('takes a given password, finds the organisation by id, and prints JSON without a password', async () => {
    const orgId = await cli.withDatabase(async (db) => {
      const [row] = await db.query<{ id: string }>(
        "select id from organisations where name = 'Acme Logistics'",
      );
      return row!.id;
    });
    const result = await cli.run(
      '--json',
      'users',
      'create',
      '--org',
      orgId,
      '--email',
      'ops@acme.example',
      '--name',
      'Acme Ops',
      '--role',
      'operator_user',
      '--password',
      'correct horse battery',
      '--locale',
      'fr',
    );
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({
      created: true,
      role: 'operator_user',
      organisation: { id: orgId, name: 'Acme Logistics' },
      user: { email: 'ops@acme.example', locale: 'fr' },
    });
    expect(body).not.toHaveProperty('password');
    await cli.withDatabase(async (database) => {
      const ctx = { db: database.db, config: testConfig() };
      await expect(
        login(ctx, { email: 'ops@acme.example', password: 'correct horse battery' }),
      ).resolves.toBeTruthy();
    });
  });

  it('gives an existing account a new role and leaves its password alone', async () => {
    const result = await cli.run(
      'users',
      'create',
      '--org',
      'Tulip Freight Holland',
      '--email',
      'admin@nl.customs.example',
      '--name',
      'Noor',
      '--role',
      'operator_user',
      '--password',
      'an-attempt-to-take-over',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Gave admin@nl.customs.example the role operator_user in Tulip Freight Holland',
    );
    expect(result.stdout).not.toContain('Password');
    expect(result.stderr).toBe('aeolus: note: the account already exists; its password was left unchanged');
    await cli.withDatabase(async (database) => {
      const ctx = { db: database.db, config: testConfig() };
      await expect(
        login(ctx, { email: 'admin@nl.customs.example', password: 'aeolus-demo' }),
      ).resolves.toBeTruthy();
    });
  });

  const base = ['users', 'create', '--email', 'x@nl.customs.example', '--name', 'X'];
  it.each([
    {
      why: 'an unknown role (usage)',
      argv: [...base, '--org', NL, '--role', 'boss'],
      code: 2,
      message: "aeolus: option '--role <role>' argument 'boss' is invalid. Allowed choices are admin,",
    },
    {
      why: 'a role the organisation kind cannot grant',
      argv: [...base, '--org', NL, '--role', 'operator_admin'],
      code: 1,
      message:
        'aeolus: Invalid input: --role: must be one of admin, aeo_validator, risk_analyst, crisis_coordinator',
    },
    {
      why: 'an unknown organisation name',
      argv: [...base, '--org', 'Atlantis Customs', '--role', 'admin'],
      code: 1,
      message:
        'aeolus: Unknown organisation "Atlantis Customs" (give its id or exact name; known: "Acme Logistics",',
    },
    {
      why: 'an unknown organisation id',
      argv: [...base, '--org', '00000000-0000-4000-8000-000000000000', '--role', 'admin'],
      code: 1,
      message: 'aeolus: No organisation has the id 00000000-0000-4000-8000-000000000000',
    },
    {
      why: 'an invalid email and a short password, both named',
      argv: [
        'users',
        'create',
        '--org',
        NL,
        '--email',
        'not-an-email',
        '--name',
        'X',
        '--role',
        'admin',
        '--password',
        'short',
      ],
      code: 1,
      message:
        'aeolus: Invalid input: --email: must be a valid email address; --password: must be at least 10 characters',
    },
    {
      why: 'a role the account already holds there',
      argv: [
        'users',
        'create',
        '--org',
        NL,
        '--email',
        'admin@nl.customs.example',
        '--name',
        'N',
        '--role',
        'admin',
      ],
      code: 1,
      message: 'aeolus: admin@nl.customs.example already has the role admin in this organisation',
    },
    {
      why: 'a missing required option',
      argv: ['users', 'create', '--org', NL, '--name', 'X', '--role', 'admin'],
      code: 2,
      message: "aeolus: required option '--email <email>' not specified",
    },
  ])('fails on $why with exit $code and one line', async ({ argv, code, message }) => {
    const result = await cli.run(...argv);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it('wrote nothing for the refused attempts', async () => {
    const count = await cli.withDatabase(async (db) => {
      const [row] = await db.query<{ n: number }>(
        "select count(*)::int as n from users where email = 'x@nl.customs.example'",
      );
      return row!.n;
    });
    expect(count).toBe(0);
  });
});
