import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.js';

async function actionsShown(page: Page): Promise<string[]> {
  return page.getByTestId('audit-action').allTextContents();
}

test('audit viewer: filters by action, actor, subject and date, and pages through older entries', async ({
  page,
}) => {
  await signIn(page, 'admin@ke.customs.example');

  // 13 keys created and revoked through the API: 26 more entries, enough for a second page of 25.
  const me = await (await page.request.get('/api/auth/me')).json();
  const csrf = { 'x-csrf-token': me.csrfToken as string };
  for (let i = 1; i <= 13; i++) {
    const created = await page.request.post('/api/api-keys', {
      headers: csrf,
      data: { name: `Batch key ${i}`, scopes: ['organisation:read'] },
    });
    expect(created.status()).toBe(201);
    const { apiKey } = await created.json();
    expect((await page.request.post(`/api/api-keys/${apiKey.id}/revoke`, { headers: csrf })).status()).toBe(
      200,
    );
  }

  await page.getByTestId('main-nav').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  await expect(page.getByTestId('audit-count')).toHaveText('25 entries on this page');
  const firstPage = await actionsShown(page);
  expect(firstPage[0]).toBe('api_key.revoked'); // newest first
  await expectAccessible(page, 'the audit log');
  await screenshot(page, 'audit-en');

  // Paging by cursor: older entries, then back to the newest.
  await page.getByRole('button', { name: 'Older entries' }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(page.getByTestId('audit-count')).toContainText('older');
  // The seeded accounts are among the oldest entries: page back until they show (the demo seeds more than
  // one page of this administration's history). A page counts once its rows are older than its cursor.
  const seqsShown = () =>
    page.locator('[data-seq]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
  const cursor = () => Number(new URL(page.url()).searchParams.get('before'));
  await expect.poll(async () => Math.max(...(await seqsShown()))).toBeLessThan(cursor());
  for (let pages = 0; pages < 40 && !(await actionsShown(page)).includes('user.created'); pages++) {
    const previous = cursor();
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(cursor).toBeLessThan(previous);
    const next = cursor();
    await expect.poll(async () => Math.max(...(await seqsShown()))).toBeLessThan(next);
  }
  expect(await actionsShown(page)).toContain('user.created');
  expect(Math.max(...(await seqsShown()))).toBeLessThan(cursor());
  await page.getByRole('button', { name: 'Newest entries' }).click();
  await expect(page).not.toHaveURL(/before=/);
  await expect(page.getByTestId('audit-count')).toHaveText('25 entries on this page');

  // Action filter (prefix match).
  await page.getByLabel('Action').fill('api_key.created');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=api_key\.created/);
  await expect(page.getByTestId('audit-count')).toHaveText('13 entries on this page');
  await expect.poll(async () => new Set(await actionsShown(page))).toEqual(new Set(['api_key.created']));

  // Actor filter: the seeding process, not a person (it created KE's accounts and invited KE to the seeded
  // SAFE review campaigns).
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Actor').fill('demo seed');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/actor=demo\+seed/);
  await expect
    .poll(async () => new Set(await actionsShown(page)))
    .toEqual(new Set(['user.created', 'organisation.created', 'safe_assessment.invited']));
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toContainText('demo seed');

  // Subject filter: the organisation itself.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Subject').fill('organisation');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/subject=organisation/);
  await expect.poll(() => actionsShown(page)).toEqual(['organisation.created']);

  // Date filter: nothing happened tomorrow; a reversed range is refused in the form.
  // Days as the browser sees them (Europe/Amsterdam, playwright.config.ts), not the test process.
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('From', { exact: true }).fill(day(1));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill(day(-1));
  await page.getByLabel('To', { exact: true }).fill(day(0));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('audit-count')).toHaveText('25 entries on this page');
  await page.getByLabel('From', { exact: true }).fill(day(1));
  await page.getByLabel('To', { exact: true }).fill(day(-1));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('The start date must be on or before the end date')).toBeVisible();

  // A filtered view is a URL: reloading keeps it.
  await page.goto('/audit?action=user.signed_in');
  await expect(page.getByLabel('Action')).toHaveValue('user.signed_in');
  await expect.poll(async () => new Set(await actionsShown(page))).toEqual(new Set(['user.signed_in']));
});

test('the audit log is only offered to roles that may read it', async ({ page }) => {
  await signIn(page, 'crisis@nl.customs.example');
  await expect(page.getByTestId('main-nav').getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  const response = await page.request.get('/api/audit');
  expect(response.status()).toBe(403);
});
