import { Ok, SaqVersionDetail, SaqVersionList, SaveSaqVersion, Uuid } from '@aeolus/contracts';
import {
  createSaqVersion,
  deleteSaqVersion,
  getSaqVersion,
  listSaqVersions,
  publishSaqVersion,
  retireSaqVersion,
  updateSaqVersion,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['aeo'], errors: errorResponses(400, 401, 403, 404, 409) });
const params = z.object({ id: Uuid });

/** SAQ versions of the AEO programme: the shipped default and the administration's own. */
export async function aeoSaqRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/aeo/saq-versions',
    route('aeo-programme:read', {
      summary: 'SAQ versions: the shipped default and the administration’s own (operators: no drafts)',
      response: { 200: SaqVersionList },
    }),
    async (request) => ({ items: await listSaqVersions(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/aeo/saq-versions',
    route('aeo-programme:manage', {
      summary: 'Create a draft SAQ version from a questionnaire definition (problems name their path)',
      body: SaveSaqVersion,
      response: { 201: SaqVersionDetail },
    }),
    async (request, reply) =>
      reply.status(201).send(await createSaqVersion(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/aeo/saq-versions/:id',
    route('aeo-programme:read', {
      summary: 'One SAQ version: its definition and the questions of the full and SME variants',
      params,
      response: { 200: SaqVersionDetail },
    }),
    async (request) => getSaqVersion(ctx, actorOf(request), { id: request.params.id }),
  );

  app.get(
    '/api/aeo/saq-versions/:id/definition',
    route('aeo-programme:read', {
      summary: 'Download a SAQ version’s definition as a JSON file',
      params,
      response: { 200: z.record(z.string(), z.unknown()) },
    }),
    async (request, reply) => {
      const version = await getSaqVersion(ctx, actorOf(request), { id: request.params.id });
      // Ids and versions are [a-z0-9-] and digits/dots (contract patterns): safe in a header as they are.
      const fileName = `${version.definitionId}-${version.version}.json`;
      return reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(version.definition);
    },
  );

  app.put(
    '/api/aeo/saq-versions/:id',
    route('aeo-programme:manage', {
      summary: 'Replace a draft’s definition (a published or retired version is never edited: 409)',
      params,
      body: SaveSaqVersion,
      response: { 200: SaqVersionDetail },
    }),
    async (request) => updateSaqVersion(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.delete(
    '/api/aeo/saq-versions/:id',
    route('aeo-programme:manage', {
      summary: 'Delete a draft (published versions are kept: applications point at them)',
      params,
      response: { 200: Ok },
    }),
    async (request) => {
      await deleteSaqVersion(ctx, actorOf(request), { id: request.params.id });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/aeo/saq-versions/:id/publish',
    route('aeo-programme:manage', {
      summary: 'Publish a draft: the programme gives it to new applications; existing ones keep theirs',
      params,
      response: { 200: SaqVersionDetail },
    }),
    async (request) => publishSaqVersion(ctx, actorOf(request), { id: request.params.id }),
  );

  app.post(
    '/api/aeo/saq-versions/:id/retire',
    route('aeo-programme:manage', {
      summary: 'Retire a published version the programme no longer gives out',
      params,
      response: { 200: SaqVersionDetail },
    }),
    async (request) => retireSaqVersion(ctx, actorOf(request), { id: request.params.id }),
  );
}
