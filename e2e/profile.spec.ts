import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.js';

test('API keys: scopes limited to the role, secret shown once, the key works until revoked', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A risk analyst may read the organisation and follow events, but not read the audit log or members.
  await signIn(page, 'analyst@nl.customs.example');
  await page.getByTestId('user-menu').click();
  await page.locator('#user-menu-panel').getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');

  await page.getByRole('button', { name: 'Create an API key' }).click();
  const scopes = page.locator('input[name="scopes"]');
  expect(await scopes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
    'organisation:read',
    'events:read',
  ]);

  // Nothing chosen: both problems are reported before anything is sent.
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a name for the key');
  await expect(page.getByRole('alert')).toContainText('Choose at least one scope');

  await page.getByLabel('Name', { exact: true }).fill('Risk dashboard sync');
  await page.getByRole('checkbox', { name: /organisation:read/ }).check();
  await expectAccessible(page, 'the create-API-key form');
  await page.getByRole('button', { name: 'Create key' }).click();

  const secretPanel = page.getByTestId('api-key-secret');
  await expect(secretPanel).toContainText('This is the only time the key is shown');
  const secret = await secretPanel.locator('input[data-secret]').inputValue();
  expect(secret).toMatch(/^aeo_[0-9a-f]{12}_/);
  await secretPanel.getByRole('button', { name: 'Copy' }).click();
  await expect(secretPanel.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectAccessible(page, 'the profile page with a new secret');

  // The key is real: it authenticates against the API with its scope.
  const withKey = { headers: { authorization: `Bearer ${secret}` } };
  const before = await page.request.get('/api/organisations/current', withKey);
  expect(before.status()).toBe(200);
  expect((await before.json()).name).toBe('Netherlands Customs (demo)');

  await secretPanel.getByRole('button', { name: 'I have stored the key' }).click();
  await expect(secretPanel).toHaveCount(0);
  const row = page.locator('tr[data-key-name="Risk dashboard sync"]');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('organisation:read');
  await expect(row).toContainText(secret.slice(0, 16));
  await expect(page.locator('body')).not.toContainText(secret);

  await row.getByRole('button', { name: 'Revoke the key Risk dashboard sync' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “Risk dashboard sync”?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the revoke confirmation');
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

  const after = await page.request.get('/api/organisations/current', withKey);
  expect(after.status()).toBe(401);
  await screenshot(page, 'profile-en');
});

test('profile: details, memberships and a refused password change', async ({ page }) => {
  await signIn(page, 'trader@acme-logistics.example');
  await page.goto('/profile');
  await expect(page.getByLabel('Display name')).toHaveValue('Eva Jansen');
  const memberships = page.getByTestId('memberships');
  await expect(memberships).toContainText('Acme Logistics');
  await expect(memberships).toContainText('Tulip Freight Holland');

  // The server checks the current password; its answer is shown on the field.
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase');
  await page.getByLabel('Confirm the new password').fill('a-brand-new-passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('This is not your current password');
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');

  // A mismatch is caught in the browser.
  await page.getByLabel('Confirm the new password').fill('something-else-entirely');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('The two new passwords do not match');

  await page.getByLabel('Display name').fill('Eva Jansen-de Boer');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your details were saved.' })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('Eva Jansen-de Boer');
  await page.reload();
  await expect(page.getByLabel('Display name')).toHaveValue('Eva Jansen-de Boer');
  await page.getByLabel('Display name').fill('Eva Jansen');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByTestId('user-menu')).toContainText('Eva Jansen');

  await expectAccessible(page, 'the profile page');
});

test('the profile language choice and the header switch stay in step', async ({ page }) => {
  await signIn(page, 'validator@ke.customs.example');
  await page.goto('/profile');
  await page.getByRole('radio', { name: 'Français' }).check();
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre profil');
  await expect(
    page.getByRole('status').filter({ hasText: 'Vos informations ont été enregistrées.' }),
  ).toBeVisible();
  await expectAccessible(page, 'the profile page in French');
  await screenshot(page, 'profile-fr');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
});
