import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { type ApiSession, apiSession } from './api-session.js';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * Issue 4's browser acceptance for the risk analyst: the NL analyst starts a draft from the published rule
 * set, edits a rule (its weight; a refused value is named at its field first), backtests the draft and sees
 * lanes change, publishes it; a consignment filed afterwards with a `filing` API key is decided by the new
 * version, and its explanation names the edited rule. Re-runnable against the same server: every run makes
 * a new draft and moves the rule's weight between two values, so the lanes change either way.
 */

const ANALYST = 'analyst@nl.customs.example';
const TRADER = 'trader@acme-logistics.example';
/** "Dual-use terms in the description": fires on "drone" in a goods description. */
const RULE = 'desc-dual-use-terms';
const LOW = 30;
const HIGH = 80;

interface VersionSummary {
  id: string;
  version: number;
  status: string;
}

/** A sea consignment whose description fires the rule; the same parties each time, so only the rule moves it. */
function droneConsignment(reference: string) {
  const now = Date.now();
  const iso = (hours: number) => new Date(now + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    dataset: 'full',
    reference,
    modeOfTransport: 'sea',
    transportDocument: { type: 'MBL', number: `MEDU${String(now).slice(-7)}` },
    consignor: {
      name: 'Shenzhen Bright Star Electronics Co Ltd',
      address: { line: '12 Harbour Road', city: 'Shenzhen', country: 'CN' },
      identifiers: [{ scheme: 'EORI', value: 'CN123456789' }],
    },
    consignee: {
      name: 'Holland Retail Distribution BV',
      address: { line: '8 Harbour Road', city: 'Rotterdam', country: 'NL' },
      identifiers: [{ scheme: 'EORI', value: 'NL987654321' }],
    },
    goodsItems: [
      {
        sequence: 1,
        hsCode: '880690',
        description: 'Camera drone kits for hobby use',
        packages: { count: 10, type: 'PK' },
        grossMassKg: 500,
        value: { amount: 12_000, currency: 'EUR' },
      },
    ],
    originCountry: 'CN',
    placeOfLoading: 'CNSHA',
    placeOfUnloading: 'NLRTM',
    routingCountries: ['CN', 'NL'],
    transportEquipment: [{ containerId: 'TCLU7654320', seals: [{ id: 'SL123456' }] }],
    filingTime: iso(0),
    expectedDeparture: iso(72),
    expectedArrival: iso(28 * 24),
    totalGrossMassKg: 500,
  };
}

/** A filer's system: an API key with the `filing` scope, made by the trader through the API. */
async function filingClient(baseURL: string, run: string): Promise<APIRequestContext> {
  const trader = await apiSession(baseURL, TRADER);
  const created = await trader.post('/api/api-keys', { name: `Browser journey ${run}`, scopes: ['filing'] });
  expect(created.status(), await created.text()).toBe(201);
  const { secret } = (await created.json()) as { secret: string };
  await trader.dispose();
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
}

async function publishedVersion(analyst: ApiSession) {
  const list = await analyst.get('/api/screening/rule-sets');
  expect(list.ok()).toBe(true);
  const published = ((await list.json()).items as VersionSummary[]).find((v) => v.status === 'published');
  expect(published, 'a published rule set').toBeDefined();
  const detail = await analyst.get(`/api/screening/rule-sets/${published!.id}`);
  return (await detail.json()) as VersionSummary & {
    definition: { rules: { id: string; weight: number }[] };
  };
}

/** Confirmations stay until dismissed (see Notices); close them before a screenshot. */
async function dismissNotices(page: Page) {
  const close = page.locator('.notice__close');
  while ((await close.count()) > 0) await close.first().click();
}

test('Risk rules: an analyst edits a draft rule, backtests it and publishes it; the next filing is decided by it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36).toUpperCase();
  const analyst = await apiSession(baseURL!, ANALYST);
  const filer = await filingClient(baseURL!, run);
  const before = await publishedVersion(analyst);
  const weight = before.definition.rules.find((r) => r.id === RULE)?.weight;
  expect(weight, `${RULE} in the published version`).toBeDefined();
  const newWeight = weight! >= HIGH ? LOW : HIGH;

  // Consignments of a known shape, screened by the published version: the backtest replays them.
  const batch = await filer.post('/api/screening/consignments', {
    data: { consignments: [1, 2, 3, 4].map((i) => droneConsignment(`E2E-RR-${run}-${i}`)) },
  });
  expect(batch.status(), await batch.text()).toBe(200);
  expect((await batch.json()).accepted).toBe(4);

  await signIn(page, ANALYST);
  await useLanguage(page, 'en');
  await page.getByTestId('main-nav').locator('a[data-area="risk"]').click();
  await expect(page).toHaveURL(/\/risk\/rule-sets$/);
  const publishedRow = page.getByTestId(`rule-set-version-${before.version}`);
  await expect(publishedRow).toContainText('Published');
  await expectAccessible(page, 'the rule-set versions');
  await screenshot(page, 'risk-rules-01-versions-en');

  // A new draft from the published version.
  await page.getByTestId('rule-set-new-draft').click();
  await expect(page).toHaveURL(/\/risk\/rule-sets\/[0-9a-f-]{36}$/);
  const draftId = page.url().split('/').pop()!;
  await expect(page.getByTestId('rule-set-facts')).toContainText('Draft');
  await dismissNotices(page);
  await expect(page.getByTestId('rule-set-diff')).toContainText('No difference');

  // The rule editor: the builder shows its keyword condition; a weight out of range is named at its field.
  await page.getByTestId(`rule-${RULE}`).getByRole('link', { name: /Edit/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dual-use terms');
  const clause = page.getByTestId('clause-0');
  await expect(clause.locator('[id="rule-clause-0-field"]')).toHaveValue('derived.descriptions');
  await expect(clause.locator('[id="rule-clause-0-value"]')).toHaveValue(/drone/);
  await page.locator('#rule-weight').fill('5000');
  await page.getByTestId('rule-save').click();
  await expect(page.locator('#rule-weight')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('rule-form').getByRole('alert')).toContainText('Score weight');
  await expectAccessible(page, 'the rule editor with an error');
  await screenshot(page, 'risk-rules-02-rule-error-en');

  // The JSON view shows the same condition; back to the builder, then save the new weight.
  await page.getByTestId('condition-mode-json').click();
  await expect(page.getByTestId('condition-json')).toHaveValue(/"keywords"/);
  await page.getByTestId('condition-mode-builder').click();
  await page.locator('#rule-weight').fill(String(newWeight));
  await page.getByTestId('rule-save').click();
  await expect(page).toHaveURL(new RegExp(`/risk/rule-sets/${draftId}$`));
  await expect(page.getByTestId(`rule-${RULE}-weight`)).toHaveText(String(newWeight));
  await expect(page.getByTestId(`diff-changed-${RULE}`)).toContainText(`${weight} → ${newWeight}`);
  await dismissNotices(page);

  // Backtest: the draft against the published version over the stored consignments.
  await page.getByTestId('backtest-run').click();
  const result = page.getByTestId('backtest-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  // The drone consignments score 35 without their parties' first filing: 30 + 5 → green; with 80 → red.
  await expect(page.getByTestId('backtest-lane-red').locator('td').last()).not.toHaveText('0');
  await expect(result).not.toContainText(/: 0 change lane/);
  await expect(page.getByTestId(`backtest-edited-${RULE}`)).toContainText(`${weight} → ${newWeight}`);
  await expectAccessible(page, 'a draft with its backtest');
  await screenshot(page, 'risk-rules-03-backtest-en');

  // Publish, with confirmation.
  await page.getByTestId('rule-set-publish').click();
  await expect(page.getByRole('dialog')).toContainText('Publish version');
  await screenshot(page, 'risk-rules-04-publish-confirm-en', { fullPage: false });
  await page.getByTestId('rule-set-confirm').click();
  await expect(page.getByTestId('rule-set-facts')).toContainText('Published');
  await expect(page.getByTestId('rule-set-publish')).toHaveCount(0);
  const published = await publishedVersion(analyst);
  expect(published.id).toBe(draftId);

  // A consignment filed now is decided by the new version, and its explanation names the edited rule.
  const filed = await filer.post('/api/screening/consignments', {
    data: droneConsignment(`E2E-RR-${run}-NEW`),
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { resultId } = (await filed.json()) as { resultId: string };
  const detail = await analyst.get(`/api/screening/results/${resultId}`);
  const decided = (await detail.json()) as {
    ruleSet: { id: string; version: number };
    firedRuleIds: string[];
    score: number;
  };
  expect(decided.ruleSet).toMatchObject({ id: draftId, version: published.version });
  expect(decided.firedRuleIds).toContain(RULE);
  // The rule's new weight, plus "no AEO in the transaction" (5): the parties have filed before.
  expect(decided.score).toBe(newWeight + 5);

  await page.goto(`/risk/results/${resultId}`);
  await expect(page.getByTestId('risk-version')).toContainText(String(published.version));
  const fired = page.locator(`[data-testid="risk-fired-rule"][data-rule-id="${RULE}"]`);
  await expect(fired).toContainText('Dual-use terms in the description');
  await expectAccessible(page, 'the result decided by the new version');
  await screenshot(page, 'risk-rules-05-result-en');

  await filer.dispose();
  await analyst.dispose();
});

test('Risk rules: decision tables, watch lists and the selectivity policy, in English and French', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await signIn(page, ANALYST);
  await useLanguage(page, 'en');

  // The published version reads only; its decision table opens in the editor without controls.
  await page.goto('/risk/rule-sets');
  await page
    .getByTestId('rule-set-versions')
    .getByRole('row')
    .filter({ hasText: 'Published' })
    .getByRole('link', { name: /Open/ })
    .click();
  await expect(page.getByTestId('rule-set-new-draft')).toHaveCount(0);
  await page.getByTestId('decision-table-late-filing').getByRole('link', { name: /View/ }).click();
  await expect(page.getByTestId('decision-table-rows')).toBeVisible();
  await expect(page.getByTestId('decision-table-save')).toHaveCount(0);
  await expectAccessible(page, 'a decision table');
  await screenshot(page, 'risk-rules-06-decision-table-en');

  // A watch list: created, given entries (repeats dropped), then deleted again.
  await page.goto('/risk/watch-lists');
  await expect(page.getByTestId('watch-list-denied-parties')).toBeVisible();
  await expectAccessible(page, 'the watch lists');
  await screenshot(page, 'risk-rules-07-watch-lists-en');
  await page.getByRole('button', { name: 'New watch list' }).click();
  await page.locator('#watch-list-name').fill('Not Valid!');
  await page.getByTestId('watch-list-create').getByRole('button', { name: 'Create the list' }).click();
  await expect(page.locator('#watch-list-name')).toHaveAttribute('aria-invalid', 'true');
  const name = `e2e-${run}`;
  await page.locator('#watch-list-name').fill(name);
  await page.getByTestId('watch-list-create').getByRole('button', { name: 'Create the list' }).click();
  await expect(page).toHaveURL(new RegExp(`/risk/watch-lists/${name}$`));
  await page
    .getByTestId('watch-list-entries')
    .fill('Acme Shadow Trading\nacme shadow trading\nNorthwind Front Co');
  await expect(page.getByText('2 entries, 1 repeated')).toBeVisible();
  await page.getByTestId('watch-list-save').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.page-header__lead')).toContainText('2 entries');
  await dismissNotices(page);
  await expectAccessible(page, 'a watch list');
  await screenshot(page, 'risk-rules-08-watch-list-en');
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/risk\/watch-lists$/);
  await expect(page.getByTestId(`watch-list-${name}`)).toHaveCount(0);

  // The policy: a red threshold below yellow is refused at its field, before anything is sent.
  await page.getByTestId('risk-tabs').getByRole('link', { name: 'Selectivity policy' }).click();
  await expect(page.locator('#policy-thresholds-red')).toHaveValue(/\d+/);
  await page.locator('#policy-thresholds-red').fill('10');
  await page.getByTestId('policy-save').click();
  await expect(page.locator('#policy-thresholds-red')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the selectivity policy with an error');
  await screenshot(page, 'risk-rules-09-policy-error-en');

  // French.
  await useLanguage(page, 'fr');
  await page.goto('/risk/rule-sets');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gestion des risques et ciblage');
  await expectAccessible(page, 'the rule sets in French');
  await screenshot(page, 'risk-rules-10-versions-fr');
  await page
    .getByTestId('rule-set-versions')
    .getByRole('row')
    .filter({ hasText: 'Publiée' })
    .getByRole('link', { name: /Ouvrir/ })
    .click();
  await expect(page.getByTestId('rule-list')).toBeVisible();
  await screenshot(page, 'risk-rules-11-version-fr');
  await page.getByTestId(`rule-${RULE}`).getByRole('link', { name: /Voir/ }).click();
  await expect(page.getByTestId('condition-editor')).toContainText('contient les mots');
  await expectAccessible(page, 'a rule in French');
  await screenshot(page, 'risk-rules-12-rule-fr');
  await page.goto('/risk/policy');
  await expect(page.getByTestId('policy-form')).toContainText('Seuils des circuits');
  await screenshot(page, 'risk-rules-13-policy-fr');
  await page.goto('/risk/watch-lists');
  await screenshot(page, 'risk-rules-14-watch-lists-fr');
  await useLanguage(page, 'en');
});
