import { randomUUID } from 'node:crypto';
import type { AppConfig, CoreContext, Database, EventFeed } from '@aeolus/core';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerRateLimits } from './plugins/rate-limits.js';
import { registerWeb } from './plugins/web.js';
import { aeoRoutes } from './routes/aeo.routes.js';
import { aeoSaqRoutes } from './routes/aeo-saq.routes.js';
import { apiKeyRoutes } from './routes/api-keys.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { compilationRoutes } from './routes/compilation.routes.js';
import { documentRoutes } from './routes/documents.routes.js';
import { eventRoutes } from './routes/events.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { oidcRoutes } from './routes/oidc.routes.js';
import { organisationRoutes } from './routes/organisations.routes.js';
import { publicAeoRoutes } from './routes/public-aeo.routes.js';
import { riskRuleRoutes } from './routes/risk-rules.routes.js';
import { safeAssessmentRoutes } from './routes/safe-assessment.routes.js';
import { safeQuestionnaireVersionRoutes } from './routes/safe-questionnaire-versions.routes.js';
import { screeningRoutes } from './routes/screening.routes.js';
import { screeningAnalysisRoutes } from './routes/screening-analysis.routes.js';
import { screeningImportRoutes } from './routes/screening-import.routes.js';
import { webhookRoutes } from './routes/webhooks.routes.js';
import { wellKnownRoutes } from './routes/wellknown.routes.js';

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  /** pino options, `false` to silence (tests), default from config. */
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web UI (default: when its dist folder exists). */
  serveWeb?: boolean;
  /** Wakes the SSE streams; the server shares it with its event workers (default: polling only). */
  eventFeed?: EventFeed;
  /** Tuning of the server-sent-events route (tests shorten the credential re-check). */
  eventStream?: { heartbeatMs?: number; credentialCheckMs?: number };
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
    // A caller's x-request-id is kept for tracing only when it is a plain token: it lands in logs and in
    // the audit chain, where a forged line break or a 10 kB value must not.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{8,64}$/.test(given) ? given : randomUUID();
    },
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
  // Security headers (CSP, HSTS, frame and referrer policies…). The middleware is built once here:
  // @fastify/helmet rebuilt it — parsing the CSP directives — on every request, about 5 % of a filing's CPU.
  const securityHeaders = helmet({
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
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  await registerRateLimits(app, config);
  registerAuth(app, ctx);
  await registerOpenApi(app);
  registerMetrics(app);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(organisationRoutes);
  await app.register(apiKeyRoutes);
  await app.register(auditRoutes);
  await app.register(eventRoutes, { feed: options.eventFeed, ...options.eventStream });
  await app.register(webhookRoutes);
  await app.register(publicAeoRoutes);
  await app.register(compilationRoutes);
  await app.register(wellKnownRoutes);
  await app.register(aeoRoutes);
  await app.register(aeoSaqRoutes);
  await app.register(documentRoutes);
  await app.register(screeningRoutes);
  await app.register(screeningImportRoutes);
  await app.register(riskRuleRoutes);
  await app.register(screeningAnalysisRoutes);
  await app.register(notificationRoutes);
  await app.register(safeAssessmentRoutes);
  await app.register(safeQuestionnaireVersionRoutes);

  await registerWeb(app, { enabled: options.serveWeb, distDir: config.webDistDir });
  return app;
}
