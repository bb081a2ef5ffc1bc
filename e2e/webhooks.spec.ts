import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiver on this machine (port 3150-3199): Aeolus delivers to it over HTTP. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  for (let port = 3150; port < 3200; port++) {
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return { server, url: `http://127.0.0.1:${port}/aeolus-events`, received };
  }
  throw new Error('no free port for the webhook receiver in 3150-3199');
}

test('webhooks: subscribe, receive a signed delivery, see it in the log, disable and delete', async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, 'trader@globex.example');
    await page.getByTestId('main-nav').getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhooks');

    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Endpoint URL').fill('not a url');
    await page.getByLabel('Event types').fill('Not An Event');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter a full http or https address');
    await expect(page.getByRole('alert')).toContainText('Use event types such as user.created');

    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description').fill('Globex ERP receiver');
    await page.getByLabel('Event types').fill('api_key.*');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretPanel = page.getByTestId('webhook-secret');
    await expect(secretPanel).toContainText('This is the only time the signing secret is shown');
    const secret = await secretPanel.locator('input[data-secret]').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await secretPanel.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(page.getByTestId('webhooks-table')).toContainText(receiver.url);
    await expectAccessible(page, 'the webhooks page');

    // Something happens in the organisation: an API key is created.
    const me = await (await page.request.get('/api/auth/me')).json();
    const created = await page.request.post('/api/api-keys', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { name: 'Webhook trigger', scopes: ['organisation:read'] },
    });
    expect(created.status()).toBe(201);

    // The receiver gets it, signed with the secret over "<t>.<raw body>".
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const delivery = receiver.received[0]!;
    const signature = String(delivery.headers['aeolus-signature']);
    const t = /t=(\d+)/.exec(signature)?.[1];
    const v1 = /v1=([0-9a-f]{64})/.exec(signature)?.[1];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${delivery.body}`).digest('hex'));
    expect(JSON.parse(delivery.body).type).toBe('api_key.created');

    // The delivery log shows it as delivered.
    await page
      .getByTestId('webhooks-table')
      .getByRole('link', { name: /Details and deliveries/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex ERP receiver');
    const deliveries = page.getByTestId('deliveries-table');
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(deliveries.locator('tr[data-status="succeeded"]')).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const row = deliveries.locator('tr[data-status="succeeded"]');
    await expect(row).toContainText('api_key.created');
    await expect(row).toContainText('Delivered');
    await row.getByText('1 attempt').click();
    await expect(row).toContainText('HTTP 204');
    await expectAccessible(page, 'the webhook deliveries');
    await screenshot(page, 'webhooks-en');

    await page.getByRole('button', { name: 'Disable' }).click();
    await page
      .getByRole('dialog', { name: 'Disable this webhook?' })
      .getByRole('button', { name: 'Disable' })
      .click();
    await expect(page.getByTestId('webhook-details')).toContainText('Disabled on');
    await expect(page.getByRole('button', { name: 'Disable' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this webhook?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(page).toHaveURL(/\/webhooks$/);
    await expect(page.getByText('No webhooks yet')).toBeVisible();
  } finally {
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});

test('webhooks are not offered to an operator user', async ({ page }) => {
  await signIn(page, 'trader@acme-logistics.example');
  const switcher = page.getByTestId('active-organisation');
  await switcher.click();
  await page
    .locator('#org-switcher-panel')
    .getByRole('button', { name: /Tulip Freight Holland/ })
    .click();
  await expect(switcher).toContainText('Tulip Freight Holland');
  await expect(page.getByTestId('main-nav').getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
  await page.goto('/webhooks');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot open this page');
  // Back to Acme, so later runs start from the same place.
  await switcher.click();
  await page
    .locator('#org-switcher-panel')
    .getByRole('button', { name: /Acme Logistics/ })
    .click();
  await expect(switcher).toContainText('Acme Logistics');
});
