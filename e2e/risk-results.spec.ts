import { expect, type Page, test } from '@playwright/test';
import { apiSession } from './api-session.js';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * The risk analyst's results side of screening (issue 4 items 6, 8, 9) against the demo data (NL rule set
 * `nl-demo`, a few thousand screened demo consignments): filter the results, open one and read why it
 * got its lane, record what the control found, read the rules' hit rates and the AEO benefit figures.
 * Re-runnable: each run takes a red non-AEO result that has no outcome yet. A trader cannot open the area.
 */

const ANALYST = 'analyst@nl.customs.example';

/** Notices stay until dismissed; close them as a reader would before a screenshot. */
async function dismissNotices(page: Page) {
  const close = page.locator('.notice__close');
  while ((await close.count()) > 0) await close.first().click();
}

async function filterRedNonAeoWithoutOutcome(page: Page) {
  await page.goto('/risk/results');
  await expect(page.getByTestId('risk-result-row').first()).toBeVisible();
  await page.getByTestId('risk-filter-lane').selectOption('red');
  await page.getByTestId('risk-filter-aeo').selectOption('false');
  await page.getByTestId('risk-filter-outcome').selectOption('none');
  await page.getByTestId('risk-filter-limit').selectOption('25');
  await page.getByTestId('risk-filter-apply').click();
  await expect(page).toHaveURL(/lane=red/);
  await expect(page).toHaveURL(/aeo=false/);
  await expect(page).toHaveURL(/outcome=none/);
  const rows = page.getByTestId('risk-result-row');
  await expect(rows.first()).toBeVisible();
  // Every row the server sent back is what was asked for.
  for (const lane of await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-lane')))) {
    expect(lane).toBe('red');
  }
  for (const aeo of await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-aeo')))) {
    expect(aeo).toBe('false');
  }
}

test('risk results: an analyst filters, reads an explanation, records an outcome and reads the AEO benefits', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await signIn(page, ANALYST);
  await useLanguage(page, 'en');
  await page.setViewportSize({ width: 1440, height: 900 });

  await filterRedNonAeoWithoutOutcome(page);
  await expectAccessible(page, 'the filtered results list');
  await screenshot(page, 'risk-results-01-list-en');

  // The next page follows the cursor, and "Previous page" comes back.
  const firstReference = await page.getByTestId('risk-result-open').first().textContent();
  if ((await page.getByTestId('risk-results-next').count()) > 0) {
    await page.getByTestId('risk-results-next').click();
    await expect(page.getByTestId('risk-results-count')).toContainText('Page 2');
    await page.getByTestId('risk-results-previous').click();
    await expect(page.getByTestId('risk-result-open').first()).toHaveText(firstReference ?? '');
  }

  // One result, explained.
  const open = page.getByTestId('risk-result-open').first();
  const reference = (await open.textContent())?.trim() ?? '';
  await open.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  await expect(page.getByTestId('risk-result')).toHaveAttribute('data-lane', 'red');
  await expect(page.getByTestId('risk-why')).not.toBeEmpty();
  await expect(page.getByTestId('risk-steps').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('risk-version')).toContainText('nl-demo');
  await expect(page.getByTestId('risk-final-score')).toHaveText(/\d/);
  const why = await page.getByTestId('risk-why').getAttribute('data-reason');
  if (why !== 'random') {
    // Red without a random draw: rules fired, each with its rationale and the values that matched.
    await expect(page.getByTestId('risk-fired-rule').first()).toBeVisible();
    await expect(page.getByTestId('risk-evidence-value').first()).toBeVisible();
  }
  await expect(page.getByTestId('risk-outcome-none')).toBeVisible();
  await expectAccessible(page, 'a screening result with its explanation');
  await screenshot(page, 'risk-results-02-detail-en');

  // Recording an outcome: a choice is required, then a confirmation, then the outcome shows.
  await page.getByTestId('risk-outcome-submit').click();
  await expect(page.getByTestId('risk-outcome-form').locator('.field__error')).toBeVisible();
  await page.getByTestId('risk-outcome-discrepancy').check();
  await page.locator('#risk-outcome-notes').fill('Declared 40 cartons, found 46 (browser journey).');
  await page.getByTestId('risk-outcome-submit').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(reference);
  await expectAccessible(page, 'the outcome confirmation');
  await screenshot(page, 'risk-results-03-confirm-en', { fullPage: false });
  await page.getByTestId('risk-outcome-confirm').click();
  await expect(page.getByTestId('risk-outcome-latest')).toHaveAttribute('data-outcome', 'discrepancy');
  await expect(page.getByTestId('risk-outcome-latest')).toContainText('found 46');
  await dismissNotices(page);
  await expectAccessible(page, 'a result with its outcome recorded');
  await screenshot(page, 'risk-results-04-outcome-en');

  // The list now shows it as recorded.
  await page.goto(`/risk/results?outcome=discrepancy`);
  await expect(page.getByTestId('risk-result-open').filter({ hasText: reference })).toBeVisible();

  // Rule hit rates of the published version.
  await page.goto('/risk/rule-stats');
  await expect(page.getByTestId('risk-stats-row').first()).toBeVisible();
  await expect(page.getByTestId('risk-stats-summary')).toContainText('consignments decided');
  await page.getByTestId('risk-stats-sort').selectOption('hitRate');
  await expectAccessible(page, 'the rule hit rates');
  await screenshot(page, 'risk-results-05-rule-stats-en');

  // The AEO benefits from the seeded demo consignments: both groups present, with counts and rates.
  await page.goto('/risk/benefits');
  // The measurement runs over every stored consignment in the range: give it time on a busy machine.
  const summary = page.getByTestId('risk-benefits-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const count = async (group: 'aeo' | 'nonAeo') =>
    Number(
      (await page.getByTestId(`risk-benefit-${group}-consignments`).textContent())?.replace(/[^\d]/g, ''),
    );
  expect(await count('aeo')).toBeGreaterThan(0);
  expect(await count('nonAeo')).toBeGreaterThan(0);
  for (const group of ['aeo', 'nonAeo'] as const) {
    await expect(page.getByTestId(`risk-benefit-${group}-examination`)).toHaveAttribute('data-value', /\d/);
  }
  await expect(page.getByTestId('risk-chart-period-examination').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('risk-chart-mode-examination')).toBeVisible();
  await expectAccessible(page, 'the AEO benefits dashboard');
  await screenshot(page, 'risk-results-06-benefits-en');
  await page.getByTestId('risk-benefits-bucket').selectOption('month');
  await page.getByTestId('risk-benefits-apply').click();
  await expect(page).toHaveURL(/bucket=month/);
  await expect(summary).toBeVisible({ timeout: 30_000 });

  // The same pages in French.
  await useLanguage(page, 'fr');
  await filterRedNonAeoWithoutOutcome(page);
  await expect(page.getByTestId('risk-results-filters')).toContainText('Circuit');
  await expectAccessible(page, 'the results list in French');
  await screenshot(page, 'risk-results-07-list-fr');
  await page.goto(`/risk/results?outcome=discrepancy`);
  await page.getByTestId('risk-result-open').filter({ hasText: reference }).click();
  await expect(page.getByTestId('risk-outcome-latest')).toContainText('Écart');
  await expectAccessible(page, 'a screening result in French');
  await screenshot(page, 'risk-results-08-detail-fr');
  await page.goto('/risk/benefits');
  await expect(page.getByTestId('risk-benefits-summary')).toContainText('Non-OEA', { timeout: 30_000 });
  await expectAccessible(page, 'the AEO benefits in French');
  await screenshot(page, 'risk-results-09-benefits-fr');
  await useLanguage(page, 'en');

  // The API agrees with what the page showed.
  const api = await apiSession(baseURL!, ANALYST);
  const listed = await api.get('/api/screening/results?outcome=discrepancy&limit=200');
  expect(listed.ok()).toBe(true);
  expect(((await listed.json()).items as { reference: string }[]).map((i) => i.reference)).toContain(
    reference,
  );
  await api.dispose();
});

test('risk results: a trader cannot open the results, hit rates or benefits, nor read them through the API', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'trader@acme-logistics.example');
  await useLanguage(page, 'en');
  // A filer files (at /operator/filings) but the administration's risk area is not offered to it.
  await page.goto('/operator/filings');
  await expect(page.getByTestId('main-nav').getByRole('link', { name: /risk/i })).toHaveCount(0);
  for (const path of [
    '/risk',
    '/risk/results',
    '/risk/results/00000000-0000-4000-8000-000000000000',
    '/risk/rule-stats',
    '/risk/benefits',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot open this page');
    await expect(page.getByTestId('risk-results-table')).toHaveCount(0);
  }
  await expectAccessible(page, 'the refusal');
  await screenshot(page, 'risk-results-10-trader-refused-en');
  const api = await apiSession(baseURL!, 'trader@acme-logistics.example');
  expect((await api.get('/api/screening/results')).status()).toBe(403);
  expect((await api.get('/api/screening/benefits')).status()).toBe(403);
  await api.dispose();
});

test('risk results: an administrator reads results and benefits but records no outcome', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@nl.customs.example');
  await useLanguage(page, 'en');
  await page.goto('/risk/results');
  await expect(page.getByTestId('risk-tabs').getByRole('link', { name: 'Rule hit rates' })).toHaveCount(0);
  await page.getByTestId('risk-result-open').first().click();
  await expect(page.getByTestId('risk-why')).toBeVisible();
  await expect(page.getByTestId('risk-outcome-form')).toHaveCount(0);
  await expect(page.getByText('Only risk analysts record outcomes.')).toBeVisible();
  await page.goto('/risk/benefits');
  await expect(page.getByTestId('risk-benefits-summary')).toBeVisible({ timeout: 30_000 });
});
