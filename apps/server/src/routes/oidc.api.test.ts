import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { followProvider, startTestProvider, type TestProvider } from '../testing/oidc-provider.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { OIDC_TRANSACTION_COOKIE } from './oidc.routes.js';

/**
 * OpenID Connect sign-in against a real provider (`oidc-provider`) on 127.0.0.1: the app redirects the
 * browser there, the provider's interaction signs a given account in, and the app validates the answer.
 */
const REDIRECT_URI = 'http://127.0.0.1:3499/api/auth/oidc/callback';

let provider: TestProvider;
let t: TestApp;
beforeAll(async () => {
  provider = await startTestProvider({ redirectUri: REDIRECT_URI });
  t = await createTestApp({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_ALLOW_INSECURE: 'true',
  });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** Runs the whole browser journey: login → provider → callback. Returns the callback's response. */
async function signInThroughProvider(
  options: { tamper?: (callback: URL) => void; keepCookie?: string } = {},
) {
  const login = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
  expect(login.statusCode).toBe(302);
  const transaction = login.cookies.find((c) => c.name === OIDC_TRANSACTION_COOKIE)!;
  const back = await followProvider(login.headers.location as string, REDIRECT_URI);
  options.tamper?.(back);
  const callback = await t.app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    cookies: { [OIDC_TRANSACTION_COOKIE]: options.keepCookie ?? transaction.value },
  });
  return { login, transaction, back, callback };
}

describe('OpenID Connect sign-in', () => {
  it('says it is enabled', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc' });
    expect(res.json()).toEqual({ enabled: true });
  });

  it('redirects to the provider with PKCE (S256), state and nonce kept in a sealed httpOnly cookie', async () => {
    const login = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    expect(login.statusCode).toBe(302);
    const url = new URL(login.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(provider.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const state = url.searchParams.get('state')!;
    const nonce = url.searchParams.get('nonce')!;
    expect(state.length).toBeGreaterThan(20);
    expect(nonce.length).toBeGreaterThan(20);
    const cookie = login.cookies.find((c) => c.name === OIDC_TRANSACTION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc', maxAge: 600 });
    // Encrypted, not merely signed: neither state nor nonce can be read from it.
    expect(cookie.value).not.toContain(state);
    expect(cookie.value).not.toContain(nonce);
  });

  it('signs in an existing account whose verified email matches, with a session marked oidc', async () => {
    provider.next = { sub: 'idp-noor', email: 'Admin@NL.customs.example', emailVerified: true };
    const { callback } = await signInThroughProvider();
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/');
    const session = callback.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The one-time transaction is spent.
    expect(callback.cookies.find((c) => c.name === OIDC_TRANSACTION_COOKIE)?.value).toBe('');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: session.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('admin@nl.customs.example');
    const rows = await t.database.query<{ auth_method: string }>(
      `select s.auth_method from sessions s join users u on u.id = s.user_id
        where u.email = 'admin@nl.customs.example' order by s.created_at desc limit 1`,
    );
    expect(rows[0]?.auth_method).toBe('oidc');
    const audit = await t.database.query<{ summary: { note?: string } }>(
      `select summary from audit_log where action = 'user.signed_in' order by seq desc limit 1`,
    );
    expect(audit[0]?.summary.note).toBe('signed in with oidc');
  });

  it('refuses an email that belongs to no account, with a clear error code and no session', async () => {
    provider.next = { sub: 'idp-stranger', email: 'stranger@elsewhere.example', emailVerified: true };
    const { callback } = await signInThroughProvider();
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/sign-in?error=OIDC_ACCOUNT_UNKNOWN');
    expect(callback.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses an email the provider has not verified, even for an existing account', async () => {
    provider.next = { sub: 'idp-daan', email: 'validator@nl.customs.example', emailVerified: false };
    const { callback } = await signInThroughProvider();
    expect(callback.headers.location).toBe('/sign-in?error=OIDC_EMAIL_UNVERIFIED');
    expect(callback.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses an answer whose state does not match the transaction cookie, or without the cookie', async () => {
    provider.next = { sub: 'idp-noor', email: 'admin@nl.customs.example', emailVerified: true };
    const forged = await signInThroughProvider({ tamper: (u) => u.searchParams.set('state', 'forged') });
    expect(forged.callback.headers.location).toBe('/sign-in?error=OIDC_STATE_INVALID');
    const noCookie = await signInThroughProvider({ keepCookie: 'v1.garbage.garbage.garbage' });
    expect(noCookie.callback.headers.location).toBe('/sign-in?error=OIDC_STATE_INVALID');
    for (const r of [forged, noCookie]) {
      expect(r.callback.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    }
  });

  it('refuses a replayed authorization code', async () => {
    provider.next = { sub: 'idp-noor', email: 'admin@nl.customs.example', emailVerified: true };
    const first = await signInThroughProvider();
    expect(first.callback.headers.location).toBe('/');
    const replay = await t.app.inject({
      method: 'GET',
      url: `${first.back.pathname}${first.back.search}`,
      cookies: { [OIDC_TRANSACTION_COOKIE]: first.transaction.value },
    });
    expect(replay.headers.location).toBe('/sign-in?error=OIDC_FAILED');
    expect(replay.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('reports a refusal at the provider', async () => {
    provider.next = 'deny';
    const { callback } = await signInThroughProvider();
    expect(callback.headers.location).toBe('/sign-in?error=OIDC_DENIED');
  });
});

describe('OpenID Connect not configured', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('says it is disabled and refuses to start a sign-in with NOT_CONFIGURED', async () => {
    expect((await plain.app.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({
      enabled: false,
    });
    const login = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    expect(login.statusCode).toBe(501);
    expect(login.json().error.code).toBe('NOT_CONFIGURED');
  });
});

describe('OpenID Connect provider unreachable', () => {
  let offline: TestApp;
  beforeAll(async () => {
    // Nothing listens there: the provider is down. The API itself must keep serving.
    offline = await createTestApp({
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CLIENT_ID: 'aeolus',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE: 'true',
    });
  });
  afterAll(async () => {
    await offline?.close();
  });

  it('sends the browser back to the sign-in page with OIDC_FAILED instead of an error page', async () => {
    const login = await offline.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/sign-in?error=OIDC_FAILED');
    expect((await offline.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
