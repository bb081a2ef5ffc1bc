import { ErrorBody, EventPage, EventStreamQuery, EventsQuery } from '@aeolus/contracts';
import { authenticateApiKey, EventFeed, followEvents, listEvents, resolveSession } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export interface EventRoutesOptions {
  /** The process-wide feed the event workers wake; a polling-only one is made when absent. */
  feed?: EventFeed;
  /** Silence after which a comment line keeps the connection alive (default 15 s). */
  heartbeatMs?: number;
  /**
   * How often an open stream re-checks the credential it was opened with (default 30 s): signing out,
   * a changed password or a revoked API key ends streams too, not only new requests.
   */
  credentialCheckMs?: number;
}

/**
 * `GET /api/events` (a page, for replay) and `GET /api/events/stream` (server-sent events, resumable
 * with `Last-Event-ID`). Both show only the actor's organisation's events.
 */
export async function eventRoutes(fastify: FastifyInstance, options: EventRoutesOptions = {}) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx, config } = app.services;
  const feed = options.feed ?? new EventFeed({ db: ctx.db, pollMs: config.events.pollMs });
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const credentialCheckMs = options.credentialCheckMs ?? 30_000;
  const open = new Set<AbortController>();
  // Streams never end on their own; a closing server ends them so that close() does not wait forever.
  app.addHook('preClose', async () => {
    for (const controller of open) controller.abort();
    if (!options.feed) feed.close();
  });

  app.get(
    '/api/events',
    {
      config: { access: { action: 'events:read' } },
      schema: {
        tags: ['events'],
        summary: 'The organisation’s events after a sequence number, oldest first',
        querystring: EventsQuery,
        response: { 200: EventPage, ...errors },
      },
    },
    async (request) => listEvents(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/events/stream',
    {
      config: { access: { action: 'events:read' } },
      schema: {
        tags: ['events'],
        summary: 'Server-sent events: the organisation’s events as they happen; resumes after Last-Event-ID',
        description:
          'Each message has `id: <seq>`, `event: <type>` and `data: <DomainEvent JSON>`. Reconnect with the ' +
          '`Last-Event-ID` header (browsers do this themselves) or `?after=<seq>` to receive what was missed.',
        querystring: EventStreamQuery,
        headers: z.object({
          'last-event-id': z
            .string()
            .regex(/^\d{1,15}$/, 'must be the id (a sequence number) of an event received before')
            .optional(),
        }),
        response: { 200: z.string().describe('text/event-stream'), ...errors },
      },
    },
    async (request, reply) => {
      const lastEventId = request.headers['last-event-id'];
      const after = lastEventId === undefined ? request.query.after : Number(lastEventId);
      const controller = new AbortController();
      const events = await followEvents(ctx, actorOf(request), {
        after,
        feed,
        signal: controller.signal,
        heartbeatMs,
      });
      open.add(controller);
      reply.raw.on('close', () => controller.abort());
      const sessionToken = request.sessionToken;
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
      const recheck = setInterval(() => {
        const stillValid = sessionToken
          ? resolveSession(ctx, sessionToken)
          : bearer
            ? authenticateApiKey(ctx, bearer)
            : Promise.resolve(undefined);
        stillValid.then(
          (valid) => {
            if (valid || controller.signal.aborted) return;
            reply.raw.write(': access ended\n\n');
            controller.abort();
          },
          (error: unknown) =>
            request.log.warn({ err: error }, 'could not re-check an event stream credential'),
        );
      }, credentialCheckMs);
      recheck.unref();
      reply.hijack();
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // Tells nginx-style proxies not to buffer the stream.
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      try {
        await write(reply.raw, 'retry: 3000\n\n', controller.signal);
        for await (const event of events) {
          const frame =
            event === null
              ? ': heartbeat\n\n'
              : `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
          await write(reply.raw, frame, controller.signal);
        }
      } catch (error) {
        if (!controller.signal.aborted) request.log.warn({ err: error }, 'event stream ended with an error');
      } finally {
        clearInterval(recheck);
        open.delete(controller);
        controller.abort();
        await events.return(undefined);
        reply.raw.end();
      }
    },
  );
}

/** Writes one frame, waiting for the socket to drain when the client reads slowly. */
async function write(stream: NodeJS.WritableStream, chunk: string, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    stream.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
