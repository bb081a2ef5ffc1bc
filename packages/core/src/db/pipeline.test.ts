import { createTestDatabase, type TestDatabase } from '@aeolus/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInOrder } from './pipeline.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe('sendInOrder', () => {
  it("answers each statement's rows in sending order", async () => {
    const answers = await sendInOrder(t.database.db, [
      sql`select 1 as n`,
      sql`select generate_series(2, 4) as n`,
      sql`select ${'five'}::text as word`,
    ]);
    expect(answers).toEqual([[{ n: 1 }], [{ n: 2 }, { n: 3 }, { n: 4 }], [{ word: 'five' }]]);
  });

  it('runs them one by one in a transaction: a lock the first takes is held when the next starts', async () => {
    const held = await t.database.db.transaction(async (tx) => {
      const [, locks] = await sendInOrder(tx, [
        sql`select pg_advisory_xact_lock(${4_242_424_242})`,
        sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and granted and pid = pg_backend_pid() and objid = ${4_242_424_242 % 2 ** 32}`,
      ]);
      return locks![0]!.n;
    });
    expect(held).toBe(1);
  });

  it('throws the first failure in sending order, not the transaction-aborted errors after it', async () => {
    const attempt = t.database.db.transaction(async (tx) => {
      await sendInOrder(tx, [sql`select 1`, sql`select 1 / ${0}::int`, sql`select 2`]);
    });
    await expect(attempt).rejects.toMatchObject({
      message: expect.stringContaining('select 1 / $1::int'),
      cause: expect.objectContaining({ message: expect.stringMatching(/division by zero/) }),
    });
    // The transaction was rolled back and the connection is usable again.
    expect(await sendInOrder(t.database.db, [sql`select 3 as n`])).toEqual([[{ n: 3 }]]);
  });
});
