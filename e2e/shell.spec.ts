import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, signOut, useLanguage } from './support.js';

test.describe('sign-in page and shells, in English and French', () => {
  test('sign-in page in English', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Aeolus');
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'sign-in-en');
  });

  test('administration admin shell in English', async ({ page }) => {
    await signIn(page, 'admin@nl.customs.example');
    await useLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Noor de Vries');
    await expect(page.getByRole('banner')).toContainText('Netherlands Customs (demo)');
    await expect(page.getByRole('banner')).toContainText('Administrator');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Validation queue');
    await expectAccessible(page, 'the administration home page');
    await screenshot(page, 'admin-shell-en');
  });

  test('trader shell in English', async ({ page }) => {
    await signIn(page, 'trader@acme-logistics.example');
    await useLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Eva Jansen');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('My AEO status');
    await expect(page.getByTestId('home-roles')).toHaveText('Operator administrator');
    await expectAccessible(page, 'the trader home page');
    await screenshot(page, 'trader-shell-en');
  });

  test('French chosen on the sign-in page carries through sign-in and into the profile', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter à Aeolus');
    await expect(page.getByLabel('Adresse électronique')).toBeVisible();
    await expectAccessible(page, 'the sign-in page in French');
    await screenshot(page, 'sign-in-fr');

    await signIn(page, 'admin@nl.customs.example');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue, Noor de Vries');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav).toContainText('Journal d’audit');
    await expect(nav).toContainText('File de validation');
    await expect(page.getByRole('banner')).toContainText('Administrateur');
    await expectAccessible(page, 'the administration home page in French');
    await screenshot(page, 'admin-shell-fr');

    // The choice was saved to the profile: a fresh browser (no local storage) opens in French.
    await signOut(page);
    await page.context().clearCookies();
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await signIn(page, 'admin@nl.customs.example');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    // Switching back from the header saves English again.
    await useLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Noor de Vries');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('trader shell in French, switched from the header', async ({ page }) => {
    await signIn(page, 'trader@acme-logistics.example');
    await useLanguage(page, 'en');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue, Eva Jansen');
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText(
      'Mon statut OEA',
    );
    await expect(page.getByTestId('home-roles')).toHaveText('Administrateur opérateur');
    await expect(page).toHaveTitle(/Bienvenue, Eva Jansen · Aeolus/);
    await expectAccessible(page, 'the trader home page in French');
    await screenshot(page, 'trader-shell-fr');
    await useLanguage(page, 'en');
  });

  test('on a small screen the navigation opens from the menu button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'trader@globex.example');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(nav).toBeVisible();
    await screenshot(page, 'trader-shell-mobile-en', { fullPage: false });
    await nav.getByRole('link', { name: 'Organisation' }).click();
    await expect(nav).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Kenya');
    await expectAccessible(page, 'the organisation page on a small screen');
  });
});
