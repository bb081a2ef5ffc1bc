import { Jwks } from '@aeolus/contracts';
import { listPublishedKeys } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * The credential-signing keys of every administration (RFC 7517 JWKS), so that anyone can verify an
 * AEO certificate offline. Active and retired keys are listed (rotation keeps old certificates
 * verifiable); revoked keys are not. Five minutes of caching bounds how long an offline verifier may
 * still trust a key after its revocation.
 */
export async function wellKnownRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public'],
        summary: 'Public keys that sign AEO credentials (JWKS)',
        response: { 200: Jwks },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { keys: await listPublishedKeys(ctx.db) };
    },
  );
}
