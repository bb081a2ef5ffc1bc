import {
  CreateWatchList,
  ErrorBody,
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

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
};
const tags = ['screening'];
const read = { access: { action: 'risk-rules:read' as const } };
const manage = { access: { action: 'risk-rules:manage' as const } };
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
    {
      config: read,
      schema: {
        tags,
        summary: 'Rule-set versions of the administration',
        response: { 200: z.object({ items: z.array(RuleSetVersionSummary) }), ...errors },
      },
    },
    async (request) => ({ items: await listRuleSetVersions(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/screening/rule-sets',
    {
      config: manage,
      bodyLimit: LARGE_BODY,
      schema: {
        tags,
        summary: 'Create a draft from a rule-set file (the next version of its id), checked by the engine',
        description:
          'Unknown fields or operators, fields and values the engine does not know, unsafe patterns (nested ' +
          'repetition, back-references) and missing or cyclic watch lists are 400s naming the JSON path. ' +
          '`version` and `status` may be left out: the server numbers versions and keeps new ones as drafts.',
        body: RuleSetDraft,
        response: { 201: RuleSetVersion, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRuleSetDraft(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/screening/rule-sets/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One rule-set version with its rules',
        params: byId,
        response: { 200: RuleSetVersion, ...errors },
      },
    },
    async (request) => getRuleSetVersion(ctx, actorOf(request), request.params),
  );

  app.put(
    '/api/screening/rule-sets/:id',
    {
      config: manage,
      bodyLimit: LARGE_BODY,
      schema: {
        tags,
        summary: 'Replace a draft’s rules (published and retired versions never change)',
        params: byId,
        body: RuleSetDraft,
        response: { 200: RuleSetVersion, ...errors },
      },
    },
    async (request) =>
      updateRuleSetDraft(ctx, actorOf(request), { id: request.params.id, definition: request.body }),
  );

  app.post(
    '/api/screening/rule-sets/:id/publish',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Publish a draft: filings screen with it from now on; the version published before is retired',
        params: byId,
        response: { 200: RuleSetVersion, ...errors },
      },
    },
    async (request) => publishRuleSetVersion(ctx, actorOf(request), request.params),
  );

  app.post(
    '/api/screening/rule-sets/:id/retire',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Retire the published version (filings are refused until another is published)',
        params: byId,
        response: { 200: RuleSetVersion, ...errors },
      },
    },
    async (request) => retireRuleSetVersion(ctx, actorOf(request), request.params),
  );

  app.get(
    '/api/screening/rule-sets/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The rule-set file of a version (JSON Schema: ruleSetJsonSchema in @aeolus/contracts)',
        params: byId,
        response: { 200: RuleSet, ...errors },
      },
    },
    async (request, reply) => {
      const ruleSet = await exportRuleSetVersion(ctx, actorOf(request), request.params);
      reply.header('content-disposition', `attachment; filename="${ruleSet.id}-v${ruleSet.version}.json"`);
      return ruleSet;
    },
  );

  app.get(
    '/api/screening/watch-lists',
    {
      config: read,
      schema: {
        tags,
        summary: 'Watch lists of the administration (without their entries)',
        response: { 200: z.object({ items: z.array(WatchListSummary) }), ...errors },
      },
    },
    async (request) => ({ items: await listWatchLists(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/screening/watch-lists',
    {
      config: manage,
      bodyLimit: LARGE_BODY,
      schema: {
        tags,
        summary: 'Create a watch list (its includes must exist and form no cycle)',
        body: CreateWatchList,
        response: { 201: WatchListDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createWatchList(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/screening/watch-lists/:name',
    {
      config: read,
      schema: {
        tags,
        summary: 'One watch list with its entries',
        params: byName,
        response: { 200: WatchListDetail, ...errors },
      },
    },
    async (request) => getWatchList(ctx, actorOf(request), request.params),
  );

  app.put(
    '/api/screening/watch-lists/:name',
    {
      config: manage,
      bodyLimit: LARGE_BODY,
      schema: {
        tags,
        summary: 'Replace a watch list’s entries, description and includes; the next filing uses them',
        params: byName,
        body: UpdateWatchList,
        response: { 200: WatchListDetail, ...errors },
      },
    },
    async (request) => updateWatchList(ctx, actorOf(request), { ...request.params, ...request.body }),
  );

  app.delete(
    '/api/screening/watch-lists/:name',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a watch list no list includes and the published rule set does not use',
        params: byName,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await deleteWatchList(ctx, actorOf(request), request.params);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/screening/policy',
    {
      config: read,
      schema: {
        tags,
        summary: 'The selectivity policy: lane thresholds, random selection, AEO treatment, office capacity',
        response: { 200: ScreeningPolicy, ...errors },
      },
    },
    async (request) => getScreeningPolicy(ctx, actorOf(request)),
  );

  app.put(
    '/api/screening/policy',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Change the selectivity policy (a new revision; results name the revision that decided them)',
        body: ScreeningPolicySettings,
        response: { 200: ScreeningPolicy, ...errors },
      },
    },
    async (request) => updateScreeningPolicy(ctx, actorOf(request), request.body),
  );
}
