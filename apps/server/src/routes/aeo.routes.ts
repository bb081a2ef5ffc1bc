import {
  AeoAdministrationAction,
  AeoApplicationDetail,
  AeoApplicationQuestionnaire,
  AeoApplicationSummary,
  AeoOperatorAction,
  AeoProgramme,
  AeoValidationPlan,
  CloseAeoMonitoringReview,
  CreateAeoApplication,
  CreateAeoCorrectiveAction,
  CreateAeoMonitoringReport,
  RecordAeoChecklist,
  SaveAeoAnswers,
  UpdateAeoProgramme,
  Uuid,
} from '@aeolus/contracts';
import {
  actAsAdministration,
  actAsOperator,
  closeMonitoringReview,
  createApplication,
  getApplication,
  getApplicationQuestionnaire,
  getProgramme,
  listApplications,
  recordChecklist,
  reportMonitoringChange,
  requestCorrectiveAction,
  saveAnswers,
  setValidationPlan,
  updateProgramme,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['aeo'], errors: errorResponses(400, 401, 403, 404, 409, 422) });
const params = z.object({ id: Uuid });

/** The AEO programme lifecycle: programme settings, applications, validation and monitoring (issue 3). */
export async function aeoRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/aeo/programme',
    route('aeo-programme:read', {
      summary: 'The AEO programme: the administration’s own, or an operator’s supervising one',
      response: { 200: AeoProgramme },
    }),
    async (request) => getProgramme(ctx, actorOf(request)),
  );

  app.put(
    '/api/aeo/programme',
    route('aeo-programme:manage', {
      summary: 'Replace the programme settings, clocks, benefits and criteria catalogue',
      body: UpdateAeoProgramme,
      response: { 200: AeoProgramme },
    }),
    async (request) => updateProgramme(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/aeo/applications',
    route('aeo-application:read', {
      summary: 'Applications by urgency: an operator’s own, or the administration’s work queue',
      response: { 200: z.object({ items: z.array(AeoApplicationSummary) }) },
    }),
    async (request) => ({ items: await listApplications(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/aeo/applications',
    route('aeo-application:apply', {
      summary: 'Start a draft application for the supervising administration’s programme',
      body: CreateAeoApplication,
      response: { 201: AeoApplicationDetail },
    }),
    async (request, reply) =>
      reply.status(201).send(await createApplication(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/aeo/applications/:id',
    route('aeo-application:read', {
      summary: 'The case: application, action log, deadlines, allowed actions, checklist',
      params,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) => getApplication(ctx, actorOf(request), { id: request.params.id }),
  );

  app.get(
    '/api/aeo/applications/:id/questionnaire',
    route('aeo-application:read', {
      summary: 'The SAQ version the application pinned, and its variant (SME or standard)',
      params,
      response: { 200: AeoApplicationQuestionnaire },
    }),
    async (request) => getApplicationQuestionnaire(ctx, actorOf(request), { id: request.params.id }),
  );

  app.patch(
    '/api/aeo/applications/:id/answers',
    route('aeo-application:apply', {
      summary: 'Autosave self-assessment answers (null clears one); checked against the pinned version',
      params,
      body: SaveAeoAnswers,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) => saveAnswers(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/operator-actions',
    route('aeo-application:apply', {
      summary: 'Submit, answer a request for information, withdraw or appeal',
      params,
      body: AeoOperatorAction,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) => actAsOperator(ctx, actorOf(request), { id: request.params.id, action: request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/monitoring-reports',
    route('aeo-application:apply', {
      summary: 'Report a significant change or a security incident; opens a review',
      params,
      body: CreateAeoMonitoringReport,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) =>
      reportMonitoringChange(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/validation-actions',
    route('aeo-application:validate', {
      summary: 'Accept, return, request information, extend, plan/record the visit, decide, suspend …',
      params,
      body: AeoAdministrationAction,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) =>
      actAsAdministration(ctx, actorOf(request), { id: request.params.id, action: request.body }),
  );

  app.put(
    '/api/aeo/applications/:id/validation-plan',
    route('aeo-application:validate', {
      summary: 'The risk-based validation plan: which criteria are examined on site, and why',
      params,
      body: AeoValidationPlan,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) => setValidationPlan(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.put(
    '/api/aeo/applications/:id/checklist',
    route('aeo-application:validate', {
      summary: 'Record checklist results per criterion (met, partly met, not met, not applicable)',
      params,
      body: RecordAeoChecklist,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) => recordChecklist(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/corrective-actions',
    route('aeo-application:validate', {
      summary: 'Request a corrective action with a due date',
      params,
      body: CreateAeoCorrectiveAction,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) =>
      requestCorrectiveAction(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/monitoring-reports/:reportId/close',
    route('aeo-application:validate', {
      summary: 'Close the review a reported change opened, with its outcome',
      params: z.object({ id: Uuid, reportId: Uuid }),
      body: CloseAeoMonitoringReview,
      response: { 200: AeoApplicationDetail },
    }),
    async (request) => closeMonitoringReview(ctx, actorOf(request), { ...request.params, ...request.body }),
  );
}
