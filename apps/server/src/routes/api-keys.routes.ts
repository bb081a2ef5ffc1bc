import { ApiKey, CreateApiKey, CreatedApiKey, ErrorBody, Uuid } from '@aeolus/contracts';
import { createApiKey, listApiKeys, revokeApiKey } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function apiKeyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/api-keys',
    {
      config: { access: { action: 'api-keys:manage' } },
      schema: {
        tags: ['api-keys'],
        summary: 'API keys one created (administrators: all of the organisation)',
        response: { 200: z.object({ items: z.array(ApiKey) }), ...errors },
      },
    },
    async (request) => ({ items: await listApiKeys(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/api-keys',
    {
      config: { access: { action: 'api-keys:manage' } },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; the secret is shown in this response only',
        body: CreateApiKey,
        response: { 201: CreatedApiKey, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/api-keys/:id/revoke',
    {
      config: { access: { action: 'api-keys:manage' } },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key at once',
        params: z.object({ id: Uuid }),
        response: { 200: ApiKey, ...errors },
      },
    },
    async (request) => revokeApiKey(ctx, actorOf(request), { id: request.params.id }),
  );
}
