import { schema, sendSafeDeadlineReminders, systemActor } from '@aeolus/core';
import { derivedFacts } from '@aeolus/risk-engine';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrationsByCountry,
  inDays,
  openCampaign,
  submitFromPrevious,
} from '../testing/safe-assessment-helpers.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * SAFE implementation assessment, end to end through the API: the secretariat opens a campaign, NL and
 * KE answer (autosave, validation per question), submit, see scores, gaps and the trend against the
 * seeded previous cycle; bad inputs and late or foreign submissions are refused with a code.
 */
let t: TestApp;
let secretariat: TestClient;
let nl: TestClient;
let ke: TestClient;
let orgs: Record<string, string>;
let campaignId: string;
let previousId: string;

const base = (id: string) => `/api/safe-assessment/campaigns/${id}`;

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await t.signIn('secretariat@wco.example');
  nl = await t.signIn('admin@nl.customs.example');
  ke = await t.signIn('admin@ke.customs.example');
  orgs = await administrationsByCountry(secretariat);
  campaignId = await openCampaign(secretariat, [orgs.NL!, orgs.KE!]);
  const list = await secretariat.request('GET', '/api/safe-assessment/campaigns');
  previousId = (list.json().items as { id: string; status: string }[]).find((c) => c.status === 'closed')!.id;
});
afterAll(() => t.close());

describe('seeded previous cycle', () => {
  it('has ten administrations, all submitted, with NL and KE among them', async () => {
    expect(Object.keys(orgs)).toEqual(
      expect.arrayContaining(['NL', 'KE', 'BE', 'DE', 'FR', 'SE', 'UG', 'TZ', 'RW', 'ZA']),
    );
    const progress = await secretariat.request('GET', `${base(previousId)}/progress`);
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().counts).toEqual({ not_started: 0, draft: 0, submitted: 10, returned: 0 });
  });

  it('aggregates globally and for Europe and East & Southern Africa; a smaller region is refused', async () => {
    const res = await secretariat.request('GET', `${base(previousId)}/aggregates`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.memberCount).toBe(10);
    expect(body.global.overall.count).toBe(10);
    expect(body.regions.map((r: { group: string }) => r.group).sort()).toEqual([
      'east_southern_africa',
      'europe',
    ]);
    expect(body.global.histograms.length).toBeGreaterThan(0);
    const europe = await secretariat.request('GET', `${base(previousId)}/aggregates?region=europe`);
    expect(europe.json().regions).toHaveLength(1);
    const small = await secretariat.request('GET', `${base(previousId)}/aggregates?region=mena`);
    expect(small.statusCode).toBe(422);
    expect(small.json().error.details.reason).toBe('GROUP_TOO_SMALL');
    const unknown = await secretariat.request('GET', `${base(previousId)}/aggregates?region=atlantis`);
    expect(unknown.statusCode).toBe(400);
  });

  it('NL has two plan actions carried from the previous cycle', async () => {
    const res = await nl.request('GET', '/api/safe-assessment/plan');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(2);
  });
});

describe('answering a campaign', () => {
  it('starts not_started, with the pinned questionnaire', async () => {
    const res = await nl.request('GET', `${base(campaignId)}/response`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_started', id: null, editable: true });
    const q = await nl.request('GET', `${base(campaignId)}/questionnaire`);
    expect(q.json().id).toBe('safe-monitoring');
  });

  it.each([
    ['text for a number', { reference_year: 'twenty' }, 'answers.reference_year'],
    ['a choice not offered', { p1_nii_coverage: 'everything' }, 'answers.p1_nii_coverage'],
  ])('refuses %s with 400 naming the question', async (_name, answers, path) => {
    const res = await nl.request('PUT', `${base(campaignId)}/response`, { answers });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.problems.map((p: { path: string }) => p.path)).toContain(path);
  });

  it('refuses a maturity level outside 0–4 and an unknown question', async () => {
    const q = (await nl.request('GET', `${base(campaignId)}/questionnaire`)).json();
    const maturity = q.sections
      .flatMap((s: { questions: { id: string; type: string }[] }) => s.questions)
      .find((x: { type: string }) => x.type === 'maturity').id as string;
    for (const level of [5, -1, 2.5]) {
      const res = await nl.request('PUT', `${base(campaignId)}/response`, { answers: { [maturity]: level } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.problems[0].path).toBe(`answers.${maturity}`);
    }
    const unknown = await nl.request('PUT', `${base(campaignId)}/response`, {
      answers: { no_such_question: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    // Nothing was written by the refused saves.
    expect((await nl.request('GET', `${base(campaignId)}/response`)).json().status).toBe('not_started');
  });

  it('autosaves partial answers, records contributors, and refuses an incomplete submission', async () => {
    const saved = await nl.request('PUT', `${base(campaignId)}/response`, {
      answers: { reference_year: 2025 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', answers: { reference_year: 2025 } });
    // Named as people know each other, with the email to reach them.
    expect(saved.json().contributors).toEqual([
      {
        userId: nl.userId,
        name: expect.not.stringContaining('@'),
        email: 'admin@nl.customs.example',
        lastSavedAt: expect.any(String),
      },
    ]);
    const cleared = await nl.request('PUT', `${base(campaignId)}/response`, {
      answers: { reference_year: null },
    });
    expect(cleared.json().answers).toEqual({});
    const submit = await nl.request('POST', `${base(campaignId)}/response/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.details.problems.length).toBeGreaterThan(5);
  });

  it('submits, then refuses edits and a second submission with 409 ALREADY_SUBMITTED', async () => {
    const id = await submitFromPrevious(nl, campaignId);
    const edit = await nl.request('PUT', `${base(campaignId)}/response`, {
      answers: { reference_year: 2025 },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details.reason).toBe('ALREADY_SUBMITTED');
    const again = await nl.request('POST', `${base(campaignId)}/response/submit`);
    expect(again.json().error.details.reason).toBe('ALREADY_SUBMITTED');
    const mine = await nl.request('GET', `/api/safe-assessment/responses/${id}`);
    expect(mine.json()).toMatchObject({ status: 'submitted', editable: false });
  });

  it('shows scores with weights, ranked gaps with actions, the trend and measured facts', async () => {
    const list = await nl.request('GET', `${base(campaignId)}/responses`);
    const id = list.json().items[0].id as string;
    const res = await nl.request('GET', `/api/safe-assessment/responses/${id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.card.overall.percent).toBeGreaterThan(0);
    expect(r.card.dimensions.pillar).toHaveLength(3);
    expect(r.card.dimensions.standard[0].contributions[0].weight).toBeGreaterThan(0);
    expect(r.priorities[0].rank).toBe(1);
    expect(r.priorities[0].recommendedActions.length).toBeGreaterThan(0);
    // Same answers as the previous cycle: every comparable row is flat.
    expect(r.comparison.previousCampaignName).toMatch(/2023/);
    expect(r.comparison.overall.trend).toBe('flat');
    expect(r.measured.aeo).not.toBeNull();
    expect(r.measured.mras.byStatus.signed).toBeGreaterThan(0);
    // The on-time share, recomputed here from the stored filings with the risk engine's deadline rules.
    const stored = await t.ctx.db
      .select({
        consignment: schema.screeningResults.consignment,
        explanation: schema.screeningResults.explanation,
      })
      .from(schema.screeningResults)
      .where(eq(schema.screeningResults.administrationId, orgs.NL!));
    const margins = stored
      .map((s) => derivedFacts.filingMarginHours(s.consignment, s.explanation.facts))
      .filter((m): m is number => m !== undefined);
    const onTime = margins.filter((m) => m >= 0).length;
    expect(margins.length).toBeGreaterThan(1000);
    expect(onTime).toBeLessThan(margins.length); // the demo history has late filers
    expect(r.measured.filing).toEqual({
      consignments: margins.length,
      onTimePercent: Math.round((onTime / margins.length) * 1000) / 10,
    });
  });

  it('leaves the filing share absent for an administration that screens nothing here', async () => {
    // KE's submitted response of the seeded previous cycle.
    const list = await ke.request('GET', `${base(previousId)}/responses`);
    expect(list.statusCode, list.body).toBe(200);
    const id = list.json().items[0].id as string;
    const res = await ke.request('GET', `/api/safe-assessment/responses/${id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().measured.filing).toBeNull();
    expect(res.json().measured.examination).toBeNull();
  });

  it('the secretariat returns it with comments; NL edits and resubmits', async () => {
    const id = (await secretariat.request('GET', `${base(campaignId)}/responses`))
      .json()
      .items.find((x: { organisationId: string }) => x.organisationId === orgs.NL).id as string;
    const bad = await secretariat.request('POST', `/api/safe-assessment/responses/${id}/return`, {
      comments: [{ questionId: 'nope', text: 'Which one?' }],
    });
    expect(bad.statusCode).toBe(400);
    const returned = await secretariat.request('POST', `/api/safe-assessment/responses/${id}/return`, {
      comments: [{ questionId: 'reference_year', text: 'Please use 2025 as reference year.' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned' });
    const twice = await secretariat.request('POST', `/api/safe-assessment/responses/${id}/return`, {
      comments: [{ text: 'again' }],
    });
    expect(twice.statusCode).toBe(409);
    const mine = (await nl.request('GET', `${base(campaignId)}/response`)).json();
    expect(mine.comments[0].text).toMatch(/2025/);
    expect(mine.editable).toBe(true);
    expect(
      (await nl.request('PUT', `${base(campaignId)}/response`, { answers: { reference_year: 2025 } }))
        .statusCode,
    ).toBe(200);
    expect((await nl.request('POST', `${base(campaignId)}/response/submit`)).statusCode).toBe(200);
  });

  it('KE answers too; progress shows both submitted', async () => {
    await submitFromPrevious(ke, campaignId);
    const progress = (await secretariat.request('GET', `${base(campaignId)}/progress`)).json();
    expect(progress.counts.submitted).toBe(2);
    // Two members only: no aggregate can be shown.
    const agg = (await secretariat.request('GET', `${base(campaignId)}/aggregates`)).json();
    expect(agg.global).toBeNull();
  });
});

describe('refusals', () => {
  it('a non-invited administration can neither see nor answer the campaign (404, nothing written)', async () => {
    const onlyNl = await openCampaign(secretariat, [orgs.NL!]);
    const res = await ke.request('PUT', `${base(onlyNl)}/response`, { answers: { reference_year: 2025 } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await ke.request('POST', `${base(onlyNl)}/response/submit`)).statusCode).toBe(404);
    const progress = (await secretariat.request('GET', `${base(onlyNl)}/progress`)).json();
    expect(progress.items.map((i: { countryCode: string }) => i.countryCode)).toEqual(['NL']);
    expect((await ke.request('GET', base(onlyNl))).statusCode).toBe(404);
  });

  it('after the deadline, saving and submitting are refused with 409 DEADLINE_PASSED', async () => {
    const late = await openCampaign(secretariat, [orgs.NL!]);
    await nl.request('PUT', `${base(late)}/response`, { answers: { reference_year: 2025 } });
    await t.ctx.db
      .update(schema.safeCampaigns)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(schema.safeCampaigns.id, late));
    const save = await nl.request('PUT', `${base(late)}/response`, { answers: { reference_year: 2024 } });
    expect(save.statusCode).toBe(409);
    expect(save.json().error.details.reason).toBe('DEADLINE_PASSED');
    const submit = await nl.request('POST', `${base(late)}/response/submit`);
    expect(submit.json().error.details.reason).toBe('DEADLINE_PASSED');
  });

  it('a campaign needs a future deadline and real administrations', async () => {
    const past = await secretariat.request('POST', '/api/safe-assessment/campaigns', {
      name: 'Late cycle',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      deadline: inDays(-1),
    });
    expect(past.statusCode).toBe(400);
    const wrongOrg = await secretariat.request('POST', '/api/safe-assessment/campaigns', {
      name: 'Cycle with an operator',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      deadline: inDays(10),
      invitedOrganisationIds: [orgs.NL, secretariat.organisationId],
    });
    expect(wrongOrg.statusCode).toBe(400);
    expect(wrongOrg.json().error.details.problems[0].path).toBe('invitedOrganisationIds.1');
  });

  it('closing a campaign stops answers', async () => {
    const closing = await openCampaign(secretariat, [orgs.KE!]);
    expect((await secretariat.request('POST', `${base(closing)}/close`)).statusCode).toBe(200);
    const res = await ke.request('PUT', `${base(closing)}/response`, { answers: { reference_year: 2025 } });
    expect(res.json().error.details.reason).toBe('CAMPAIGN_CLOSED');
    expect((await secretariat.request('POST', `${base(closing)}/close`)).statusCode).toBe(409);
  });
});

describe('improvement plan', () => {
  it('turns a gap into an action, tracks progress, and refuses unknown links', async () => {
    const created = await nl.request('POST', '/api/safe-assessment/plan/actions', {
      gapDimension: 'standard',
      gapId: '1.4',
      title: 'Extend automated risk targeting to rail',
      owner: 'Risk Directorate',
      dueDate: '2026-09-30',
      campaignId,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'planned', gapLabel: { en: expect.any(String) } });
    expect(created.json().latestPercent).not.toBeNull();
    const id = created.json().id as string;
    const patched = await nl.request('PATCH', `/api/safe-assessment/plan/actions/${id}`, {
      status: 'in_progress',
      progressNote: 'Pilot on two border crossings',
    });
    expect(patched.json()).toMatchObject({
      status: 'in_progress',
      progressNote: 'Pilot on two border crossings',
    });
    const bad = await nl.request('POST', '/api/safe-assessment/plan/actions', {
      gapDimension: 'standard',
      gapId: '9.9',
      title: 'Nothing',
      owner: 'x',
      dueDate: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems[0].path).toBe('gapId');
    const badDate = await nl.request('POST', '/api/safe-assessment/plan/actions', {
      title: 'Something',
      owner: 'x',
      dueDate: '2026-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    // Another administration's action answers like a missing one.
    expect(
      (await ke.request('PATCH', `/api/safe-assessment/plan/actions/${id}`, { status: 'done' })).statusCode,
    ).toBe(404);
    const secretariatView = await secretariat.request(
      'GET',
      `/api/safe-assessment/plan?organisationId=${orgs.NL}`,
    );
    expect(secretariatView.json().items).toHaveLength(3);
  });
});

describe('reports and exports', () => {
  it('renders the member PDF in English and French', async () => {
    const id = (await nl.request('GET', `${base(campaignId)}/responses`)).json().items[0].id as string;
    for (const lang of ['en', 'fr']) {
      const res = await nl.request('GET', `/api/safe-assessment/responses/${id}/report.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await ke.request('GET', `/api/safe-assessment/responses/${id}/report.pdf`)).statusCode).toBe(404);
  });

  it('exports scores and answers: every member for the secretariat, its own for an administration', async () => {
    const all = await secretariat.request('GET', `${base(previousId)}/export.csv`);
    expect(all.statusCode).toBe(200);
    const lines = all.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'country,organisation,status,kind,dimension_or_section,id,label,answer,percent,weight',
    );
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(10);
    const own = await nl.request('GET', `${base(previousId)}/export.csv`);
    expect(
      new Set(
        own.body
          .trim()
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      ),
    ).toEqual(new Set(['NL']));
    const xlsx = await secretariat.request('GET', `${base(previousId)}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('deadline reminders', () => {
  it('notifies invited administrations that have not submitted, once per reminder', async () => {
    const soon = await openCampaign(secretariat, [orgs.NL!, orgs.KE!]);
    await submitFromPrevious(nl, soon);
    const [row] = await t.ctx.db.select().from(schema.safeCampaigns).where(eq(schema.safeCampaigns.id, soon));
    const sixDaysBefore = new Date(row!.deadline.getTime() - 6 * 86_400_000);
    const actor = systemActor('test');
    const sent = await sendSafeDeadlineReminders(t.ctx, actor, sixDaysBefore);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendSafeDeadlineReminders(t.ctx, actor, sixDaysBefore)).toBe(0);
    const inbox = (await ke.request('GET', '/api/notifications')).json();
    // The link opens the campaign page of the web app (the SAFE monitoring area).
    expect(
      inbox.items.find((n: { type: string }) => n.type === 'safe_assessment.deadline_reminder')?.link,
    ).toBe(`/safe/monitoring/campaigns/${soon}`);
    const nlInbox = (await nl.request('GET', '/api/notifications')).json();
    expect(
      nlInbox.items.filter(
        (n: { type: string; link: string }) =>
          n.type === 'safe_assessment.deadline_reminder' && n.link.includes(soon),
      ),
    ).toHaveLength(0);
    const oneDayBefore = new Date(row!.deadline.getTime() - 0.5 * 86_400_000);
    expect(await sendSafeDeadlineReminders(t.ctx, actor, oneDayBefore)).toBeGreaterThanOrEqual(1);
  });
});
