import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aeolus API',
        version: '0.1.0',
        description:
          'AEO programmes, verifiable certificates, risk screening, mutual recognition, trade recovery and SAFE ' +
          'implementation monitoring. Errors are `{ error: { code, message, details, requestId } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'aeolus_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `aeo_<prefix>_<secret>`' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

/**
 * The OpenAPI document as committed in apps/server/openapi.json (`npm run openapi` writes it; a test
 * fails when the routes and the committed file disagree). Stable: two-space JSON and a final newline.
 */
export function renderOpenApiDocument(app: FastifyInstance): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}
