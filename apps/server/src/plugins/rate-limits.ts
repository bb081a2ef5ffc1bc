import { type AppConfig, AppError } from '@aeolus/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const WINDOW_MS = 60_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

async function enforce(
  limiter: Limiter,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { who: string; headers: boolean },
) {
  const limit = await limiter(request);
  if (limit.isAllowed) return;
  const who = options.who;
  if (options.headers || limit.isExceeded) {
    reply.header('x-ratelimit-limit', limit.max);
    reply.header('x-ratelimit-remaining', limit.remaining);
    reply.header('x-ratelimit-reset', limit.ttlInSeconds);
  }
  if (limit.isExceeded) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many requests from this ${who}; retry in ${limit.ttlInSeconds} s`,
      { retryAfter: new Date(Date.now() + limit.ttl).toISOString() },
    );
  }
}

/**
 * Three budgets, all per minute (in-process memory: each server instance counts its own callers).
 * - Per address, before anything else runs (`10 × API_KEY_RATE_LIMIT_PER_MINUTE`): bounds floods of
 *   anonymous or badly authenticated requests, which never reach the per-key budget.
 * - Per API key, after authentication (`API_KEY_RATE_LIMIT_PER_MINUTE`): keyed by the verified key id,
 *   so presenting made-up key prefixes cannot open fresh budgets.
 * - Per address on sign-in (`LOGIN_RATE_LIMIT_PER_MINUTE`, declared on the login route): slows password
 *   guessing across accounts; the per-account lockout in the identity module slows it per account.
 */
export async function registerRateLimits(app: FastifyInstance, config: AppConfig) {
  await app.register(rateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Too many requests; retry in ${context.after}`) as Error & {
        statusCode: number;
      };
      error.statusCode = 429;
      return error;
    },
  });

  const perAddress = app.createRateLimit({
    keyGenerator: (request) => `ip:${request.ip}`,
    max: config.apiKeyRateLimitPerMinute * 10,
    timeWindow: WINDOW_MS,
  });
  app.addHook('onRequest', async (request, reply) =>
    enforce(perAddress, request, reply, { who: 'address', headers: false }),
  );

  const perKey = app.createRateLimit({
    keyGenerator: (request) => `key:${request.actor?.kind === 'api_key' ? request.actor.apiKeyId : ''}`,
    allowList: (request) => request.actor?.kind !== 'api_key',
    max: config.apiKeyRateLimitPerMinute,
    timeWindow: WINDOW_MS,
  });
  // preParsing runs after every onRequest hook, so the actor is known, and before the body is read.
  app.addHook('preParsing', async (request, reply) => {
    if (request.actor?.kind === 'api_key') {
      await enforce(perKey, request, reply, { who: 'API key', headers: true });
    }
  });
}
