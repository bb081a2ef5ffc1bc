import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs every suite on embedded PGlite. With TEST_DATABASE_URL set (CI), the same suites run a
 * second time on PostgreSQL; with NATS_URL set, the NATS publisher suite runs against the real server.
 */
const conditions = ['source', 'module', 'node', 'development|production'];
const shared = {
  include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
  globalSetup: ['packages/core/src/testing/global-setup.ts'],
  // Runs before each test file: empties the caches that assume one database per process (isolate: false).
  setupFiles: ['packages/core/src/testing/per-file-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

const projects = [
  { extends: true as const, test: { ...shared, name: 'pglite', provide: { dbKind: 'pglite' } } },
  ...(process.env.TEST_DATABASE_URL
    ? [{ extends: true as const, test: { ...shared, name: 'postgres', provide: { dbKind: 'postgres' } } }]
    : []),
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  // Global setup runs in its own environment; without `source` there it would resolve the workspace
  // packages to dist/, which does not exist on a fresh clone before a build.
  environments: { ssr: { resolve: { conditions } }, __vitest__: { resolve: { conditions } } },
  test: {
    projects,
    pool: 'forks',
    // A worker imports the modules once and runs file after file (import time was ~1 s per file, most of
    // the run); every file still gets its own database copy and app. Two workers: CI has two cores, and a
    // third worker measured no faster.
    isolate: false,
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
