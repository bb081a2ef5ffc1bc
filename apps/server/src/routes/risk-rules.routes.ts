import {
  CreateWatchList,
  Ok,
  RuleSet,
  RuleSetDraft,
  RuleSetVersion,
  RuleSetVersionSummary,
  ScreeningPolicy,
  ScreeningPolicySettings,
  UpdateWatchList,
  Uuid,
  WatchListDetail,
  WatchListName,
  WatchListSummary,
} from '@aeolus/contracts';
import {
  createRuleSetDraft,
  createWatchList,
  deleteWatchList,
  exportRuleSetVersion,
  getRuleSetVersion,
  getScreeningPolicy,
  getWatchList,
  listRuleSetVersions,
  listWatchLists,
  publishRuleSetVersion,
  retireRuleSetVersion,
  updateRuleSetDraft,
  updateScreeningPolicy,
  updateWatchList,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['screening'], errors: errorResponses(400, 401, 403, 404, 409, 413) });
const byId = z.object({ id: Uuid });
const byName = z.object({ name: WatchListName });
/** Rule sets with large literal lists, and watch lists of up to a million entries. */
const LARGE_BODY = 32 * 1024 * 1024;

/**
 * The risk analyst's tools (issue 4): rule-set versions (draft → published → retired, import and export of
 * the rule-set file), watch lists, and the selectivity policy of the administration.
 */
export async function riskRuleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/screening/rule-sets',
    route('risk-rules:read', {
      summary: 'Rule-set versions of the administration',
      response: { 200: z.object({ items: z.array(RuleSetVersionSummary) }) },
    }),
    async (request) => ({ items: await listRuleSetVersions(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/screening/rule-sets',
    route(
      'risk-rules:manage',
      {
        summary: 'Create a draft from a rule-set file (the next version of its id), checked by the engine',
        description:
          'Unknown fields or operators, fields and values the engine does not know, unsafe patterns (nested ' +
          'repetition, back-references) and missing or cyclic watch lists are 400s naming the JSON path. ' +
          '`version` and `status` may be left out: the server numbers versions and keeps new ones as drafts.',
        body: RuleSetDraft,
        response: { 201: RuleSetVersion },
      },
      { bodyLimit: LARGE_BODY },
    ),
    async (request, reply) =>
      reply.status(201).send(await createRuleSetDraft(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/screening/rule-sets/:id',
    route('risk-rules:read', {
      summary: 'One rule-set version with its rules',
      params: byId,
      response: { 200: RuleSetVersion },
    }),
    async (request) => getRuleSetVersion(ctx, actorOf(request), request.params),
  );

  app.put(
    '/api/screening/rule-sets/:id',
    route(
      'risk-rules:manage',
      {
        summary: 'Replace a draft’s rules (published and retired versions never change)',
        params: byId,
        body: RuleSetDraft,
        response: { 200: RuleSetVersion },
      },
      { bodyLimit: LARGE_BODY },
    ),
    async (request) =>
      updateRuleSetDraft(ctx, actorOf(request), { id: request.params.id, definition: request.body }),
  );

  app.post(
    '/api/screening/rule-sets/:id/publish',
    route('risk-rules:manage', {
      summary: 'Publish a draft: filings screen with it from now on; the version published before is retired',
      params: byId,
      response: { 200: RuleSetVersion },
    }),
    async (request) => publishRuleSetVersion(ctx, actorOf(request), request.params),
  );

  app.post(
    '/api/screening/rule-sets/:id/retire',
    route('risk-rules:manage', {
      summary: 'Retire the published version (filings are refused until another is published)',
      params: byId,
      response: { 200: RuleSetVersion },
    }),
    async (request) => retireRuleSetVersion(ctx, actorOf(request), request.params),
  );

  app.get(
    '/api/screening/rule-sets/:id/export',
    route('risk-rules:read', {
      summary: 'The rule-set file of a version (JSON Schema: ruleSetJsonSchema in @aeolus/contracts)',
      params: byId,
      response: { 200: RuleSet },
    }),
    async (request, reply) => {
      const ruleSet = await exportRuleSetVersion(ctx, actorOf(request), request.params);
      reply.header('content-disposition', `attachment; filename="${ruleSet.id}-v${ruleSet.version}.json"`);
      return ruleSet;
    },
  );

  app.get(
    '/api/screening/watch-lists',
    route('risk-rules:read', {
      summary: 'Watch lists of the administration (without their entries)',
      response: { 200: z.object({ items: z.array(WatchListSummary) }) },
    }),
    async (request) => ({ items: await listWatchLists(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/screening/watch-lists',
    route(
      'risk-rules:manage',
      {
        summary: 'Create a watch list (its includes must exist and form no cycle)',
        body: CreateWatchList,
        response: { 201: WatchListDetail },
      },
      { bodyLimit: LARGE_BODY },
    ),
    async (request, reply) =>
      reply.status(201).send(await createWatchList(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/screening/watch-lists/:name',
    route('risk-rules:read', {
      summary: 'One watch list with its entries',
      params: byName,
      response: { 200: WatchListDetail },
    }),
    async (request) => getWatchList(ctx, actorOf(request), request.params),
  );

  app.put(
    '/api/screening/watch-lists/:name',
    route(
      'risk-rules:manage',
      {
        summary: 'Replace a watch list’s entries, description and includes; the next filing uses them',
        params: byName,
        body: UpdateWatchList,
        response: { 200: WatchListDetail },
      },
      { bodyLimit: LARGE_BODY },
    ),
    async (request) => updateWatchList(ctx, actorOf(request), { ...request.params, ...request.body }),
  );

  app.delete(
    '/api/screening/watch-lists/:name',
    route('risk-rules:manage', {
      summary: 'Delete a watch list no list includes and the published rule set does not use',
      params: byName,
      response: { 200: Ok },
    }),
    async (request) => {
      await deleteWatchList(ctx, actorOf(request), request.params);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/screening/policy',
    route('risk-rules:read', {
      summary: 'The selectivity policy: lane thresholds, random selection, AEO treatment, office capacity',
      response: { 200: ScreeningPolicy },
    }),
    async (request) => getScreeningPolicy(ctx, actorOf(request)),
  );

  app.put(
    '/api/screening/policy',
    route('risk-rules:manage', {
      summary: 'Change the selectivity policy (a new revision; results name the revision that decided them)',
      body: ScreeningPolicySettings,
      response: { 200: ScreeningPolicy },
    }),
    async (request) => updateScreeningPolicy(ctx, actorOf(request), request.body),
  );
}
