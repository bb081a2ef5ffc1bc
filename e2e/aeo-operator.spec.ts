import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  answerRequiredQuestions,
  expectSaved,
  securityPlanPdf,
  TRADER,
  VALIDATOR,
  withdrawLiveApplications,
} from './aeo-support.js';
import { apiSession } from './api-session.js';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * The operator's side of the AEO programme in the browser: Acme starts an application, answers the SAQ
 * (autosaved) with a real PDF as evidence, submits, and answers customs' request for information; a
 * holder (Windmill, NLAEOF000001 in the demo data) sees its certificate and downloads the PDF.
 */

const HOLDER = 'compliance@windmill-components.example';

test('operator: start an application, answer the SAQ with a PDF, submit, answer a request for information', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await withdrawLiveApplications(baseURL!);
  const pdf = await securityPlanPdf();
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  await signIn(page, TRADER);
  await useLanguage(page, 'en');
  await page.goto('/operator/aeo-status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My AEO status');

  // Start: the programme of the supervising administration (NL), category S.
  await page.getByTestId('start-application').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start an AEO application');
  await expect(page.getByTestId('programme-facts')).toContainText('120 days');
  await page.getByTestId('start-application-submit').click();
  await expect(page.getByRole('alert')).toContainText('Choose a category');
  await page.getByTestId('category-S').check();
  await page.getByTestId('start-application-submit').click();
  await expect(page).toHaveURL(/\/operator\/aeo-status\/[0-9a-f-]{36}\/questionnaire$/);
  const applicationId = /aeo-status\/([0-9a-f-]{36})\//.exec(page.url())![1]!;

  // The SME variant: no maturity questions, a note saying why.
  await expect(page.getByText('SME variant', { exact: true })).toBeVisible();
  await expect(page.locator('[data-question-type="maturity"]')).toHaveCount(0);
  await expect(page.getByTestId('saq-save-status')).toHaveAttribute('data-state', 'idle');

  // Conditional questions follow the engine's rules: a breach asks for details, "no" hides them again.
  const details = page.locator('[data-question-id="compliance_breaches_details"]');
  await expect(details).toHaveCount(0);
  await page.locator('#question-compliance_breaches input[value="yes"]').check();
  await expect(details).toBeVisible();
  await page.locator('#question-compliance_breaches input[value="no"]').check();
  await expect(details).toHaveCount(0);

  // The profile decides what follows: no goods handled and no transport, so cargo and conveyance shrink.
  await page.locator('#question-profile_handles_goods input[value="no"]').check();
  await page.locator('#question-profile_own_conveyances input[value="no"]').check();
  await page.locator('#question-profile_subcontracts_transport input[value="no"]').check();
  await expect(page.getByTestId('saq-outline')).toContainText('Does not apply');
  await page.locator('#q-profile_employees').fill('40');
  await page.locator('#q-profile_years_trading').fill('12');
  await expectSaved(page);

  // A number out of range is refused by the server and shown beside the question; the rest is saved.
  await page.locator('#q-records_retention').fill('99');
  const retention = page.locator('#question-records_retention');
  await expect(retention.locator('.field__error')).toHaveText('Enter a number from 0 to 50.');
  await expect(page.getByTestId('saq-save-status')).toHaveAttribute('data-state', 'error');
  await page.locator('#q-records_retention').fill('10');
  await expectSaved(page);
  await expect(retention.locator('.field__error')).toHaveCount(0);

  // A file that is not what its name says is refused, naming the file; nothing is attached.
  const records = page.locator('#question-records_description_sme');
  await records.getByTestId('evidence-upload-records_description_sme').setInputFiles({
    name: 'not-really.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('This is a plain text note, not a PDF.'),
  });
  await expect(records.getByTestId('upload-error')).toContainText('not-really.pdf');
  await expect(records.getByTestId('document-facts')).toHaveCount(0);

  // Answer every remaining required question, by type, as the form reveals them.
  await answerRequiredQuestions(page, pdf);

  // The uploaded PDF as the platform found it: a one-page PDF, unsigned, with the digest of our bytes.
  const evidence = records.getByTestId('document-facts');
  await expect(evidence).toContainText('PDF');
  await expect(evidence).toContainText('1 page');
  await expect(evidence.getByTestId('document-sha256')).toHaveText(sha256.slice(0, 12));
  await expect(evidence.getByTestId('document-sha256')).toHaveAttribute('title', sha256);
  await expect(evidence.getByTestId('document-signature')).toHaveAttribute('data-verdict', 'none');
  await expect(page.getByText('Every required question is answered.')).toBeVisible();
  await expectAccessible(page, 'the SAQ form');
  await screenshot(page, 'aeo-operator-saq-en');

  // The same form in French: questions from the definition, the interface from the translations.
  await useLanguage(page, 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/auto-évaluation/i);
  await expect(page.getByTestId('saq-submit')).toHaveText('Déposer la demande');
  await screenshot(page, 'aeo-operator-saq-fr');
  await useLanguage(page, 'en');

  // The answers survived a reload: they were saved on the server, not only kept in the page.
  await page.reload();
  await expect(page.locator('#question-profile_handles_goods input[value="no"]')).toBeChecked();
  await expect(page.locator('#q-profile_employees')).toHaveValue('40');

  // Submit, after a confirmation.
  await page.getByTestId('saq-submit').click();
  await page.getByTestId('saq-confirm-submit').click();
  await expect(page).toHaveURL(new RegExp(`/operator/aeo-status/${applicationId}$`));
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('case-status')).toContainText('Submitted');
  await expect(page.locator('.clock[data-clock="acceptance"]')).toContainText('30 days left');
  await expect(page.getByTestId('action-log')).toContainText('Application submitted');
  await expect(page.getByTestId('case-documents').getByTestId('document-facts').first()).toBeVisible();

  // The status page lists it as submitted, with the date and the acceptance deadline.
  await page.goto('/operator/aeo-status');
  const row = page
    .getByTestId('application-row')
    .filter({ has: page.locator(`a[href="/operator/aeo-status/${applicationId}"]`) });
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await expect(row).toContainText('Submitted');
  // The browser runs in Europe/Amsterdam (playwright.config.ts); near midnight UTC its date is a day ahead.
  await expect(row).toContainText(
    new Date().toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
  );
  await expect(row.getByTestId('next-deadline')).toContainText('Acceptance');
  await expect(row.getByTestId('next-deadline')).toContainText('30 days left');
  await expect(page.getByTestId('start-application')).toHaveCount(0);

  // Customs accepts and asks for information (the validator's side, through the API).
  const validator = await apiSession(baseURL!, VALIDATOR);
  const act = (data: Record<string, unknown>) =>
    validator.post(`/api/aeo/applications/${applicationId}/validation-actions`, data);
  expect((await act({ type: 'accept' })).status()).toBe(200);
  expect(
    (
      await act({ type: 'request_information', question: 'Please send the key register of the Venlo site.' })
    ).status(),
  ).toBe(200);
  await validator.dispose();

  // The operator sees the question, the stopped clock, and answers it.
  await page.reload();
  await expect(row).toContainText('Waiting for your answer');
  await expect(row.getByTestId('next-deadline')).toContainText('Clock stopped');
  await expectAccessible(page, 'the AEO status page');
  await screenshot(page, 'aeo-operator-status-en');
  await row.getByRole('link', { name: /Open/ }).click();
  await expect(page.getByTestId('rfi-question')).toHaveText(
    'Please send the key register of the Venlo site.',
  );
  await expect(page.locator('.clock[data-clock="decision"]')).toHaveAttribute('data-state', 'stopped');
  await page.getByTestId('rfi-submit').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write your answer' })).toBeVisible();
  await page
    .getByTestId('rfi-answer')
    .fill('The key register is attached under Documents (key-register.pdf).');
  await page.getByTestId('case-document-upload').setInputFiles({
    name: 'key-register.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await expect(page.getByTestId('case-documents')).toContainText('key-register.pdf');
  await page.getByTestId('rfi-submit').click();
  await expect(page.getByTestId('rfi-question')).toHaveCount(0);
  await expect(page.locator('.clock[data-clock="decision"]')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('action-log')).toContainText('Information provided');
  await expect(page.getByTestId('action-log')).toContainText('The key register is attached under Documents');
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'under_review');
  await expectAccessible(page, 'the AEO case view');
  await screenshot(page, 'aeo-operator-case-en');

  await useLanguage(page, 'fr');
  await expect(page.getByTestId('case-status')).toContainText("En cours d'examen");
  await expect(page.getByTestId('action-log')).toContainText('Informations fournies');
  await screenshot(page, 'aeo-operator-case-fr');
  await page.goto('/operator/aeo-status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Mon statut d'OEA");
  await screenshot(page, 'aeo-operator-status-fr');
  await useLanguage(page, 'en');
});

test('holder: the certificate with its PDF, signed credential and verification link', async ({ page }) => {
  await signIn(page, HOLDER);
  await useLanguage(page, 'en');
  await page.goto('/operator/aeo-status');
  const certificate = page.locator('[data-testid="certificate"][data-aeo-id="NLAEOF000001"]');
  await expect(certificate).toBeVisible();
  await expect(certificate).toContainText('Active');
  await expect(certificate).toContainText('F — ');

  // The PDF link serves a real PDF, and clicking it downloads the certificate.
  const pdfLink = certificate.getByTestId('certificate-pdf');
  const href = await pdfLink.getAttribute('href');
  expect(href).toBe('/api/public/aeo/NLAEOF000001/certificate.pdf');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  expect(download.suggestedFilename()).toBe('AEO-NLAEOF000001.pdf');

  // The signed credential, and the public page that checks it.
  const credential = await certificate.getByTestId('certificate-credential').inputValue();
  expect(credential).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  await expect(certificate.getByTestId('certificate-verify')).toHaveAttribute(
    'href',
    `/verify/NLAEOF000001?c=${encodeURIComponent(credential)}`,
  );
  // Genuine (the verifier names the AEO and the issuer only for a proven signature) and active; the demo
  // grant takes effect a few days after the seed ran, so `valid` itself depends on the date.
  const verdict = await page.request.post('/api/public/aeo/verify', { data: { credential } });
  expect(await verdict.json()).toMatchObject({
    aeoId: 'NLAEOF000001',
    status: 'active',
    issuer: { name: 'Netherlands Customs (demo)' },
  });
  await expectAccessible(page, 'the status page of a certificate holder');
  await screenshot(page, 'aeo-operator-certificate-en');

  // The granted case: no application to withdraw, a form to report significant changes.
  await page.getByTestId('application-row').first().getByRole('link', { name: /Open/ }).click();
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'granted');
  await expect(page.getByTestId('withdraw-open')).toHaveCount(0);
  await expect(page.getByTestId('report-kind')).toBeVisible();
  await expect(page.getByTestId('action-log')).toContainText('AEO status granted');
  await expectAccessible(page, 'the case of a certificate holder');
});
