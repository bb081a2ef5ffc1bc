import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { PreparingClient } from './prepared-statements.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database or an open transaction: repositories accept either, so a service decides the unit of work. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** Prepare the statements the process repeats (default true; see prepared-statements.ts). */
      preparedStatements?: boolean;
    };

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL (several statements allowed on PGlite; one on PostgreSQL with parameters). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode (used by tests to dump a migrated template). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

// PostgreSQL's bigint (int8) and numeric come back as strings by default; our bigints (sequence numbers,
// counters) fit in a JS number, so parse them as numbers in both drivers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create({
      dataDir: target.dataDir,
      loadDataDir: target.loadDataDir,
      parsers: { 20: (v: string) => Number.parseInt(v, 10) },
    });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite: client,
      async query<T>(text: string, params?: unknown[]) {
        if (params && params.length > 0) return (await client.query<T>(text, params)).rows;
        const results = await client.exec(text);
        return (results.at(-1)?.rows ?? []) as T[];
      },
      async ping() {
        await client.query('select 1');
      },
      async close() {
        if (!client.closed) await client.close();
      },
    };
  }
  const pool = new pg.Pool({
    // Statements the process repeats are prepared once per connection (prepared-statements.ts).
    ...(target.preparedStatements === false ? {} : { Client: PreparingClient }),
    connectionString: target.url,
    // Statements sent without waiting for the previous answer go out together (db/pipeline.ts); the server
    // still runs them one by one in that order. Code that awaits each statement behaves as before.
    pipeline: true,
    max: target.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
