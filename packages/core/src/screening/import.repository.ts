import type { Consignment, Lane, Referral } from '@aeolus/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { screeningResults } from './screening.tables.js';

export interface EarlierResult {
  id: string;
  reference: string;
  lane: Lane;
  referrals: Referral[];
  consignment: Consignment;
}

const CHUNK = 5_000;

/** The latest result of each of these references that this filer filed with this administration. */
export async function findLatestResultsByReference(
  db: Db,
  p: { administrationId: string; filerOrganisationId: string; references: readonly string[] },
): Promise<Map<string, EarlierResult>> {
  const latest = new Map<string, EarlierResult>();
  const newest = new Map<string, number>();
  for (let start = 0; start < p.references.length; start += CHUNK) {
    const rows = await db
      .select({
        id: screeningResults.id,
        reference: screeningResults.reference,
        lane: screeningResults.lane,
        referrals: screeningResults.referrals,
        consignment: screeningResults.consignment,
        receivedAt: screeningResults.receivedAt,
      })
      .from(screeningResults)
      .where(
        and(
          eq(screeningResults.administrationId, p.administrationId),
          eq(screeningResults.filerOrganisationId, p.filerOrganisationId),
          inArray(screeningResults.reference, p.references.slice(start, start + CHUNK)),
        ),
      );
    // The latest per reference is picked here: with ORDER BY received_at the planner may walk all the
    // administration's results in time order and test each against the whole reference list (slow).
    for (const { receivedAt, ...row } of rows) {
      const seen = newest.get(row.reference);
      if (seen !== undefined && seen >= receivedAt.getTime()) continue;
      newest.set(row.reference, receivedAt.getTime());
      latest.set(row.reference, { ...row, referrals: row.referrals as Referral[] });
    }
  }
  return latest;
}
