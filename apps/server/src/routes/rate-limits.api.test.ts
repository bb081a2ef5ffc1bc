import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** Per-minute budgets: sign-in per address, per API key, and per address before authentication. */
const LIMIT = 3;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    API_KEY_RATE_LIMIT_PER_MINUTE: String(LIMIT),
  });
});
afterAll(async () => {
  await t?.close();
});

const login = (remoteAddress: string, password = 'aeolus-demo') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { email: 'analyst@nl.customs.example', password },
  });

const withKey = (secret: string, remoteAddress: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/organisations/current',
    remoteAddress,
    headers: { authorization: `Bearer ${secret}` },
  });

describe('sign-in rate limit (LOGIN_RATE_LIMIT_PER_MINUTE)', () => {
  it('refuses the attempt over the budget from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++)
      statuses.push((await login('10.1.0.1', i === 0 ? 'wrong' : undefined)).statusCode);
    expect(statuses).toEqual([401, 200, 200]);
    const over = await login('10.1.0.1');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts each address separately', async () => {
    expect((await login('10.1.0.2')).statusCode).toBe(200);
  });
});

describe('API key rate limit (API_KEY_RATE_LIMIT_PER_MINUTE)', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    const admin = await t.signIn('admin@nl.customs.example');
    const make = async (name: string) =>
      (await admin.request('POST', '/api/api-keys', { name, scopes: ['organisation:read'] })).json()
        .secret as string;
    first = await make('first');
    second = await make('second');
  });

  it('gives each key its budget, announced in x-ratelimit headers, then 429 with Retry-After', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await withKey(first, '10.2.0.1');
      expect(res.statusCode).toBe(200);
      remaining.push(String(res.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const over = await withKey(first, '10.2.0.1');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps the budget with the key, not the address: another key from the same address still works', async () => {
    expect((await withKey(second, '10.2.0.1')).statusCode).toBe(200);
    expect((await withKey(first, '10.2.0.9')).statusCode).toBe(429);
  });

  it('bounds made-up keys by the address budget (10 × the key budget), since they never authenticate', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < LIMIT * 10; i++) {
      const fake = `aeo_${i.toString(16).padStart(12, '0')}_${'A'.repeat(43)}`;
      statuses.add((await withKey(fake, '10.3.0.1')).statusCode);
    }
    expect([...statuses]).toEqual([401]);
    const over = await withKey(`aeo_ffffffffffff_${'A'.repeat(43)}`, '10.3.0.1');
    expect(over.statusCode).toBe(429);
  });
});
