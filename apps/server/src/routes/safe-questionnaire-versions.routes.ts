import {
  createSafeQuestionnaireVersion,
  deleteSafeQuestionnaireVersion,
  getSafeQuestionnaireVersion,
  listSafeQuestionnaireVersions,
  publishSafeQuestionnaireVersion,
  retireSafeQuestionnaireVersion,
  updateSafeQuestionnaireVersion,
} from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import { registerQuestionnaireVersionRoutes } from './questionnaire-versions.routes.js';

/** The secretariat's versions of the SAFE monitoring questionnaire (issue 5: editable by the secretariat). */
export async function safeQuestionnaireVersionRoutes(fastify: FastifyInstance) {
  registerQuestionnaireVersionRoutes(fastify, {
    base: '/api/safe-assessment/questionnaire-versions',
    tag: 'safe-assessment',
    read: 'safe-campaigns:manage',
    manage: 'safe-campaigns:manage',
    noun: 'SAFE monitoring questionnaire version',
    publishes: 'new campaigns may pin it; open campaigns keep the version they pinned',
    service: {
      list: listSafeQuestionnaireVersions,
      get: getSafeQuestionnaireVersion,
      create: createSafeQuestionnaireVersion,
      update: updateSafeQuestionnaireVersion,
      remove: deleteSafeQuestionnaireVersion,
      publish: publishSafeQuestionnaireVersion,
      retire: retireSafeQuestionnaireVersion,
    },
  });
}
