import {
  consignmentCsv,
  createTestContext,
  IMPORT_ROW,
  importRows,
  type TestContext,
} from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/actor.js';
import { systemActor } from '../identity/actor.js';
import { login, resolveSession } from '../identity/auth.service.js';
import { importConsignmentsCsv } from './import.service.js';

/**
 * CSV filing through the filing service: bad rows reported by row and column without stopping the others,
 * a second run of the same file screening nothing, an amended consignment screened again, and the
 * idempotency key answering as the first time.
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

const results = async () =>
  Number((await t.database.query<{ n: number }>('select count(*)::int as n from screening_results'))[0]!.n);

describe('importConsignmentsCsv', () => {
  it('screens the good consignments, reports the bad row, and re-runs without screening twice', async () => {
    const rows = importRows(4, 'SVC');
    rows[2] = { ...rows[2], item_gross_mass_kg: '-1' };
    const text = consignmentCsv(rows);
    const before = await results();
    const progress: number[] = [];
    const first = await importConsignmentsCsv(t.ctx, trader, {
      text,
      batchSize: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(first.result).toMatchObject({ rows: 4, consignments: 4, screened: 3, skipped: 0, rejected: 1 });
    expect(first.result.errors).toEqual([
      { row: 4, column: 'item_gross_mass_kg', message: 'must be greater than 0' },
    ]);
    expect(first.result.items.map((i) => i.status)).toEqual(['screened', 'screened', 'rejected', 'screened']);
    expect(Object.values(first.result.lanes).reduce((a, b) => a + b, 0)).toBe(3);
    expect(progress).toEqual([1, 3, 4]);
    expect(await results()).toBe(before + 3);

    const again = await importConsignmentsCsv(t.ctx, trader, { text });
    expect(again.result).toMatchObject({ screened: 0, skipped: 3, rejected: 1 });
    expect(again.result.items.map((i) => i.resultId)).toEqual(first.result.items.map((i) => i.resultId));
    expect(await results()).toBe(before + 3);

    // An amended consignment (same reference, other data) is screened again; the others stay skipped.
    rows[0] = { ...rows[0], item_gross_mass_kg: '650' };
    rows[2] = { ...rows[2], item_gross_mass_kg: '1' };
    const amended = await importConsignmentsCsv(t.ctx, trader, { text: consignmentCsv(rows) });
    expect(amended.result.items.map((i) => i.status)).toEqual(['screened', 'skipped', 'screened', 'skipped']);
    expect(await results()).toBe(before + 5);
  });

  it('answers a repeated idempotency key as the first time, and refuses it with another file', async () => {
    const text = consignmentCsv(importRows(2, 'IDEM'));
    const idempotency = { key: 'import-1', requestHash: 'hash-1' };
    const first = await importConsignmentsCsv(t.ctx, trader, { text, idempotency });
    const replay = await importConsignmentsCsv(t.ctx, trader, { text, idempotency });
    expect(first.replayed).toBe(false);
    expect(replay).toEqual({ result: first.result, replayed: true });
    await expect(
      importConsignmentsCsv(t.ctx, trader, { text, idempotency: { key: 'import-1', requestHash: 'other' } }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('files for a named organisation from the command line, and for no other', async () => {
    const [acme] = await t.database.query<{ id: string }>(
      "select id from organisations where name ilike 'acme%' limit 1",
    );
    const text = consignmentCsv([
      { ...IMPORT_ROW, reference: 'SYS-1', transport_document_number: 'SYS000001' },
    ]);
    const filed = await importConsignmentsCsv(t.ctx, systemActor('cli:test'), {
      text,
      organisationId: acme!.id,
    });
    expect(filed.result.screened).toBe(1);
    await expect(importConsignmentsCsv(t.ctx, systemActor('cli:test'), { text })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      importConsignmentsCsv(t.ctx, trader, {
        text,
        organisationId: analyst.kind === 'system' ? '' : analyst.organisationId,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses an analyst of the administration (filing is the operators’ act)', async () => {
    await expect(
      importConsignmentsCsv(t.ctx, analyst, { text: consignmentCsv([IMPORT_ROW]) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses more consignments than the upload bound, before screening any', async () => {
    const before = await results();
    await expect(
      importConsignmentsCsv(t.ctx, trader, {
        text: consignmentCsv(importRows(3, 'MAX')),
        maxConsignments: 2,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await results()).toBe(before);
  });
});
