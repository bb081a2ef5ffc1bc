import { randomUUID } from 'node:crypto';
import {
  type Action,
  type ApiKeyScope,
  grantableScopes,
  type OrganisationKind,
  PERMISSIONS,
  type Role,
  roleAllows,
} from '@aeolus/contracts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, type DemoOrgKey } from '@aeolus/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type RegisteredRoute, type RouteAccess, SESSION_COOKIE } from '../plugins/auth.js';
import { ROUTE_RULES, type RouteRule, ruleFor, type Sample } from '../testing/route-rules.js';
import { createTestApp, type TestClient } from '../testing/test-app.js';

/**
 * The route × role matrix, generated from the routes the app actually registered: every route, every
 * demo role, anonymous callers and API keys, against the permission catalogue. A route added later is
 * covered as soon as it exists (and fails here until its sample is added to testing/route-rules.ts).
 */
const t = await createTestApp();
afterAll(() => t.close());

interface Identity {
  label: string;
  email: string;
  org: DemoOrgKey;
  roles: Role[];
  kind: OrganisationKind;
}

const IDENTITIES: Identity[] = DEMO_ACCOUNTS.flatMap((account) =>
  // Each membership is a separate identity: the trader of Acme is also an operator_user at Tulip.
  [...new Set(account.memberships.map((m) => m.org))].map((org, index) => ({
    label: index === 0 ? account.email : `${account.email} acting for ${org}`,
    email: account.email,
    org,
    roles: account.memberships.filter((m) => m.org === org).map((m) => m.role),
    kind: DEMO_ORGANISATIONS[org].kind,
  })),
);

const byEmail = (email: string) => IDENTITIES.find((i) => i.email === email)!;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A fresh session for the identity, switched to its organisation (sessions start at the first one). */
async function sessionFor(identity: Identity): Promise<TestClient> {
  const client = await t.signIn(identity.email);
  const me = (await client.request('GET', '/api/auth/me')).json();
  const target = (me.user.memberships as { organisationId: string; organisationName: string }[]).find(
    (m) => m.organisationName === DEMO_ORGANISATIONS[identity.org].name,
  )!;
  if (target.organisationId !== client.organisationId) {
    const res = await client.request('POST', '/api/auth/switch-organisation', {
      organisationId: target.organisationId,
    });
    expect(res.statusCode).toBe(200);
    client.organisationId = target.organisationId;
  }
  return client;
}

type Caller = { kind: 'anonymous'; headers?: Record<string, string> } | TestClient | { key: string };

function buildUrl(route: RegisteredRoute, sample: Sample): string {
  const path = route.url.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => {
    const value = sample.params?.[name ?? '*'];
    if (value === undefined) throw new Error(`the sample for ${route.url} gives no ${whole}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(sample.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** Random values for path parameters, for callers who must be refused before any look-up happens. */
function placeholder(route: RegisteredRoute): Sample {
  const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  return { params: Object.fromEntries(names.map((n) => [n, n === '*' ? 'x' : randomUUID()])) };
}

/** What the matrix reads from a response (a stream's body is never awaited). */
interface Answer {
  statusCode: number;
  body: string;
  json(): { error: { code: string; message: string } };
}

async function call(route: RegisteredRoute, caller: Caller, sample: Sample, stream = false): Promise<Answer> {
  const headers: Record<string, string> =
    'cookie' in caller
      ? { cookie: `${SESSION_COOKIE}=${caller.cookie}`, 'x-csrf-token': caller.csrfToken }
      : 'key' in caller
        ? { authorization: `Bearer ${caller.key}` }
        : (caller.headers ?? {});
  const res = await t.app.inject({
    method: route.method as 'GET',
    url: buildUrl(route, sample),
    headers: { ...sample.headers, ...headers },
    ...(sample.body === undefined ? {} : { payload: sample.body as object }),
    ...(stream ? { payloadAsStream: true } : {}),
  });
  if (!stream) return res;
  // Server-sent events never end: the status line is the answer; the stream is dropped at once.
  res.stream().destroy();
  return { statusCode: res.statusCode, body: '', json: () => ({ error: { code: '', message: '' } }) };
}

async function sampleFor(rule: RouteRule, route: RegisteredRoute, identity: Identity, person: TestClient) {
  const sample =
    (await rule.sample?.({
      person,
      roles: identity.roles,
      organisationKind: identity.kind,
      unique: unique(),
    })) ?? {};
  return { ...sample, params: { ...placeholder(route).params, ...sample.params } };
}

function expectGranted(res: Answer, rule: RouteRule, who: string) {
  const detail = `${who}: ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, detail).not.toBe(401);
  expect(res.statusCode, detail).not.toBe(403);
  if (rule.granted === undefined) {
    expect(res.statusCode >= 200 && res.statusCode < 300, detail).toBe(true);
  } else {
    expect([rule.granted].flat(), detail).toContain(res.statusCode);
  }
}

function expectRefused(res: Answer, status: 401 | 403, who: string) {
  expect(res.statusCode, `${who}: ${res.body.slice(0, 300)}`).toBe(status);
  if (res.body) expect(res.json().error.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

const keys = new Map<string, string>();
/** An API key made by the identity with exactly these scopes (cached per identity and scope set). */
async function keyFor(identity: Identity, scopes: ApiKeyScope[]): Promise<string> {
  const id = `${identity.label}|${[...scopes].sort().join(',')}`;
  if (!keys.has(id)) {
    const person = await sessionFor(identity);
    const res = await person.request('POST', '/api/api-keys', { name: `matrix ${unique()}`, scopes });
    expect(res.statusCode, res.body).toBe(201);
    keys.set(id, res.json().secret);
  }
  return keys.get(id)!;
}

const permits = (access: RouteAccess, identity: Identity) =>
  'public' in access || 'authenticated' in access || roleAllows(identity.roles, access.action);

const all = t.app.registeredRoutes;
const routes = all.filter(
  (r, i) => r.method !== 'HEAD' && all.findIndex((o) => o.method === r.method && o.url === r.url) === i,
);

describe('the route list', () => {
  it('has a rule for every registered route', () => {
    const missing = routes.filter((r) => !ruleFor(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'add these to ROUTE_RULES in apps/server/src/testing/route-rules.ts').toEqual([]);
  });
  it('has no rule for a route that does not exist', () => {
    const stale = Object.keys(ROUTE_RULES).filter(
      (key) => !routes.some((r) => ruleFor(r.method, r.url)?.key === key),
    );
    expect(stale, 'remove these from ROUTE_RULES').toEqual([]);
  });
  it('covers every demo identity, and their sessions hold the roles the seed gives them', async () => {
    expect(IDENTITIES.map((i) => i.label)).toHaveLength(12);
    for (const identity of IDENTITIES) {
      const me = (await (await sessionFor(identity)).request('GET', '/api/auth/me')).json();
      expect([...me.roles].sort(), identity.label).toEqual([...identity.roles].sort());
    }
  });
});

describe.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
  const found = ruleFor(route.method, route.url);
  const access = route.access;
  it('declares its access and has a matrix rule', () => {
    expect(access, 'every route declares config.access').toBeDefined();
    expect(
      found,
      `add '${route.method} ${route.url}' to apps/server/src/testing/route-rules.ts`,
    ).toBeDefined();
    if (access && 'action' in access) expect(PERMISSIONS).toHaveProperty([access.action]);
  });
  if (!found || !access) return;
  const rule = found.rule;

  if ('public' in access) {
    it('lets anyone through', async () => {
      const person = await sessionFor(IDENTITIES[0]!);
      const sample = await sampleFor(rule, route, IDENTITIES[0]!, person);
      expectGranted(await call(route, { kind: 'anonymous' }, sample, rule.stream), rule, 'anonymous');
    });
    return;
  }

  it('refuses anonymous callers, unknown API keys and stale cookies with 401', async () => {
    const sample = placeholder(route);
    const callers: [string, Caller][] = [
      ['anonymous', { kind: 'anonymous' }],
      ['unknown key', { key: `aeo_000000000000_${'A'.repeat(43)}` }],
      ['malformed key', { key: 'not-a-key' }],
      [
        'stale cookie',
        { kind: 'anonymous', headers: { cookie: 'aeolus_session=stale', 'x-csrf-token': 'x' } },
      ],
    ];
    for (const [who, caller] of callers) expectRefused(await call(route, caller, sample), 401, who);
    if (all.some((r) => r.method === 'HEAD' && r.url === route.url)) {
      expectRefused(await call({ ...route, method: 'HEAD' }, { kind: 'anonymous' }, sample), 401, 'HEAD');
    }
  });

  it.each(IDENTITIES)('$label', async (identity) => {
    const person = await sessionFor(identity);
    if (!permits(access, identity)) {
      expectRefused(await call(route, person, placeholder(route)), 403, identity.label);
      return;
    }
    const sample = await sampleFor(rule, route, identity, person);
    expectGranted(await call(route, person, sample, rule.stream), rule, identity.label);
  });

  const action: Action | undefined = 'action' in access ? access.action : undefined;
  const scope = action ? PERMISSIONS[action].scope : null;
  const creator = IDENTITIES.find((i) => (action ? roleAllows(i.roles, action) : true))!;
  const otherScopes = grantableScopes(creator.roles).filter((s) => s !== scope);
  const peopleOnly = 'authenticated' in access ? access.people === true : scope === null;
  if (scope) {
    it(`API keys: refused without the ${scope} scope, let through with it`, async () => {
      const without = await keyFor(creator, otherScopes);
      expectRefused(await call(route, { key: without }, placeholder(route)), 403, 'key without the scope');
      const sample = await sampleFor(rule, route, creator, await sessionFor(creator));
      const res = await call(route, { key: await keyFor(creator, [scope]) }, sample, rule.stream);
      expectGranted(res, rule, `key with ${scope}`);
    });
  } else if (peopleOnly) {
    it('API keys: refused whatever their scopes (people only)', async () => {
      const key = await keyFor(creator, grantableScopes(creator.roles));
      expectRefused(await call(route, { key }, placeholder(route)), 403, 'key with every scope it may hold');
    });
  } else {
    it('API keys: let through with any scope (any authenticated caller)', async () => {
      const sample = await sampleFor(rule, route, creator, await sessionFor(creator));
      const res = await call(
        route,
        { key: await keyFor(creator, otherScopes.slice(0, 1)) },
        sample,
        rule.stream,
      );
      expectGranted(res, rule, 'key');
    });
  }

  if (/[:*]/.test(route.url)) {
    it("answers another tenant's resource exactly like a missing one (404)", async () => {
      expect(rule.foreign, 'a route with a path parameter needs a `foreign` rule').toBeDefined();
      const foreign = rule.foreign!;
      const owner = await sessionFor(byEmail(foreign.owner));
      const params = await foreign.create(owner);
      const before = await foreign.snapshot(owner, params);
      const intruderIdentity = byEmail(foreign.intruder);
      expect(permits(access, intruderIdentity), 'the intruder must be allowed to use the route').toBe(true);
      const intruder = await sessionFor(intruderIdentity);
      const sample = await sampleFor(rule, route, intruderIdentity, intruder);
      const theirs = await call(route, intruder, { ...sample, params: { ...sample.params, ...params } });
      const missing = await call(route, intruder, { ...sample, params: placeholder(route).params });
      expect(theirs.statusCode, theirs.body).toBe(404);
      expect(theirs.json().error.code).toBe('NOT_FOUND');
      expect({ status: missing.statusCode, message: missing.json().error.message }).toEqual({
        status: 404,
        message: theirs.json().error.message,
      });
      expect(await foreign.snapshot(owner, params)).toEqual(before);
    });
  }
});
