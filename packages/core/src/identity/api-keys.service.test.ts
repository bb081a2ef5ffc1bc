import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { sha256Hex } from '../shared/crypto.js';
import type { Actor } from './actor.js';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';
import { login, resolveSession } from './auth.service.js';

let t: TestContext;
let admin: Actor;
let validator: Actor;
beforeAll(async () => {
  t = await createTestContext();
  admin = await actorFor('admin@nl.customs.example');
  validator = await actorFor('validator@nl.customs.example');
});
afterAll(async () => {
  await t.close();
});

async function actorFor(email: string): Promise<Actor> {
  const started = await login(t.ctx, { email, password: 'aeolus-demo' });
  return (await resolveSession(t.ctx, started.token))!.actor;
}

const keyRow = async (id: string) =>
  (await t.database.query<Record<string, unknown>>('select * from api_keys where id = $1', [id]))[0]!;

describe('API keys', () => {
  it('shows the secret once and stores only its hash', async () => {
    const created = await createApiKey(t.ctx, admin, { name: 'ERP export', scopes: ['audit:read'] });
    expect(created.secret).toMatch(/^aeo_[0-9a-f]{12}_[\w-]{43}$/);
    const secretPart = created.secret.split('_').slice(2).join('_');
    const row = await keyRow(created.apiKey.id);
    // No column of the row holds the secret, or the whole key, in any form but its SHA-256.
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(secretPart);
    expect(stored).not.toContain(created.secret);
    expect(row.secret_hash).toBe(sha256Hex(secretPart));
    // Listing it again never shows the secret.
    const listed = await listApiKeys(t.ctx, admin);
    expect(JSON.stringify(listed)).not.toContain(secretPart);
    expect(listed.find((k) => k.id === created.apiKey.id)).not.toHaveProperty('secret');
  });

  it('authenticates a key as its creator’s roles with its own scopes, and records when it was used', async () => {
    const created = await createApiKey(t.ctx, admin, { name: 'monitor', scopes: ['organisation:read'] });
    expect(created.apiKey.lastUsedAt).toBeNull();
    const actor = await authenticateApiKey(t.ctx, created.secret);
    expect(actor).toMatchObject({ kind: 'api_key', roles: ['admin'], scopes: ['organisation:read'] });
    const row = await keyRow(created.apiKey.id);
    expect(row.last_used_at).not.toBeNull();
    expect(Date.now() - new Date(row.last_used_at as string).getTime()).toBeLessThan(60_000);
  });

  it('answers concurrent authentications with one shared read, and refuses a key revoked in between', async () => {
    const created = await createApiKey(t.ctx, admin, { name: 'busy', scopes: ['organisation:read'] });
    const other = await createApiKey(t.ctx, admin, { name: 'busy too', scopes: ['organisation:read'] });
    const first = await Promise.all(
      [created, other, created, other, created].map((k) => authenticateApiKey(t.ctx, k.secret)),
    );
    expect(first.map((a) => a?.kind === 'api_key' && a.apiKeyId)).toEqual(
      [created, other, created, other, created].map((k) => k.apiKey.id),
    );
    await revokeApiKey(t.ctx, admin, { id: created.apiKey.id });
    const next = await Promise.all([created, other].map((k) => authenticateApiKey(t.ctx, k.secret)));
    expect(next[0]).toBeUndefined();
    expect(next[1]).toMatchObject({ kind: 'api_key', apiKeyId: other.apiKey.id, roles: ['admin'] });
  });

  it('refuses a revoked key at once', async () => {
    const created = await createApiKey(t.ctx, admin, { name: 'to revoke', scopes: ['organisation:read'] });
    expect(await authenticateApiKey(t.ctx, created.secret)).toBeDefined();
    await revokeApiKey(t.ctx, admin, { id: created.apiKey.id });
    expect(await authenticateApiKey(t.ctx, created.secret)).toBeUndefined();
    const again = await revokeApiKey(t.ctx, admin, { id: created.apiKey.id }).catch((e: AppError) => e);
    expect((again as AppError).code).toBe('INVALID_STATE');
  });

  it('refuses an expired key', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const created = await createApiKey(t.ctx, admin, {
      name: 'short',
      scopes: ['organisation:read'],
      expiresAt: soon,
    });
    expect(await authenticateApiKey(t.ctx, created.secret)).toBeDefined();
    await t.database.query(`update api_keys set expires_at = now() - interval '1 second' where id = $1`, [
      created.apiKey.id,
    ]);
    expect(await authenticateApiKey(t.ctx, created.secret)).toBeUndefined();
  });

  it('refuses malformed keys and a known prefix with the wrong secret', async () => {
    const created = await createApiKey(t.ctx, admin, { name: 'probe', scopes: ['organisation:read'] });
    const prefix = created.apiKey.prefix;
    for (const presented of [
      '',
      'aeo_',
      `aeo_${prefix}_short`,
      `aeo_${prefix}_${'A'.repeat(43)}`,
      created.secret.toUpperCase(),
    ]) {
      expect(await authenticateApiKey(t.ctx, presented), presented).toBeUndefined();
    }
  });

  it('refuses scopes beyond what the creator’s role grants', async () => {
    const error = await createApiKey(t.ctx, validator, {
      name: 'too much',
      scopes: ['organisation:read', 'audit:read'],
    }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).details).toEqual({
      problems: [expect.objectContaining({ path: 'scopes.1' })],
    });
  });

  it('stops working when its creator leaves the organisation', async () => {
    const created = await createApiKey(t.ctx, validator, { name: 'leaver', scopes: ['organisation:read'] });
    expect(await authenticateApiKey(t.ctx, created.secret)).toBeDefined();
    await t.database.query(
      `delete from memberships where user_id = (select id from users where email = 'validator@nl.customs.example')`,
    );
    expect(await authenticateApiKey(t.ctx, created.secret)).toBeUndefined();
  });

  it("answers another tenant's key as not found, and a colleague's key too for a non-administrator", async () => {
    const ke = await actorFor('admin@ke.customs.example');
    const analyst = await actorFor('analyst@nl.customs.example');
    const created = await createApiKey(t.ctx, admin, { name: 'nl only', scopes: ['organisation:read'] });
    for (const intruder of [ke, analyst]) {
      const error = await revokeApiKey(t.ctx, intruder, { id: created.apiKey.id }).catch((e: AppError) => e);
      expect((error as AppError).code).toBe('NOT_FOUND');
    }
    expect((await keyRow(created.apiKey.id)).revoked_at).toBeNull();
  });
});
