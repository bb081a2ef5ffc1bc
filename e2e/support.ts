import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'aeolus-demo';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.join(here, 'artifacts', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/** Signs in through the form (ids, not labels, so it works in either language) and waits for the shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('#signin-form button[type="submit"]').click();
  // The main region, not the navigation: on a small screen the navigation is behind the menu button.
  await expect(page.locator('main#main')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** Puts the signed-in user back in `language` (the switch saves it to the profile). */
export async function useLanguage(page: Page, language: 'en' | 'fr'): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('lang')) !== language) {
    await page.getByTestId('language-switch').click();
  }
  await expect(html).toHaveAttribute('lang', language);
}

/** The areas the navigation offers, by their stable `data-area` ids. */
export async function navigationAreas(page: Page): Promise<string[]> {
  const links = page.getByTestId('main-nav').locator('a[data-area]');
  return links.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-area') ?? ''));
}

/** A screenshot under e2e/artifacts/screenshots/ (full page unless told), once the page has settled. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0); // sticky header and sidebar belong at the top of a full-page capture
  });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page and fails on any serious or critical violation (WCAG 2.x A/AA and best practice). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  const blocking = (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  expect(blocking, `axe-core violations on ${what}`).toEqual([]);
}
