import {
  CreateSafeCampaign,
  CreateSafePlanAction,
  InviteSafeAdministrations,
  QuestionnaireDefinition,
  ReturnSafeResponse,
  SafeAdministrationList,
  SafeAggregates,
  SafeAggregatesQuery,
  SafeCampaign,
  SafeCampaignList,
  SafeCampaignProgress,
  SafePlanAction,
  SafePlanActionList,
  SafePlanQuery,
  SafeReportQuery,
  SafeResponse,
  SafeResponseList,
  SafeResults,
  SaveSafeResponse,
  UpdateSafePlanAction,
  Uuid,
} from '@aeolus/contracts';
import {
  closeSafeCampaign,
  copyPreviousSafeResponse,
  createSafeCampaign,
  createSafePlanAction,
  exportSafeCampaign,
  getMySafeResponse,
  getSafeAggregates,
  getSafeCampaign,
  getSafeCampaignProgress,
  getSafeCampaignQuestionnaire,
  getSafeResponse,
  getSafeResults,
  inviteSafeAdministrations,
  listSafeAdministrations,
  listSafeCampaigns,
  listSafePlan,
  listSafeResponses,
  renderSafeReportPdf,
  returnSafeResponse,
  saveSafeResponse,
  submitSafeResponse,
  updateSafePlanAction,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['safe-assessment'], errors: errorResponses(400, 401, 403, 404, 409, 422) });
const params = z.object({ id: Uuid });
const file = z.any().describe('a file download');

/**
 * SAFE implementation assessment (issue 5 items 3–8): review-cycle campaigns, administrations' responses,
 * scores and gaps, improvement plans, secretariat progress and aggregates, reports and exports.
 */
export async function safeAssessmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  // Campaigns ---------------------------------------------------------------------------------------------
  app.get(
    '/api/safe-assessment/administrations',
    route('safe-campaigns:manage', {
      summary: 'Customs administrations the secretariat can invite, with their WCO region',
      response: { 200: SafeAdministrationList },
    }),
    async (request) => ({ items: await listSafeAdministrations(ctx, actorOf(request)) }),
  );

  app.get(
    '/api/safe-assessment/campaigns',
    route('safe-campaigns:read', {
      summary: 'Campaigns: the secretariat its own, an administration those it is invited to',
      response: { 200: SafeCampaignList },
    }),
    async (request) => ({ items: await listSafeCampaigns(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/safe-assessment/campaigns',
    route('safe-campaigns:manage', {
      summary: 'Open a review-cycle campaign (name, period, questionnaire version, deadline, invitations)',
      body: CreateSafeCampaign,
      response: { 201: SafeCampaign },
    }),
    async (request, reply) =>
      reply.status(201).send(await createSafeCampaign(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/safe-assessment/campaigns/:id',
    route('safe-campaigns:read', {
      summary: 'One campaign (an administration: only when invited)',
      params,
      response: { 200: SafeCampaign },
    }),
    async (request) => getSafeCampaign(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/safe-assessment/campaigns/:id/questionnaire',
    route('safe-campaigns:read', {
      summary: 'The questionnaire version the campaign pinned',
      params,
      response: { 200: QuestionnaireDefinition },
    }),
    async (request) => getSafeCampaignQuestionnaire(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/safe-assessment/campaigns/:id/invitations',
    route('safe-campaigns:manage', {
      summary: 'Invite more administrations to an open campaign',
      params,
      body: InviteSafeAdministrations,
      response: { 200: SafeCampaign },
    }),
    async (request) => inviteSafeAdministrations(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/safe-assessment/campaigns/:id/close',
    route('safe-campaigns:manage', {
      summary: 'Close a campaign: no more answers or submissions',
      params,
      response: { 200: SafeCampaign },
    }),
    async (request) => closeSafeCampaign(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/safe-assessment/campaigns/:id/progress',
    route('safe-campaigns:manage', {
      summary: 'Who has submitted, who is drafting, who has not started',
      params,
      response: { 200: SafeCampaignProgress },
    }),
    async (request) => getSafeCampaignProgress(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/safe-assessment/campaigns/:id/aggregates',
    route('safe-campaigns:manage', {
      summary: 'Global and regional aggregates of submitted responses (no group below 5 members: 422)',
      params,
      querystring: SafeAggregatesQuery,
      response: { 200: SafeAggregates },
    }),
    async (request) => getSafeAggregates(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/safe-assessment/campaigns/:id/responses',
    route('safe-response:read', {
      summary: 'Responses to a campaign: the secretariat all, an administration its own',
      params,
      response: { 200: SafeResponseList },
    }),
    async (request) => ({ items: await listSafeResponses(ctx, actorOf(request), request.params.id) }),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/safe-assessment/campaigns/:id/export.${format}`,
      route('safe-response:read', {
        summary: `Scores and answers as ${format.toUpperCase()} (secretariat: every member; administration: its own)`,
        params,
        response: { 200: file },
      }),
      async (request, reply) => {
        const exported = await exportSafeCampaign(ctx, actorOf(request), request.params.id, format);
        return reply
          .header('content-type', exported.contentType)
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(exported.body);
      },
    );
  }

  // The administration's own response -----------------------------------------------------------------
  app.get(
    '/api/safe-assessment/campaigns/:id/response',
    route('safe-response:read-own', {
      summary: 'The administration’s own response (not_started until something is saved)',
      params,
      response: { 200: SafeResponse },
    }),
    async (request) => getMySafeResponse(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/safe-assessment/campaigns/:id/response',
    route('safe-response:edit', {
      summary: 'Autosave partial answers (merged; null clears); each answer checked against its question',
      params,
      body: SaveSafeResponse,
      response: { 200: SafeResponse },
    }),
    async (request) => saveSafeResponse(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/safe-assessment/campaigns/:id/response/copy-previous',
    route('safe-response:edit', {
      summary: 'Prefill the draft from the administration’s latest submitted response of an earlier cycle',
      params,
      response: { 200: SafeResponse },
    }),
    async (request) => copyPreviousSafeResponse(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/safe-assessment/campaigns/:id/response/submit',
    route('safe-response:edit', {
      summary: 'Submit the response (before the deadline; every required question answered)',
      params,
      response: { 200: SafeResponse },
    }),
    async (request) => submitSafeResponse(ctx, actorOf(request), request.params.id),
  );

  // Any response by id --------------------------------------------------------------------------------
  app.get(
    '/api/safe-assessment/responses/:id',
    route('safe-response:read', {
      summary: 'One response (the secretariat, or the administration that gave it)',
      params,
      response: { 200: SafeResponse },
    }),
    async (request) => getSafeResponse(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/safe-assessment/responses/:id/return',
    route('safe-campaigns:manage', {
      summary: 'Return a submitted response with comments; the administration edits and resubmits',
      params,
      body: ReturnSafeResponse,
      response: { 200: SafeResponse },
    }),
    async (request) => returnSafeResponse(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/safe-assessment/responses/:id/results',
    route('safe-response:read', {
      summary:
        'Scores (with weights), ranked gaps with actions, trend against the previous cycle, measured facts',
      params,
      response: { 200: SafeResults },
    }),
    async (request) => getSafeResults(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/safe-assessment/responses/:id/report.pdf',
    route('safe-response:read', {
      summary: 'The member report as PDF (scores, radar by pillar, gaps, plan), EN or FR',
      params,
      querystring: SafeReportQuery,
      response: { 200: file },
    }),
    async (request, reply) => {
      const pdf = await renderSafeReportPdf(ctx, actorOf(request), request.params.id, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="safe-assessment-${request.params.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );

  // Improvement plan ----------------------------------------------------------------------------------
  app.get(
    '/api/safe-assessment/plan',
    route('safe-plan:read', {
      summary: 'The improvement plan (administration: its own; secretariat: ?organisationId=)',
      querystring: SafePlanQuery,
      response: { 200: SafePlanActionList },
    }),
    async (request) => ({ items: await listSafePlan(ctx, actorOf(request), request.query) }),
  );

  app.post(
    '/api/safe-assessment/plan/actions',
    route('safe-plan:manage', {
      summary: 'Turn a gap into a plan action (owner, due date, status, linked standard)',
      body: CreateSafePlanAction,
      response: { 201: SafePlanAction },
    }),
    async (request, reply) =>
      reply.status(201).send(await createSafePlanAction(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/safe-assessment/plan/actions/:id',
    route('safe-plan:manage', {
      summary: 'Update a plan action’s progress',
      params,
      body: UpdateSafePlanAction,
      response: { 200: SafePlanAction },
    }),
    async (request) => updateSafePlanAction(ctx, actorOf(request), request.params.id, request.body),
  );
}
