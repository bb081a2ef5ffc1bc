import { authenticateApiKey } from '@aeolus/core';
import { testConfig } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv } from '../testing/cli-harness.js';

describe('aeolus api-keys', () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: true });
  });
  afterAll(async () => {
    await cli?.close();
  });

  const authenticate = (secret: string) =>
    cli.withDatabase((database) => authenticateApiKey({ db: database.db, config: testConfig() }, secret));

  it('creates a key whose secret is printed once and authenticates, then revokes it', async () => {
    const created = await cli.run(
      'api-keys',
      'create',
      '--org',
      'Acme Logistics',
      '--name',
      'ERP connector',
      '--scope',
      'organisation:read,events:read',
      '--scope',
      'users:read',
    );
    expect(created.code).toBe(0);
    const lines = created.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Created API key [0-9a-f-]{36} "ERP connector" for Acme Logistics with scopes organisation:read, events:read, users:read\.$/,
    );
    expect(lines[1]).toBe('Secret (shown only now; store it in a secret manager):');
    const secret = lines[2]!;
    expect(secret).toMatch(/^aeo_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const id = /API key ([0-9a-f-]{36})/.exec(lines[0]!)![1]!;

    const actor = await authenticate(secret);
    expect(actor).toMatchObject({ kind: 'api_key', apiKeyId: id, label: 'API key ERP connector (system)' });
    expect(actor?.scopes.sort()).toEqual(['events:read', 'organisation:read', 'users:read']);
    // Stored as a hash only: the secret appears nowhere in the database.
    const [row] = await cli.withDatabase((db) => db.query('select * from api_keys where id = $1', [id]));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(secret.slice(-43));

    const revoked = await cli.run('api-keys', 'revoke', id, '--org', 'acme logistics');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(
      new RegExp(
        `^Revoked API key ${id} "ERP connector" \\(aeo_[0-9a-f]{12}_…\\) of Acme Logistics at \\S+Z\\.$`,
      ),
    );
    expect(await authenticate(secret)).toBeUndefined();

    const again = await cli.run('api-keys', 'revoke', id, '--org', 'Acme Logistics');
    expect(again).toMatchObject({ code: 1, stdout: '', stderr: 'aeolus: This API key is already revoked' });

    const audit = await cli.withDatabase((db) =>
      db.query<{ action: string; actor_label: string }>(
        'select action, actor_label from audit_log where subject_id = $1 order by seq',
        [id],
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(audit.every((a) => a.actor_label.startsWith('cli:'))).toBe(true);
    const events = await cli.withDatabase((db) =>
      db.query<{ type: string }>('select type from outbox_events where subject_id = $1 order by seq', [id]),
    );
    expect(events.map((e) => e.type)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('prints JSON with the secret and honours an expiry', async () => {
    const result = await cli.run(
      'api-keys',
      'create',
      '--org',
      'WCO Secretariat (demo)',
      '--name',
      'reporting',
      '--scope',
      'audit:read',
      '--expires',
      '2099-12-31T23:59:59Z',
      '--json',
    );
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({
      apiKey: {
        name: 'reporting',
        scopes: ['audit:read'],
        expiresAt: '2099-12-31T23:59:59.000Z',
        revokedAt: null,
      },
      organisation: { name: 'WCO Secretariat (demo)', kind: 'secretariat' },
    });
    expect(await authenticate(body.secret)).toMatchObject({ kind: 'api_key' });
  });

  it('does not revoke another organisation’s key (not found, nothing changed)', async () => {
    const created = JSON.parse(
      (
        await cli.run(
          '--json',
          'api-keys',
          'create',
          '--org',
          'Globex Kenya',
          '--name',
          'k',
          '--scope',
          'events:read',
        )
      ).stdout,
    );
    const result = await cli.run('api-keys', 'revoke', created.apiKey.id, '--org', 'Acme Logistics');
    expect(result).toMatchObject({ code: 1, stderr: 'aeolus: API key not found' });
    expect(await authenticate(created.secret)).toMatchObject({ kind: 'api_key' });
  });

  const create = ['api-keys', 'create', '--org', 'WCO Secretariat (demo)', '--name', 'k'];
  it.each([
    {
      why: 'an unknown scope (usage)',
      argv: [...create, '--scope', 'everything'],
      code: 2,
      message: `aeolus: option '--scope <scopes...>' argument 'everything' is invalid. unknown scope "everything"`,
    },
    {
      why: 'a scope no role of the organisation grants',
      argv: [...create, '--scope', 'audit:read', 'users:read'],
      code: 1,
      message: 'aeolus: Invalid input: --scope: scope users:read is not one your role can grant',
    },
    {
      why: 'an expiry in the past',
      argv: [...create, '--scope', 'audit:read', '--expires', '2001-01-01T00:00:00Z'],
      code: 1,
      message: 'aeolus: Invalid input: --expires: must be in the future',
    },
    {
      why: 'an expiry that is not a date',
      argv: [...create, '--scope', 'audit:read', '--expires', 'tomorrow'],
      code: 1,
      message: 'aeolus: Invalid input: --expires: ',
    },
    {
      why: 'an unknown organisation',
      argv: ['api-keys', 'create', '--org', 'Nowhere Ltd', '--name', 'k', '--scope', 'audit:read'],
      code: 1,
      message: 'aeolus: Unknown organisation "Nowhere Ltd"',
    },
    {
      why: 'a missing --scope',
      argv: create,
      code: 2,
      message: "aeolus: required option '--scope <scopes...>' not specified",
    },
    {
      why: 'a key id that is not a UUID',
      argv: ['api-keys', 'revoke', 'aeo_123', '--org', 'Acme Logistics'],
      code: 2,
      message:
        "aeolus: command-argument value 'aeo_123' is invalid for argument 'id'. must be the id of an API key",
    },
    {
      why: 'an unknown key id',
      argv: ['api-keys', 'revoke', '00000000-0000-4000-8000-000000000000', '--org', 'Acme Logistics'],
      code: 1,
      message: 'aeolus: API key not found',
    },
  ])('fails on $why with exit $code and one line', async ({ argv, code, message }) => {
    const result = await cli.run(...argv);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr.startsWith(message)).toBe(true);
  });
});
