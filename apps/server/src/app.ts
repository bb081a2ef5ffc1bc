import { randomUUID } from 'node:crypto';
import type { AppConfig, CoreContext, Database } from '@aeolus/core';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerWeb } from './plugins/web.js';
import { apiKeyRoutes } from './routes/api-keys.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { organisationRoutes } from './routes/organisations.routes.js';

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  /** pino options, `false` to silence (tests), default from config. */
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web UI (default: when its dist folder exists). */
  serveWeb?: boolean;
}

export interface AppServices {
  ctx: CoreContext;
  config: AppConfig;
  database: Database;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

export type App = FastifyInstance;

/**
 * Builds the HTTP application: plugins (errors, auth, OpenAPI, security, metrics), the API routes and
 * the web UI. Routes are thin adapters over `@aeolus/core` services.
 */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const ctx: CoreContext = { db: database.db, config };
  app.decorate('services', { ctx, config, database });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Public verification pages are opened from QR codes and other sites' links.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(rateLimit, {
    global: true,
    // API keys get their own budget; browsers and anonymous callers share a generous per-address one.
    keyGenerator: (request) => {
      const bearer = /^Bearer\s+aeo_([0-9a-f]{12})_/i.exec(request.headers.authorization ?? '')?.[1];
      return bearer ? `key:${bearer}` : `ip:${request.ip}`;
    },
    max: (request) =>
      /^Bearer\s/i.test(request.headers.authorization ?? '')
        ? config.apiKeyRateLimitPerMinute
        : config.apiKeyRateLimitPerMinute * 10,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Rate limit exceeded: retry in ${context.after}`) as Error & {
        statusCode: number;
      };
      error.statusCode = 429;
      return error;
    },
  });
  registerAuth(app, ctx);
  await registerOpenApi(app);
  registerMetrics(app);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(apiKeyRoutes);
  await app.register(auditRoutes);

  await registerWeb(app, { enabled: options.serveWeb, distDir: config.webDistDir });
  return app;
}
