import { defineConfig } from '@playwright/test';

/**
 * Browser journeys (e2e/*.spec.ts) in Debian's Chromium — never a downloaded browser. `npm run e2e`
 * (scripts/e2e.mjs) builds, starts a server on a fresh database and sets E2E_BASE_URL.
 */
const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:3100';

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: './e2e/artifacts/test-results',
  // One worker: journeys share one server and some change shared state (a profile's language, keys).
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: './e2e/artifacts/report', open: 'never' }],
    // CI passes PLAYWRIGHT_JSON_OUTPUT_NAME to collect results for its summary.
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as ['json']] : []),
  ],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    // The app's CSP forbids inline scripts; axe-core is injected as one, so the test browser bypasses it.
    bypassCSP: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
