import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * The administrator's side of the AEO programme against the demo data (NL programme): the NL admin
 * edits a statutory clock (a refused value is named at its field first), reads the criteria under the
 * 13 SAFE headings, and works with SAQ versions (a broken definition's problems by path, a draft made
 * and deleted again, so the demo programme keeps the SAQ it gives). The NL validator sees it read-only.
 */

/** An input by the server path it edits (ids contain dots, so no `#id` selector). */
const field = (page: Page, path: string) => page.locator(`[id="programme-${path}"]`);

/** Confirmations stay until dismissed (see Notices); close them as a reader would before going on. */
async function dismissNotices(page: Page) {
  const close = page.locator('.notice__close');
  while ((await close.count()) > 0) await close.first().click();
}

function smallDefinition(version: string) {
  const t = (en: string, fr: string) => ({ en, fr });
  return {
    id: 'e2e-saq',
    version,
    title: t('Self-assessment (browser journey)', 'Auto-évaluation (parcours navigateur)'),
    sections: [
      {
        id: 'compliance',
        title: t('Compliance record', 'Antécédents de conformité'),
        questions: [
          { id: 'breaches', type: 'yes_no', label: t('Any breaches?', 'Des infractions ?') },
          {
            id: 'seal_policy',
            type: 'evidence',
            audience: 'non_sme',
            acceptedTypes: ['application/pdf'],
            label: t('Seal policy', 'Politique de scellés'),
          },
        ],
      },
    ],
  };
}

test('AEO programme: an admin edits a clock, reads the criteria by heading and works with SAQ versions', async ({
  page,
}) => {
  await signIn(page, 'admin@nl.customs.example');
  await useLanguage(page, 'en');
  await page.goto('/aeo/programme');
  // The page is titled with the programme's own name once it has loaded.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Netherlands Authorised Economic Operator programme',
  );
  await expect(page.getByTestId('programme-readonly')).toHaveCount(0);
  await expect(page.getByTestId('clock-decisionDays')).toHaveText('120 days');

  // A decision deadline beyond the allowed range is refused, and the message sits at that field.
  await page.getByTestId('programme-clocks-edit').click();
  await field(page, 'clocks.decisionDays').fill('1000');
  await page.getByTestId('programme-clocks-form-save').click();
  await expect(field(page, 'clocks.decisionDays')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('programme-clocks-form').getByRole('alert')).toContainText(
    'Clocks › Decision',
  );
  await expectAccessible(page, 'the clocks editor with an error');
  await screenshot(page, 'aeo-programme-clock-error-en');

  await field(page, 'clocks.decisionDays').fill('90');
  await page.getByTestId('programme-clocks-form-save').click();
  await expect(page.getByTestId('programme-clocks-form')).toHaveCount(0);
  await expect(page.getByTestId('clock-decisionDays')).toHaveText('90 days');
  await expect(page.getByTestId('programme-clocks')).toContainText('EU default 120 days');
  await expectAccessible(page, 'the programme settings');
  await screenshot(page, 'aeo-programme-settings-en');
  // Back to the EU defaults, so the demo programme is as it was.
  await page.getByTestId('programme-clocks-edit').click();
  await page.getByRole('button', { name: 'Use the EU defaults' }).click();
  await page.getByTestId('programme-clocks-form-save').click();
  await expect(page.getByTestId('clock-decisionDays')).toHaveText('120 days');
  await dismissNotices(page);

  // The criteria, grouped under the 13 SAFE AEO requirement headings.
  await page.getByTestId('programme-tabs').getByRole('link', { name: 'Criteria' }).click();
  await expect(page.locator('[data-testid^="criteria-heading-"]')).toHaveCount(13);
  const cargo = page.getByTestId('criteria-heading-7');
  await expect(cargo.getByRole('heading')).toContainText('Cargo security');
  await expect(cargo.getByTestId('criterion-cargo_integrity')).toContainText('Cargo integrity and seals');
  await expect(
    page.getByTestId('criteria-heading-3').getByTestId('criterion-financial_solvency'),
  ).toBeVisible();
  await expectAccessible(page, 'the criteria catalogue');
  await screenshot(page, 'aeo-programme-criteria-en');

  // A criterion added without a code or title is refused; each message is beside its input.
  await page.getByTestId('programme-criteria-edit').click();
  await page.getByTestId('criteria-add-13').click();
  await page.getByTestId('programme-criteria-form-save').click();
  const added = page.getByTestId('criteria-edit-heading-13').locator('fieldset.programme-item').last();
  await expect(added.locator('input[aria-invalid="true"]').first()).toBeVisible();
  await expect(page.getByTestId('programme-criteria-form').getByRole('alert')).toContainText('Criteria › #');
  await screenshot(page, 'aeo-programme-criteria-error-en', { fullPage: false });
  await page.getByTestId('programme-criteria-form').getByRole('button', { name: 'Cancel' }).click();

  // SAQ versions: the shipped default is in use; both variants can be read.
  await page.getByTestId('programme-tabs').getByRole('link', { name: 'SAQ versions' }).click();
  const shipped = page.getByTestId('saq-version-aeo-saq-default-1.0.0');
  await expect(shipped).toContainText('In use');
  await expect(shipped).toContainText('Shipped default');
  await expectAccessible(page, 'the SAQ versions');
  await screenshot(page, 'aeo-programme-saq-versions-en');
  await shipped.getByRole('link', { name: /Open/ }).click();
  await expect(page.getByTestId('saq-details')).toContainText('Published');
  const questions = page.getByTestId('saq-sections').locator('[data-testid^="saq-question-"]');
  const full = await questions.count();
  await page.getByTestId('saq-variant-sme').check();
  await expect.poll(() => questions.count()).toBeLessThan(full);
  await expect(page.getByTestId('saq-publish')).toHaveCount(0); // the shipped version is the platform's
  await expectAccessible(page, 'a SAQ version');
  await screenshot(page, 'aeo-programme-saq-version-en', { fullPage: false });

  // A new version: a broken definition is refused with its problems by path; a valid one is a draft.
  await page.getByRole('link', { name: 'SAQ versions' }).first().click();
  await page.getByRole('button', { name: 'New version' }).click();
  const broken = { ...smallDefinition('1.0.0'), id: 'Not An Id' };
  await page.getByTestId('saq-definition-file').setInputFiles({
    name: 'broken-saq.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken, null, 2)),
  });
  await expect(page.getByTestId('saq-definition-text')).toHaveValue(/Not An Id/);
  await page.getByTestId('saq-definition-submit').click();
  await expect(page.getByTestId('saq-problems')).toContainText('id');
  await expectAccessible(page, 'the SAQ upload with problems');
  await screenshot(page, 'aeo-programme-saq-problems-en');
  const version = `1.${Date.now() % 100_000}.0`;
  await page.getByTestId('saq-definition-text').fill(JSON.stringify(smallDefinition(version), null, 2));
  await page.getByTestId('saq-definition-submit').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Self-assessment (browser journey)');
  await expect(page.getByTestId('saq-details')).toContainText('Draft');
  await expect(page.getByTestId('saq-identifier')).toHaveText(`e2e-saq@${version}`);
  await expect(page.getByTestId('saq-publish')).toBeVisible();
  await expect(page.getByTestId('saq-question-seal_policy')).toBeVisible();
  await page.getByTestId('saq-variant-sme').check();
  await expect(page.getByTestId('saq-question-seal_policy')).toHaveCount(0);
  await screenshot(page, 'aeo-programme-saq-draft-en');
  await dismissNotices(page);
  await page.getByTestId('saq-delete').click();
  await page.getByTestId('saq-confirm').click();
  await expect(page.getByTestId('saq-versions-table')).toBeVisible();
  await expect(page.getByTestId(`saq-version-e2e-saq-${version}`)).toHaveCount(0);

  // The same pages in French.
  await useLanguage(page, 'fr');
  await page.goto('/aeo/programme');
  await expect(page.getByTestId('clock-decisionDays')).toHaveText('120 jours');
  await screenshot(page, 'aeo-programme-settings-fr');
  await page.getByTestId('programme-tabs').getByRole('link', { name: 'Critères' }).click();
  await expect(page.getByTestId('criteria-heading-7').getByRole('heading')).toContainText(
    'Sûreté des marchandises',
  );
  await screenshot(page, 'aeo-programme-criteria-fr');
  await page.getByTestId('programme-tabs').getByRole('link', { name: 'Versions du questionnaire' }).click();
  await expect(page.getByTestId('saq-version-aeo-saq-default-1.0.0')).toContainText('En usage');
  await screenshot(page, 'aeo-programme-saq-versions-fr');
  await useLanguage(page, 'en');
});

test('AEO programme: a validator reads it without any way to change it', async ({ page }) => {
  await signIn(page, 'validator@nl.customs.example');
  await useLanguage(page, 'en');
  await page.goto('/aeo/programme');
  await expect(page.getByTestId('programme-readonly')).toContainText('Only an administrator');
  await expect(page.getByTestId('clock-acceptanceDays')).toHaveText('30 days');
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expectAccessible(page, 'the programme, read-only');
  await screenshot(page, 'aeo-programme-readonly-en');

  await page.getByTestId('programme-tabs').getByRole('link', { name: 'Criteria' }).click();
  await expect(page.locator('[data-testid^="criteria-heading-"]')).toHaveCount(13);
  await expect(page.getByTestId('programme-criteria-edit')).toHaveCount(0);

  await page.getByTestId('programme-tabs').getByRole('link', { name: 'SAQ versions' }).click();
  await expect(page.getByTestId('saq-versions-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New version' })).toHaveCount(0);
  await page.getByTestId('saq-version-aeo-saq-default-1.0.0').getByRole('link', { name: /Open/ }).click();
  await expect(page.getByTestId('saq-sections')).toBeVisible();
  await expect(page.getByTestId('saq-publish')).toHaveCount(0);
  await expect(page.getByTestId('saq-download')).toBeVisible();

  await useLanguage(page, 'fr');
  await page.goto('/aeo/programme');
  await expect(page.getByTestId('programme-readonly')).toContainText('Seul un administrateur');
  await screenshot(page, 'aeo-programme-readonly-fr');
  await useLanguage(page, 'en');
});
