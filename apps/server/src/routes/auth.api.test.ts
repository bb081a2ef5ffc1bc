import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in contract', () => {
  it('signs in a demo account and returns memberships, sets an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Admin@NL.customs.example', password: 'aeolus-demo' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe('admin@nl.customs.example');
    expect(body.user.memberships).toEqual([
      expect.objectContaining({ organisationKind: 'customs_administration', country: 'NL', role: 'admin' }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'aeolus_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('refuses a wrong password and an unknown email with the same INVALID_CREDENTIALS', async () => {
    for (const payload of [
      { email: 'admin@nl.customs.example', password: 'wrong-password' },
      { email: 'nobody@nowhere.example', password: 'aeolus-demo' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('GET /api/auth/me needs a session and returns the CSRF token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const client = await t.signIn('trader@acme-logistics.example');
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(client.csrfToken);
    expect(me.json().user.memberships).toHaveLength(2);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const client = await t.signIn('validator@nl.customs.example');
    const res = await client.request(
      'PATCH',
      '/api/auth/profile',
      { locale: 'fr' },
      { 'x-csrf-token': 'nope' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const ok = await client.request('PATCH', '/api/auth/profile', { locale: 'fr' });
    expect(ok.statusCode).toBe(200);
  });

  it('signs out: the cookie stops working', async () => {
    const client = await t.signIn('crisis@nl.customs.example');
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
