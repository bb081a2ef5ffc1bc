import type {
  ApiKey,
  AuditPage,
  AuditQuery,
  ChangePassword,
  CreateApiKey,
  CreatedApiKey,
  CreatedWebhook,
  CreateUser,
  CreateWebhook,
  Login,
  Organisation,
  OrganisationMember,
  SessionInfo,
  UpdateProfile,
  User,
  Webhook,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
} from '@aeolus/contracts';

/** One offending field, as the server's validation reports it (`{ path, message }`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Codes the client itself produces, next to the server's `ERROR_CODES`. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/**
 * A failed API call, carrying the server's `{ error: { code, message, details, requestId } }`. Pages
 * translate `code`; `message` is the server's English fallback.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
    this.requestId = options.requestId;
  }

  /**
   * Field problems with the request location stripped: schema validation reports `body.newPassword`,
   * services report `newPassword`; forms only know the field name.
   */
  get problems(): FieldProblem[] {
    const raw = (this.details as { problems?: unknown } | null | undefined)?.problems;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((p): p is FieldProblem => typeof p?.path === 'string' && typeof p?.message === 'string')
      .map((p) => ({ path: p.path.replace(/^(body|querystring|params)\.?/, ''), message: p.message }));
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token, sent back as `X-CSRF-Token` on every write (the server refuses writes without it). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF header for a write sent without `request` (an upload that reports its progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

const unauthenticatedListeners = new Set<() => void>();

/** Called when a signed-in call comes back 401: the session expired or was ended elsewhere. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | undefined | null;

interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      status,
      code: error.code,
      message: error.message,
      details: error.details,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    });
  }
  return new ApiError({
    status,
    code: 'UNEXPECTED_RESPONSE' satisfies ClientErrorCode,
    message: `The server answered ${status} without an error body`,
  });
}

/** Paths where a 401 is an answer, not a sign that the session has ended. */
const QUIET_401 = new Set(['/api/auth/login', '/api/auth/me']);

/** One API call; features with their own client (e.g. the AEO pages) build on it. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A POST without a body must not claim JSON: Fastify refuses an empty JSON body. A file upload
  // (FormData) goes as multipart/form-data, with the boundary the browser sets itself.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : options.body instanceof FormData
            ? options.body
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR' satisfies ClientErrorCode,
      message: 'The server could not be reached',
    });
  }

  const text = await response.text();
  let body: unknown;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, body);
    if (response.status === 401 && !QUIET_401.has(path)) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  return body as T;
}

export type AuditFilters = Partial<Omit<AuditQuery, 'limit'>> & { limit?: number };

/** The API as the web app uses it; every request and response type comes from @aeolus/contracts. */
export const api = {
  login: (body: Login) => request<SessionInfo>('POST', '/api/auth/login', { body }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),
  me: (signal?: AbortSignal) => request<SessionInfo>('GET', '/api/auth/me', { signal }),
  /** Whether sign-in through the organisation's identity provider (OpenID Connect) is offered. */
  oidcStatus: (signal?: AbortSignal) => request<{ enabled: boolean }>('GET', '/api/auth/oidc', { signal }),
  switchOrganisation: (organisationId: string) =>
    request<SessionInfo>('POST', '/api/auth/switch-organisation', { body: { organisationId } }),
  changePassword: (body: ChangePassword) => request<{ ok: true }>('POST', '/api/auth/password', { body }),
  updateProfile: (body: UpdateProfile) => request<{ ok: true }>('PATCH', '/api/auth/profile', { body }),

  currentOrganisation: (signal?: AbortSignal) =>
    request<Organisation>('GET', '/api/organisations/current', { signal }),
  listMembers: (signal?: AbortSignal) =>
    request<{ items: OrganisationMember[] }>('GET', '/api/organisations/current/members', { signal }),
  addMember: (body: CreateUser) => request<User>('POST', '/api/organisations/current/members', { body }),

  listApiKeys: (signal?: AbortSignal) => request<{ items: ApiKey[] }>('GET', '/api/api-keys', { signal }),
  createApiKey: (body: CreateApiKey) => request<CreatedApiKey>('POST', '/api/api-keys', { body }),
  revokeApiKey: (id: string) => request<ApiKey>('POST', `/api/api-keys/${encodeURIComponent(id)}/revoke`),

  listAudit: (filters: AuditFilters, signal?: AbortSignal) =>
    request<AuditPage>('GET', '/api/audit', { query: { ...filters }, signal }),

  listWebhooks: (signal?: AbortSignal) => request<{ items: Webhook[] }>('GET', '/api/webhooks', { signal }),
  getWebhook: (id: string, signal?: AbortSignal) =>
    request<Webhook>('GET', `/api/webhooks/${encodeURIComponent(id)}`, { signal }),
  createWebhook: (body: CreateWebhook) => request<CreatedWebhook>('POST', '/api/webhooks', { body }),
  disableWebhook: (id: string) => request<Webhook>('POST', `/api/webhooks/${encodeURIComponent(id)}/disable`),
  deleteWebhook: (id: string) => request<{ ok: true }>('DELETE', `/api/webhooks/${encodeURIComponent(id)}`),
  listWebhookDeliveries: (id: string, query: Partial<WebhookDeliveriesQuery>, signal?: AbortSignal) =>
    request<WebhookDeliveryPage>('GET', `/api/webhooks/${encodeURIComponent(id)}/deliveries`, {
      query: { ...query },
      signal,
    }),
  redeliverWebhookDelivery: (id: string, deliveryId: string) =>
    request<WebhookDelivery>(
      'POST',
      `/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
    ),
};
