import { expect } from 'vitest';
import type { TestClient } from './test-app.js';

/** Helpers for the SAFE assessment API tests and route rules. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Organisation ids of customs administrations by country code, as the secretariat sees them. */
export async function administrationsByCountry(secretariat: TestClient): Promise<Record<string, string>> {
  const res = await secretariat.request('GET', '/api/safe-assessment/administrations');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    (res.json().items as { countryCode: string; organisationId: string }[]).map((a) => [
      a.countryCode,
      a.organisationId,
    ]),
  );
}

/** Opens a current-cycle campaign inviting the given administrations; returns its id. */
export async function openCampaign(
  secretariat: TestClient,
  organisationIds: string[],
  name = `SAFE review cycle ${Date.now().toString(36)}`,
): Promise<string> {
  const res = await secretariat.request('POST', '/api/safe-assessment/campaigns', {
    name,
    periodStart: '2025-01-01',
    periodEnd: '2026-12-31',
    deadline: inDays(30),
    invitedOrganisationIds: organisationIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Fills the draft from the previous cycle and submits it; returns the response id. */
export async function submitFromPrevious(admin: TestClient, campaignId: string): Promise<string> {
  const copied = await admin.request(
    'POST',
    `/api/safe-assessment/campaigns/${campaignId}/response/copy-previous`,
  );
  expect(copied.statusCode, copied.body).toBe(200);
  const submitted = await admin.request(
    'POST',
    `/api/safe-assessment/campaigns/${campaignId}/response/submit`,
  );
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json().id as string;
}
