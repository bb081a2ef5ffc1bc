import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * CSV filing of consignments (issue 4 item 2): a filer of Acme Logistics (a `screening:file` holder; the
 * administration's analysts do not file) uploads a small manifest with one bad row at /operator/filings, sees
 * that row's problem by row and column, and the lanes of the other consignments. References are new on
 * every run, so a re-run screens again rather than reporting "already filed".
 */

const FILER = 'trader@acme-logistics.example';

const HEADER = [
  'mode',
  'reference',
  'transport_document_type',
  'transport_document_number',
  'consignor_name',
  'consignor_city',
  'consignor_country',
  'consignee_name',
  'consignee_city',
  'consignee_country',
  'origin_country',
  'place_of_loading',
  'place_of_unloading',
  'routing_countries',
  'filing_time',
  'containers',
  'item_hs_code',
  'item_description',
  'item_packages',
  'item_gross_mass_kg',
  'item_value',
  'item_currency',
];

function manifest(run: string): string {
  const row = (n: number, hs: string, description: string) =>
    [
      'sea',
      `E2E-${run}-${n}`,
      'MBL',
      `E2E${run}${n}`,
      'Shenzhen Bright Star Electronics',
      'Shenzhen',
      'CN',
      'Holland Retail Distribution BV',
      'Rotterdam',
      'NL',
      'CN',
      'CNSHA',
      'NLRTM',
      '"CN;SG;NL"',
      '2026-06-01 06:00',
      'TCLU7654320',
      hs,
      description,
      '10',
      '500',
      '12000',
      'EUR',
    ].join(',');
  return [
    HEADER.join(','),
    row(1, '940360', 'Wooden furniture'),
    row(2, '12345', 'Spare parts'),
    row(3, '930190', 'Sporting rifles'),
    row(4, '851713', 'Mobile phones'),
  ].join('\r\n');
}

test('screening import: a filer uploads a CSV with one bad row and reads the row problem and the lanes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, FILER);
  await useLanguage(page, 'en');
  await page.setViewportSize({ width: 1440, height: 900 });
  const run = Date.now().toString(36).toUpperCase();

  // The filer's side of screening is its own area, offered in the menu.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Filings' }).click();
  await expect(page).toHaveURL(/\/operator\/filings$/);
  await expectAccessible(page, 'the CSV upload page');

  await page.locator('#screening-import-file').setInputFiles({
    name: 'manifest.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(manifest(run), 'utf8'),
  });
  await page.locator('.screening-import__form button[type="submit"]').click();

  const errors = page.getByTestId('screening-import-errors');
  await expect(errors).toBeVisible({ timeout: 60_000 });
  const problem = errors.locator('tbody tr');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('td').nth(0)).toHaveText('3');
  await expect(problem.locator('td').nth(1)).toHaveText('item_hs_code');
  await expect(problem.locator('td').nth(2)).toContainText('HS code of 6, 8 or 10 digits');

  await expect(page.getByTestId('screening-import-summary')).toContainText('3 screened');
  await expect(page.getByTestId('screening-import-summary')).toContainText('1 rejected');
  const counts = await page
    .getByTestId('screening-import-lanes')
    .locator('tbody td.num')
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
  const items = page.getByTestId('screening-import-items').locator('tbody tr');
  await expect(items).toHaveCount(4);
  await expect(items.nth(1)).toHaveAttribute('data-status', 'rejected');
  for (const i of [0, 2, 3]) {
    await expect(items.nth(i)).toHaveAttribute('data-status', 'screened');
    await expect(items.nth(i).locator('[data-lane]')).toHaveCount(1);
  }
  await expectAccessible(page, 'the CSV upload page with its results');
  await screenshot(page, 'screening-import-01-result-en');

  await useLanguage(page, 'fr');
  await expect(page.getByTestId('screening-import-summary')).toContainText('3 analysés');
  await expectAccessible(page, 'the CSV upload page in French');
  await screenshot(page, 'screening-import-02-result-fr');
  await useLanguage(page, 'en');
});
