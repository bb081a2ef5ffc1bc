import { AppError, ERROR_CODES, type ErrorCode } from '@aeolus/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

interface Problem {
  path: string;
  message: string;
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
      const problems: Problem[] = error.validation.map((issue) => {
        const raw = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
        const keys = (issue.params as { keys?: string[] }).keys;
        // Unknown fields are reported by name, so the client sees which key to drop.
        if (issue.keyword === 'unrecognized_keys' && keys) {
          return {
            path: keys.map((k) => [where, raw, k].filter(Boolean).join('.')).join(', '),
            message: 'is not a known field',
          };
        }
        return { path: [where, raw].filter(Boolean).join('.'), message: issue.message ?? 'is invalid' };
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
    if (mapped) {
      const message =
        mapped === 'INVALID_JSON'
          ? `The request body is not valid JSON: ${error.message}`
          : mapped === 'PAYLOAD_TOO_LARGE'
            ? 'The request body is larger than the server accepts'
            : error.message;
      return send(reply, request, mapped, message);
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
