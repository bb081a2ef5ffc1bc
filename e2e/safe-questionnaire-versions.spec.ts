import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * The secretariat's SAFE monitoring questionnaire versions (issue 5 item 1), against the demo data: from
 * the shipped version it starts a copy, uploads a broken definition and sees the problem by its path,
 * gives the copy a new version number, publishes it, and finds it in the new-campaign version picker.
 */

const SHIPPED = 'saq-version-safe-monitoring-1.0.0';

test('the secretariat drafts, validates and publishes a SAFE questionnaire version', async ({ page }) => {
  await signIn(page, 'secretariat@wco.example');
  await useLanguage(page, 'en');
  await page.goto('/safe/monitoring');
  await page.getByTestId('safe-questionnaire-versions').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questionnaire versions');
  await expect(page.getByTestId(SHIPPED)).toContainText('Published');
  await expectAccessible(page, 'the SAFE questionnaire versions');
  await screenshot(page, 'safe-questionnaire-versions-01-list-en');

  // A copy of the shipped version: first a broken upload, refused with its problem by path.
  await page.getByTestId(SHIPPED).getByRole('link', { name: /Open/ }).click();
  await page.getByTestId('saq-copy').click();
  await expect(page.getByTestId('saq-definition-text')).toHaveValue(/"safe-monitoring"/);
  const shipped = JSON.parse(await page.getByTestId('saq-definition-text').inputValue()) as {
    version: string;
    sections: { id: string }[];
  };
  const broken = structuredClone(shipped);
  broken.sections[0]!.id = 'Not An Id';
  await page.getByTestId('saq-definition-file').setInputFiles({
    name: 'broken-safe.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken, null, 2)),
  });
  await expect(page.getByTestId('saq-definition-text')).toHaveValue(/Not An Id/);
  await page.getByTestId('saq-definition-submit').click();
  await expect(page.getByTestId('saq-problems')).toContainText('sections.0.id');
  await expectAccessible(page, 'the SAFE upload with problems');
  await screenshot(page, 'safe-questionnaire-versions-02-problems-en', { fullPage: false });

  // A valid copy with its own version number becomes a draft, then is published.
  const version = `1.${Date.now() % 100_000}.0`;
  await page.getByTestId('saq-definition-file').setInputFiles({
    name: 'safe-monitoring-copy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...shipped, version }, null, 2)),
  });
  await expect(page.getByTestId('saq-definition-text')).not.toHaveValue(/Not An Id/);
  await page.getByTestId('saq-definition-submit').click();
  await expect(page.getByTestId('saq-identifier')).toHaveText(`safe-monitoring@${version}`);
  await expect(page.getByTestId('saq-details')).toContainText('Draft');
  await page.getByTestId('saq-publish').click();
  await page.getByTestId('saq-confirm').click();
  await expect(page.getByTestId('saq-details')).toContainText('Published');
  await expect(page.getByTestId('saq-publish')).toHaveCount(0);
  await expectAccessible(page, 'a published SAFE questionnaire version');
  await screenshot(page, 'safe-questionnaire-versions-03-published-en', { fullPage: false });

  // New campaigns can pin it.
  await page.goto('/safe/monitoring/new');
  const picker = page.locator('#campaign-questionnaireVersion');
  await expect(picker.locator(`option[value="${version}"]`)).toHaveCount(1);

  await useLanguage(page, 'fr');
  await page.goto('/safe/monitoring/questionnaire-versions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versions du questionnaire');
  await expect(page.getByTestId(`saq-version-safe-monitoring-${version}`)).toContainText('Publiée');
  await expectAccessible(page, 'the SAFE questionnaire versions in French');
  await screenshot(page, 'safe-questionnaire-versions-04-list-fr');
  await useLanguage(page, 'en');
});
