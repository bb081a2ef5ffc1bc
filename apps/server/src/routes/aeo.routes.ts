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
  ErrorBody,
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

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const params = z.object({ id: Uuid });
const tags = ['aeo'];

/** The AEO programme lifecycle: programme settings, applications, validation and monitoring (issue 3). */
export async function aeoRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/aeo/programme',
    {
      config: { access: { action: 'aeo-programme:read' } },
      schema: {
        tags,
        summary: 'The AEO programme: the administration’s own, or an operator’s supervising one',
        response: { 200: AeoProgramme, ...errors },
      },
    },
    async (request) => getProgramme(ctx, actorOf(request)),
  );

  app.put(
    '/api/aeo/programme',
    {
      config: { access: { action: 'aeo-programme:manage' } },
      schema: {
        tags,
        summary: 'Replace the programme settings, clocks, benefits and criteria catalogue',
        body: UpdateAeoProgramme,
        response: { 200: AeoProgramme, ...errors },
      },
    },
    async (request) => updateProgramme(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/aeo/applications',
    {
      config: { access: { action: 'aeo-application:read' } },
      schema: {
        tags,
        summary: 'Applications by urgency: an operator’s own, or the administration’s work queue',
        response: { 200: z.object({ items: z.array(AeoApplicationSummary) }), ...errors },
      },
    },
    async (request) => ({ items: await listApplications(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/aeo/applications',
    {
      config: { access: { action: 'aeo-application:apply' } },
      schema: {
        tags,
        summary: 'Start a draft application for the supervising administration’s programme',
        body: CreateAeoApplication,
        response: { 201: AeoApplicationDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApplication(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/aeo/applications/:id',
    {
      config: { access: { action: 'aeo-application:read' } },
      schema: {
        tags,
        summary: 'The case: application, action log, deadlines, allowed actions, checklist',
        params,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) => getApplication(ctx, actorOf(request), { id: request.params.id }),
  );

  app.get(
    '/api/aeo/applications/:id/questionnaire',
    {
      config: { access: { action: 'aeo-application:read' } },
      schema: {
        tags,
        summary: 'The SAQ version the application pinned, and its variant (SME or standard)',
        params,
        response: { 200: AeoApplicationQuestionnaire, ...errors },
      },
    },
    async (request) => getApplicationQuestionnaire(ctx, actorOf(request), { id: request.params.id }),
  );

  app.patch(
    '/api/aeo/applications/:id/answers',
    {
      config: { access: { action: 'aeo-application:apply' } },
      schema: {
        tags,
        summary: 'Autosave self-assessment answers (null clears one); checked against the pinned version',
        params,
        body: SaveAeoAnswers,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) => saveAnswers(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/operator-actions',
    {
      config: { access: { action: 'aeo-application:apply' } },
      schema: {
        tags,
        summary: 'Submit, answer a request for information, withdraw or appeal',
        params,
        body: AeoOperatorAction,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) => actAsOperator(ctx, actorOf(request), { id: request.params.id, action: request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/monitoring-reports',
    {
      config: { access: { action: 'aeo-application:apply' } },
      schema: {
        tags,
        summary: 'Report a significant change or a security incident; opens a review',
        params,
        body: CreateAeoMonitoringReport,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) =>
      reportMonitoringChange(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/validation-actions',
    {
      config: { access: { action: 'aeo-application:validate' } },
      schema: {
        tags,
        summary: 'Accept, return, request information, extend, plan/record the visit, decide, suspend …',
        params,
        body: AeoAdministrationAction,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) =>
      actAsAdministration(ctx, actorOf(request), { id: request.params.id, action: request.body }),
  );

  app.put(
    '/api/aeo/applications/:id/validation-plan',
    {
      config: { access: { action: 'aeo-application:validate' } },
      schema: {
        tags,
        summary: 'The risk-based validation plan: which criteria are examined on site, and why',
        params,
        body: AeoValidationPlan,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) => setValidationPlan(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.put(
    '/api/aeo/applications/:id/checklist',
    {
      config: { access: { action: 'aeo-application:validate' } },
      schema: {
        tags,
        summary: 'Record checklist results per criterion (met, partly met, not met, not applicable)',
        params,
        body: RecordAeoChecklist,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) => recordChecklist(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/corrective-actions',
    {
      config: { access: { action: 'aeo-application:validate' } },
      schema: {
        tags,
        summary: 'Request a corrective action with a due date',
        params,
        body: CreateAeoCorrectiveAction,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) =>
      requestCorrectiveAction(ctx, actorOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/aeo/applications/:id/monitoring-reports/:reportId/close',
    {
      config: { access: { action: 'aeo-application:validate' } },
      schema: {
        tags,
        summary: 'Close the review a reported change opened, with its outcome',
        params: z.object({ id: Uuid, reportId: Uuid }),
        body: CloseAeoMonitoringReview,
        response: { 200: AeoApplicationDetail, ...errors },
      },
    },
    async (request) => closeMonitoringReview(ctx, actorOf(request), { ...request.params, ...request.body }),
  );
}
