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
import { registerQuestionnaireVersionRoutes } from './questionnaire-versions.routes.js';

/** SAQ versions of the AEO programme: the shipped default and the administration's own. */
export async function aeoSaqRoutes(fastify: FastifyInstance) {
  registerQuestionnaireVersionRoutes(fastify, {
    base: '/api/aeo/saq-versions',
    tag: 'aeo',
    read: 'aeo-programme:read',
    manage: 'aeo-programme:manage',
    noun: 'SAQ version',
    publishes: 'the programme gives it to new applications; existing ones keep theirs',
    service: {
      list: listSaqVersions,
      get: getSaqVersion,
      create: createSaqVersion,
      update: updateSaqVersion,
      remove: deleteSaqVersion,
      publish: publishSaqVersion,
      retire: retireSaqVersion,
    },
  });
}
