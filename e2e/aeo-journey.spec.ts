import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  answerRequiredQuestions,
  readQrLink,
  securityPlanPdf,
  TRADER,
  VALIDATOR,
  withdrawLiveApplications,
} from './aeo-support.js';
import { screenshot, signIn, useLanguage } from './support.js';

/**
 * The AEO programme's acceptance journey, as two people in two browsers and a member of the public in a
 * third: Acme's trader applies and submits the SAQ with a PDF; the NL validator accepts, asks for
 * information, gets the answer, plans and records the visit and grants; the trader downloads the PDF
 * certificate; its QR code opens the public page, which says active; the validator suspends, and the
 * public page and the verification API say suspended within a second. Screenshots of every step
 * (`e2e/artifacts/screenshots/aeo-journey-*`).
 */

async function personIn(browser: Browser, email?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (email) {
    await signIn(page, email);
    await useLanguage(page, 'en');
  }
  return { context, page };
}

test('AEO journey: apply, validate, grant, verify the QR code, suspend', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  await withdrawLiveApplications(baseURL!);
  const pdf = await securityPlanPdf();
  const trader = await personIn(browser, TRADER);
  const validator = await personIn(browser, VALIDATOR);
  const publicVisitor = await personIn(browser);

  // 1. The trader starts an application, answers the SAQ (autosaved) with a PDF, and submits.
  const t = trader.page;
  await t.goto('/operator/aeo-status');
  await t.getByTestId('start-application').first().click();
  await t.getByTestId('category-F').check();
  await t.getByTestId('start-application-submit').click();
  await expect(t).toHaveURL(/\/operator\/aeo-status\/[0-9a-f-]{36}\/questionnaire$/);
  const applicationId = /aeo-status\/([0-9a-f-]{36})\//.exec(t.url())![1]!;
  await answerRequiredQuestions(t, pdf);
  await expect(t.locator('[data-testid="document-facts"]').first()).toContainText('PDF');
  await screenshot(t, 'aeo-journey-01-trader-saq');
  await t.getByTestId('saq-submit').click();
  await t.getByTestId('saq-confirm-submit').click();
  await expect(t.getByTestId('case-status')).toHaveAttribute('data-status', 'submitted');
  await screenshot(t, 'aeo-journey-02-trader-submitted');

  // 2. The validator finds it in the work queue, accepts it and asks for information.
  const v = validator.page;
  await v.goto('/aeo/validation');
  await v.locator(`[data-testid="aeo-queue-open"][href="/aeo/validation/${applicationId}"]`).click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'submitted');
  await screenshot(v, 'aeo-journey-03-validator-case-submitted');
  await v.getByTestId('aeo-action-accept').click();
  await v.getByTestId('aeo-action-submit').click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'under_review');
  await v.getByTestId('aeo-action-request_information').click();
  await v.getByLabel('Question to the operator').fill('Please send the seal register for the last quarter.');
  await v.getByTestId('aeo-action-submit').click();
  await expect(v.getByTestId('aeo-log-entry').last()).toContainText('seal register');
  await screenshot(v, 'aeo-journey-04-validator-information-requested');

  // 3. The trader sees the question and answers it; the stopped clock runs again.
  await t.reload();
  await expect(t.getByTestId('rfi-question')).toHaveText(
    'Please send the seal register for the last quarter.',
  );
  await t.getByTestId('rfi-answer').fill('The seal register is attached (seal-register.pdf).');
  await t.getByTestId('case-document-upload').setInputFiles({
    name: 'seal-register.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await expect(t.getByTestId('case-documents')).toContainText('seal-register.pdf');
  await t.getByTestId('rfi-submit').click();
  await expect(t.getByTestId('rfi-question')).toHaveCount(0);
  await screenshot(t, 'aeo-journey-05-trader-answered');

  // 4. The validator plans the visit (a risk-based plan first), records it, and grants.
  await v.reload();
  await expect(v.getByTestId('aeo-log-entry').last()).toContainText('seal register is attached');
  // The plan starts from the programme's on-site defaults; each criterion examined on site needs a why.
  await v.getByTestId('aeo-plan-onsite-premises_perimeter').check();
  const onSite = v.locator('[data-testid^="aeo-plan-onsite-"]:checked');
  for (const box of await onSite.all()) {
    const code = (await box.getAttribute('data-testid'))!.replace('aeo-plan-onsite-', '');
    await v
      .getByTestId(`aeo-plan-reason-${code}`)
      .fill(`Seen on site: the SAQ answers for ${code} need checking.`);
  }
  await v.getByTestId('aeo-plan-save').click();
  await expect(v.locator('[data-testid="aeo-log-entry"][data-type="plan_validation"]')).toHaveCount(1);
  await v.getByTestId('aeo-action-plan_visit').click();
  await v.getByLabel('Date of the visit').fill('2026-12-03');
  await v.getByTestId('aeo-action-submit').click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'visit_planned');
  await v.getByTestId('aeo-action-record_visit').click();
  await v.getByLabel('Report summary').fill('Premises, seals and records examined on site; criteria met.');
  await v.getByLabel('Recommendation').selectOption('grant');
  await v.getByTestId('aeo-action-submit').click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'visit_recorded');
  await screenshot(v, 'aeo-journey-06-validator-visit-recorded');
  await v.getByTestId('aeo-action-grant').click();
  await v.getByTestId('aeo-action-submit').click();
  await v.getByTestId('aeo-action-confirm').click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'granted');
  const aeoId = (await v.getByTestId('aeo-certificate-id').innerText()).trim();
  expect(aeoId).toMatch(/^NLAEOF\d{6}$/);
  await screenshot(v, 'aeo-journey-07-validator-granted');

  // 5. The trader downloads the PDF certificate from the status page.
  await t.goto('/operator/aeo-status');
  const certificate = t.locator(`[data-testid="certificate"][data-aeo-id="${aeoId}"]`);
  await expect(certificate).toContainText('Active');
  await screenshot(t, 'aeo-journey-08-trader-certificate');
  const [download] = await Promise.all([
    t.waitForEvent('download'),
    certificate.getByTestId('certificate-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`AEO-${aeoId}.pdf`);
  const { readFile } = await import('node:fs/promises');
  const pdfBytes = await readFile((await download.path())!);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // 6. Scanning the QR code opens the public page, which verifies the credential: genuine and active.
  const link = await readQrLink(pdfBytes);
  const url = new URL(link);
  expect(url.pathname).toBe(`/verify/${aeoId}`);
  const credential = url.searchParams.get('c')!;
  expect(credential).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const p = publicVisitor.page;
  await p.goto(`${url.pathname}${url.search}`); // the printed host is the server's PUBLIC_URL
  const result = p.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'active');
  await expect(p.getByTestId('verify-holder')).toContainText('Acme');
  await screenshot(p, 'aeo-journey-09-public-active');

  // 7. The validator suspends; the public page and the API say so within a second.
  await v.getByTestId('aeo-action-suspend').click();
  await v.getByLabel('Grounds').fill('Seal register incomplete at the follow-up check.');
  await v.getByTestId('aeo-action-submit').click();
  await v.getByTestId('aeo-action-confirm').click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'suspended');
  const suspendedAt = Date.now();
  await p.getByTestId('verify-check-again').click();
  await expect(result).toHaveAttribute('data-status', 'suspended', { timeout: 1_000 });
  const verdict = await p.request.post('/api/public/aeo/verify', { data: { credential } });
  expect(await verdict.json()).toMatchObject({ valid: false, status: 'suspended', aeoId });
  const elapsed = Date.now() - suspendedAt;
  test.info().annotations.push({ type: 'suspension seen by the public after', description: `${elapsed} ms` });
  await screenshot(p, 'aeo-journey-10-public-suspended');
  await screenshot(v, 'aeo-journey-11-validator-suspended');

  // Close the case (revocation), so a later run, or the operator journey, can start Acme afresh.
  await v.getByTestId('aeo-action-revoke').click();
  await v.getByLabel('Grounds').fill('Corrective measures were not taken (journey clean-up).');
  await v.getByTestId('aeo-action-submit').click();
  await v.getByTestId('aeo-action-confirm').click();
  await expect(v.getByTestId('aeo-case-status')).toHaveAttribute('data-status', 'revoked');
  await p.getByTestId('verify-check-again').click();
  await expect(result).toHaveAttribute('data-status', 'revoked');

  for (const person of [trader, validator, publicVisitor]) await person.context.close();
});
