import { getSafeMonitoringQuestionnaire } from '@aeolus/core';
import type { TestClient } from './test-app.js';

/** Test helpers for SAFE monitoring questionnaire versions. */

export const SAFE_VERSIONS = '/api/safe-assessment/questionnaire-versions';

/** The shipped SAFE monitoring questionnaire as a new version (a plain copy: same questions). */
export function safeDefinition(
  version: string,
  titleEn = `SAFE monitoring ${version}`,
): Record<string, unknown> {
  const shipped = structuredClone(getSafeMonitoringQuestionnaire()) as unknown as Record<string, unknown>;
  const title = shipped.title as { en: string; fr: string };
  return { ...shipped, version, title: { ...title, en: titleEn } };
}

/** Creates a draft as the secretariat; returns its id. */
export async function createSafeDraft(secretariat: TestClient, definition: unknown): Promise<string> {
  const res = await secretariat.request('POST', SAFE_VERSIONS, { definition });
  if (res.statusCode !== 201) throw new Error(`could not create a SAFE draft: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
