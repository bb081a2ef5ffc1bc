import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** Sign-in hardening, sessions, password change and API keys, through HTTP. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const login = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('lockout', () => {
  it('answers the 5th consecutive failure, and then even the right password, with 429 and Retry-After', async () => {
    const email = 'validator@ke.customs.example';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(t, email, `wrong-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await login(t, email, 'aeolus-demo');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });
});

describe('sessions', () => {
  it('sets the cookie to expire with the session (SESSION_TTL_HOURS)', async () => {
    const res = await login(t, 'analyst@nl.customs.example', 'aeolus-demo');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const hours = ((cookie.expires as Date).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeCloseTo(t.config.sessionTtlHours, 1);
    expect(new Date(res.json().expiresAt).getTime()).toBeCloseTo((cookie.expires as Date).getTime(), -4);
  });

  it('refuses an expired session with 401', async () => {
    const client = await t.signIn('analyst@nl.customs.example');
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await t.database.query(
      `update sessions set expires_at = now() - interval '1 second'
        where user_id = (select id from users where email = 'analyst@nl.customs.example')`,
    );
    const res = await client.request('GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('password change', () => {
  it('refuses a wrong current password and a too short new one, naming the field', async () => {
    const client = await t.signIn('crisis@nl.customs.example');
    const wrong = await client.request('POST', '/api/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'long-enough-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.problems).toEqual([
      expect.objectContaining({ path: 'currentPassword' }),
    ]);
    const short = await client.request('POST', '/api/auth/password', {
      currentPassword: 'aeolus-demo',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('body.newPassword');
  });

  it('ends the other sessions, keeps this one, and the new password is the one that works', async () => {
    const email = 'admin@ke.customs.example';
    const mine = await t.signIn(email);
    const other = await t.signIn(email);
    const res = await mine.request('POST', '/api/auth/password', {
      currentPassword: 'aeolus-demo',
      newPassword: 'changed-password-1',
    });
    expect(res.statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await mine.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await login(t, email, 'aeolus-demo')).statusCode).toBe(401);
    expect((await login(t, email, 'changed-password-1')).statusCode).toBe(200);
  });
});

describe('API keys', () => {
  it('shows the secret once, records its use, and stops it at once when revoked', async () => {
    const admin = await t.signIn('admin@nl.customs.example');
    const created = await admin.request('POST', '/api/api-keys', {
      name: 'ERP',
      scopes: ['organisation:read'],
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    const listed = await admin.request('GET', '/api/api-keys');
    expect(listed.body).not.toContain(secret.split('_')[2]);
    expect(listed.json().items.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt).toBeNull();

    const bearer = { authorization: `Bearer ${secret}` };
    const used = await t.app.inject({ method: 'GET', url: '/api/organisations/current', headers: bearer });
    expect(used.statusCode).toBe(200);
    const after = (await admin.request('GET', '/api/api-keys')).json();
    expect(after.items.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt).not.toBeNull();

    expect((await admin.request('POST', `/api/api-keys/${apiKey.id}/revoke`)).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'GET', url: '/api/organisations/current', headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired key', async () => {
    const admin = await t.signIn('admin@nl.customs.example');
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { apiKey, secret } = (
      await admin.request('POST', '/api/api-keys', { name: 'temp', scopes: ['organisation:read'], expiresAt })
    ).json();
    await t.database.query(`update api_keys set expires_at = now() - interval '1 second' where id = $1`, [
      apiKey.id,
    ]);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/organisations/current',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('cookies behind TLS', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await proxied?.close();
  });

  const secureFlag = async (app: TestApp, headers: Record<string, string>) =>
    (await login(app, 'validator@nl.customs.example', 'aeolus-demo', headers)).cookies.find(
      (c) => c.name === SESSION_COOKIE,
    )!.secure === true;

  it('marks the session cookie Secure when a trusted proxy says the client used https', async () => {
    expect(await secureFlag(proxied, { 'x-forwarded-proto': 'https' })).toBe(true);
    expect(await secureFlag(proxied, {})).toBe(false);
  });

  it('ignores x-forwarded-proto when no proxy is trusted (a client cannot claim TLS)', async () => {
    expect(await secureFlag(t, { 'x-forwarded-proto': 'https' })).toBe(false);
  });
});
