import type { Question, QuestionnaireProfile } from '@aeolus/contracts';
import { getDefaultAeoSaq, questionsForProfile, resolveVisibility } from '@aeolus/core';
import { makePdf } from '@aeolus/core/testing';
import { expect } from 'vitest';
import { multipart } from './multipart.js';
import type { TestClient } from './test-app.js';

/** Test helpers for the AEO lifecycle: a valid answer per question, evidence upload, a submitted case. */

function answerFor(question: Question, documentId: string): unknown {
  switch (question.type) {
    case 'yes_no':
      return true;
    case 'single_choice':
      return question.options[0]!.id;
    case 'multiple_choice':
      return [question.options.find((o) => !o.exclusive)?.id ?? question.options[0]!.id];
    case 'maturity':
      return 3;
    case 'number':
      return Math.max(question.min ?? 0, Math.min(question.max ?? 5, 5));
    case 'date':
      return '2025-12-31';
    case 'text':
      return 'Described in our procedures manual.';
    case 'evidence':
      return [documentId];
    default:
      return question satisfies never;
  }
}

/** A complete SAQ for the profile (hidden follow-ups dropped, as the form would), evidence = one document. */
export function completeSaq(profile: QuestionnaireProfile, documentId: string): Record<string, unknown> {
  const saq = getDefaultAeoSaq();
  const all = Object.fromEntries(
    questionsForProfile(saq, profile).map((e) => [e.question.id, answerFor(e.question, documentId)]),
  );
  const visibility = resolveVisibility(saq, all, profile);
  return Object.fromEntries(Object.entries(all).filter(([id]) => visibility.get(id) === 'visible'));
}

export async function uploadEvidence(client: TestClient, applicationId: string): Promise<string> {
  const form = multipart(
    { attachedToType: 'aeo_application', attachedToId: applicationId },
    { fileName: 'security-plan.pdf', contentType: 'application/pdf', bytes: await makePdf() },
  );
  const res = await client.request('POST', '/api/documents', form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** The id of a demo operator's case in the applications the client sees (a work queue, or its own). */
export async function caseIdOf(client: TestClient, operatorName: string): Promise<string> {
  const res = await client.request('GET', '/api/aeo/applications');
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { id: string; operatorName: string }[];
  const found = items.find((i) => i.operatorName === operatorName);
  if (!found) throw new Error(`No AEO case of ${operatorName} in the list`);
  return found.id;
}

export async function programmeOf(
  client: TestClient,
): Promise<{ id: string; criteria: { id: string; code: string }[] }> {
  const res = await client.request('GET', '/api/aeo/programme');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Drafts, answers in full (with a PDF) and submits; returns the application id. */
export async function submitApplication(trader: TestClient, category = 'F'): Promise<string> {
  const programme = await programmeOf(trader);
  const created = await trader.request('POST', '/api/aeo/applications', {
    programmeId: programme.id,
    category,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const documentId = await uploadEvidence(trader, id);
  const answers = completeSaq({ isSme: created.json().saqVariant === 'sme' }, documentId);
  const saved = await trader.request('PATCH', `/api/aeo/applications/${id}/answers`, { answers });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await trader.request('POST', `/api/aeo/applications/${id}/operator-actions`, {
    type: 'submit',
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return id;
}

export const act = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/aeo/applications/${id}/validation-actions`, body);
