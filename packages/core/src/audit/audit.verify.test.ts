import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../identity/actor.js';
import { createOrganisation } from '../identity/organisations.service.js';
import { createTestContext, type TestContext } from '../testing/index.js';
import { findAuditEntry, verifyAuditChain } from './audit.service.js';

describe('verifyAuditChain on a live database', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async () => {
    const [row] = await t.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    return row!.n;
  };

  it('walks the seeded chain in pages, reporting progress', async () => {
    const total = await count();
    const progress: number[] = [];
    const result = await verifyAuditChain(t.ctx.db, {
      pageSize: 4,
      onProgress: (n) => void progress.push(n),
    });
    expect(result).toMatchObject({ ok: true, checked: total, firstBadSeq: null });
    expect(progress.at(-1)).toBe(total);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('does not mistake an append that commits during the walk for a cut tail', async () => {
    const before = await count();
    let appended = false;
    const result = await verifyAuditChain(t.ctx.db, {
      // Runs when the walk has read the last row but before it reads the recorded head: exactly the
      // moment a server writing next to `aeolus audit verify` (PostgreSQL) can commit another entry.
      onProgress: async (n) => {
        if (appended || n < before) return;
        appended = true;
        await createOrganisation(t.ctx, systemActor('concurrent writer'), {
          kind: 'secretariat',
          name: 'Late',
        });
      },
    });
    expect(appended).toBe(true);
    expect(result).toMatchObject({ ok: true, checked: before + 1 });
  });

  it('finds an entry by seq, and nothing past the end', async () => {
    const total = await count();
    expect(await findAuditEntry(t.ctx.db, 1)).toMatchObject({ seq: 1, action: 'organisation.created' });
    expect(await findAuditEntry(t.ctx.db, total)).toMatchObject({ seq: total });
    expect(await findAuditEntry(t.ctx.db, total + 1)).toBeUndefined();
  });
});
