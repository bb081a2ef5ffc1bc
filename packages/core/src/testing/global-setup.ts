import type { TestProject } from 'vitest/node';
import { buildTemplate, dropTemplate, type TestDbKind } from './template.js';

/**
 * Vitest global setup, once per project: builds the template database the test files copy.
 * The `postgres` project needs TEST_DATABASE_URL and fails (never skips) without it.
 */
export default async function setup(project: TestProject) {
  const kind = (project.config.provide as { dbKind?: TestDbKind }).dbKind ?? 'pglite';
  const url = process.env.TEST_DATABASE_URL;
  if (kind === 'postgres' && !url) throw new Error('The postgres test project needs TEST_DATABASE_URL');
  const template = await buildTemplate(kind, url);
  project.provide('dbTemplate', template);
  return async () => {
    await dropTemplate(template);
  };
}
