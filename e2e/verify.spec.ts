import { expect, type Page, test } from '@playwright/test';
import { apiSession, caseOf } from './api-session.js';
import { expectAccessible, screenshot } from './support.js';

/**
 * Public certificate verification, without an account, against the demo data: Windmill Components
 * (NLAEOF000001) active, Harbour Warehousing (NLAEOF000002) suspended. Their signed credentials are
 * read as their own operators would (the case's certificate), exactly what the PDF's QR code carries.
 */

interface Held {
  aeoId: string;
  credential: string;
  validFrom: string;
}

async function credentialOf(baseURL: string, email: string): Promise<Held> {
  const session = await apiSession(baseURL, email);
  try {
    const detail = await caseOf(session);
    expect(detail.certificate).not.toBeNull();
    const { aeoId, credential, validFrom } = detail.certificate!;
    return { aeoId, credential, validFrom };
  } finally {
    await session.dispose();
  }
}

const result = (page: Page) => page.getByTestId('verify-result');

/** A genuine, active certificate is valid, unless its grant takes effect later (the EU 5-day rule). */
const expectedActiveVerdict = (held: Held) =>
  new Date(held.validFrom).getTime() > Date.now() ? 'notYetValid' : 'valid';

/** Re-encodes a credential's payload with one change, keeping the original signature. */
function tamper(credential: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = credential.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

let windmill: Held;
let harbour: Held;

test.beforeAll(async ({ baseURL }) => {
  windmill = await credentialOf(baseURL!, 'compliance@windmill-components.example');
  harbour = await credentialOf(baseURL!, 'compliance@harbour-warehousing.example');
  expect(windmill.aeoId).toBe('NLAEOF000001');
  expect(harbour.aeoId).toBe('NLAEOF000002');
});

test('the QR link of an active AEO: genuine, active, with holder, programme and issuer', async ({ page }) => {
  await page.goto(`/verify/${windmill.aeoId}?c=${windmill.credential}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify an AEO certificate');
  await expect(result(page)).toHaveAttribute('data-status', 'active');
  await expect(result(page)).toHaveAttribute('data-verdict', expectedActiveVerdict(windmill));
  await expect(page.getByTestId('verify-status')).toHaveText('Active');
  await expect(page.getByTestId('verify-aeo-id')).toHaveText('NLAEOF000001');
  await expect(page.getByTestId('verify-holder')).toHaveText('Windmill Components B.V. · Netherlands');
  await expect(page.getByTestId('verify-programme')).toContainText('Authorised Economic Operator');
  await expect(page.getByTestId('verify-category')).toContainText('(F)');
  await expect(page.getByTestId('verify-issuer')).not.toBeEmpty();
  await expect(page.getByTestId('verify-checked-at')).toContainText('Last checked at');
  // Nothing here needs an account: no sign-in redirect, no session calls.
  await expect(page).toHaveURL(/\/verify\/NLAEOF000001\?c=/);
  await expect(page.getByTestId('verify-jwks')).toHaveAttribute('href', '/.well-known/jwks.json');
  await expectAccessible(page, 'the verification page (active)');
  await screenshot(page, 'verify-active-en');
});

test('a suspended AEO is impossible to miss, in English and in French', async ({ page }) => {
  await page.goto(`/verify/${harbour.aeoId}?c=${harbour.credential}`);
  await expect(result(page)).toHaveAttribute('data-status', 'suspended');
  await expect(result(page)).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('verify-headline')).toHaveText('Suspended');
  await expect(page.getByTestId('verify-status')).toHaveText('Suspended');
  await expect(page.getByTestId('verify-reason')).toContainText('The AEO status is suspended.');
  await expect(page.getByTestId('verify-holder')).toContainText('Harbour Warehousing Rotterdam B.V.');
  const banner = page.locator('.verdict__status-value');
  // Solid red behind white capitals.
  await expect(banner).toHaveCSS('background-color', 'rgb(180, 35, 24)');
  await expect(banner).toHaveCSS('text-transform', 'uppercase');
  await expectAccessible(page, 'the verification page (suspended)');
  await screenshot(page, 'verify-suspended-en');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifier un certificat OEA');
  await expect(page.getByTestId('verify-status')).toHaveText('Suspendu');
  await expect(page.getByTestId('verify-reason')).toContainText('Le statut d’OEA est suspendu.');
  await expect(page.getByTestId('verify-holder')).toContainText('Pays-Bas');
  await expectAccessible(page, 'the verification page in French');
  await screenshot(page, 'verify-suspended-fr');
});

test('a tampered credential is invalid, says why, and echoes none of its claims', async ({ page }) => {
  const forged = tamper(windmill.credential, (claims) => {
    const subject = claims.credentialSubject as { holder: { legalName: string } };
    subject.holder.legalName = 'Shadow Imports Ltd';
  });
  await page.goto(`/verify/${windmill.aeoId}?c=${forged}`);
  await expect(result(page)).toHaveAttribute('data-verdict', 'invalid');
  await expect(result(page)).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('verify-headline')).toHaveText('Not a valid certificate');
  await expect(page.getByTestId('verify-reason')).toHaveAttribute(
    'data-reason',
    'signature does not match (forged or altered)',
  );
  await expect(page.getByTestId('verify-reason')).toContainText('forged or altered');
  await expect(page.getByTestId('verify-holder')).toHaveCount(0);
  await expect(page.getByText('Shadow Imports Ltd')).toHaveCount(0);
  await expectAccessible(page, 'the verification page (forged)');
  await screenshot(page, 'verify-forged-en');
});

test('pasting a verification link, a bare credential or an identifier', async ({ page, baseURL }) => {
  await page.goto('/verify');
  await expect(result(page)).toHaveCount(0);
  const field = page.getByTestId('verify-input');

  await field.fill('this is not a certificate');
  await page.getByTestId('verify-submit').click();
  await expect(page.getByRole('alert')).toContainText(
    'This is not a credential, a verification link or an AEO identifier',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // The QR code's link, as a phone's scanner would copy it.
  await field.fill(`${baseURL}/verify/${windmill.aeoId}?c=${windmill.credential}`);
  await page.getByTestId('verify-submit').click();
  await expect(page).toHaveURL(new RegExp(`/verify/${windmill.aeoId}\\?c=`));
  await expect(result(page)).toHaveAttribute('data-status', 'active');

  // A bare credential, wrapped over lines as an e-mail would.
  const wrapped = harbour.credential.replace(/(.{76})/g, '$1\n');
  await field.fill(wrapped);
  await page.getByTestId('verify-submit').click();
  await expect(page).toHaveURL(/\/verify\?c=/);
  await expect(result(page)).toHaveAttribute('data-status', 'suspended');
  await expect(page.getByTestId('verify-aeo-id')).toHaveText('NLAEOF000002');

  // An identifier alone: the public register entry.
  await field.fill('nlaeof000002');
  await page.getByTestId('verify-submit').click();
  await expect(page).toHaveURL(/\/verify\/NLAEOF000002$/);
  await expect(result(page)).toHaveAttribute('data-verdict', 'suspended');
  await expect(page.getByTestId('verify-holder')).toHaveText('Harbour Warehousing Rotterdam B.V.');
  await expectAccessible(page, 'the register entry');
  await screenshot(page, 'verify-register-en');

  await page.goto('/verify/NLAEOF999999');
  await expect(result(page)).toHaveAttribute('data-verdict', 'notFound');
  await expect(page.getByTestId('verify-headline')).toHaveText('No AEO certificate has this identifier');
});

test('a suspension shows on an open page at the next re-check, and so does the reinstatement', async ({
  page,
  baseURL,
}) => {
  const validator = await apiSession(baseURL!, 'validator@nl.customs.example');
  const windmillCase = await caseOf(validator, 'Windmill Components');
  const act = async (action: Record<string, unknown>) => {
    const res = await validator.post(`/api/aeo/applications/${windmillCase.id}/validation-actions`, action);
    expect(res.ok(), await res.text()).toBe(true);
  };
  try {
    await page.goto(`/verify/${windmill.aeoId}?c=${windmill.credential}`);
    await expect(page.getByTestId('verify-status')).toHaveText('Active');
    await act({
      type: 'suspend',
      grounds: 'Seal checks failed at a follow-up visit (verification journey).',
    });
    // No reload: the page re-checks by itself every 5 seconds.
    await expect(page.getByTestId('verify-status')).toHaveText('Suspended', { timeout: 8_000 });
    await expect(page.getByTestId('verify-headline')).toHaveText('Suspended');
    await act({ type: 'reinstate', reason: 'Corrective measures verified (verification journey).' });
    // "Check again" does not wait for the next round.
    await page.getByTestId('verify-check-again').click();
    await expect(page.getByTestId('verify-status')).toHaveText('Active', { timeout: 3_000 });
  } finally {
    const current = await caseOf(validator, 'Windmill Components');
    if (current.status === 'suspended')
      await act({ type: 'reinstate', reason: 'Restored after the journey.' });
    await validator.dispose();
  }
});
