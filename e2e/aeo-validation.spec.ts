import { expect, type Page, test } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DEMO_PASSWORD, expectAccessible, screenshot, signIn, signOut, useLanguage } from './support.js';

/**
 * The validator's side of the AEO programme against the demo data (NL programme): Delta Road Carriers
 * under review and awaiting information, Windmill (NLAEOF000001) active, Harbour (NLAEOF000002)
 * suspended, Tulip a draft. The validator reads the queue, works the Delta case (plan, checklist with
 * evidence, corrective action, deadline extension), sees a decision refused because a colleague acted
 * first (409) and suspends Harbour again with a confirmation, and closes the review of a change Windmill
 * reported. The administration's admin only reads; a Kenyan validator cannot open the Dutch case.
 */

interface QueueItem {
  id: string;
  reference: string;
  operatorName: string;
  nextDeadline: { daysLeft: number; overdue: boolean; stopped: boolean } | null;
}

async function apiQueue(page: Page): Promise<QueueItem[]> {
  const response = await page.request.get('/api/aeo/applications');
  expect(response.ok()).toBe(true);
  return (await response.json()).items;
}

async function evidencePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Gate camera log, night shift', { x: 50, y: 780, size: 14, font });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

const logEntries = (page: Page) => page.getByTestId('aeo-log-entry');

test('AEO validation: the queue by urgency, and working the Delta case', async ({ page }) => {
  await signIn(page, 'validator@nl.customs.example');
  await useLanguage(page, 'en');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Validation queue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AEO validation queue');

  // The queue shows the server's order of urgency, and says in words what each clock is doing.
  const queue = await apiQueue(page);
  const rows = page.getByTestId('aeo-queue-row');
  await expect(rows).toHaveCount(queue.length);
  await expect(rows.getByTestId('aeo-queue-open')).toHaveText(queue.map((c) => c.reference));
  for (const [index, item] of queue.entries()) {
    const days = rows.nth(index).getByTestId('aeo-queue-days');
    const next = item.nextDeadline;
    if (!next) await expect(days).toContainText('No deadline');
    else if (next.overdue) {
      await expect(days).toContainText(`Overdue by ${-next.daysLeft} day`);
      await expect(rows.nth(index)).toHaveAttribute('data-urgency', 'overdue');
    } else if (next.stopped) await expect(days).toContainText('Clock stopped');
  }
  const delta = queue.find((c) => c.operatorName === 'Delta Road Carriers')!;
  // Delta has a decision clock (stopped while information is awaited): it comes before every case
  // without one. (Other journeys may have added cases with clocks, so its exact place is not fixed.)
  const firstWithout = queue.findIndex((c) => !c.nextDeadline);
  expect(queue.indexOf(delta)).toBeLessThan(firstWithout === -1 ? queue.length : firstWithout);
  expect(queue.slice(firstWithout === -1 ? queue.length : firstWithout).every((c) => !c.nextDeadline)).toBe(
    true,
  );
  const deltaRow = rows.filter({ hasText: 'Delta Road Carriers' });
  await expect(deltaRow).toContainText('Awaiting information from the operator');
  await expect(deltaRow).toContainText('Clock stopped');
  await expect(rows.filter({ hasText: 'Windmill Components' })).toContainText('Granted');
  await expect(rows.filter({ hasText: 'Harbour Warehousing Rotterdam' })).toContainText('Suspended');

  await page.getByTestId('aeo-queue-status').selectOption('suspended');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Harbour Warehousing Rotterdam');
  await expect(page).toHaveURL(/status=suspended/);
  await page.getByTestId('aeo-queue-status').selectOption('all');
  await expect(rows).toHaveCount(queue.length);
  await expectAccessible(page, 'the validation queue');
  await screenshot(page, 'aeo-validation-queue-en');

  // Delta: waiting for the operator, so the only decision offered is extending the deadline.
  await deltaRow.getByTestId('aeo-queue-open').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta Road Carriers');
  await expect(page.getByTestId('aeo-case-status')).toContainText('Under review');
  await expect(page.getByTestId('aeo-actions').getByRole('button')).toHaveText(['Extend the deadline']);
  await expect(page.getByTestId('aeo-case-deadlines')).toContainText('Clock stopped');
  await expect(page.getByTestId('aeo-action-log')).toContainText('Information requested');
  const before = await logEntries(page).count();

  // A refused form says what to fix, then the extension is logged with its reason.
  await page.getByTestId('aeo-action-extend_deadline').click();
  const extend = page.getByTestId('aeo-action-form-extend_deadline');
  await extend.getByLabel('Days to add').fill('0');
  await page.getByTestId('aeo-action-submit').click();
  await expect(extend.getByRole('alert')).toContainText('Enter a whole number of days');
  await expect(extend.getByRole('alert')).toContainText('Fill in “Reason”');
  await extend.getByLabel('Days to add').fill('1');
  await extend.getByLabel('Reason').fill('The night-shift seal check can only be observed next week.');
  await page.getByTestId('aeo-action-submit').click();
  await expect(logEntries(page)).toHaveCount(before + 1);
  await expect(logEntries(page).last()).toContainText('Decision deadline extended');
  await expect(logEntries(page).last()).toContainText(
    'The night-shift seal check can only be observed next week.',
  );
  await expect(page.getByTestId('aeo-case-deadlines')).toContainText(/extended by \d+ day/);

  // The risk-based plan: the perimeter is examined on site, and the plan must say why.
  const plan = page.getByTestId('aeo-plan-form');
  const onSite = plan.locator('input[type="checkbox"]');
  for (let i = 0; i < (await onSite.count()); i += 1) await onSite.nth(i).uncheck();
  for (const code of ['premises_perimeter', 'premises_access']) {
    await plan.getByTestId(`aeo-plan-onsite-${code}`).check();
    await plan.getByTestId(`aeo-plan-reason-${code}`).fill('');
  }
  await page.getByTestId('aeo-plan-save').click();
  await expect(plan.getByRole('alert')).toContainText('Say why “Premises and perimeter” is examined on site');
  await expect(plan.getByRole('alert')).toContainText('Say why “Access control” is examined on site');
  for (const code of ['premises_perimeter', 'premises_access']) {
    await plan
      .getByTestId(`aeo-plan-reason-${code}`)
      .fill('Trailers are handed over at night at the yard gate.');
  }
  await page.getByTestId('aeo-plan-save').click();
  await expect(logEntries(page)).toHaveCount(before + 2);
  await expect(logEntries(page).last()).toContainText('Validation plan set');

  // Checklist: a result with notes and real evidence (a PDF uploaded to the case).
  const checklist = page.getByTestId('aeo-checklist-form');
  await checklist.getByTestId('aeo-checklist-result-premises_perimeter').selectOption('partly_met');
  await checklist.getByTestId('aeo-checklist-notes-premises_perimeter').fill('Gate camera out of order.');
  await checklist.getByTestId('aeo-checklist-upload-premises_perimeter').setInputFiles({
    name: 'gate-camera-log.pdf',
    mimeType: 'application/pdf',
    buffer: await evidencePdf(),
  });
  const row = checklist.getByTestId('aeo-checklist-row-premises_perimeter');
  const uploaded = row.getByTestId('aeo-evidence').last();
  await expect(uploaded).toContainText('gate-camera-log.pdf');
  await expect(uploaded).toContainText('1 page');
  await expect(uploaded).toContainText('Not signed');
  await page.getByTestId('aeo-checklist-save').click();
  await expect(logEntries(page)).toHaveCount(before + 3);
  await expect(logEntries(page).last()).toContainText('Partly met');

  // A corrective action with a due date.
  await page.getByTestId('aeo-corrective-add').click();
  const corrective = page.getByTestId('aeo-corrective-form');
  await corrective.getByLabel('What must be corrected').fill('Repair the gate camera and keep its log.');
  await corrective.getByLabel('Due by').fill('2099-01-31');
  await page.getByTestId('aeo-corrective-submit').click();
  await expect(page.getByTestId('aeo-corrective-table')).toContainText(
    'Repair the gate camera and keep its log.',
  );
  await expect(logEntries(page)).toHaveCount(before + 4);
  await expectAccessible(page, 'the Delta case');
  await page.getByTestId('aeo-saq-section').first().locator('summary').click();
  await screenshot(page, 'aeo-validation-case-en');
});

test('AEO validation: a decision refused because a colleague acted first, and a monitoring review', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, 'validator@nl.customs.example');
  await useLanguage(page, 'en');
  const queue = await apiQueue(page);
  const harbour = queue.find((c) => c.operatorName === 'Harbour Warehousing Rotterdam')!;
  const windmill = queue.find((c) => c.operatorName === 'Windmill Components')!;

  // Harbour: a colleague reinstates it while this page is open, so the reinstatement sent from the
  // page is refused (409); the page says what is possible now, and the status is suspended again.
  await page.goto(`/aeo/validation/${harbour.id}`);
  await expect(page.getByTestId('aeo-certificate-id')).toHaveText('NLAEOF000002');
  await expect(page.getByTestId('aeo-actions').getByRole('button')).toHaveText(['Reinstate', 'Revoke']);
  const harbourLog = await logEntries(page).count();
  await page.getByTestId('aeo-action-reinstate').click();
  await page
    .getByTestId('aeo-action-form-reinstate')
    .getByLabel('Reason')
    .fill('Access control repaired and tested.');
  await page.getByTestId('aeo-action-submit').click();
  await expect(page.getByRole('dialog')).toContainText('Reinstate the AEO status of');
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const colleague = await page.request.post(`/api/aeo/applications/${harbour.id}/validation-actions`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { type: 'reinstate', reason: 'Reinstated by a colleague after the follow-up visit.' },
  });
  expect(colleague.status()).toBe(200);
  await page.getByTestId('aeo-action-confirm').click();
  await expect(page.getByRole('alert').first()).toContainText(
    'This is no longer possible: the application has moved on. What can be done now: Suspend, Revoke.',
  );
  await expect(page.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'granted');
  await expect(page.getByTestId('aeo-certificate')).toContainText('Active');
  await expect(logEntries(page)).toHaveCount(harbourLog + 1);
  await page.getByTestId('aeo-action-suspend').click();
  await page
    .getByTestId('aeo-action-form-suspend')
    .getByLabel('Grounds')
    .fill('Follow-up visit found the gate open.');
  await page.getByTestId('aeo-action-submit').click();
  await page.getByTestId('aeo-action-confirm').click();
  await expect(page.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'suspended');
  await expect(page.getByTestId('aeo-certificate')).toContainText('Suspended');
  await expect(logEntries(page)).toHaveCount(harbourLog + 2);
  await expect(logEntries(page).last()).toContainText('Follow-up visit found the gate open.');
  await expect(page.getByTestId('aeo-certificate-pdf')).toHaveAttribute(
    'href',
    '/api/public/aeo/NLAEOF000002/certificate.pdf',
  );
  await expect(page.getByTestId('aeo-certificate-verify')).toHaveAttribute('href', '/verify/NLAEOF000002');
  const pdf = await page.request.get('/api/public/aeo/NLAEOF000002/certificate.pdf');
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // Windmill's holder reports a change (through the API, as its own user); customs closes the review.
  const holder = await playwright.request.newContext({ baseURL });
  try {
    const login = await holder.post('/api/auth/login', {
      data: { email: 'compliance@windmill-components.example', password: DEMO_PASSWORD },
    });
    const reported = await holder.post(`/api/aeo/applications/${windmill.id}/monitoring-reports`, {
      headers: { 'x-csrf-token': (await login.json()).csrfToken },
      data: { kind: 'premises', description: 'A second warehouse opens in Venlo.' },
    });
    expect(reported.status()).toBe(200);
  } finally {
    await holder.dispose();
  }
  await page.goto('/aeo/validation');
  await expect(page.getByTestId('aeo-queue-row').filter({ hasText: 'Windmill Components' })).toContainText(
    /open review/,
  );
  await page.goto(`/aeo/validation/${windmill.id}`);
  await expect(page.getByTestId('aeo-certificate-id')).toHaveText('NLAEOF000001');
  const reports = page.getByTestId('aeo-monitoring-reports');
  await expect(reports).toContainText('A second warehouse opens in Venlo.');
  await expect(reports).toContainText('Change of premises');
  const windmillLog = await logEntries(page).count();
  await reports.getByTestId('aeo-review-close').last().click();
  await page.getByTestId('aeo-review-submit').click();
  await expect(page.getByTestId('aeo-review-form').getByRole('alert')).toContainText('Fill in “Outcome”');
  await page.getByTestId('aeo-review-form').getByLabel('Outcome').fill('Venlo added after a desk check.');
  await page.getByTestId('aeo-review-submit').click();
  await expect(reports).toContainText('Venlo added after a desk check.');
  await expect(logEntries(page)).toHaveCount(windmillLog + 1);
  await expect(logEntries(page).last()).toContainText('Review closed');
  await expectAccessible(page, 'the Windmill case');
});

test('AEO validation in French, read-only for an administration admin, and not found for KE', async ({
  page,
}) => {
  await signIn(page, 'validator@nl.customs.example');
  const delta = (await apiQueue(page)).find((c) => c.operatorName === 'Delta Road Carriers')!;
  const rows = page.getByTestId('aeo-queue-row');
  await useLanguage(page, 'fr');
  await page.goto('/aeo/validation');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('File de validation OEA');
  await expect(rows.filter({ hasText: 'Delta Road Carriers' })).toContainText('Délai suspendu');
  await screenshot(page, 'aeo-validation-queue-fr');
  await page.goto(`/aeo/validation/${delta.id}`);
  await expect(page.getByTestId('aeo-action-log')).toContainText('Informations demandées');
  await expectAccessible(page, 'the Delta case in French');
  await screenshot(page, 'aeo-validation-case-fr');
  await useLanguage(page, 'en');
  await signOut(page);

  // The administration's admin reads the case but decides nothing (aeo-application:validate).
  await signIn(page, 'admin@nl.customs.example');
  await page.goto(`/aeo/validation/${delta.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta Road Carriers');
  await expect(page.getByTestId('aeo-action-log')).toBeVisible();
  await expect(page.getByTestId('aeo-actions')).toHaveCount(0);
  await expect(page.getByTestId('aeo-plan-form')).toHaveCount(0);
  await expect(page.getByTestId('aeo-checklist-form')).toHaveCount(0);
  await signOut(page);

  // Another administration's validator: the Dutch case does not exist for them.
  await signIn(page, 'validator@ke.customs.example');
  await page.goto(`/aeo/validation/${delta.id}`);
  await expect(page.getByTestId('aeo-case-not-found')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application not found');
  await expect(page.getByText('Delta Road Carriers')).toHaveCount(0);
});
