import {
  createTestContext,
  demoOrganisationId,
  issueDemoCertificate,
  type TestContext,
} from '@aeolus/core/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../identity/actor.js';
import { login, resolveSession } from '../identity/auth.service.js';
import * as repo from './aeo.repository.js';
import { aeoCertificates } from './aeo.tables.js';
import { foldLog } from './aeo-case.js';
import { verifyAeoCredential } from './aeo-certificate.public.js';
import { actAsAdministration } from './aeo-decision.service.js';
import { type AeoImportRecord, type AeoImportTarget, checkImportRecord } from './aeo-import.rows.js';
import { type AeoImportEntry, getAeoImportTarget, importAeoBatch } from './aeo-import.service.js';

let t: TestContext;
let target: AeoImportTarget;
const system = systemActor('cli:test');

beforeAll(async () => {
  t = await createTestContext();
  target = await getAeoImportTarget(t.ctx, system, await demoOrganisationId(t.ctx, 'nl'));
});
afterAll(async () => {
  await t.close();
});

function entry(index: number, record: Partial<AeoImportRecord>): AeoImportEntry {
  const checked = checkImportRecord(
    {
      legal_name: `Operator ${index} B.V.`,
      identifier_scheme: 'EORI',
      identifier: `NL9${String(index).padStart(8, '0')}`,
      country: 'NL',
      category: 'F',
      granted_on: '2021-03-01',
      effective_from: '2021-03-06',
      status: 'active',
      ...record,
    },
    target,
    new Date(),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return { index, rowNumber: index + 2, row: checked.row };
}

const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('importAeoBatch', () => {
  it('writes a batch in one audit entry, an event per operator, case and certificate, and verifiable credentials', async () => {
    const [audit, events] = [await count('audit_log'), await count('outbox_events')];
    const outcomes = await importAeoBatch(t.ctx, system, {
      target,
      source: 'legacy.csv',
      entries: [
        entry(0, { aeo_id: 'NLAEOF000300' }),
        entry(1, { aeo_id: 'NLAEOS000301', category: 'S', status: 'suspended', note: 'Seals under review' }),
      ],
    });
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(await count('audit_log')).toBe(audit + 1);
    expect(await count('outbox_events')).toBe(events + 6);

    for (const [outcome, status, certificateStatus] of [
      [outcomes[0]!, 'granted', 'active'],
      [outcomes[1]!, 'suspended', 'suspended'],
    ] as const) {
      if (outcome.status !== 'imported') throw new Error('not imported');
      const application = (await repo.findApplication(t.ctx.db, outcome.applicationId))!;
      const log = await repo.listActions(t.ctx.db, [application.id]);
      // The state is the fold of the log: one `import` action carrying the original grant.
      expect(log.map((a) => a.type)).toEqual(['import']);
      expect(foldLog(log).state).toBe(status);
      expect(application.status).toBe(status);
      expect(log[0]!.payload).toMatchObject({
        grantedOn: '2021-03-01',
        effectiveFrom: '2021-03-06',
        aeoId: outcome.aeoId,
      });
      const [certificate] = await t.ctx.db
        .select()
        .from(aeoCertificates)
        .where(eq(aeoCertificates.id, outcome.certificateId));
      expect(certificate).toMatchObject({
        aeoId: outcome.aeoId,
        status: certificateStatus,
        applicationId: application.id,
      });
      expect(certificate!.validFrom.toISOString()).toBe('2021-03-06T00:00:00.000Z');
      const verdict = await verifyAeoCredential(t.database, certificate!.credential);
      expect(verdict).toMatchObject({
        valid: status === 'granted',
        status: certificateStatus,
        aeoId: outcome.aeoId,
      });
    }
  });

  it('moves the national number sequence past imported identifiers, so a later grant never collides', async () => {
    await importAeoBatch(t.ctx, system, {
      target,
      source: 'legacy.csv',
      entries: [entry(10, { aeo_id: 'NLAEOC000900', category: 'C' })],
    });
    const granted = await issueDemoCertificate(t.ctx, { holder: 'acme', category: 'F' });
    expect(granted.aeoId).toBe('NLAEOF000901');
  });

  it('skips what is already in the register and refuses a clash, without writing anything for them', async () => {
    const audit = await count('audit_log');
    const outcomes = await importAeoBatch(t.ctx, system, {
      target,
      source: 'again.csv',
      entries: [
        entry(0, { aeo_id: 'NLAEOF000300' }),
        entry(20, { aeo_id: 'NLAEOF000300' }),
        entry(21, { aeo_id: 'NLAEOS000900', category: 'S' }),
        entry(1, { aeo_id: 'NLAEOF000302' }),
      ],
    });
    expect(outcomes).toEqual([
      // Entry 0 and entry 20 both claim NLAEOF000300 within one batch: both refused, nothing decided.
      {
        index: 0,
        status: 'failed',
        aeoId: 'NLAEOF000300',
        problems: [
          { column: 'aeo_id', message: 'NLAEOF000300 appears more than once in the file (also row 22)' },
        ],
      },
      {
        index: 20,
        status: 'failed',
        aeoId: 'NLAEOF000300',
        problems: [
          { column: 'aeo_id', message: 'NLAEOF000300 appears more than once in the file (also row 2)' },
        ],
      },
      {
        index: 21,
        status: 'failed',
        aeoId: 'NLAEOS000900',
        problems: [
          { column: 'aeo_id', message: 'the national number 000900 is already used by NLAEOC000900' },
        ],
      },
      // The operator of entry 1 holds NLAEOS000301 already: one live AEO case per operator and programme.
      {
        index: 1,
        status: 'failed',
        aeoId: 'NLAEOF000302',
        problems: [
          {
            column: 'identifier',
            message: expect.stringMatching(
              /^Operator 1 B\.V\. already has the AEO case NL-AEO-\d{6} \(suspended\)$/,
            ),
          },
        ],
      },
    ]);
    expect(await count('audit_log')).toBe(audit);
    const skipped = await importAeoBatch(t.ctx, system, {
      target,
      source: 'again.csv',
      entries: [entry(0, { aeo_id: 'NLAEOF000300' })],
    });
    expect(skipped).toEqual([
      { index: 0, status: 'skipped', aeoId: 'NLAEOF000300', reason: 'already in the register' },
    ]);
    const other = await importAeoBatch(t.ctx, system, {
      target,
      source: 'again.csv',
      entries: [entry(30, { aeo_id: 'NLAEOF000300' })],
    });
    expect(other[0]).toMatchObject({
      status: 'failed',
      problems: [
        { column: 'aeo_id', message: 'NLAEOF000300 is already in the register for another operator' },
      ],
    });
  });

  it('isolates a row the database refuses: the batch is retried row by row and the others are imported', async () => {
    const audit = await count('audit_log');
    const poisoned = entry(41, { aeo_id: 'NLAEOF000401' });
    // A NUL cannot be stored in PostgreSQL text: the row passes the format checks only because this test
    // bypasses checkImportRecord, which refuses control characters.
    poisoned.row = { ...poisoned.row, legalName: 'Broken\u0000 B.V.' };
    const outcomes = await importAeoBatch(t.ctx, system, {
      target,
      source: 'legacy.csv',
      entries: [entry(40, { aeo_id: 'NLAEOF000400' }), poisoned, entry(42, { aeo_id: 'NLAEOF000402' })],
    });
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'imported']);
    expect(outcomes[1]).toMatchObject({
      problems: [{ column: 'row', message: expect.stringMatching(/^the database refused the row: /) }],
    });
    // Retried one by one: an audit entry for each imported row, nothing for the refused one.
    expect(await count('audit_log')).toBe(audit + 2);
    const orphans = await t.database.query(`select 1 from organisations where legal_name like 'Broken%'`);
    expect(orphans).toEqual([]);
  });

  it('leaves an imported case to the ordinary workflow: a suspended AEO is reinstated', async () => {
    const [outcome] = await importAeoBatch(t.ctx, system, {
      target,
      source: 'legacy.csv',
      entries: [entry(50, { aeo_id: 'NLAEOF000500', status: 'suspended' })],
    });
    if (outcome?.status !== 'imported') throw new Error('not imported');
    // A validator of the administration takes it from there, as on any granted case.
    const session = await login(t.ctx, { email: 'validator@nl.customs.example', password: 'aeolus-demo' });
    const validator = (await resolveSession(t.ctx, session.token))!.actor;
    const detail = await actAsAdministration(t.ctx, validator, {
      id: outcome.applicationId,
      action: { type: 'reinstate', reason: 'Corrective measures verified on site.' },
    });
    expect(detail.status).toBe('granted');
    expect(detail.actions.map((a) => a.type)).toEqual(['import', 'reinstate']);
    expect(detail.certificate).toMatchObject({ aeoId: 'NLAEOF000500', status: 'active' });
  });

  it('needs an administration with a programme', async () => {
    await expect(getAeoImportTarget(t.ctx, system, await demoOrganisationId(t.ctx, 'ke'))).rejects.toThrow(
      'Kenya Customs Services (demo) has no AEO programme yet: set one up first',
    );
    await expect(getAeoImportTarget(t.ctx, system, await demoOrganisationId(t.ctx, 'acme'))).rejects.toThrow(
      'Customs administration not found',
    );
  });
});
