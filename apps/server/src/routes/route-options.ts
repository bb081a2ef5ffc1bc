import { type Action, ErrorBody } from '@aeolus/contracts';
import type { FastifySchema } from 'fastify';
import type { RouteAccess } from '../plugins/auth.js';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;
type ErrorResponses<S extends ErrorStatus> = { [K in S]: typeof ErrorBody };

/** The error statuses a group of routes may answer, each with the one error body of the error plugin. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): ErrorResponses<S> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as ErrorResponses<S>;
}

/** A route's schema without what its group shares: the tags and the error responses. */
interface RouteSchema extends Omit<FastifySchema, 'tags' | 'response'> {
  summary: string;
  response: Record<number, unknown>;
}

/** What Fastify takes as a route's options: the access rule, the body limit and the full schema. */
interface DeclaredRoute<S extends RouteSchema, E> {
  config: { access: RouteAccess };
  bodyLimit?: number;
  // Spelled out so that the handler's reply is typed by the route's responses (status by status).
  schema: Omit<S, 'response'> & { tags: string[]; response: S['response'] & E };
}

/**
 * One way to declare the JSON routes of a group: each route says who may call it (a permission, or any
 * other access rule) and its schema; the group adds its OpenAPI tags and its error responses.
 */
export function jsonRoutes<E extends Record<number, typeof ErrorBody>>(group: { tags: string[]; errors: E }) {
  return <S extends RouteSchema>(
    access: Action | RouteAccess,
    schema: S,
    options: { bodyLimit?: number } = {},
  ): DeclaredRoute<S, E> => ({
    config: { access: typeof access === 'string' ? { action: access } : access },
    ...options,
    schema: { tags: group.tags, ...schema, response: { ...schema.response, ...group.errors } },
  });
}
