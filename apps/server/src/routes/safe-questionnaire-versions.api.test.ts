import { fingerprintDefinition, getSafeMonitoringQuestionnaire } from '@aeolus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrationsByCountry,
  openCampaign,
  submitFromPrevious,
} from '../testing/safe-assessment-helpers.js';
import { createSafeDraft, SAFE_VERSIONS, safeDefinition } from '../testing/safe-questionnaire-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * SAFE monitoring questionnaire versions through the API (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * the secretariat drafts (a copy or an upload checked by the questionnaire engine), edits, publishes and
 * retires versions; a campaign pins any published one, and a response stays scored against the version its
 * campaign pinned when a newer one is published (issue 5 item 1).
 */
let t: TestApp;
let secretariat: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await t.signIn('secretariat@wco.example');
});
afterAll(() => t.close());

interface Summary {
  id: string;
  definitionId: string;
  version: string;
  status: string;
  isShipped: boolean;
  applicationCount: number;
}
const versions = async () => (await secretariat.request('GET', SAFE_VERSIONS)).json().items as Summary[];
const post = (path: string) => secretariat.request('POST', `${SAFE_VERSIONS}${path}`);

describe('SAFE questionnaire versions', () => {
  it('lists the shipped questionnaire as published and downloads it', async () => {
    const shipped = (await versions()).find((v) => v.isShipped);
    expect(shipped).toMatchObject({ definitionId: 'safe-monitoring', version: '1.0.0', status: 'published' });
    const res = await secretariat.request('GET', `${SAFE_VERSIONS}/${shipped!.id}/definition`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="safe-monitoring-1.0.0.json"');
    expect(fingerprintDefinition(res.json())).toBe(fingerprintDefinition(getSafeMonitoringQuestionnaire()));
    // The shipped version belongs to the platform.
    const edit = await secretariat.request('PUT', `${SAFE_VERSIONS}/${shipped!.id}`, {
      definition: safeDefinition('1.0.0'),
    });
    expect(edit.statusCode).toBe(409);
  });

  it('refuses an invalid upload with 400 naming the path, and stores nothing', async () => {
    const broken = safeDefinition('1.5.0') as { sections: { id: string; questions: { type: string }[] }[] };
    broken.sections[0]!.questions[0]!.type = 'signature';
    broken.sections[1]!.id = 'Not An Id';
    const res = await secretariat.request('POST', SAFE_VERSIONS, { definition: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const paths = (res.json().error.details.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['definition.sections.0.questions.0.type', 'definition.sections.1.id']),
    );
    for (const body of [{}, { definition: 'safe' }, { definition: safeDefinition('1.5.0'), extra: 1 }]) {
      const bad = await secretariat.request('POST', SAFE_VERSIONS, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await versions()).some((v) => v.version === '1.5.0')).toBe(false);
    // The shipped number is taken.
    const dup = await secretariat.request('POST', SAFE_VERSIONS, { definition: safeDefinition('1.0.0') });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses an upload that SAFE scoring could not report: no standard dimension, an untagged scored question', async () => {
    type Node = { id: string; type?: string; tags?: Record<string, string[]>; showIf?: unknown };
    const def = safeDefinition('1.6.0') as {
      dimensions: { id: string }[];
      sections: (Node & { questions: Node[] })[];
    };
    def.dimensions = def.dimensions.filter((d) => d.id !== 'standard');
    for (const node of def.sections.flatMap((s) => [s, ...s.questions])) delete node.tags?.standard;
    const section = structuredClone(def.sections[0]!);
    const question = structuredClone(
      def.sections.flatMap((s) => s.questions).find((q) => q.type === 'maturity' && !q.showIf)!,
    );
    question.id = 'untagged_maturity';
    delete question.tags;
    delete question.showIf;
    section.id = 'untagged';
    delete section.tags;
    section.questions = [question];
    def.sections.push(section);
    const res = await secretariat.request('POST', SAFE_VERSIONS, { definition: def });
    expect(res.statusCode, res.body).toBe(400);
    const problems = res.json().error.details.problems as { path: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'definition.dimensions', message: expect.stringContaining("'standard' dimension") },
        {
          path: `definition.sections.${def.sections.length - 1}.questions.0`,
          message: expect.stringContaining("'untagged_maturity' needs a tag"),
        },
      ]),
    );
    expect((await versions()).some((v) => v.version === '1.6.0')).toBe(false);
  });

  it('drafts, edits and publishes once; a published version is never edited, deleted or republished', async () => {
    const id = await createSafeDraft(secretariat, safeDefinition('1.1.0'));
    const edited = await secretariat.request('PUT', `${SAFE_VERSIONS}/${id}`, {
      definition: safeDefinition('1.1.0', 'SAFE monitoring, edited'),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', title: { en: 'SAFE monitoring, edited' } });
    const invalidEdit = await secretariat.request('PUT', `${SAFE_VERSIONS}/${id}`, {
      definition: { ...safeDefinition('1.1.0'), sections: [] },
    });
    expect(invalidEdit.statusCode).toBe(400);
    expect(invalidEdit.json().error.details.problems[0].path).toMatch(/^definition\.sections/);
    const published = await post(`/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', isShipped: false });
    const again = await post(`/${id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    const edit = await secretariat.request('PUT', `${SAFE_VERSIONS}/${id}`, {
      definition: safeDefinition('1.1.0', 'changed after publication'),
    });
    expect(edit.statusCode).toBe(409);
    expect((await secretariat.request('DELETE', `${SAFE_VERSIONS}/${id}`)).statusCode).toBe(409);
    const detail = (await secretariat.request('GET', `${SAFE_VERSIONS}/${id}`)).json();
    expect(detail.title.en).toBe('SAFE monitoring, edited');
    const audit = await t.database.query<{ action: string }>(
      'select action from audit_log where subject_id = $1 order by action',
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'safe_assessment.questionnaire_version.created',
      'safe_assessment.questionnaire_version.published',
      'safe_assessment.questionnaire_version.updated',
    ]);
  });

  it('retires a published version: new campaigns can no longer pin it', async () => {
    const id = await createSafeDraft(secretariat, safeDefinition('1.2.0'));
    expect((await post(`/${id}/retire`)).statusCode).toBe(409); // a draft is deleted, not retired
    expect((await post(`/${id}/publish`)).statusCode).toBe(200);
    const retired = await post(`/${id}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json().status).toBe('retired');
    const res = await secretariat.request('POST', '/api/safe-assessment/campaigns', {
      name: 'Retired version',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      deadline: '2099-01-01T00:00:00Z',
      questionnaireVersion: '1.2.0',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0].path).toBe('questionnaireVersion');
  });

  it('a response stays scored against its pinned version when a newer one is published', async () => {
    const orgs = await administrationsByCountry(secretariat);
    const nl = await t.signIn('admin@nl.customs.example');
    const first = await openCampaign(secretariat, [orgs.NL!], 'Pinned to 1.0.0');
    const responseId = await submitFromPrevious(nl, first);
    const results = async () =>
      (await secretariat.request('GET', `/api/safe-assessment/responses/${responseId}/results`)).json();
    const before = await results();

    // 2.0.0 weighs every question the same and carries another title.
    const next = safeDefinition('2.0.0', 'SAFE monitoring 2.0.0') as {
      sections: { questions: Record<string, unknown>[] }[];
    };
    for (const section of next.sections) for (const q of section.questions) if ('weight' in q) q.weight = 1;
    const id = await createSafeDraft(secretariat, next);
    expect((await post(`/${id}/publish`)).statusCode).toBe(200);

    expect(await results()).toEqual(before);
    const pinned = (await secretariat.request('GET', `/api/safe-assessment/campaigns/${first}`)).json();
    expect(pinned).toMatchObject({ questionnaireId: 'safe-monitoring', questionnaireVersion: '1.0.0' });

    // A new campaign pins the secretariat's 2.0.0, shown under the definition's own id.
    const second = await secretariat.request('POST', '/api/safe-assessment/campaigns', {
      name: 'Pinned to 2.0.0',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      deadline: '2099-01-01T00:00:00Z',
      questionnaireVersion: '2.0.0',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      questionnaireId: 'safe-monitoring',
      questionnaireVersion: '2.0.0',
    });
    const questionnaire = async (campaignId: string) =>
      (await secretariat.request('GET', `/api/safe-assessment/campaigns/${campaignId}/questionnaire`)).json();
    expect(JSON.stringify(await questionnaire(second.json().id))).toContain('SAFE monitoring 2.0.0');
    expect(JSON.stringify(await questionnaire(first))).not.toContain('SAFE monitoring 2.0.0');
    expect((await versions()).find((v) => v.id === id)?.applicationCount).toBe(1);
  });
});
