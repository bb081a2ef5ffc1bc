import type { Action } from '@aeolus/contracts';
import {
  type Actor,
  AppError,
  authenticateApiKey,
  type CoreContext,
  decide,
  type ResolvedSession,
  resolveSession,
} from '@aeolus/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * How a route may be reached. Every `/api` route declares one (start-up fails otherwise), and the
 * route × role matrix test reads them:
 * - `public`: no account needed;
 * - `authenticated`: any signed-in person or API key (`people: true` refuses API keys);
 * - `action`: the permission from the catalogue (`PERMISSIONS`), checked before the body is parsed.
 */
export type RouteAccess = { public: true } | { authenticated: true; people?: boolean } | { action: Action };

/** One registered route and its access rule, as the onRoute hook saw it (HEAD twins included). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access?: RouteAccess;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /**
     * Every route registered after the auth plugin, in registration order. The route × role matrix test
     * and the OpenAPI drift check walk this list, so routes added later are covered without editing them.
     */
    registeredRoutes: RegisteredRoute[];
  }
  interface FastifyRequest {
    actor?: Actor;
    session?: ResolvedSession;
    sessionToken?: string;
  }
}

export const SESSION_COOKIE = 'aeolus_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of an authenticated route (the onRequest hook has already refused anonymous callers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in or present an API key');
  return { ...request.actor, requestId: request.id };
}

export function registerAuth(app: FastifyInstance, ctx: CoreContext) {
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: { public: true } };
    } else if (url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${url} declares no access rule`);
    }
    for (const method of [route.method].flat()) {
      registered.push({ method, url, access: route.config?.access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (bearer) {
      const actor = await authenticateApiKey(ctx, bearer);
      if (!actor)
        throw new AppError('UNAUTHENTICATED', 'The API key is not valid, has expired or was revoked');
      request.actor = { ...actor, requestId: request.id };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const resolved = await resolveSession(ctx, token);
        if (resolved) {
          request.session = resolved;
          request.sessionToken = token;
          request.actor = { ...resolved.actor, requestId: request.id };
        }
      }
    }
    if ('public' in access) return;
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or present an API key');
    // Cookies ride along on cross-site requests; a write must also carry the session's CSRF token, which
    // only our own pages can read (from /api/auth/me).
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (presented !== request.session.session.csrfToken) {
        throw new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header for this session');
      }
    }
    if ('authenticated' in access) {
      if (access.people && actor.kind !== 'user')
        throw AppError.forbidden('Only people can do this, not API keys');
      return;
    }
    const decision = decide(actor, access.action);
    if (!decision.allowed) {
      throw AppError.forbidden(
        actor.kind === 'api_key'
          ? `This API key's scopes do not allow ${access.action}`
          : `Your role does not allow ${access.action}`,
      );
    }
  });
}
