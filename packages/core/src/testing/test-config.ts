import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AppConfig, loadConfig } from '../config.js';

/** Fixed secrets and a cheap password hash, so that tests are fast and reproducible. */
export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
  KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  PASSWORD_HASH_COST: '10',
  LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  API_KEY_RATE_LIMIT_PER_MINUTE: '100000',
  EVENT_POLL_MS: '50',
} as const;

export function testConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    ...TEST_ENV,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'aeolus-test-')),
    ...overrides,
  });
}
