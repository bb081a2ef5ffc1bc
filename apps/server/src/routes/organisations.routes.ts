import { CreateUser, ErrorBody, Organisation, OrganisationMember, User } from '@aeolus/contracts';
import { addMember, getOwnOrganisation, listMembers } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function organisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/organisations/current',
    {
      config: { access: { action: 'organisation:read' } },
      schema: {
        tags: ['organisations'],
        summary: 'The organisation the caller acts for',
        response: { 200: Organisation, ...errors },
      },
    },
    async (request) => getOwnOrganisation(ctx, actorOf(request)),
  );

  app.get(
    '/api/organisations/current/members',
    {
      config: { access: { action: 'users:read' } },
      schema: {
        tags: ['organisations'],
        summary: 'People who belong to the organisation, with their roles',
        response: { 200: z.object({ items: z.array(OrganisationMember) }), ...errors },
      },
    },
    async (request) => ({ items: await listMembers(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/organisations/current/members',
    {
      config: { access: { action: 'users:manage' } },
      schema: {
        tags: ['organisations'],
        summary: 'Add a person to the organisation with a role (creates the account if new)',
        body: CreateUser,
        response: { 201: User, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await addMember(ctx, actorOf(request), request.body)),
  );
}
