import type { TraderIdentifier } from '@aeolus/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { organisations } from '../identity/identity.tables.js';
import { aeoCertificates, aeoProgrammes, type ProgrammeBenefit } from './aeo.tables.js';

/**
 * Read-only look-ups of the AEO register for other modules (risk screening). No authorization: callers
 * decide what they may show; these return facts the register holds about an administration's own programme.
 */

export interface AeoRegisterEntry {
  aeoId: string;
  /** The certificate's current status: screening reads it on every filing, so a suspension counts at once. */
  status: 'active' | 'suspended' | 'revoked';
  category: string;
  holderId: string;
  holderIdentifiers: TraderIdentifier[];
  validFrom: Date;
  validUntil: Date | null;
  /** The benefits of the programme that issued the certificate. */
  benefits: ProgrammeBenefit[];
}

/**
 * Certificates issued by `administrationId` for the given AEO identifiers, by identifier, in one indexed
 * query (no cache). Identifiers of other administrations' programmes are absent: recognising a partner's
 * AEOs is a mutual recognition arrangement's business, not the register's.
 */
export async function findAeoRegisterEntries(
  db: Db | Tx,
  input: { administrationId: string; aeoIds: readonly string[] },
): Promise<Map<string, AeoRegisterEntry>> {
  const found = new Map<string, AeoRegisterEntry>();
  if (input.aeoIds.length === 0) return found;
  const rows = await db
    .select({
      aeoId: aeoCertificates.aeoId,
      status: aeoCertificates.status,
      category: aeoCertificates.category,
      holderId: aeoCertificates.holderId,
      holderIdentifiers: organisations.identifiers,
      validFrom: aeoCertificates.validFrom,
      validUntil: aeoCertificates.validUntil,
      benefits: aeoProgrammes.benefits,
    })
    .from(aeoCertificates)
    .innerJoin(organisations, eq(organisations.id, aeoCertificates.holderId))
    .innerJoin(aeoProgrammes, eq(aeoProgrammes.id, aeoCertificates.programmeId))
    .where(
      and(
        sql`${aeoCertificates.aeoId} = any(${sql.param([...new Set(input.aeoIds)])}::text[])`,
        eq(aeoCertificates.administrationId, input.administrationId),
      ),
    );
  for (const row of rows) found.set(row.aeoId, row);
  return found;
}

/** The benefits of an administration's AEO programme (empty when it runs none). */
export async function findProgrammeBenefits(
  db: Db | Tx,
  administrationId: string,
): Promise<ProgrammeBenefit[] | undefined> {
  const [row] = await db
    .select({ benefits: aeoProgrammes.benefits })
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.administrationId, administrationId));
  return row?.benefits;
}
