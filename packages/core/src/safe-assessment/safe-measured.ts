import type { SafeMeasured } from '@aeolus/contracts';
import { and, count, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { aeoCertificates, aeoProgrammes } from '../aeo/aeo.tables.js';
import { loadPublicCompilation } from '../compilation/compilation.directory.js';
import type { Db, Tx } from '../db/client.js';
import { screeningResults } from '../screening/screening.tables.js';

/**
 * "Measured beside declared" (SAFE review: tie the self-reported picture to what the systems show). Each
 * fact comes from the module that holds it; when the platform does not hold a fact it is null — shown as
 * absent, never estimated.
 */
type Conn = Db | Tx;

/**
 * MRAs of the programme covering a country, by phase, as the AEO compilation publishes them (curated
 * programmes, and programmes run on this platform with their MRAs from the arrangements). Null when the
 * compilation holds no programme for the country.
 */
export async function mrasByPhaseFor(db: Conn, countryCode: string): Promise<SafeMeasured['mras']> {
  const { programmes } = await loadPublicCompilation(db);
  const programme = programmes.find((p) => p.country === countryCode);
  if (!programme) return null;
  const byStatus: Record<string, number> = {};
  for (const mra of programme.mras) byStatus[mra.status] = (byStatus[mra.status] ?? 0) + 1;
  return { byStatus, source: `AEO compilation: ${programme.name}` };
}

/** Active AEOs now and at the start of the review period; null when the administration runs no programme here. */
async function aeoFacts(db: Conn, administrationId: string, periodStart: Date): Promise<SafeMeasured['aeo']> {
  const [programme] = await db
    .select({ id: aeoProgrammes.id })
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.administrationId, administrationId));
  if (!programme) return null;
  const now = new Date();
  const [current] = await db
    .select({ n: count() })
    .from(aeoCertificates)
    .where(
      and(
        eq(aeoCertificates.administrationId, administrationId),
        eq(aeoCertificates.status, 'active'),
        or(isNull(aeoCertificates.validUntil), gt(aeoCertificates.validUntil, now)),
      ),
    );
  // Valid at the period start, and not suspended or revoked before it (a later change does not count).
  const [before] = await db
    .select({ n: count() })
    .from(aeoCertificates)
    .where(
      and(
        eq(aeoCertificates.administrationId, administrationId),
        lte(aeoCertificates.validFrom, periodStart),
        or(isNull(aeoCertificates.validUntil), gt(aeoCertificates.validUntil, periodStart)),
        or(eq(aeoCertificates.status, 'active'), gt(aeoCertificates.statusChangedAt, periodStart)),
      ),
    );
  const activeCount = current?.n ?? 0;
  const activeAtPeriodStart = before?.n ?? 0;
  const trend =
    activeCount > activeAtPeriodStart ? 'up' : activeCount < activeAtPeriodStart ? 'down' : 'flat';
  return { activeCount, activeAtPeriodStart, trend };
}

/**
 * AEO vs non-AEO examination rates from risk screening: a consignment sent to the yellow (documentary) or
 * red (physical) lane counts as examined. Null when the administration has screened nothing.
 */
async function examinationFacts(db: Conn, administrationId: string): Promise<SafeMeasured['examination']> {
  const rows = await db
    .select({
      isAeo: screeningResults.isAeo,
      total: count(),
      examined: sql<number>`count(*) filter (where ${inArray(screeningResults.lane, ['yellow', 'red'])})`,
    })
    .from(screeningResults)
    .where(eq(screeningResults.administrationId, administrationId))
    .groupBy(screeningResults.isAeo);
  if (rows.length === 0) return null;
  const side = (aeo: boolean) => {
    const row = rows.find((r) => r.isAeo === aeo);
    const total = Number(row?.total ?? 0);
    const rate = total === 0 ? null : Math.round((Number(row?.examined ?? 0) / total) * 1000) / 10;
    return { total, rate };
  };
  const aeo = side(true);
  const other = side(false);
  return {
    aeoConsignments: aeo.total,
    aeoExaminationPercent: aeo.rate,
    nonAeoConsignments: other.total,
    nonAeoExaminationPercent: other.rate,
  };
}

/**
 * Share of screened consignments lodged by the mode's deadline (SAFE Pillar 1 standard 6: advance electronic
 * information in time for risk assessment). The margin is derived at screening from the filing time, the
 * expected departure or arrival and the mode; consignments without the times needed are left out of the
 * base. Null when no screened consignment has a known deadline.
 */
async function filingFacts(db: Conn, administrationId: string): Promise<SafeMeasured['filing']> {
  const margin = screeningResults.filingMarginHours;
  const [row] = await db
    .select({
      known: sql<number>`count(${margin})`,
      onTime: sql<number>`count(*) filter (where ${margin} >= 0)`,
    })
    .from(screeningResults)
    .where(eq(screeningResults.administrationId, administrationId));
  const known = Number(row?.known ?? 0);
  if (known === 0) return null;
  return {
    consignments: known,
    onTimePercent: Math.round((Number(row?.onTime ?? 0) / known) * 1000) / 10,
  };
}

export async function measuredFacts(
  db: Conn,
  input: { administrationId: string; countryCode: string | null; periodStart: string },
): Promise<SafeMeasured> {
  const [aeo, examination, filing, mras] = await Promise.all([
    aeoFacts(db, input.administrationId, new Date(`${input.periodStart}T00:00:00Z`)),
    examinationFacts(db, input.administrationId),
    filingFacts(db, input.administrationId),
    input.countryCode ? mrasByPhaseFor(db, input.countryCode) : null,
  ]);
  return {
    aeo,
    mras,
    filing,
    examination,
  };
}
