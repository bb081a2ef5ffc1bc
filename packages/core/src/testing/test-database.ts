import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { AppConfig } from '../config.js';
import type { CoreContext } from '../context.js';
import { type Database, openDatabase } from '../db/client.js';
import { adminQuery, type TemplateInfo, withDatabase } from './template.js';
import { testConfig } from './test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: TemplateInfo;
  }
}

export interface TestDatabase {
  database: Database;
  kind: Database['kind'];
  /** Connection URL (PostgreSQL only), e.g. for a child server process. */
  url?: string;
  close(): Promise<void>;
}

/** A fresh copy of the migrated, demo-seeded template for this test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dump = new Blob([readFileSync(template.ref)]);
    const database = await openDatabase({ kind: 'pglite', loadDataDir: dump });
    return { database, kind: 'pglite', close: () => database.close() };
  }
  const name = `aeolus_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
  // Clones can collide when two workers copy the template at the same instant; try again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(template.url!, `create database ${name} template ${template.ref}`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = withDatabase(template.url!, name);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    database,
    kind: 'postgres',
    url,
    async close() {
      await database.close();
      await adminQuery(template.url!, `drop database if exists ${name} with (force)`);
    },
  };
}

export interface TestContext extends TestDatabase {
  ctx: CoreContext;
  config: AppConfig;
}

export async function createTestContext(overrides: Record<string, string> = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(overrides);
  return { ...db, config, ctx: { db: db.database.db, config } };
}
