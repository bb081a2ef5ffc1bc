import { fingerprintDefinition, getDefaultAeoSaq, parseDefinition } from '@aeolus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, smallSaq } from '../testing/aeo-saq-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * SAQ versions through the API (PGlite, and PostgreSQL with TEST_DATABASE_URL): drafts checked by the
 * questionnaire engine, publication to the programme, retirement, downloads, and the guarantee that an
 * application keeps the version it was given.
 */
let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin@nl.customs.example');
});
afterAll(() => t.close());

const versions = async (client = admin) =>
  (await client.request('GET', '/api/aeo/saq-versions')).json().items as {
    id: string;
    definitionId: string;
    version: string;
    status: string;
    isShipped: boolean;
    isInUse: boolean;
    applicationCount: number;
  }[];
const post = (path: string, client = admin) => client.request('POST', `/api/aeo/saq-versions${path}`);
const programmeSaq = async () => (await admin.request('GET', '/api/aeo/programme')).json().saqDefinitionId;

describe('reading SAQ versions', () => {
  it('lists the shipped default, in use by the programme, and shows both variants', async () => {
    const [shipped] = await versions();
    expect(shipped).toMatchObject({
      definitionId: 'aeo-saq-default',
      version: '1.0.0',
      status: 'published',
      isShipped: true,
      isInUse: true,
    });
    expect(shipped!.id).toBe(await programmeSaq());
    const detail = (await admin.request('GET', `/api/aeo/saq-versions/${shipped!.id}`)).json();
    expect(detail.sectionCount).toBe(getDefaultAeoSaq().sections.length);
    // The SME variant is proportionate: fewer questions, and the counts match the id lists.
    expect(detail.variants.sme.length).toBeLessThan(detail.variants.standard.length);
    expect(detail.questionCount).toEqual({
      standard: detail.variants.standard.length,
      sme: detail.variants.sme.length,
    });
    expect(detail.definition.id).toBe('aeo-saq-default');
  });

  it('downloads a version as a JSON file whose content hashes to the stored fingerprint', async () => {
    const [shipped] = await versions();
    const res = await admin.request('GET', `/api/aeo/saq-versions/${shipped!.id}/definition`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="aeo-saq-default-1.0.0.json"');
    const detail = (await admin.request('GET', `/api/aeo/saq-versions/${shipped!.id}`)).json();
    expect(fingerprintDefinition(parseDefinition(res.json()))).toBe(detail.fingerprint);
  });
});

describe('drafts', () => {
  it('creates a draft, audited and announced, without touching the programme', async () => {
    const before = await programmeSaq();
    const res = await admin.request('POST', '/api/aeo/saq-versions', { definition: smallSaq('nl-draft') });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({
      definitionId: 'nl-draft',
      version: '2.0.0',
      status: 'draft',
      isShipped: false,
      isInUse: false,
      publishedAt: null,
      questionCount: { standard: 3, sme: 3 },
      variants: {
        standard: ['nl_breaches', 'nl_breaches_detail', 'nl_seal_policy'],
        sme: ['nl_breaches', 'nl_breaches_detail', 'nl_seal_policy_sme'],
      },
    });
    expect(await programmeSaq()).toBe(before);
    const audit = await t.database.query<{ action: string }>(
      'select action from audit_log where subject_id = $1',
      [draft.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['aeo.saq_version.created']);
    const events = await t.database.query<{ type: string }>(
      'select type from outbox_events where subject_id = $1',
      [draft.id],
    );
    expect(events.map((e) => e.type)).toEqual(['aeo.saq_version.created']);
  });

  it('refuses an invalid definition, naming every problem by its path in the definition', async () => {
    const broken = smallSaq('nl-broken') as { sections: { questions: Record<string, unknown>[] }[] };
    broken.sections[0]!.questions[1]!.showIf = { question: 'nl_unknown', equals: true };
    broken.sections[1]!.questions[0]!.type = 'signature';
    broken.sections[1]!.id = 'Cargo';
    const res = await admin.request('POST', '/api/aeo/saq-versions', { definition: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const paths = (res.json().error.details.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['definition.sections.1.id', 'definition.sections.1.questions.0.type']),
    );
    // Cross-references are checked once the shape is right.
    const shapeOk = smallSaq('nl-broken') as { sections: { questions: Record<string, unknown>[] }[] };
    shapeOk.sections[0]!.questions[1]!.showIf = { question: 'nl_unknown', equals: true };
    const second = await admin.request('POST', '/api/aeo/saq-versions', { definition: shapeOk });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.details.problems).toEqual([
      expect.objectContaining({ path: 'definition.sections.0.questions.1.showIf.question' }),
    ]);
    expect((await versions()).some((v) => v.definitionId === 'nl-broken')).toBe(false);
  });

  it.each([
    ['a body that is not JSON', '{"definition": {', 'INVALID_JSON'],
    ['no definition', {}, 'VALIDATION_FAILED'],
    ['a definition that is not an object', { definition: 'aeo' }, 'VALIDATION_FAILED'],
    ['an unknown field', { definition: smallSaq('nl-extra'), notes: 'x' }, 'VALIDATION_FAILED'],
  ])('refuses %s with 400', async (_name, body, code) => {
    const res = await admin.request(
      'POST',
      '/api/aeo/saq-versions',
      body,
      typeof body === 'string' ? { 'content-type': 'application/json' } : {},
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses a version that already exists: its own, the shipped one, or 2 written as 2.0.0', async () => {
    await createDraft(admin, smallSaq('nl-dup', '3.0.0'));
    for (const definition of [
      smallSaq('nl-dup', '3.0.0'),
      smallSaq('nl-dup', 3),
      { ...getDefaultAeoSaq(), version: '1.0.0' },
    ]) {
      const res = await admin.request('POST', '/api/aeo/saq-versions', { definition });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      expect(res.json().error.details.problems[0].path).toBe('definition.version');
    }
    // The same id and version in another administration is no clash (each owner has its own namespace).
    const ke = await t.signIn('admin@ke.customs.example');
    expect(
      (await ke.request('POST', '/api/aeo/saq-versions', { definition: smallSaq('nl-dup', '3.0.0') }))
        .statusCode,
    ).toBe(201);
  });

  it('edits a draft; the fingerprint follows the text', async () => {
    const id = await createDraft(admin, smallSaq('nl-edit'));
    const before = (await admin.request('GET', `/api/aeo/saq-versions/${id}`)).json();
    const changed = smallSaq('nl-edit', '2.0.1');
    changed.title = { en: 'Revised self-assessment', fr: 'Auto-évaluation révisée' };
    const res = await admin.request('PUT', `/api/aeo/saq-versions/${id}`, { definition: changed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, version: '2.0.1', title: changed.title, status: 'draft' });
    expect(res.json().fingerprint).not.toBe(before.fingerprint);
    const bad = await admin.request('PUT', `/api/aeo/saq-versions/${id}`, { definition: { id: 'nl-edit' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('definition.sections');
  });

  it('deletes a draft, and only a draft', async () => {
    const id = await createDraft(admin, smallSaq('nl-delete'));
    expect((await admin.request('DELETE', `/api/aeo/saq-versions/${id}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/aeo/saq-versions/${id}`)).statusCode).toBe(404);
    const [shipped] = await versions();
    const refused = await admin.request('DELETE', `/api/aeo/saq-versions/${shipped!.id}`);
    expect(refused.statusCode).toBe(409);
  });
});

describe('publishing and retiring', () => {
  it('publishes once; a published version is never edited, deleted or published again', async () => {
    const id = await createDraft(admin, smallSaq('nl-publish'));
    const published = await post(`/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', isInUse: true });
    expect(published.json().publishedAt).not.toBeNull();
    expect(await programmeSaq()).toBe(id);

    const again = await post(`/${id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    const edit = await admin.request('PUT', `/api/aeo/saq-versions/${id}`, {
      definition: smallSaq('nl-publish', '2.0.1'),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('never edited');
    expect((await admin.request('DELETE', `/api/aeo/saq-versions/${id}`)).statusCode).toBe(409);
    // The version in use cannot be retired: another must take its place first.
    const retire = await post(`/${id}/retire`);
    expect(retire.statusCode).toBe(409);
    expect(retire.json().error.code).toBe('CONFLICT');
    const events = await t.database.query<{ type: string }>(
      'select type from outbox_events where subject_id = $1 order by seq',
      [id],
    );
    expect(events.map((e) => e.type)).toEqual(['aeo.saq_version.created', 'aeo.saq_version.published']);
  });

  it('never lets an administration publish, edit or retire the shipped version', async () => {
    const shipped = (await versions()).find((v) => v.isShipped)!;
    expect((await post(`/${shipped.id}/publish`)).statusCode).toBe(409);
    expect((await post(`/${shipped.id}/retire`)).statusCode).toBe(409);
    const edit = await admin.request('PUT', `/api/aeo/saq-versions/${shipped.id}`, {
      definition: getDefaultAeoSaq(),
    });
    expect(edit.statusCode).toBe(409);
    expect((await versions()).find((v) => v.isShipped)!.status).toBe('published');
  });

  it('refuses to retire a draft (it was never given out)', async () => {
    const id = await createDraft(admin, smallSaq('nl-retire-draft'));
    const res = await post(`/${id}/retire`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('delete it');
  });
});

describe('applications keep the version they were given', () => {
  it('a new version goes to new applications only; retiring a version leaves its applications intact', async () => {
    // Tulip (the Acme trader's other organisation) has a draft application from the demo seed.
    const tulip = await t.signIn('trader@acme-logistics.example');
    const me = (await tulip.request('GET', '/api/auth/me')).json();
    const tulipId = (me.user.memberships as { organisationId: string; organisationName: string }[]).find(
      (m) => m.organisationName === 'Tulip Freight Holland',
    )!.organisationId;
    const switched = await tulip.request('POST', '/api/auth/switch-organisation', {
      organisationId: tulipId,
    });
    expect(switched.statusCode).toBe(200);
    const [tulipCase] = (await tulip.request('GET', '/api/aeo/applications')).json().items as {
      id: string;
    }[];
    const given = (await tulip.request('GET', `/api/aeo/applications/${tulipCase!.id}`)).json()
      .saqDefinitionId as string;
    const programme = (await tulip.request('GET', '/api/aeo/programme')).json();
    expect(given).toBe((await versions()).find((v) => v.isShipped)!.id);

    // The administration publishes its own version 5.0.0.
    const v5 = await createDraft(admin, smallSaq('nl-saq', '5.0.0'));
    expect((await post(`/${v5}/publish`)).statusCode).toBe(200);

    // Acme applies now and is given 5.0.0 (its SME variant).
    const acme = await t.signIn('trader@acme-logistics.example');
    const created = await acme.request('POST', '/api/aeo/applications', {
      programmeId: programme.id,
      category: 'F',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ saqDefinitionId: v5, saqVariant: 'sme' });
    const acmeCase = created.json().id as string;

    // Tulip's application still holds the version it was given, and its answers are read against it.
    expect(
      (await tulip.request('GET', `/api/aeo/applications/${tulipCase!.id}`)).json().saqDefinitionId,
    ).toBe(given);
    const oldQuestion = getDefaultAeoSaq().sections[0]!.questions.find((q) => q.type === 'yes_no')!.id;
    const answer = (client: TestClient, id: string, answers: Record<string, unknown>) =>
      client.request('PATCH', `/api/aeo/applications/${id}/answers`, { answers });
    expect((await answer(tulip, tulipCase!.id, { [oldQuestion]: true })).statusCode).toBe(200);
    expect((await answer(tulip, tulipCase!.id, { nl_breaches: false })).statusCode).toBe(400);
    expect((await answer(acme, acmeCase, { nl_breaches: false })).statusCode).toBe(200);
    expect((await answer(acme, acmeCase, { [oldQuestion]: true })).statusCode).toBe(400);

    // 5.1.0 replaces 5.0.0, which is then retired: Acme's application keeps 5.0.0 and still works.
    const v51 = await createDraft(admin, smallSaq('nl-saq', '5.1.0'));
    expect((await post(`/${v51}/publish`)).statusCode).toBe(200);
    const retired = await post(`/${v5}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ status: 'retired', isInUse: false, applicationCount: 1 });
    expect((await post(`/${v5}/retire`)).statusCode).toBe(409);
    expect((await acme.request('GET', `/api/aeo/applications/${acmeCase}`)).json().saqDefinitionId).toBe(v5);
    const followUp = await answer(acme, acmeCase, {
      nl_breaches: true,
      nl_breaches_detail: 'One late declaration.',
    });
    expect(followUp.statusCode, followUp.body).toBe(200);

    // The operator sees the published and retired versions of its administration, never a draft, and
    // counts only its own applications.
    await createDraft(admin, smallSaq('nl-saq', '6.0.0'));
    const seen = await versions(acme);
    expect(seen.filter((v) => v.definitionId === 'nl-saq').map((v) => [v.version, v.status])).toEqual([
      ['5.0.0', 'retired'],
      ['5.1.0', 'published'],
    ]);
    expect(seen.find((v) => v.id === v5)!.applicationCount).toBe(1);
    expect(seen.find((v) => v.id === given)!.applicationCount).toBe(0);
    expect((await versions()).find((v) => v.id === given)!.applicationCount).toBeGreaterThan(0);
  });
});
