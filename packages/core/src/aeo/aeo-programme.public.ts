import { and, asc, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { organisations } from '../identity/identity.tables.js';
import {
  aeoCertificates,
  aeoCriteria,
  aeoProgrammes,
  type Localised,
  type ProgrammeValidity,
} from './aeo.tables.js';

/** What the public AEO compilation shows of a programme run on this platform (all of it live). */
export interface PlatformProgrammeSummary {
  programmeId: string;
  administration: string;
  country: string;
  name: Localised;
  eligibleRoles: string[];
  benefitCodes: string[];
  validity: ProgrammeValidity;
  /** SAFE AEO heading → the programme's criteria titles under it. */
  criteriaByHeading: Record<string, Localised[]>;
  /** Certificates granted and active: status `active` and not past their end of validity (a grant counts
   * from the decision, even before its effective date, so that it shows at once). */
  activeCertificates: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Every AEO programme of an administration on this platform, with its count of certificates in force,
 * read at call time so that a grant, suspension or revocation shows at once (issue 5 §9: "programmes
 * run on this platform appear live").
 */
export async function listPlatformProgrammeSummaries(db: Db | Tx): Promise<PlatformProgrammeSummary[]> {
  const programmes = await db
    .select({ programme: aeoProgrammes, administration: organisations.name, country: organisations.country })
    .from(aeoProgrammes)
    .innerJoin(organisations, eq(organisations.id, aeoProgrammes.administrationId))
    .orderBy(asc(aeoProgrammes.createdAt));
  const now = new Date();
  const counts = await db
    .select({ programmeId: aeoCertificates.programmeId, n: count() })
    .from(aeoCertificates)
    .where(
      and(
        eq(aeoCertificates.status, 'active'),
        or(isNull(aeoCertificates.validUntil), gt(aeoCertificates.validUntil, now)),
      ),
    )
    .groupBy(aeoCertificates.programmeId);
  const criteria = await db
    .select({
      programmeId: aeoCriteria.programmeId,
      heading: aeoCriteria.safeHeading,
      title: aeoCriteria.title,
    })
    .from(aeoCriteria)
    .orderBy(asc(aeoCriteria.position));
  return programmes
    .filter((row) => row.country)
    .map(({ programme, administration, country }) => {
      const criteriaByHeading: Record<string, Localised[]> = {};
      for (const c of criteria.filter((c) => c.programmeId === programme.id)) {
        const key = String(c.heading);
        criteriaByHeading[key] = [...(criteriaByHeading[key] ?? []), c.title];
      }
      return {
        programmeId: programme.id,
        administration,
        country: country as string,
        name: programme.name,
        eligibleRoles: programme.eligibleRoles,
        benefitCodes: programme.benefits.map((b) => b.code),
        validity: programme.validity,
        criteriaByHeading,
        activeCertificates: Number(counts.find((c) => c.programmeId === programme.id)?.n ?? 0),
        createdAt: programme.createdAt,
        updatedAt: programme.updatedAt,
      };
    });
}
