import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['platform'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['platform'],
        summary: 'The database answers',
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await Promise.race([
          app.services.database.ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database did not answer in 2 s')), 2000),
          ),
        ]);
        return { status: 'ready' as const };
      } catch (error) {
        return reply.status(503).send({ status: 'unavailable' as const, reason: (error as Error).message });
      }
    },
  );
}
