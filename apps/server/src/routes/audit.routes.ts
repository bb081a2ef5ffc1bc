import { AuditPage, AuditQuery, ErrorBody } from '@aeolus/contracts';
import { listAuditEntries } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.js';

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;
  app.get(
    '/api/audit',
    {
      config: { access: { action: 'audit:read' } },
      schema: {
        tags: ['audit'],
        summary: 'The organisation’s audit log, newest first, filtered by actor, action, subject and date',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => listAuditEntries(ctx.db, actorOf(request), request.query),
  );
}
