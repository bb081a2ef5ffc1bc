import { ErrorBody } from '@aeolus/contracts';
import { AppError, OIDC_REFUSALS, type OidcRefusal, signInWithOidc } from '@aeolus/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOidcRelyingParty, OIDC_TRANSACTION_TTL_SECONDS } from '../plugins/oidc-client.js';
import { setSessionCookie } from './auth.routes.js';

export const OIDC_TRANSACTION_COOKIE = 'aeolus_oidc';
const COOKIE_PATH = '/api/auth/oidc';
/** Where a refused sign-in lands: the web sign-in page reads `?error=<OidcRefusal>` and explains it. */
export const OIDC_REFUSAL_PAGE = '/sign-in';

/** What the provider may send back to the redirect URI (RFC 6749 §4.1.2, RFC 9207 `iss`). */
const CallbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

function refusalOf(error: unknown): OidcRefusal {
  const reason = error instanceof AppError ? (error.details as { reason?: string })?.reason : undefined;
  return OIDC_REFUSALS.find((r) => r === reason) ?? 'OIDC_FAILED';
}

/**
 * OpenID Connect sign-in for administrations that already run an identity provider. Browser-facing:
 * the login and callback answers are redirects, and refusals land on the sign-in page with a code.
 */
export async function oidcRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx, config } = app.services;
  const relyingParty = config.oidc
    ? createOidcRelyingParty(config.oidc, config.secrets.keyEncryptionKey)
    : undefined;

  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const reason = refusalOf(error);
    const expected = error instanceof AppError && reason !== 'OIDC_FAILED';
    request.log[expected ? 'warn' : 'error']({ reason, err: error }, 'OpenID Connect sign-in refused');
    reply.clearCookie(OIDC_TRANSACTION_COOKIE, { path: COOKIE_PATH });
    return reply.redirect(`${OIDC_REFUSAL_PAGE}?error=${reason}`, 303);
  };

  app.get(
    '/api/auth/oidc',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Whether sign-in with the organisation’s identity provider (OpenID Connect) is offered',
        response: { 200: z.object({ enabled: z.boolean() }) },
      },
    },
    async () => ({ enabled: Boolean(relyingParty) }),
  );

  app.get(
    '/api/auth/oidc/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Start OpenID Connect sign-in: redirects the browser to the identity provider',
        response: { 501: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!relyingParty) throw new AppError('NOT_CONFIGURED', 'OpenID Connect sign-in is not configured');
      let started: Awaited<ReturnType<typeof relyingParty.beginLogin>>;
      try {
        started = await relyingParty.beginLogin();
      } catch (error) {
        return refuse(request, reply, error);
      }
      // Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
      reply.setCookie(OIDC_TRANSACTION_COOKIE, started.transaction, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: OIDC_TRANSACTION_TTL_SECONDS,
      });
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: {
        access: { public: true },
        // Each answer costs a token exchange and a database look-up: a sign-in-sized budget per address.
        rateLimit: {
          max: config.loginRateLimitPerMinute,
          timeWindow: 60_000,
          keyGenerator: (r) => `login:${r.ip}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary:
          'The identity provider’s redirect target: signs in the person whose verified email matches an ' +
          `account and redirects to /, or redirects to ${OIDC_REFUSAL_PAGE}?error=<reason>`,
        querystring: CallbackQuery,
        response: { 501: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!relyingParty) throw new AppError('NOT_CONFIGURED', 'OpenID Connect sign-in is not configured');
      try {
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const identity = await relyingParty.finishLogin(search, request.cookies[OIDC_TRANSACTION_COOKIE]);
        const started = await signInWithOidc(ctx, identity, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          requestId: request.id,
        });
        reply.clearCookie(OIDC_TRANSACTION_COOKIE, { path: COOKIE_PATH });
        setSessionCookie(request, reply, started.token, started.info.expiresAt);
        return reply.redirect('/', 303);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );
}
