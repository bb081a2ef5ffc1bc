import {
  ChangePassword,
  ErrorBody,
  Login,
  Ok,
  SessionInfo,
  SwitchOrganisation,
  UpdateProfile,
} from '@aeolus/contracts';
import { changePassword, login, logout, switchOrganisation, updateProfile } from '@aeolus/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx, config } = app.services;

  app.post(
    '/api/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: {
          max: config.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (r) => `login:${r.ip}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: Login,
        response: { 200: SessionInfo, ...errors },
      },
    },
    async (request, reply) => {
      const started = await login(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSessionCookie(request, reply, started.token, started.info.expiresAt);
      return started.info;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { authenticated: true, people: true } },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 200: Ok, ...errors } },
    },
    async (request, reply) => {
      await logout(ctx, actorOf(request), request.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { authenticated: true, people: true } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, memberships, active organisation and CSRF token',
        response: { 200: SessionInfo, ...errors },
      },
    },
    async (request) => request.session!.info,
  );

  app.post(
    '/api/auth/switch-organisation',
    {
      config: { access: { authenticated: true, people: true } },
      schema: {
        tags: ['auth'],
        summary: 'Act for another organisation the user belongs to',
        body: SwitchOrganisation,
        response: { 200: SessionInfo, 404: ErrorBody, ...errors },
      },
    },
    async (request) =>
      switchOrganisation(ctx, actorOf(request), request.sessionToken!, request.body.organisationId),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { authenticated: true, people: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s password (other sessions are signed out)',
        body: ChangePassword,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await changePassword(ctx, actorOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/auth/profile',
    {
      config: { access: { authenticated: true, people: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s display name or language',
        body: UpdateProfile,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await updateProfile(ctx, actorOf(request), request.body);
      return { ok: true as const };
    },
  );
}
