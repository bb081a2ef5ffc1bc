import { defineConfig } from '@playwright/test';

/**
 * Browser journeys (e2e/*.spec.ts) in Debian's Chromium — never a downloaded browser. `npm run e2e`
 * (scripts/e2e.mjs) builds, starts a server on a fresh database and sets E2E_BASE_URL.
 */
const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:3100';
/** Set by scripts/e2e.mjs when the spec files run in groups, each against its own server. */
const group = process.env.E2E_GROUP;
const artifacts = './e2e/artifacts';

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  // Per group: Playwright empties its output folder when a run starts.
  outputDir: group ? `${artifacts}/test-results-${group}` : `${artifacts}/test-results`,
  // One worker: journeys share one server and some change shared state (a profile's language, keys).
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: group
    ? [
        ['list'],
        // scripts/e2e.mjs merges the groups' blobs into one report and reads the JSON for durations.
        ['blob', { outputDir: `${artifacts}/blob-${group}` }],
        ['json', { outputFile: `${artifacts}/results-${group}.json` }],
      ]
    : [
        ['list'],
        ['html', { outputFolder: `${artifacts}/report`, open: 'never' }],
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
