import { expect, test } from '@playwright/test';
import { expectAccessible, navigationAreas, screenshot, signIn } from './support.js';

test('the Acme trader switches to Tulip Freight and back; roles and navigation follow', async ({ page }) => {
  await signIn(page, 'trader@acme-logistics.example');
  const switcher = page.getByTestId('active-organisation');
  await expect(switcher).toContainText('Acme Logistics');
  await expect(switcher).toContainText('Operator administrator');
  expect(await navigationAreas(page)).toContain('audit');

  await switcher.click();
  await expect(switcher).toHaveAttribute('aria-expanded', 'true');
  const options = page.locator('#org-switcher-panel');
  await expect(options.getByRole('button', { name: /Acme Logistics/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expectAccessible(page, 'the open organisation switcher');
  await options.getByRole('button', { name: /Tulip Freight Holland/ }).click();

  await expect(switcher).toContainText('Tulip Freight Holland');
  await expect(switcher).toContainText('Operator user');
  await expect(
    page.getByRole('status').filter({ hasText: 'You are now acting for Tulip Freight Holland.' }),
  ).toBeVisible();
  await expect(page.getByTestId('home-organisation')).toHaveText('Tulip Freight Holland');
  // An operator user may not read the audit log or list members: the navigation drops the audit log.
  expect(await navigationAreas(page)).toEqual([
    'home',
    'aeoStatus',
    'filings',
    'continuity',
    'organisation',
    'profile',
  ]);

  await page.getByTestId('main-nav').getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByTestId('organisation-details')).toContainText('Tulip Freight Holland B.V.');
  await expect(page.getByTestId('organisation-details')).toContainText('NL823456781');
  await expect(page.getByTestId('members-table')).toHaveCount(0);

  // The switch lives in the session: a reload keeps Tulip.
  await page.reload();
  await expect(switcher).toContainText('Tulip Freight Holland');

  // Keyboard: open with Enter, Escape closes and returns focus to the button.
  await switcher.focus();
  await page.keyboard.press('Enter');
  await expect(options).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(options).toBeHidden();
  await expect(switcher).toBeFocused();

  await switcher.click();
  await options.getByRole('button', { name: /Acme Logistics/ }).click();
  await expect(switcher).toContainText('Acme Logistics');
  expect(await navigationAreas(page)).toContain('audit');
});

test('an operator administrator sees the organisation and adds a member', async ({ page }) => {
  await signIn(page, 'trader@globex.example');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Organisation' }).click();
  const details = page.getByTestId('organisation-details');
  await expect(details).toContainText('Globex Kenya Limited');
  await expect(details).toContainText('Kenya');
  await expect(details).toContainText('P051234567K');
  await expect(page.getByTestId('members-table')).toContainText('trader@globex.example');

  await page.getByRole('button', { name: 'Add a member' }).click();
  // Only operator roles can be granted in a trading company.
  const role = page.getByLabel('Role');
  await expect(role.locator('option')).toHaveText(['Operator administrator', 'Operator user']);

  // Mistakes are reported together, each linked to its field.
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a valid email address');
  await expect(page.getByRole('alert')).toContainText("Enter the person's full name");

  await page.getByLabel('Email address').fill('clerk@globex.example');
  await page.getByLabel('Full name').fill('Baraka Otieno');
  await role.selectOption('operator_user');
  await page.getByLabel('Initial password').fill('a-long-enough-password');
  await expectAccessible(page, 'the add-member form');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'clerk@globex.example was added' })).toBeVisible();
  const row = page.getByTestId('members-table').getByRole('row', { name: /Baraka Otieno/ });
  await expect(row).toContainText('Operator user');
  await screenshot(page, 'organisation-en');

  // Adding the same role twice is refused by the server and explained.
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByLabel('Email address').fill('clerk@globex.example');
  await page.getByLabel('Full name').fill('Baraka Otieno');
  await page.getByLabel('Role').selectOption('operator_user');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'clerk@globex.example already has the role Operator user in this organisation.',
  );
});
