import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@aeolus/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../identity/identity.tables.js';
import { type Db, openDatabase, type Tx } from './client.js';
import { statementName } from './prepared-statements.js';

describe('statementName', () => {
  it('names a text from its third send on, always with the same name, and one name per text', () => {
    const text = `select ${randomUUID()}`;
    expect(statementName(text)).toBeUndefined();
    expect(statementName(text)).toBeUndefined();
    const name = statementName(text);
    expect(name).toMatch(/^aeolus_[0-9a-z]+$/);
    expect(statementName(text)).toBe(name);
    const other = `select ${randomUUID()}`;
    for (let i = 0; i < 3; i++) statementName(other);
    expect(statementName(other)).not.toBe(name);
  });
});

// The client is PostgreSQL's (PGlite has no connection pool): the postgres project runs this in CI.
describe('prepared statements on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it('prepares a repeated statement once per connection and answers it as before', async (test) => {
    if (t.kind !== 'postgres') test.skip();
    const client = await t.database.pool!.connect();
    try {
      const marker = randomUUID();
      const text = `select $1::text as marker, count(*)::int as n from organisations where name <> $1 /* ${marker} */`;
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await client.query(text, [marker])).rows[0]);
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0].marker).toBe(marker);
      const once = `select $1::text as once /* ${randomUUID()} */`;
      await client.query(once, ['x']);
      const { rows } = await client.query<{ statement: string }>(
        'select statement from pg_prepared_statements',
      );
      const statements = rows.map((r) => r.statement);
      expect(statements.filter((s) => s === text)).toHaveLength(1);
      expect(statements).not.toContain(once);
    } finally {
      client.release();
    }
  });

  it('prepares nothing with DATABASE_PREPARED_STATEMENTS=false', async (test) => {
    if (t.kind !== 'postgres') test.skip();
    const database = await openDatabase({
      kind: 'postgres',
      url: t.url!,
      poolSize: 1,
      preparedStatements: false,
    });
    try {
      const text = `select $1::int + 1 as n /* ${randomUUID()} */`;
      for (let i = 0; i < 5; i++) expect(await database.query(text, [i])).toEqual([{ n: i + 1 }]);
      const rows = await database.query<{ statement: string }>(
        'select statement from pg_prepared_statements',
      );
      expect(rows).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('keeps a failed statement from poisoning the name: the next call parses it again', async (test) => {
    if (t.kind !== 'postgres') test.skip();
    const text = `select ($1::text)::int as n /* ${randomUUID()} */`;
    const client = await t.database.pool!.connect();
    try {
      for (let i = 0; i < 3; i++) expect((await client.query(text, ['7'])).rows[0].n).toBe(7);
      await expect(client.query(text, ['not a number'])).rejects.toThrow(/invalid input syntax/);
      expect((await client.query(text, ['8'])).rows[0].n).toBe(8);
    } finally {
      client.release();
    }
  });

  it('serves Drizzle queries, in and out of transactions, with the same answers', async () => {
    const { db } = t.database;
    const read = (on: Db | Tx) =>
      on
        .select({ n: sql<number>`count(*)::int` })
        .from(organisations)
        .where(sql`${organisations.name} like ${'%(demo)%'}`);
    const first = await read(db);
    for (let i = 0; i < 4; i++) expect(await read(db)).toEqual(first);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 4; i++) expect(await read(tx)).toEqual(first);
    });
    expect(first[0]!.n).toBeGreaterThan(0);
  });
});
