import { ChangePassword, CreateApiKey, CreateUser, Login, UpdateProfile } from '@aeolus/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Bad input, table-driven across routes: each case must be refused with a 4xx, the documented error
 * code and a message naming the offending field; nothing may answer 500, and nothing may be written.
 */
let t: TestApp;
let admin: TestClient;
let validator: TestClient;
let rowsBefore: Record<string, number>;

const TABLES = [
  'organisations',
  'users',
  'memberships',
  'sessions',
  'api_keys',
  'audit_log',
  'outbox_events',
  'webhook_subscriptions',
];

async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = row!.n;
  }
  return counts;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin@nl.customs.example');
  validator = await t.signIn('validator@nl.customs.example');
  rowsBefore = await countRows();
});
afterAll(async () => {
  await t.close();
});

type Who = 'anonymous' | 'admin' | 'validator';

interface BadCase {
  name: string;
  who: Who;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** A JS value (sent as JSON) or, with `contentType`, the raw body. */
  body?: unknown;
  contentType?: string;
  status: number;
  code: string;
  /** Field paths the message and `details.problems` must name. */
  fields?: string[];
}

const JSON_TYPE = 'application/json';
const ok = { name: 'key', scopes: ['organisation:read'] };
const member = { email: 'new.person@acme.example', displayName: 'New Person', role: 'aeo_validator' };

// biome-ignore format: one case per line, read as a table
const CASES: BadCase[] = [
  // Malformed JSON -------------------------------------------------------------------------------------
  { name: 'truncated JSON', who: 'anonymous', method: 'POST', url: '/api/auth/login', body: '{"email":', contentType: JSON_TYPE, status: 400, code: 'INVALID_JSON', fields: ['body'] },
  { name: 'empty JSON body', who: 'admin', method: 'POST', url: '/api/api-keys', body: '', contentType: JSON_TYPE, status: 400, code: 'INVALID_JSON', fields: ['body'] },
  { name: 'trailing garbage', who: 'admin', method: 'POST', url: '/api/api-keys', body: '{"name":"a"} x', contentType: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'prototype pollution', who: 'admin', method: 'POST', url: '/api/api-keys', body: '{"__proto__":{"isAdmin":true},"name":"a","scopes":["organisation:read"]}', contentType: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'deeply nested arrays', who: 'admin', method: 'POST', url: '/api/api-keys', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: JSON_TYPE, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  // Wrong content type ---------------------------------------------------------------------------------
  { name: 'text/plain', who: 'admin', method: 'POST', url: '/api/api-keys', body: 'name=a', contentType: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form encoding', who: 'anonymous', method: 'POST', url: '/api/auth/login', body: 'email=a%40b.example&password=x', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'XML', who: 'admin', method: 'PATCH', url: '/api/auth/profile', body: '<locale>fr</locale>', contentType: 'application/xml', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'multipart', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: '--x--', contentType: 'multipart/form-data; boundary=x', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // Wrong types ----------------------------------------------------------------------------------------
  { name: 'number and boolean for strings', who: 'anonymous', method: 'POST', url: '/api/auth/login', body: { email: 5, password: true }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.email', 'body.password'] },
  { name: 'string for an array', who: 'admin', method: 'POST', url: '/api/api-keys', body: { name: 'a', scopes: 'organisation:read' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.scopes'] },
  { name: 'array for an object', who: 'admin', method: 'POST', url: '/api/api-keys', body: [ok], status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { name: 'null body', who: 'admin', method: 'PATCH', url: '/api/auth/profile', body: 'null', contentType: JSON_TYPE, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { name: 'value outside an enum', who: 'admin', method: 'PATCH', url: '/api/auth/profile', body: { locale: 'de' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.locale'] },
  { name: 'unknown role', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, role: 'king' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.role'] },
  { name: 'unknown scope', who: 'admin', method: 'POST', url: '/api/api-keys', body: { name: 'a', scopes: ['root'] }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.scopes.0'] },
  { name: 'not a date', who: 'admin', method: 'POST', url: '/api/api-keys', body: { ...ok, expiresAt: 'tomorrow' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.expiresAt'] },
  // Unknown fields -------------------------------------------------------------------------------------
  { name: 'unknown field on sign-in', who: 'anonymous', method: 'POST', url: '/api/auth/login', body: { email: 'a@b.example', password: 'x', remember: true }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.remember'] },
  { name: 'each unknown field by name', who: 'admin', method: 'POST', url: '/api/api-keys', body: { ...ok, organisationId: 'x', isAdmin: true }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.organisationId', 'body.isAdmin'] },
  { name: 'unknown field on a member', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, organisationId: 'x' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.organisationId'] },
  // Overlong and empty strings -------------------------------------------------------------------------
  { name: 'overlong key name', who: 'admin', method: 'POST', url: '/api/api-keys', body: { ...ok, name: 'k'.repeat(101) }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.name'] },
  { name: 'overlong display name', who: 'admin', method: 'PATCH', url: '/api/auth/profile', body: { displayName: 'n'.repeat(121) }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.displayName'] },
  { name: 'overlong password', who: 'anonymous', method: 'POST', url: '/api/auth/login', body: { email: 'a@b.example', password: 'p'.repeat(201) }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.password'] },
  { name: 'overlong email', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, email: `${'e'.repeat(250)}@x.example` }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.email'] },
  { name: 'blank display name', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, displayName: '   ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.displayName'] },
  { name: 'NUL character', who: 'admin', method: 'PATCH', url: '/api/auth/profile', body: { displayName: 'a\u0000b' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.displayName'] },
  { name: 'NUL character in a key', who: 'admin', method: 'PATCH', url: '/api/auth/profile', body: { ['display\u0000Name']: 'x' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  // Invalid emails -------------------------------------------------------------------------------------
  { name: 'no @', who: 'anonymous', method: 'POST', url: '/api/auth/login', body: { email: 'not-an-email', password: 'x' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.email'] },
  { name: 'no domain', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, email: 'someone@' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.email'] },
  { name: 'markup in an email', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, email: '<script>@x.example' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.email'] },
  // Passwords ------------------------------------------------------------------------------------------
  { name: 'new password too short', who: 'admin', method: 'POST', url: '/api/auth/password', body: { currentPassword: 'aeolus-demo', newPassword: 'short' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.newPassword'] },
  { name: 'wrong current password', who: 'admin', method: 'POST', url: '/api/auth/password', body: { currentPassword: 'wrong-one', newPassword: 'long-enough-new' }, status: 400, code: 'VALIDATION_FAILED', fields: ['currentPassword'] },
  // Rules the services check ---------------------------------------------------------------------------
  { name: 'expiry in the past', who: 'admin', method: 'POST', url: '/api/api-keys', body: { ...ok, expiresAt: '2001-01-01T00:00:00Z' }, status: 400, code: 'VALIDATION_FAILED', fields: ['expiresAt'] },
  { name: 'a scope beyond the role', who: 'validator', method: 'POST', url: '/api/api-keys', body: { name: 'a', scopes: ['audit:read'] }, status: 400, code: 'VALIDATION_FAILED', fields: ['scopes.0'] },
  { name: 'a role of another kind of organisation', who: 'admin', method: 'POST', url: '/api/organisations/current/members', body: { ...member, role: 'operator_admin' }, status: 400, code: 'VALIDATION_FAILED', fields: ['role'] },
  // Path parameters ------------------------------------------------------------------------------------
  { name: 'not a UUID in the path', who: 'admin', method: 'POST', url: '/api/api-keys/not-a-uuid/revoke', status: 400, code: 'VALIDATION_FAILED', fields: ['params.id'] },
  { name: 'SQL in the path', who: 'admin', method: 'GET', url: "/api/webhooks/1'%20or%20'1'='1", status: 400, code: 'VALIDATION_FAILED', fields: ['params.id'] },
  { name: 'not a UUID in the body', who: 'admin', method: 'POST', url: '/api/auth/switch-organisation', body: { organisationId: 'nl' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.organisationId'] },
  // Query parameters -----------------------------------------------------------------------------------
  { name: 'limit not a number', who: 'admin', method: 'GET', url: '/api/audit?limit=abc', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.limit'] },
  { name: 'limit out of range', who: 'admin', method: 'GET', url: '/api/audit?limit=501', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.limit'] },
  { name: 'limit repeated', who: 'admin', method: 'GET', url: '/api/audit?limit=1&limit=2', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.limit'] },
  { name: 'dates not ISO 8601', who: 'admin', method: 'GET', url: '/api/audit?from=yesterday&to=2024-13-45', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.from', 'querystring.to'] },
  { name: 'cursor not positive', who: 'admin', method: 'GET', url: '/api/audit?before=-1', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.before'] },
  { name: 'cursor beyond safe integers', who: 'admin', method: 'GET', url: '/api/audit?before=99999999999999999999', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.before'] },
  { name: 'overlong filter', who: 'admin', method: 'GET', url: `/api/audit?actor=${'a'.repeat(255)}`, status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.actor'] },
  { name: 'unknown query parameter', who: 'admin', method: 'GET', url: '/api/audit?orderBy=hash', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.orderBy'] },
  { name: 'NUL in a filter', who: 'admin', method: 'GET', url: '/api/audit?actor=a%00b', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.actor'] },
  { name: 'negative event cursor', who: 'admin', method: 'GET', url: '/api/events?after=-5', status: 400, code: 'VALIDATION_FAILED', fields: ['querystring.after'] },
  { name: 'webhook URL not http(s)', who: 'admin', method: 'POST', url: '/api/webhooks', body: { url: 'ftp://hooks.example/x', eventTypes: ['*'] }, status: 400, code: 'VALIDATION_FAILED', fields: ['body.url'] },
];

function clientFor(who: Who) {
  return who === 'admin' ? admin : who === 'validator' ? validator : undefined;
}

async function send(c: Pick<BadCase, 'who' | 'method' | 'url' | 'body' | 'contentType'>) {
  const client = clientFor(c.who);
  const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
  const payload =
    c.body === undefined ? {} : { payload: c.contentType ? String(c.body) : (c.body as object) };
  if (client) {
    headers.cookie = `aeolus_session=${client.cookie}`;
    headers['x-csrf-token'] = client.csrfToken;
  }
  return t.app.inject({ method: c.method, url: c.url, headers, ...payload });
}

describe('bad input is refused with a 4xx naming the field', () => {
  it.each(CASES)('$name ($method $url)', async (c) => {
    const res = await send(c);
    expect(res.statusCode, res.body).toBe(c.status);
    const { error } = res.json();
    expect(error.code).toBe(c.code);
    expect(error.requestId).toBe(res.headers['x-request-id']);
    for (const field of c.fields ?? []) {
      expect(error.message).toContain(field);
      if (c.code === 'VALIDATION_FAILED') {
        expect(error.details.problems.map((p: { path: string }) => p.path)).toContain(field);
      }
    }
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE, before reading it as JSON', async () => {
    const limit = t.config.bodyLimitBytes;
    const body = JSON.stringify({ ...ok, name: 'x'.repeat(limit) });
    for (const who of ['admin', 'anonymous'] as const) {
      const url = who === 'admin' ? '/api/api-keys' : '/api/auth/login';
      const res = await send({ who, method: 'POST', url, body, contentType: JSON_TYPE });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: limit } });
    }
    // Exactly at the limit it is parsed (and then refused by the schema for the overlong name).
    const overhead = JSON.stringify({ ...ok, name: '' }).length;
    const fits = JSON.stringify({ ...ok, name: 'x'.repeat(limit - overhead) });
    expect(fits).toHaveLength(limit);
    const res = await send({
      who: 'admin',
      method: 'POST',
      url: '/api/api-keys',
      body: fits,
      contentType: JSON_TYPE,
    });
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.statusCode).toBe(400);
  });
});

describe('no body makes a route answer 500 (property-based)', () => {
  const ROUTES: { method: 'POST' | 'PATCH'; url: string; who: Who; schema: z.ZodType }[] = [
    { method: 'POST', url: '/api/auth/login', who: 'anonymous', schema: Login },
    { method: 'POST', url: '/api/api-keys', who: 'admin', schema: CreateApiKey },
    { method: 'POST', url: '/api/organisations/current/members', who: 'admin', schema: CreateUser },
    { method: 'PATCH', url: '/api/auth/profile', who: 'admin', schema: UpdateProfile },
    { method: 'POST', url: '/api/auth/password', who: 'admin', schema: ChangePassword },
  ];
  const fields = ['email', 'password', 'name', 'scopes', 'expiresAt', 'displayName', 'role', 'locale', 'x'];
  const body = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom(...fields), fc.jsonValue(), { maxKeys: 5 }),
  );

  it.each(ROUTES)('$method $url', async (route) => {
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        // Bodies the contract accepts may succeed and write: only the rejected ones are of interest here.
        fc.pre(!route.schema.safeParse(value).success);
        const res = await send({ ...route, body: JSON.stringify(value), contentType: JSON_TYPE });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toMatch(/^(VALIDATION_FAILED|INVALID_JSON)$/);
      }),
      { numRuns: 60 },
    );
  });

  it('raw bytes as JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (raw) => {
        const res = await send({
          who: 'admin',
          method: 'POST',
          url: '/api/api-keys',
          body: raw,
          contentType: JSON_TYPE,
        });
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});

describe('nothing half-written', () => {
  it('leaves every table as it was', async () => {
    expect(await countRows()).toEqual(rowsBefore);
  });
});
