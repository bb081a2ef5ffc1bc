import {
  CreatedWebhook,
  CreateWebhook,
  ErrorBody,
  Ok,
  Uuid,
  Webhook,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
} from '@aeolus/contracts';
import {
  createWebhook,
  deleteWebhook,
  disableWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhookDelivery,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const access = { access: { action: 'webhooks:manage' as const } };
const tags = ['webhooks'];
const byId = z.object({ id: Uuid });

export async function webhookRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/webhooks',
    {
      config: access,
      schema: {
        tags,
        summary: 'Webhook subscriptions of the organisation',
        response: { 200: z.object({ items: z.array(Webhook) }), ...errors },
      },
    },
    async (request) => ({ items: await listWebhooks(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/webhooks',
    {
      config: access,
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the signing secret is shown in this response only',
        body: CreateWebhook,
        response: { 201: CreatedWebhook, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createWebhook(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/webhooks/:id',
    {
      config: access,
      schema: {
        tags,
        summary: 'One webhook subscription',
        params: byId,
        response: { 200: Webhook, ...errors },
      },
    },
    async (request) => getWebhook(ctx, actorOf(request), request.params),
  );

  app.post(
    '/api/webhooks/:id/disable',
    {
      config: access,
      schema: {
        tags,
        summary: 'Stop delivering to this webhook; pending deliveries are dead-lettered',
        params: byId,
        response: { 200: Webhook, ...errors },
      },
    },
    async (request) => disableWebhook(ctx, actorOf(request), request.params),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      config: access,
      schema: {
        tags,
        summary: 'Delete a webhook subscription and its delivery log',
        params: byId,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await deleteWebhook(ctx, actorOf(request), request.params);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: access,
      schema: {
        tags,
        summary: 'The delivery log of a webhook, newest first, with every attempt',
        params: byId,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveryPage, ...errors },
      },
    },
    async (request) => listWebhookDeliveries(ctx, actorOf(request), { ...request.params, ...request.query }),
  );

  app.post(
    '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: access,
      schema: {
        tags,
        summary: 'Queue a dead-lettered delivery again for a fresh round of attempts',
        params: z.object({ id: Uuid, deliveryId: Uuid }),
        response: { 200: WebhookDelivery, ...errors },
      },
    },
    async (request) => redeliverWebhookDelivery(ctx, actorOf(request), request.params),
  );
}
