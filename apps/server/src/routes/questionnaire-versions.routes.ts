import {
  type Action,
  Ok,
  QuestionnaireVersionDetail,
  QuestionnaireVersionList,
  SaveQuestionnaireVersion,
  Uuid,
} from '@aeolus/contracts';
import type { Actor, CoreContext } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

type Detail = QuestionnaireVersionDetail;
type Save = SaveQuestionnaireVersion;

/** The version service of one questionnaire kind (core's `questionnaireVersions(policy)`). */
export interface VersionService {
  list(ctx: CoreContext, actor: Actor): Promise<QuestionnaireVersionList['items']>;
  get(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<Detail>;
  create(ctx: CoreContext, actor: Actor, input: Save): Promise<Detail>;
  update(ctx: CoreContext, actor: Actor, input: Save & { id: string }): Promise<Detail>;
  remove(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<void>;
  publish(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<Detail>;
  retire(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<Detail>;
}

export interface VersionRoutes {
  /** e.g. `/api/aeo/saq-versions` */
  base: string;
  tag: string;
  read: Action;
  manage: Action;
  /** The noun in summaries, e.g. "SAQ version". */
  noun: string;
  /** What publishing means for this kind, for the publish summary. */
  publishes: string;
  service: VersionService;
}

const params = z.object({ id: Uuid });

/** List, draft, edit, publish, retire, delete and download the versions of one questionnaire kind. */
export function registerQuestionnaireVersionRoutes(fastify: FastifyInstance, spec: VersionRoutes) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;
  const { base, noun, service } = spec;
  const route = jsonRoutes({ tags: [spec.tag], errors: errorResponses(400, 401, 403, 404, 409) });

  app.get(
    base,
    route(spec.read, {
      summary: `${noun}s: the shipped default and the owner’s own`,
      response: { 200: QuestionnaireVersionList },
    }),
    async (request) => ({ items: await service.list(ctx, actorOf(request)) }),
  );

  app.post(
    base,
    route(spec.manage, {
      summary: `Create a draft ${noun} from a questionnaire definition (problems name their path)`,
      body: SaveQuestionnaireVersion,
      response: { 201: QuestionnaireVersionDetail },
    }),
    async (request, reply) =>
      reply.status(201).send(await service.create(ctx, actorOf(request), request.body)),
  );

  app.get(
    `${base}/:id`,
    route(spec.read, {
      summary: `One ${noun}: its definition and the questions of the full and SME variants`,
      params,
      response: { 200: QuestionnaireVersionDetail },
    }),
    async (request) => service.get(ctx, actorOf(request), { id: request.params.id }),
  );

  app.get(
    `${base}/:id/definition`,
    route(spec.read, {
      summary: `Download a ${noun}’s definition as a JSON file`,
      params,
      response: { 200: z.record(z.string(), z.unknown()) },
    }),
    async (request, reply) => {
      const version = await service.get(ctx, actorOf(request), { id: request.params.id });
      // Ids and versions are [a-z0-9-] and digits/dots (contract patterns): safe in a header as they are.
      const fileName = `${version.definitionId}-${version.version}.json`;
      return reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(version.definition);
    },
  );

  app.put(
    `${base}/:id`,
    route(spec.manage, {
      summary: `Replace a draft’s definition (a published or retired ${noun} is never edited: 409)`,
      params,
      body: SaveQuestionnaireVersion,
      response: { 200: QuestionnaireVersionDetail },
    }),
    async (request) => service.update(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.delete(
    `${base}/:id`,
    route(spec.manage, {
      summary: `Delete a draft ${noun} (published versions are kept: answers point at them)`,
      params,
      response: { 200: Ok },
    }),
    async (request) => {
      await service.remove(ctx, actorOf(request), { id: request.params.id });
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/:id/publish`,
    route(spec.manage, {
      summary: `Publish a draft ${noun}: ${spec.publishes}`,
      params,
      response: { 200: QuestionnaireVersionDetail },
    }),
    async (request) => service.publish(ctx, actorOf(request), { id: request.params.id }),
  );

  app.post(
    `${base}/:id/retire`,
    route(spec.manage, {
      summary: `Retire a published ${noun} that is no longer given out`,
      params,
      response: { 200: QuestionnaireVersionDetail },
    }),
    async (request) => service.retire(ctx, actorOf(request), { id: request.params.id }),
  );
}
