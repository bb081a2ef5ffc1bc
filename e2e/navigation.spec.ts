import { expect, test } from '@playwright/test';
import { expectAccessible, navigationAreas, signIn, signOut } from './support.js';

/**
 * Each demo account sees exactly the navigation its role grants in its organisation. The expected lists
 * are written out here from the product brief, not derived from the app's own navigation code.
 */
const ADMINISTRATION_ADMIN = [
  'home',
  'aeoProgramme',
  'validationQueue',
  'risk',
  'recovery',
  'safeMonitoring',
  'compilation',
  'organisation',
  'audit',
  'webhooks',
  'profile',
];
// Every member of an administration reads its SAFE monitoring response and scores.
const VALIDATOR = ['home', 'aeoProgramme', 'validationQueue', 'safeMonitoring', 'organisation', 'profile'];
const OPERATOR_ADMIN = [
  'home',
  'aeoStatus',
  'filings',
  'continuity',
  'organisation',
  'audit',
  'webhooks',
  'profile',
];

const ACCOUNTS: { email: string; organisation: string; language: 'en' | 'fr'; areas: string[] }[] = [
  {
    email: 'admin@nl.customs.example',
    organisation: 'Netherlands Customs (demo)',
    language: 'en',
    areas: ADMINISTRATION_ADMIN,
  },
  {
    email: 'validator@nl.customs.example',
    organisation: 'Netherlands Customs (demo)',
    language: 'en',
    areas: VALIDATOR,
  },
  {
    email: 'analyst@nl.customs.example',
    organisation: 'Netherlands Customs (demo)',
    language: 'en',
    areas: ['home', 'risk', 'safeMonitoring', 'organisation', 'profile'],
  },
  {
    email: 'crisis@nl.customs.example',
    organisation: 'Netherlands Customs (demo)',
    language: 'en',
    areas: ['home', 'recovery', 'safeMonitoring', 'organisation', 'profile'],
  },
  {
    email: 'admin@ke.customs.example',
    organisation: 'Kenya Customs Services (demo)',
    language: 'en',
    areas: ADMINISTRATION_ADMIN,
  },
  {
    email: 'validator@ke.customs.example',
    organisation: 'Kenya Customs Services (demo)',
    language: 'en',
    areas: VALIDATOR,
  },
  // The secretariat's demo user prefers French: the profile language applies at sign-in.
  {
    email: 'secretariat@wco.example',
    organisation: 'WCO Secretariat (demo)',
    language: 'fr',
    areas: ['home', 'safeMonitoring', 'compilation', 'organisation', 'audit', 'profile'],
  },
  {
    email: 'trader@acme-logistics.example',
    organisation: 'Acme Logistics',
    language: 'en',
    areas: OPERATOR_ADMIN,
  },
  { email: 'trader@globex.example', organisation: 'Globex Kenya', language: 'en', areas: OPERATOR_ADMIN },
];

for (const account of ACCOUNTS) {
  test(`${account.email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, account.email);
    expect(await navigationAreas(page)).toEqual(account.areas);
    await expect(page.getByTestId('active-organisation')).toContainText(account.organisation);
    await expect(page.getByTestId('home-organisation')).toHaveText(account.organisation);
    await expect(page.locator('html')).toHaveAttribute('lang', account.language);
    await signOut(page);
  });
}

test('an area outside the role is refused by URL too, and unknown pages say so', async ({ page }) => {
  await signIn(page, 'validator@nl.customs.example');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot open this page');
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the navigation works from the keyboard: skip link, then links in order', async ({ page }) => {
  await signIn(page, 'admin@nl.customs.example');
  await page.goto('/');
  await expect(page.locator('main#main')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Within the navigation, Tab moves link by link; Enter opens the audit log.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Organisation', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audit$/);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
  // The new page's heading receives focus, so a screen reader starts at the new content.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('an upcoming capability shows a clear empty state and passes axe', async ({ page }) => {
  await signIn(page, 'trader@globex.example');
  await page.getByTestId('main-nav').locator('a[data-area="continuity"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Continuity plan');
  await expect(page.getByTestId('upcoming')).toContainText('Coming in a later release');
  await expectAccessible(page, 'an upcoming area');
});

test('wrong credentials show the API error and keep the person on the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.locator('#signin-email').fill('admin@nl.customs.example');
  await page.locator('#signin-password').fill('not-the-password');
  await page.locator('#signin-form button[type="submit"]').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The email address or password is not correct.');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator('#signin-password')).toHaveValue('');

  // Empty fields are caught before any request, with messages linked to the fields.
  await page.locator('#signin-email').fill('');
  await page.locator('#signin-form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('Enter your email address');
  await expect(page.locator('#signin-email')).toHaveAttribute('aria-invalid', 'true');
});

test('a deep link survives sign-in', async ({ page }) => {
  await page.goto('/organisation');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.locator('#signin-email').fill('trader@globex.example');
  await page.locator('#signin-password').fill('aeolus-demo');
  await page.locator('#signin-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/organisation$/);
  await expect(page.getByTestId('organisation-details')).toContainText('Globex Kenya Limited');
});

test('an ended session sends the person to sign in, then back where they were', async ({ page, context }) => {
  await signIn(page, 'trader@globex.example');
  await context.clearCookies(); // as if the session expired or was ended elsewhere
  await page.getByTestId('main-nav').getByRole('link', { name: 'Organisation' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await page.locator('#signin-email').fill('trader@globex.example');
  await page.locator('#signin-password').fill('aeolus-demo');
  await page.locator('#signin-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/organisation$/);
});

test('a refused identity-provider sign-in is explained; the button shows only when OIDC is configured', async ({
  page,
}) => {
  await page.goto('/sign-in?error=OIDC_ACCOUNT_UNKNOWN');
  await expect(page.getByRole('alert')).toContainText('No Aeolus account uses the email address');
  // This server has no OpenID Connect settings, so only password sign-in is offered.
  await expect(page.getByTestId('oidc-sign-in')).toHaveCount(0);
});
