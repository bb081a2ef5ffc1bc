import { createHash } from 'node:crypto';
import {
  cleanConsignment,
  createTestContext,
  generatedConsignments,
  type TestContext,
} from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context.js';
import { openDatabase } from '../db/client.js';
import type { Actor } from '../identity/actor.js';
import { login, resolveSession } from '../identity/auth.service.js';
import { fileConsignments } from './filing.service.js';
import { getScreeningPolicy, updateScreeningPolicy } from './policy.service.js';
import { loadScreeningContext } from './screening-context.js';
import { updateWatchList } from './watch-lists.service.js';

/**
 * The filing service under concurrency: the same idempotency key filed twice at once screens once, and two
 * batches racing for one office's last examinations never exceed its capacity. On PostgreSQL the two calls
 * run on separate connections; on PGlite they interleave on one.
 */
let t: TestContext;
let trader: Actor;
let analyst: Actor;

async function actorFor(email: string): Promise<Actor> {
  const started = await login(t.ctx, { email, password: 'aeolus-demo' });
  return (await resolveSession(t.ctx, started.token))!.actor;
}

beforeAll(async () => {
  t = await createTestContext();
  trader = await actorFor('trader@acme-logistics.example');
  analyst = await actorFor('analyst@nl.customs.example');
});
afterAll(() => t.close());

const count = async (sql: string) => Number((await t.database.query<{ n: number }>(sql))[0]!.n);

describe('idempotency under concurrency', () => {
  it('screens a batch once when the same key arrives twice at the same time', async () => {
    const items = generatedConsignments(40, 51, 'RACE');
    const idempotency = {
      key: 'race-1',
      requestHash: createHash('sha256').update('race body').digest('hex'),
    };
    const [a, b] = await Promise.all([
      fileConsignments(t.ctx, trader, { items, format: 'json', idempotency }),
      fileConsignments(t.ctx, trader, { items, format: 'json', idempotency }),
    ]);
    expect(a.batchId).toBe(b.batchId);
    expect(a.items).toEqual(b.items);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(
      await count(`select count(*)::int as n from screening_results where batch_id = '${a.batchId}'`),
    ).toBe(40);
    expect(
      await count(`select count(*)::int as n from screening_batches where idempotency_key = 'race-1'`),
    ).toBe(1);
  });
});

describe('office capacity under concurrency', () => {
  it('never hands out more red examinations than the office has, whichever batch commits first', async () => {
    const current = await getScreeningPolicy(t.ctx, analyst);
    await updateScreeningPolicy(t.ctx, analyst, {
      ...current.settings,
      thresholds: { blue: -1000, yellow: -1000, red: -1000 },
      randomSelectionPercent: { green: 0, blue: 0, yellow: 0 },
      officeCapacities: [{ office: 'NLDZL', dailyRedCapacity: 5 }],
    });
    const batch = (prefix: string) =>
      [0, 1, 2, 3].map((i) => cleanConsignment({ reference: `${prefix}-${i}`, placeOfUnloading: 'NLDZL' }));
    // A second connection pool, as a second server would have, so the batches really race on PostgreSQL.
    const other = t.url ? await openDatabase({ kind: 'postgres', url: t.url, poolSize: 2 }) : undefined;
    const otherCtx: CoreContext = other ? { db: other.db, config: t.config } : t.ctx;
    try {
      const [a, b] = await Promise.all([
        fileConsignments(t.ctx, trader, { items: batch('CAP-A'), format: 'json' }),
        fileConsignments(otherCtx, trader, { items: batch('CAP-B'), format: 'json' }),
      ]);
      const reds = [...a.items, ...b.items].filter((i) => i.status === 'screened' && i.lane === 'red');
      expect(reds).toHaveLength(5);
      expect(await count(`select reds as n from screening_office_usage where office = 'NLDZL'`)).toBe(5);
    } finally {
      await other?.close();
      await updateScreeningPolicy(t.ctx, analyst, current.settings);
    }
  });
});

describe('concurrent single filings (micro-batching)', () => {
  const one = (reference: string) => cleanConsignment({ reference });
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  it('files them in one transaction: one audit entry, yet each its own batch, receipt and event', async () => {
    const audit = await count(
      `select count(*)::int as n from audit_log where action = 'screening.batch.filed'`,
    );
    const filed = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fileConsignments(t.ctx, trader, { items: [one(`GROUP-${i}`)], format: 'single' }),
      ),
    );
    expect(new Set(filed.map((f) => f.batchId)).size).toBe(12);
    filed.forEach((f, i) => {
      expect(f.items).toEqual([
        expect.objectContaining({ index: 0, status: 'screened', reference: `GROUP-${i}` }),
      ]);
    });
    const ids = filed.map((f) => `'${f.batchId}'`).join(',');
    expect(await count(`select count(*)::int as n from screening_results where batch_id in (${ids})`)).toBe(
      12,
    );
    expect(
      await count(
        `select count(*)::int as n from screening_batches where id in (${ids}) and format = 'single'`,
      ),
    ).toBe(12);
    expect(
      await count(
        `select count(*)::int as n from outbox_events where type = 'screening.batch.filed' and subject_id in (${ids})`,
      ),
    ).toBe(12);
    // Called in the same turn, they formed one group: one audit entry naming every batch.
    expect(
      await count(`select count(*)::int as n from audit_log where action = 'screening.batch.filed'`),
    ).toBe(audit + 1);
    const [entry] = await t.database.query<{ summary: { after: { batches: { batchId: string }[] } } }>(
      `select summary from audit_log where action = 'screening.batch.filed' order by seq desc limit 1`,
    );
    expect(entry!.summary.after.batches.map((b) => b.batchId).sort()).toEqual(
      filed.map((f) => f.batchId).sort(),
    );
  });

  it('answers each request on its own: a refused one does not fail the others', async () => {
    const taken = { key: 'group-taken', requestHash: sha('first body') };
    const earlier = await fileConsignments(t.ctx, trader, {
      items: [one('GROUP-KEY-0')],
      format: 'single',
      idempotency: taken,
    });
    const withNul = structuredClone(one('GROUP-NUL'));
    withNul.goodsItems[0]!.description = 'Wooden \u0000 furniture';
    // A row the database refuses although validation accepted it (here: a trigger of the test's own).
    await t.database.query(`
      create or replace function test_refuse_poisoned() returns trigger language plpgsql as $$
      begin
        if new.reference = 'GROUP-POISON' then raise exception 'refused by the test trigger'; end if;
        return new;
      end $$`);
    await t.database.query(
      'create trigger test_refuse_poisoned before insert on screening_results for each row execute function test_refuse_poisoned()',
    );
    const settled = await Promise.allSettled([
      fileConsignments(t.ctx, trader, { items: [one('GROUP-OK-1')], format: 'single' }),
      // The same key with another body: 409.
      fileConsignments(t.ctx, trader, {
        items: [one('GROUP-KEY-1')],
        format: 'single',
        idempotency: { key: 'group-taken', requestHash: sha('another body') },
      }),
      // The same key and body: the stored answer.
      fileConsignments(t.ctx, trader, { items: [one('GROUP-KEY-0')], format: 'single', idempotency: taken }),
      // A bad consignment: 400 with its field.
      fileConsignments(t.ctx, trader, {
        items: [{ ...one('GROUP-BAD'), modeOfTransport: 'teleport' }],
        format: 'single',
      }),
      // A NUL character, which PostgreSQL cannot store: 400 with its field.
      fileConsignments(t.ctx, trader, { items: [withNul], format: 'single' }),
      // Accepted by validation but refused by the database: the group's transaction fails, and every
      // request is filed again alone.
      fileConsignments(t.ctx, trader, { items: [one('GROUP-POISON')], format: 'single' }),
      fileConsignments(t.ctx, trader, { items: [one('GROUP-OK-2')], format: 'single' }),
    ]);
    await t.database.query('drop trigger test_refuse_poisoned on screening_results');
    const [ok1, conflict, replayed, bad, nul, poisoned, ok2] = settled;
    expect(ok1).toMatchObject({ status: 'fulfilled', value: { replayed: false } });
    expect(ok2).toMatchObject({ status: 'fulfilled', value: { replayed: false } });
    expect(conflict).toMatchObject({ status: 'rejected', reason: { status: 409 } });
    expect(replayed).toMatchObject({
      status: 'fulfilled',
      value: { replayed: true, batchId: earlier.batchId },
    });
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION_FAILED' } });
    expect(nul).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'VALIDATION_FAILED',
        details: {
          problems: [{ path: 'goodsItems.0.description', message: 'must not contain the NUL character' }],
        },
      },
    });
    expect(poisoned.status).toBe('rejected');
    expect((poisoned as PromiseRejectedResult).reason.code).not.toBe('VALIDATION_FAILED');
    for (const reference of ['GROUP-OK-1', 'GROUP-OK-2']) {
      expect(
        await count(`select count(*)::int as n from screening_results where reference = '${reference}'`),
      ).toBe(1);
    }
    expect(
      await count(
        `select count(*)::int as n from screening_results where reference in ('GROUP-KEY-1', 'GROUP-BAD', 'GROUP-NUL', 'GROUP-POISON')`,
      ),
    ).toBe(0);
  });
});

describe('the compiled rule set', () => {
  it('is reused while nothing changes and rebuilt when a watch list changes', async () => {
    const administrationId = analyst.kind === 'user' ? analyst.organisationId : '';
    const first = await loadScreeningContext(t.ctx.db, administrationId);
    const again = await loadScreeningContext(t.ctx.db, administrationId);
    expect(again.engine).toBe(first.engine);
    await updateWatchList(t.ctx, analyst, { name: 'watched-conveyances', entries: ['XY9901', 'ZZ0001'] });
    const changed = await loadScreeningContext(t.ctx.db, administrationId);
    expect(changed.engine).not.toBe(first.engine);
    expect(changed.watchListsRevision).toBe(first.watchListsRevision + 1);
  });
});

describe('stored results', () => {
  it('stay inline and uncompressed up to a page (migration 0006), and a typical row fits', async () => {
    const [table] = await t.database.query<{ options: string[] | null }>(
      `select reloptions as options from pg_class where relname = 'screening_results'`,
    );
    expect(table!.options).toContain('toast_tuple_target=8160');
    // The demo history's rows all fit in a page, so none is compressed or moved out of line.
    const [sizes] = await t.database.query<{ largest: number }>(
      `select max(pg_column_size(r.*))::int as largest from screening_results r`,
    );
    expect(sizes!.largest).toBeLessThan(8160);
  });
});
