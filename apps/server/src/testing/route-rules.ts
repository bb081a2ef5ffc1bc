import type { OrganisationKind, Role } from '@aeolus/contracts';
import { makePng } from '@aeolus/core/testing';
import { AEO_ROUTE_RULES } from './aeo-route-rules.js';
import { AEO_SAQ_ROUTE_RULES } from './aeo-saq-route-rules.js';
import { COMPILATION_ROUTE_RULES } from './compilation-route-rules.js';
import { multipart } from './multipart.js';
import { NOTIFICATION_ROUTE_RULES } from './notifications-route-rules.js';
import { SAFE_ASSESSMENT_ROUTE_RULES } from './safe-assessment-route-rules.js';
import { SAFE_QUESTIONNAIRE_ROUTE_RULES } from './safe-questionnaire-route-rules.js';
import { SCREENING_ROUTE_RULES } from './screening-route-rules.js';
import type { TestClient } from './test-app.js';

/**
 * How the route × role matrix (routes/route-matrix.test.ts) calls each route. Who may call a route is
 * NOT written here: the matrix reads it from the route's `config.access` and the permission catalogue.
 * A rule only says how to build a valid request, so that a permitted caller is seen to get through.
 *
 * Every registered route needs a rule; the matrix fails for a route without one (and for a rule that
 * matches no route). When you add a route, add its rule here.
 */
export interface Sample {
  /** Path parameters, by name (`*` for a wildcard). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Request headers, e.g. the Content-Type of a multipart body given as a Buffer. */
  headers?: Record<string, string>;
}

export interface SampleContext {
  /** A session of the person behind the caller (for an API key: the person who created it). */
  person: TestClient;
  roles: readonly Role[];
  organisationKind: OrganisationKind;
  /** Different on every call, for values that must be unique (emails, names). */
  unique: string;
}

export interface RouteRule {
  /** A valid request for a permitted caller (default: no parameters, no body). */
  sample?(ctx: SampleContext): Sample | Promise<Sample>;
  /** What a permitted caller gets for the sample (default: any 2xx). */
  granted?: number | readonly number[];
  /** The route streams (server-sent events): only the status line is awaited. */
  stream?: boolean;
  /**
   * Required for a route with a path parameter: makes a resource as `owner` and returns the path
   * parameters naming it. A caller of another tenant (`intruder`, permitted to use the route) must then
   * get the same 404 as for an id that does not exist, and the resource must be unchanged.
   */
  foreign?: {
    owner: string;
    intruder: string;
    create(owner: TestClient): Promise<Record<string, string>>;
    /** Read back as the owner after the intruder's attempt: must not have changed. */
    snapshot(owner: TestClient, params: Record<string, string>): Promise<unknown>;
  };
}

const roleToAdd = (kind: OrganisationKind): Role =>
  kind === 'customs_administration'
    ? 'aeo_validator'
    : kind === 'economic_operator'
      ? 'operator_user'
      : 'secretariat_analyst';

async function createKey(person: TestClient, name: string): Promise<string> {
  const res = await person.request('POST', '/api/api-keys', { name, scopes: ['organisation:read'] });
  if (res.statusCode !== 201) throw new Error(`could not create an API key: ${res.statusCode} ${res.body}`);
  return res.json().apiKey.id as string;
}

async function findKey(person: TestClient, id: string) {
  const res = await person.request('GET', '/api/api-keys');
  return (res.json().items as { id: string }[]).find((k) => k.id === id);
}

async function createWebhook(person: TestClient, unique: string): Promise<string> {
  const res = await person.request('POST', '/api/webhooks', {
    url: `https://hooks.example/aeolus/${unique}`,
    eventTypes: ['*'],
  });
  if (res.statusCode !== 201) throw new Error(`could not create a webhook: ${res.statusCode} ${res.body}`);
  return res.json().webhook.id as string;
}

const readWebhook = async (owner: TestClient, params: Record<string, string>) =>
  (await owner.request('GET', `/api/webhooks/${params.id}`)).json();

/** Another tenant's webhook: made by the NL administration, tried by the KE one. */
const foreignWebhook: RouteRule['foreign'] = {
  owner: 'admin@nl.customs.example',
  intruder: 'admin@ke.customs.example',
  create: async (owner) => ({ id: await createWebhook(owner, 'foreign') }),
  snapshot: readWebhook,
};

/** Evidence for the caller's own organisation, as a multipart upload. */
function orgUpload(organisationId: string): Sample {
  const form = multipart(
    { attachedToType: 'organisation', attachedToId: organisationId },
    { bytes: makePng(), fileName: 'stamp.png', contentType: 'image/png' },
  );
  return { body: form.payload, headers: form.headers };
}

async function uploadDocument(person: TestClient): Promise<string> {
  const { body, headers } = orgUpload(person.organisationId);
  const res = await person.request('POST', '/api/documents', body, headers);
  if (res.statusCode !== 201) throw new Error(`could not upload a document: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Another tenant's evidence: uploaded by the Dutch trader, tried by the Kenyan one. */
const foreignDocument: RouteRule['foreign'] = {
  owner: 'trader@acme-logistics.example',
  intruder: 'trader@globex.example',
  create: async (owner) => ({ id: await uploadDocument(owner) }),
  snapshot: async (owner, params) => (await owner.request('GET', `/api/documents/${params.id}`)).json(),
};

/** Keyed by `METHOD /url` as registered; a key ending in `*` covers every route it prefixes. */
export const ROUTE_RULES: Record<string, RouteRule> = {
  // AEO programme lifecycle: rules in aeo-route-rules.ts.
  ...AEO_ROUTE_RULES,
  ...AEO_SAQ_ROUTE_RULES,
  // In-app notifications: rules in notifications-route-rules.ts.
  ...NOTIFICATION_ROUTE_RULES,
  // Risk screening: rules in screening-route-rules.ts.
  ...SCREENING_ROUTE_RULES,
  // Online AEO compilation: rules in compilation-route-rules.ts.
  ...COMPILATION_ROUTE_RULES,
  // SAFE implementation assessment: rules in safe-assessment-route-rules.ts.
  ...SAFE_ASSESSMENT_ROUTE_RULES,
  ...SAFE_QUESTIONNAIRE_ROUTE_RULES,

  // Platform ------------------------------------------------------------------------------------------
  'GET /health': {},
  'GET /ready': {},
  'GET /metrics': {},
  'GET /api/openapi.json': {},
  'GET /api/docs*': { sample: () => ({ params: { '*': 'swagger-ui.css' } }), granted: [200, 302] },

  // Sign-in and session -------------------------------------------------------------------------------
  'POST /api/auth/login': {
    sample: () => ({ body: { email: 'crisis@nl.customs.example', password: 'aeolus-demo' } }),
  },
  'POST /api/auth/logout': {},
  'GET /api/auth/me': {},
  'POST /api/auth/switch-organisation': {
    sample: ({ person }) => ({ body: { organisationId: person.organisationId } }),
  },
  // A wrong current password: the handler runs (so access was granted) without changing demo passwords.
  'POST /api/auth/password': {
    sample: () => ({ body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-123' } }),
    granted: 400,
  },
  'PATCH /api/auth/profile': { sample: () => ({ body: { locale: 'en' } }) },
  'GET /api/auth/oidc': {},
  // The matrix app has no identity provider configured.
  'GET /api/auth/oidc/login': { granted: 501 },
  'GET /api/auth/oidc/callback': { sample: () => ({ query: { code: 'c', state: 's' } }), granted: 501 },

  // Organisations -------------------------------------------------------------------------------------
  'GET /api/organisations/current': {},
  'GET /api/organisations/current/members': {},
  'POST /api/organisations/current/members': {
    sample: ({ organisationKind, unique }) => ({
      body: {
        email: `matrix-${unique}@members.example`,
        displayName: 'Matrix Member',
        role: roleToAdd(organisationKind),
      },
    }),
  },

  // API keys ------------------------------------------------------------------------------------------
  'GET /api/api-keys': {},
  'POST /api/api-keys': {
    sample: ({ unique }) => ({ body: { name: `matrix ${unique}`, scopes: ['organisation:read'] } }),
  },
  'POST /api/api-keys/:id/revoke': {
    sample: async ({ person, unique }) => ({ params: { id: await createKey(person, `revoke ${unique}`) } }),
    foreign: {
      owner: 'admin@nl.customs.example',
      intruder: 'admin@ke.customs.example',
      create: async (owner) => ({ id: await createKey(owner, 'foreign key') }),
      snapshot: (owner, params) => findKey(owner, params.id!),
    },
  },

  // Audit ---------------------------------------------------------------------------------------------
  'GET /api/audit': { sample: () => ({ query: { limit: '5' } }) },

  // Events and webhooks -------------------------------------------------------------------------------
  'GET /api/events': { sample: () => ({ query: { after: '0', limit: '5' } }) },
  'GET /api/events/stream': { stream: true },
  'GET /api/webhooks': {},
  'POST /api/webhooks': {
    sample: ({ unique }) => ({ body: { url: `https://hooks.example/aeolus/${unique}`, eventTypes: ['*'] } }),
  },
  'GET /api/webhooks/:id': {
    sample: async ({ person, unique }) => ({ params: { id: await createWebhook(person, unique) } }),
    foreign: foreignWebhook,
  },
  'POST /api/webhooks/:id/disable': {
    sample: async ({ person, unique }) => ({ params: { id: await createWebhook(person, unique) } }),
    foreign: foreignWebhook,
  },
  'DELETE /api/webhooks/:id': {
    sample: async ({ person, unique }) => ({ params: { id: await createWebhook(person, unique) } }),
    foreign: foreignWebhook,
  },
  'GET /api/webhooks/:id/deliveries': {
    sample: async ({ person, unique }) => ({ params: { id: await createWebhook(person, unique) } }),
    foreign: foreignWebhook,
  },
  // No dead-lettered delivery exists to redeliver: a permitted caller reaches the service and hears 404.
  'POST /api/webhooks/:id/deliveries/:deliveryId/redeliver': {
    sample: async ({ person, unique }) => ({ params: { id: await createWebhook(person, unique) } }),
    granted: 404,
    foreign: foreignWebhook,
  },

  // Public AEO register and credential verification (no account) ----------------------------------------
  // The matrix database may hold no certificate: the look-ups reach the service and answer 200 or 404.
  'GET /api/public/aeo/:aeoId': {
    sample: () => ({ params: { aeoId: 'NLAEOF000001' } }),
    granted: [200, 404],
  },
  'GET /api/public/aeo/:aeoId/certificate.pdf': {
    sample: () => ({ params: { aeoId: 'NLAEOF000001' } }),
    granted: [200, 404],
  },
  'POST /api/public/aeo/verify': { sample: () => ({ body: { credential: 'e30.e30.' } }) },
  'GET /.well-known/jwks.json': {},

  // Documents (paperless evidence) --------------------------------------------------------------------
  'POST /api/documents': { sample: ({ person }) => orgUpload(person.organisationId), granted: 201 },
  'GET /api/documents': {
    sample: ({ person }) => ({
      query: { attachedToType: 'organisation', attachedToId: person.organisationId },
    }),
  },
  'GET /api/documents/:id': {
    sample: async ({ person }) => ({ params: { id: await uploadDocument(person) } }),
    foreign: foreignDocument,
  },
  'GET /api/documents/:id/content': {
    sample: async ({ person }) => ({ params: { id: await uploadDocument(person) } }),
    foreign: foreignDocument,
  },
  'POST /api/public/documents/verify': { sample: () => ({ body: { sha256: 'a'.repeat(64) } }) },
};

export function ruleFor(method: string, url: string): { key: string; rule: RouteRule } | undefined {
  const id = `${method} ${url}`;
  if (ROUTE_RULES[id]) return { key: id, rule: ROUTE_RULES[id] };
  const key = Object.keys(ROUTE_RULES).find((k) => k.endsWith('*') && id.startsWith(k.slice(0, -1)));
  return key ? { key, rule: ROUTE_RULES[key]! } : undefined;
}
