import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { answer, expectSaved, securityPlanPdf } from './aeo-support.js';
import { apiSession } from './api-session.js';
import { expectAccessible, SCREENSHOTS, screenshot, signIn, signOut, useLanguage } from './support.js';

/**
 * The SAFE implementation assessment in the browser (issue 5, acceptance): the secretariat opens a
 * campaign; NL and KE answer and submit through the form; each sees its scores, gaps and the trend against
 * the seeded 2023–2024 cycle; NL turns two gaps into plan actions; the secretariat sees progress and the
 * aggregates; the NL PDF report renders (page 1 turned into a PNG inside Chromium with pdfjs-dist).
 * The other eight seeded administrations submit through the API, so that Europe and East and Southern
 * Africa reach the minimum group of five. Campaign names are unique per run, so the journey can be re-run
 * against the same server.
 */

// The journey loads scored results and charts on a shared machine: allow each step more time.
const expect = baseExpect.configure({ timeout: 30_000 });

const SECRETARIAT = 'secretariat@wco.example';
const NL = 'admin@nl.customs.example';
const KE = 'admin@ke.customs.example';
const OTHERS = ['be', 'de', 'fr', 'se', 'ug', 'tz', 'rw', 'za'];

const require = createRequire(import.meta.url);
const PDFJS_BUILD = path.dirname(require.resolve('pdfjs-dist/build/pdf.min.mjs'));

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function openCampaign(page: Page, name: string) {
  await page.goto('/safe/monitoring');
  await page.locator(`[data-testid="safe-campaign-row"][data-name="${name}"] a`).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Answers every required question still open, the way a person would (maturity varies by question). */
async function answerOpenQuestions(page: Page, pdf: Buffer) {
  await expect(page.getByTestId('saq-question').first()).toBeVisible();
  const open = page.locator('[data-testid="saq-question"][data-answered="false"][data-required="true"]');
  for (let i = 0; i < 150 && (await open.count()) > 0; i++) {
    const id = (await open.first().getAttribute('data-question-id')) ?? '';
    const question = page.locator(`#question-${id}`);
    const type = await question.getAttribute('data-question-type');
    if (type === 'maturity') {
      // Levels 1–4 spread over the questions, so that some standards fall short of their target.
      await question
        .locator('input[type="radio"]')
        .nth(1 + (i % 4))
        .check();
    } else if (type === 'number') {
      // Within the question's own bounds (the reference year starts in 2005).
      const min = Number((await question.locator('input').getAttribute('min')) ?? 0);
      await question.locator('input').fill(String(Math.max(min, 10)));
    } else {
      await answer(question, pdf);
    }
  }
  await expect(open).toHaveCount(0);
  await expectSaved(page);
}

async function submitResponse(page: Page) {
  await page.getByTestId('safe-submit').click();
  await page.getByTestId('safe-confirm-submit').click();
  await expect(page).toHaveURL(/\/safe\/monitoring\/responses\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('safe-overall-score')).toHaveText(/\d/);
}

test('SAFE assessment: campaign, two administrations answer, results, plan, aggregates, PDF report', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const run = Date.now().toString(36);
  const name = `SAFE review cycle 2025–2026 · run ${run}`;
  // The plan carries over between cycles (and runs): owners name this run, so its two actions are found.
  const owners = [`AEO programme office ${run}`, `Risk management directorate ${run}`];
  const pdf = await securityPlanPdf();

  // 1. The secretariat opens the campaign and invites every administration.
  await signIn(page, SECRETARIAT);
  await useLanguage(page, 'en');
  await page.goto('/safe/monitoring');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SAFE monitoring');
  await expect(page.getByTestId('safe-campaigns')).toContainText('SAFE review cycle 2023–2024');
  await expectAccessible(page, 'the campaigns list');
  await screenshot(page, 'safe-assessment-01-campaigns-en');

  await page.getByTestId('safe-open-campaign').click();
  await page.getByTestId('safe-campaign-submit').click(); // empty: the form says what is missing
  await expect(page.locator('#campaign-name-error, .error-summary').first()).toBeVisible();
  await page.locator('#campaign-name').fill(name);
  await page.locator('#campaign-periodStart').fill('2025-01-01');
  await page.locator('#campaign-periodEnd').fill('2026-12-31');
  await page.locator('#campaign-deadline').fill(day(30));
  await page.getByTestId('safe-invite-all').click();
  await expectAccessible(page, 'the new campaign form');
  await screenshot(page, 'safe-assessment-02-new-campaign-en');
  await page.getByTestId('safe-campaign-submit').click();
  await expect(page).toHaveURL(/\/safe\/monitoring\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const campaignId = /campaigns\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  await expect(page.getByTestId('safe-campaign-facts')).toContainText('safe-monitoring');
  await expect(page.getByTestId('safe-aggregates-none')).toBeVisible(); // nothing submitted yet

  // The other eight administrations take their previous answers and submit (API).
  for (const cc of OTHERS) {
    const admin = await apiSession(baseURL!, `admin@${cc}.customs.example`);
    const copied = await admin.post(`/api/safe-assessment/campaigns/${campaignId}/response/copy-previous`);
    expect(copied.status(), `${cc} copy: ${await copied.text()}`).toBe(200);
    const submitted = await admin.post(`/api/safe-assessment/campaigns/${campaignId}/response/submit`);
    expect(submitted.status(), `${cc} submit: ${await submitted.text()}`).toBe(200);
    await admin.dispose();
  }
  // Four submitted in Europe and four in East and Southern Africa: below the minimum group of five, so
  // both regions are withheld with the reason, while the global group (eight) is shown.
  await page.reload();
  await expect(page.locator('[data-testid="safe-aggregate-row"][data-group="global"] td').first()).toHaveText(
    '8',
  );
  for (const region of ['europe', 'east_southern_africa']) {
    const withheld = page.locator(`[data-testid="safe-aggregate-withheld"][data-group="${region}"]`);
    await expect(withheld).toContainText('Withheld');
    await expect(withheld).toContainText('Fewer than 5 members submitted');
  }
  await expect(page.locator('[data-testid="safe-aggregate-row"][data-group="europe"]')).toHaveCount(0);
  await expectAccessible(page, 'the campaign with regions withheld');
  await screenshot(page, 'safe-assessment-03-aggregates-withheld-en');

  // 2. NL answers every question itself, with evidence, and submits.
  await signOut(page);
  await signIn(page, NL);
  await useLanguage(page, 'en');
  // The invitation in NL's notifications opens the campaign page.
  await page.getByTestId('notification-bell').click();
  await page
    .getByTestId('notification-panel')
    .getByRole('link', { name: `SAFE assessment: ${name}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/safe/monitoring/campaigns/${campaignId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await page.getByTestId('safe-answer').click();
  await expect(page.getByTestId('saq-outline')).toBeVisible();
  const status = page.getByTestId('safe-response-status');
  await expect(status).toHaveAttribute('data-status', 'not_started');
  // NL runs an operational AEO programme and declares its size, to be set beside what the platform holds.
  await page.locator('#question-aeo_programme_status input[value="operational"]').check();
  await expectSaved(page);
  // The first autosave creates the draft: the status says so without a reload.
  await expect(status).toHaveAttribute('data-status', 'draft');
  await expect(status).toHaveText('Draft');
  await page.locator('#question-aeo_count input').fill('12');
  await page.locator('#question-mras_signed input').fill('6');
  await answerOpenQuestions(page, pdf);
  await expectAccessible(page, 'the response form');
  await screenshot(page, 'safe-assessment-04-response-form-en', { fullPage: false });
  await submitResponse(page);

  // NL's results: scores with weights, radar, gaps, trend against the seeded cycle, measured facts.
  await expect(page.getByTestId('safe-overall-trend')).toBeVisible();
  await expect(page.getByTestId('safe-overall')).toContainText('SAFE review cycle 2023–2024');
  await expect(page.getByTestId('safe-scores-pillar').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('safe-radar')).toBeVisible();
  await expect(page.getByTestId('safe-gap').first()).toBeVisible();
  // Measured beside declared: the facts the platform holds, absent ones shown as absent.
  await expect(page.locator('[data-fact="aeoActive"] td').first()).toHaveText('12');
  await expect(page.locator('[data-fact="mras"] td').first()).toHaveText('6');
  // NL screens its consignments here: the share filed by the mode's deadline is measured from them.
  const filing = page.locator('[data-fact="filingOnTime"]');
  await expect(filing).toHaveAttribute('data-measured', 'present');
  await expect(filing).toContainText(/\d+(\.\d)?\s?% of [\d,\s]+ consignments/);
  const resultsUrl = page.url();
  await expectAccessible(page, 'the results');
  await screenshot(page, 'safe-assessment-05-results-en');

  // NL turns its two highest-ranked open gaps into plan actions.
  for (const owner of owners) {
    const gap = page.locator('[data-testid="safe-gap"]:has([data-testid="safe-gap-plan"])').first();
    const key = await gap.getAttribute('data-gap');
    await gap.getByTestId('safe-gap-plan').click();
    await page.locator('#plan-owner').fill(owner);
    await page.getByTestId('safe-plan-save').click();
    await expect(page.locator(`[data-testid="safe-gap"][data-gap="${key}"]`)).toContainText('In the plan');
  }
  // (By address: the confirmation notice sits over the header's plan link for a few seconds.)
  await page.goto('/safe/monitoring/plan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Improvement plan');
  const planRows = page.getByTestId('safe-plan-row');
  await expect(planRows.filter({ hasText: owners[0] })).toHaveCount(1);
  await expect(planRows.filter({ hasText: owners[1] })).toHaveCount(1);
  // Progress is tracked: the first new action starts.
  await planRows.filter({ hasText: owners[0] }).getByTestId('safe-plan-status').selectOption('in_progress');
  await expect(page.getByText(/is now in progress/)).toBeVisible();
  await expectAccessible(page, 'the improvement plan');
  await screenshot(page, 'safe-assessment-06-plan-en');

  // The PDF report: downloaded as NL would, page 1 rendered to PNG in Chromium with pdfjs-dist.
  await page.goto(resultsUrl);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('safe-report-pdf').click();
  const download = await downloading;
  const reportPath = await download.path();
  const report = readFileSync(reportPath);
  expect(report.subarray(0, 5).toString()).toBe('%PDF-');
  await renderFirstPage(page, baseURL!, report, 'safe-assessment-07-report-page1');

  // French.
  await page.goto(resultsUrl);
  await useLanguage(page, 'fr');
  await expect(page.getByTestId('safe-report-pdf')).toHaveText('Télécharger le rapport PDF');
  await expectAccessible(page, 'the results in French');
  await screenshot(page, 'safe-assessment-08-results-fr');
  await page.goto('/safe/monitoring/plan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Plan d'amélioration");
  await screenshot(page, 'safe-assessment-09-plan-fr');
  await useLanguage(page, 'en');

  // 3. KE starts from its previous answers, changes one, and submits.
  await signOut(page);
  await signIn(page, KE);
  await useLanguage(page, 'en');
  await openCampaign(page, name);
  await page.getByTestId('safe-answer').click();
  await page.getByTestId('safe-copy-previous').click();
  await expect(page.getByTestId('safe-copy-previous')).toHaveCount(0);
  const maturity = page.locator('[data-question-type="maturity"]').first();
  await maturity.locator('input[type="radio"]').nth(4).check();
  await answerOpenQuestions(page, pdf);
  await submitResponse(page);
  await expect(page.getByTestId('safe-overall-trend')).toBeVisible();
  await expect(page.getByTestId('safe-gap').first()).toBeVisible();
  // KE screens nothing on the platform: its filing and examination facts are absent, not invented.
  for (const fact of ['filingOnTime', 'examination']) {
    await expect(page.locator(`[data-fact="${fact}"]`)).toHaveAttribute('data-measured', 'absent');
    await expect(page.locator(`[data-fact="${fact}"]`)).toContainText('Not held by the platform');
  }
  // Submitted: the form is read-only now.
  await openCampaign(page, name);
  await page.getByTestId('safe-answer').click();
  await expect(page.getByText('This response has been submitted')).toBeVisible();
  await expect(page.locator('[data-testid="saq-question"] input').first()).toBeDisabled();
  await screenshot(page, 'safe-assessment-10-response-readonly-en', { fullPage: false });

  // 4. The secretariat: progress and aggregates (regions below five members withheld, with the reason).
  await signOut(page);
  await signIn(page, SECRETARIAT);
  await useLanguage(page, 'en');
  await page.goto(`/safe/monitoring/campaigns/${campaignId}`);
  for (const cc of ['NL', 'KE']) {
    await expect(page.locator(`[data-testid="safe-progress-row"][data-country="${cc}"]`)).toContainText(
      'Submitted',
    );
  }
  await expect(page.locator('[data-testid="safe-aggregate-row"][data-group="global"]')).toBeVisible();
  await expect(page.locator('[data-testid="safe-aggregate-row"][data-group="europe"]')).toContainText('5');
  await expect(
    page.locator('[data-testid="safe-aggregate-row"][data-group="east_southern_africa"]'),
  ).toBeVisible();
  await expect(page.getByTestId('safe-distribution-table')).toBeVisible();
  await expectAccessible(page, 'the campaign progress and aggregates');
  await screenshot(page, 'safe-assessment-11-campaign-secretariat-en');
  await useLanguage(page, 'fr');
  await expect(page.getByRole('heading', { name: 'Agrégats' })).toBeVisible();
  await expectAccessible(page, 'the campaign in French');
  await screenshot(page, 'safe-assessment-12-campaign-secretariat-fr');
  await useLanguage(page, 'en');
});

/**
 * Renders page 1 of a PDF to PNG inside Chromium with pdfjs-dist: the library is served from
 * node_modules to a routed page on the app's origin, the bytes are handed over as base64, and the canvas
 * is captured as the artefact.
 */
async function renderFirstPage(page: Page, baseURL: string, pdf: Buffer, name: string) {
  const origin = new URL(baseURL).origin;
  await page.route(`${origin}/__pdfjs/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace('/__pdfjs/', '');
    if (file === 'render.html')
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>PDF page 1</title></head><body style="margin:0;background:#fff"><canvas id="page"></canvas></body></html>',
      });
    return route.fulfill({
      contentType: 'text/javascript',
      body: readFileSync(path.join(PDFJS_BUILD, path.basename(file))),
    });
  });
  await page.goto(`${origin}/__pdfjs/render.html`);
  const size = await page.evaluate(async (base64) => {
    const pdfjs = await import(/* @vite-ignore */ '/__pdfjs/pdf.min.mjs' as string);
    pdfjs.GlobalWorkerOptions.workerSrc = '/__pdfjs/pdf.worker.min.mjs';
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const doc = await pdfjs.getDocument({ data: bytes }).promise;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.5 });
    const canvas = document.getElementById('page') as HTMLCanvasElement;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    return { pages: doc.numPages as number, width: viewport.width as number };
  }, pdf.toString('base64'));
  expect(size.pages).toBeGreaterThanOrEqual(1);
  await page.locator('#page').screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.unroute(`${origin}/__pdfjs/**`);
}
