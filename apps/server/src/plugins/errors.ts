import { AppError, ERROR_CODES, type ErrorCode, nulCharacterProblems } from '@aeolus/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

interface Problem {
  path: string;
  message: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The handler checks the items of its body for the NUL character itself, refusing each bad item on its
     * own (the screening filing route: one bad consignment must not refuse a batch).
     */
    nulCheckedPerItem?: boolean;
  }
}

/** Fastify's own client errors, by code, and what we call them. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
};

/**
 * PostgreSQL errors that a client can cause (a race on a unique key, a value the column refuses) or that
 * are passing (a serialisation conflict, a lost connection). By SQLSTATE; drizzle wraps the driver's error
 * in `cause`. The message stays generic: constraint and table names are internal.
 */
function databaseProblem(error: unknown): { code: ErrorCode; message: string } | undefined {
  const sqlState = [error, (error as { cause?: unknown }).cause]
    .map((e) => (e as { code?: unknown } | undefined)?.code)
    .find((c): c is string => typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c));
  if (!sqlState) return undefined;
  if (sqlState === '23505') return { code: 'CONFLICT', message: 'This already exists' };
  if (sqlState.startsWith('22')) {
    return { code: 'BAD_REQUEST', message: 'A value is not acceptable for storage' };
  }
  if (sqlState === '40001' || sqlState === '40P01' || sqlState.startsWith('08') || sqlState === '57P01') {
    return { code: 'SERVICE_UNAVAILABLE', message: 'The database is busy; try again' };
  }
  return undefined;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  return reply.status(ERROR_CODES[code]).send({
    error: { code, message, ...(details === undefined ? {} : { details }), requestId: request.id },
  });
}

/**
 * One error handler for the whole API: every failure becomes `{ error: { code, message, details,
 * requestId } }`. Validation names every offending field; anything unexpected is a 500 that reveals
 * nothing but the request id (the full error goes to the log).
 */
export function registerErrorHandling(app: FastifyInstance) {
  // The API speaks JSON only. Fastify would otherwise hand a text/plain body to the schema as a string,
  // and a client sending the wrong type would read a confusing validation error instead of 415.
  app.removeContentTypeParser('text/plain');
  // PostgreSQL text cannot hold U+0000; refuse it up front, by field, instead of failing in the driver.
  app.addHook('preValidation', async (request) => {
    const problems = [
      ...nulCharacterProblems(request.params, 'params'),
      ...nulCharacterProblems(request.query, 'querystring'),
      ...(request.routeOptions.config?.nulCheckedPerItem ? [] : nulCharacterProblems(request.body, 'body')),
    ];
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Invalid input: ${problems.map((p) => p.path).join(', ')}`, {
        problems,
      });
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      if (error.code === 'TOO_MANY_ATTEMPTS' || error.code === 'RATE_LIMITED') {
        const retryAfter = (error.details as { retryAfter?: string } | undefined)?.retryAfter;
        if (retryAfter) {
          const seconds = Math.max(1, Math.ceil((new Date(retryAfter).getTime() - Date.now()) / 1000));
          reply.header('retry-after', String(seconds));
        }
      }
      return send(reply, request, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const problems: Problem[] = error.validation.flatMap((issue) => {
        const raw = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
        const keys = (issue.params as { keys?: string[] }).keys;
        // Unknown fields are reported one by one, by name, so the client sees which keys to drop.
        if (issue.keyword === 'unrecognized_keys' && keys) {
          return keys.map((k) => ({
            path: [where, raw, k].filter(Boolean).join('.'),
            message: 'is not a known field',
          }));
        }
        return [{ path: [where, raw].filter(Boolean).join('.'), message: issue.message ?? 'is invalid' }];
      });
      return send(
        reply,
        request,
        'VALIDATION_FAILED',
        `Invalid input: ${problems.map((p) => p.path).join(', ')}`,
        {
          problems,
        },
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return send(reply, request, 'INTERNAL', 'An unexpected error occurred');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped === 'INVALID_JSON') {
      const message = `The request body is not valid JSON: ${error.message}`;
      return send(reply, request, mapped, message, { problems: [{ path: 'body', message: error.message }] });
    }
    if (mapped === 'PAYLOAD_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit;
      return send(reply, request, mapped, `The request body is larger than the ${limit} bytes accepted`, {
        limitBytes: limit,
      });
    }
    if (mapped === 'UNSUPPORTED_MEDIA_TYPE') {
      const type = (request.headers['content-type'] || '(none)').slice(0, 100);
      return send(reply, request, mapped, `Content-Type ${type} is not accepted; send application/json`);
    }
    if (mapped) return send(reply, request, mapped, error.message);
    const database = databaseProblem(error);
    if (database) {
      // Logged in full: a 4xx here may also be a value our own code should have validated first.
      request.log.warn({ err: error }, 'database refused the request');
      return send(reply, request, database.code, database.message);
    }
    if (error.statusCode === 429) return send(reply, request, 'RATE_LIMITED', error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, error.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL', 'An unexpected error occurred');
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}
