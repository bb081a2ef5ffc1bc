import {
  MarkedNotificationsRead,
  Notification,
  NotificationCount,
  NotificationPage,
  NotificationsQuery,
  Uuid,
} from '@aeolus/contracts';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['notifications'], errors: errorResponses(400, 401, 403, 404) });
// Everyone signed in has an inbox; the service reads only what is addressed to the caller in the
// active organisation. API keys are machines: they have none.
const access = { authenticated: true as const, people: true };

/** In-app notifications of the signed-in person, in their active organisation. */
export async function notificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/notifications',
    route(access, {
      summary: 'My notifications in the active organisation, newest first, with the unread count',
      querystring: NotificationsQuery,
      response: { 200: NotificationPage },
    }),
    async (request) => listNotifications(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    route(access, {
      summary: 'How many of my notifications are unread (what the header bell polls)',
      response: { 200: NotificationCount },
    }),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return countUnreadNotifications(ctx, actorOf(request));
    },
  );

  app.post(
    '/api/notifications/:id/read',
    route(access, {
      summary: 'Mark one of my notifications read (already read: unchanged)',
      params: z.object({ id: Uuid }),
      response: { 200: Notification },
    }),
    async (request) => markNotificationRead(ctx, actorOf(request), request.params),
  );

  app.post(
    '/api/notifications/read-all',
    route(access, {
      summary: 'Mark all my notifications in the active organisation read',
      response: { 200: MarkedNotificationsRead },
    }),
    async (request) => markAllNotificationsRead(ctx, actorOf(request)),
  );
}
