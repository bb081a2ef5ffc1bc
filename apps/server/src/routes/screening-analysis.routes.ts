import {
  Backtest,
  BacktestPage,
  BacktestRequest,
  BacktestsQuery,
  BenefitsQuery,
  BenefitsReport,
  RuleStatistics,
  RuleStatisticsQuery,
  Uuid,
} from '@aeolus/contracts';
import { getBacktest, getBenefits, getRuleStatistics, listBacktests, runBacktest } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['screening'], errors: errorResponses(400, 401, 403, 404, 409) });
const byId = z.object({ id: Uuid });

/**
 * The analyst's measurements (issue 4 items 6–8): backtests of a rule-set version against the published one,
 * hit rates per rule, and the AEO benefit measurement (examination, documentary and referral rates and
 * time to decision, AEO vs non-AEO).
 */
export async function screeningAnalysisRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.post(
    '/api/screening/rule-sets/:id/backtests',
    route('risk-rules:manage', {
      summary: 'Backtest a rule-set version against the published one over stored consignments',
      description:
        'Replays the version (a draft, or the published one) over the consignments filed in [`from`, `to`) — by ' +
        'default the last 30 days, at most `limit` (≤ 50,000, newest first) — beside the published version, with ' +
        'the same selectivity: the facts and random draw recorded at filing, the AEO status recorded at filing, ' +
        'the policy in force now, office capacity per office and day. Stores and returns lane counts, the lane ' +
        'transition matrix with sample consignments, referral changes, the rules that fire on one side only, and ' +
        'hit rates against recorded outcomes. A retired version, or no published version to compare with, is 409.',
      params: byId,
      body: BacktestRequest,
      response: { 201: Backtest },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await runBacktest(ctx, actorOf(request), { ...request.params, ...request.body })),
  );

  app.get(
    '/api/screening/backtests',
    route('risk-rules:read', {
      summary: 'Backtests of the administration, newest first (filter: the candidate version)',
      querystring: BacktestsQuery,
      response: { 200: BacktestPage },
    }),
    async (request) => listBacktests(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/screening/backtests/:id',
    route('risk-rules:read', {
      summary: 'One backtest with its comparison',
      params: byId,
      response: { 200: Backtest },
    }),
    async (request) => getBacktest(ctx, actorOf(request), request.params),
  );

  app.get(
    '/api/screening/rule-sets/:id/statistics',
    route('risk-rules:read', {
      summary: 'Hit rates per rule of a version: fired, outcomes recorded, discrepancies and seizures',
      params: byId,
      querystring: RuleStatisticsQuery,
      response: { 200: RuleStatistics },
    }),
    async (request) => getRuleStatistics(ctx, actorOf(request), { ...request.params, ...request.query }),
  );

  app.get(
    '/api/screening/benefits',
    route('screening-results:read', {
      summary: 'AEO benefit measurement: examination, documentary and referral rates and time to decision',
      description:
        'For AEO and non-AEO consignments, in total, per period (`bucket`: day, week or month, cut in the ' +
        'policy’s time zone) and per mode, with the counts behind every rate. A group without consignments is ' +
        'null; periods and modes without consignments are left out. Time to decision: hours from filing to ' +
        'the first recorded outcome. Default range: the 90 days before `to` (default now).',
      querystring: BenefitsQuery,
      response: { 200: BenefitsReport },
    }),
    async (request) => getBenefits(ctx, actorOf(request), request.query),
  );
}
