import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { aeoApplications, aeoProgrammes } from './aeo.tables.js';

/** The AEO programme's side of SAQ versions (the generic queries: questionnaire-versions.repository). */
type Conn = Db | Tx;

/** The programme row, locked so that publishing and retiring serialise with each other. */
export async function lockProgrammeOf(tx: Tx, administrationId: string) {
  const [row] = await tx
    .select()
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.administrationId, administrationId))
    .for('update');
  return row;
}

export async function setProgrammeSaq(tx: Tx, programmeId: string, saqDefinitionId: string): Promise<void> {
  await tx
    .update(aeoProgrammes)
    .set({ saqDefinitionId, updatedAt: new Date() })
    .where(eq(aeoProgrammes.id, programmeId));
}

/** Applications per pinned version, within an administration (and, for an operator, only its own). */
export async function countApplicationsByVersion(
  db: Conn,
  filter: { administrationId: string; operatorId?: string },
): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: aeoApplications.saqDefinitionId, n: sql<number>`count(*)::int` })
    .from(aeoApplications)
    .where(
      and(
        eq(aeoApplications.administrationId, filter.administrationId),
        filter.operatorId ? eq(aeoApplications.operatorId, filter.operatorId) : undefined,
      ),
    )
    .groupBy(aeoApplications.saqDefinitionId);
  return new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, Number(r.n)]));
}
