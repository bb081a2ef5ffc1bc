import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { seedDemoData } from '../seed/demo.seed.js';
import { testConfig } from './test-config.js';

export type TestDbKind = 'pglite' | 'postgres';

export interface TemplateInfo {
  kind: TestDbKind;
  /** PGlite: path of the gzipped data-directory dump. PostgreSQL: template database name. */
  ref: string;
  /** PostgreSQL: the server URL the template lives on. */
  url?: string;
}

/**
 * Migrates and seeds one database per test run; every test file then starts from a copy of it in
 * milliseconds (PGlite: a data-directory dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export async function buildTemplate(kind: TestDbKind, serverUrl?: string): Promise<TemplateInfo> {
  const config = testConfig();
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    await migrateDatabase(database);
    await seedDemoData({ db: database.db, config });
    const dump = await database.pglite!.dumpDataDir('gzip');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aeolus-tpl-')), 'template.tar.gz');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    return { kind, ref: file };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL suites');
  const name = `aeolus_tpl_${process.pid}_${Date.now()}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolSize: 2 });
  try {
    await migrateDatabase(database);
    await seedDemoData({ db: database.db, config });
  } finally {
    await database.close();
  }
  return { kind, ref: name, url: serverUrl };
}

export async function dropTemplate(info: TemplateInfo): Promise<void> {
  if (info.kind !== 'postgres' || !info.url) return;
  const rows = await adminQuery<{ datname: string }>(
    info.url,
    `select datname from pg_database where datname like 'aeolus_t_%' or datname = '${info.ref}'`,
  );
  for (const { datname } of rows) {
    if (datname.startsWith(`aeolus_t_${process.pid}_`) || datname === info.ref) {
      await adminQuery(info.url, `drop database if exists ${datname} with (force)`);
    }
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
