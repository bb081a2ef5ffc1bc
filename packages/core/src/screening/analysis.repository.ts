import type { AeoFact, BenefitBucket, Consignment, OutcomeKind, ScreeningFacts } from '@aeolus/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import type { PageCursor } from '../shared/page-cursor.js';
import type { ReplayRow } from './backtest.replay.js';
import { ruleSetVersions } from './rule-sets.tables.js';
import { screeningBacktests } from './screening.tables.js';

/**
 * Queries for the analyst's measurements: pages of stored results to replay, hit-rate statistics per rule,
 * the AEO benefit aggregates, and the stored backtests. Aggregates are computed by the database; only
 * backtests bring consignments into the process (a page at a time).
 */
type Conn = Db | Tx;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const LATEST_OUTCOME = sql.raw(
  '(select o.outcome from screening_outcomes o where o.result_id = r.id order by o.recorded_at desc limit 1)',
);

/**
 * One page of results filed in [from, to), newest first, strictly before `before` (keyset on
 * received_at, id). Only the columns a replay needs: the explanation's kept facts, not the whole explanation.
 */
export async function pageReplayRows(
  db: Conn,
  input: {
    administrationId: string;
    from: Date;
    to: Date;
    before: { receivedAt: Date; id: string } | null;
    limit: number;
  },
): Promise<ReplayRow[]> {
  const before = input.before
    ? sql`and (r.received_at, r.id) < (${input.before.receivedAt.toISOString()}::timestamptz, ${input.before.id}::uuid)`
    : sql``;
  const rows = rowsOf<{
    id: string;
    reference: string;
    received_at: string | Date;
    mode: string;
    office: string | null;
    consignment: Consignment;
    facts: ScreeningFacts | null;
    aeo_facts: AeoFact[];
    is_aeo: boolean;
    random_draw: number;
    outcome: OutcomeKind | null;
  }>(
    await db.execute(sql`
      select r.id, r.reference, r.received_at, r.mode, r.office, r.consignment, r.explanation -> 'facts' as facts,
             r.aeo_facts, r.is_aeo, r.random_draw, ${LATEST_OUTCOME} as outcome
        from screening_results r
       where r.administration_id = ${input.administrationId}
         and r.received_at >= ${input.from.toISOString()}::timestamptz
         and r.received_at < ${input.to.toISOString()}::timestamptz
         ${before}
       order by r.received_at desc, r.id desc
       limit ${input.limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: new Date(r.received_at),
    mode: r.mode,
    office: r.office,
    consignment: r.consignment,
    facts: r.facts,
    aeoFacts: r.aeo_facts,
    isAeo: r.is_aeo,
    randomDraw: Number(r.random_draw),
    outcome: r.outcome,
  }));
}

export interface RuleCountRow {
  ruleId: string;
  fired: number;
  withOutcome: number;
  noFinding: number;
  discrepancies: number;
  seizures: number;
}

const rangeOf = (from: Date | null, to: Date | null) => sql`
  ${from ? sql`and r.received_at >= ${from.toISOString()}::timestamptz` : sql``}
  ${to ? sql`and r.received_at < ${to.toISOString()}::timestamptz` : sql``}`;

/** Per fired rule of a version: how often it fired and what the latest recorded outcomes found. */
export async function ruleCounts(
  db: Conn,
  input: { administrationId: string; versionId: string; from: Date | null; to: Date | null },
): Promise<{ screened: number; withOutcome: number; rules: RuleCountRow[] }> {
  const scope = sql`r.administration_id = ${input.administrationId} and r.rule_set_version_id = ${input.versionId}
                    ${rangeOf(input.from, input.to)}`;
  const [totals, rules] = await Promise.all([
    db.execute(sql`
      select count(*)::int as screened, count(lo.outcome)::int as with_outcome
        from screening_results r
        left join lateral (select ${LATEST_OUTCOME} as outcome) lo on true
       where ${scope}`),
    db.execute(sql`
      select f.rule_id, count(*)::int as fired, count(lo.outcome)::int as with_outcome,
             (count(*) filter (where lo.outcome = 'no_finding'))::int as no_finding,
             (count(*) filter (where lo.outcome = 'discrepancy'))::int as discrepancies,
             (count(*) filter (where lo.outcome = 'seizure'))::int as seizures
        from screening_results r
       cross join lateral unnest(r.fired_rule_ids) as f(rule_id)
        left join lateral (select ${LATEST_OUTCOME} as outcome) lo on true
       where ${scope}
       group by f.rule_id`),
  ]);
  const [total] = rowsOf<{ screened: number; with_outcome: number }>(totals);
  return {
    screened: Number(total?.screened ?? 0),
    withOutcome: Number(total?.with_outcome ?? 0),
    rules: rowsOf<{
      rule_id: string;
      fired: number;
      with_outcome: number;
      no_finding: number;
      discrepancies: number;
      seizures: number;
    }>(rules).map((r) => ({
      ruleId: r.rule_id,
      fired: Number(r.fired),
      withOutcome: Number(r.with_outcome),
      noFinding: Number(r.no_finding),
      discrepancies: Number(r.discrepancies),
      seizures: Number(r.seizures),
    })),
  };
}

export interface BenefitCountRow {
  start: string;
  mode: string;
  isAeo: boolean;
  consignments: number;
  red: number;
  yellow: number;
  referred: number;
  randomlySelected: number;
  recorded: number;
  noFinding: number;
  discrepancies: number;
  seizures: number;
}

export interface DecisionTimeRow {
  start: string;
  mode: string;
  isAeo: boolean;
  hours: number;
}

/**
 * The benefit measurement's raw material, grouped by period (cut in `timeZone`), mode and AEO status: counts
 * per lane, referrals and latest outcomes; and, per result with an outcome, the hours from filing to its
 * first outcome (medians cannot be summed, so those come back one per result).
 */
export async function benefitCounts(
  db: Conn,
  input: {
    administrationId: string;
    from: Date;
    to: Date;
    bucket: BenefitBucket;
    timeZone: string;
    mode: string | null;
  },
): Promise<{ counts: BenefitCountRow[]; times: DecisionTimeRow[] }> {
  const start = sql`to_char(date_trunc(${input.bucket}, r.received_at at time zone ${input.timeZone}), 'YYYY-MM-DD')`;
  const scope = sql`r.administration_id = ${input.administrationId}
    and r.received_at >= ${input.from.toISOString()}::timestamptz
    and r.received_at < ${input.to.toISOString()}::timestamptz
    ${input.mode ? sql`and r.mode = ${input.mode}` : sql``}`;
  const [counts, times] = await Promise.all([
    db.execute(sql`
      select ${start} as start, r.mode, r.is_aeo, count(*)::int as consignments,
             (count(*) filter (where r.lane = 'red'))::int as red,
             (count(*) filter (where r.lane = 'yellow'))::int as yellow,
             (count(*) filter (where cardinality(r.referrals) > 0))::int as referred,
             (count(*) filter (where r.randomly_selected))::int as randomly_selected,
             count(lo.outcome)::int as recorded,
             (count(*) filter (where lo.outcome = 'no_finding'))::int as no_finding,
             (count(*) filter (where lo.outcome = 'discrepancy'))::int as discrepancies,
             (count(*) filter (where lo.outcome = 'seizure'))::int as seizures
        from screening_results r
        left join lateral (select ${LATEST_OUTCOME} as outcome) lo on true
       where ${scope}
       group by 1, 2, 3`),
    db.execute(sql`
      select ${start} as start, r.mode, r.is_aeo,
             extract(epoch from (o.first_at - r.received_at)) / 3600.0 as hours
        from screening_results r
        join (select result_id, min(recorded_at) as first_at from screening_outcomes
               where administration_id = ${input.administrationId} group by result_id) o on o.result_id = r.id
       where ${scope}`),
  ]);
  return {
    counts: rowsOf<Record<string, unknown>>(counts).map((r) => ({
      start: String(r.start),
      mode: String(r.mode),
      isAeo: Boolean(r.is_aeo),
      consignments: Number(r.consignments),
      red: Number(r.red),
      yellow: Number(r.yellow),
      referred: Number(r.referred),
      randomlySelected: Number(r.randomly_selected),
      recorded: Number(r.recorded),
      noFinding: Number(r.no_finding),
      discrepancies: Number(r.discrepancies),
      seizures: Number(r.seizures),
    })),
    times: rowsOf<Record<string, unknown>>(times).map((r) => ({
      start: String(r.start),
      mode: String(r.mode),
      isAeo: Boolean(r.is_aeo),
      hours: Number(r.hours),
    })),
  };
}

// Backtests -------------------------------------------------------------------------------------------

export type BacktestRow = typeof screeningBacktests.$inferSelect;

const backtestColumns = {
  backtest: screeningBacktests,
  candidate: {
    id: ruleSetVersions.id,
    ruleSetId: ruleSetVersions.ruleSetId,
    version: ruleSetVersions.version,
    status: ruleSetVersions.status,
    name: ruleSetVersions.name,
  },
};

export type BacktestWithVersion = {
  backtest: BacktestRow;
  candidate: {
    id: string;
    ruleSetId: string;
    version: number;
    status: 'draft' | 'published' | 'retired';
    name: string;
  };
};

export async function insertBacktest(
  tx: Tx,
  values: typeof screeningBacktests.$inferInsert,
): Promise<BacktestRow> {
  const [row] = await tx.insert(screeningBacktests).values(values).returning();
  return row!;
}

export async function findBacktest(
  db: Conn,
  administrationId: string,
  id: string,
): Promise<BacktestWithVersion | undefined> {
  const [row] = await db
    .select(backtestColumns)
    .from(screeningBacktests)
    .innerJoin(ruleSetVersions, eq(ruleSetVersions.id, screeningBacktests.ruleSetVersionId))
    .where(and(eq(screeningBacktests.administrationId, administrationId), eq(screeningBacktests.id, id)));
  return row;
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listBacktests(
  db: Conn,
  input: { administrationId: string; versionId?: string; before?: PageCursor; limit: number },
): Promise<BacktestWithVersion[]> {
  const where = [eq(screeningBacktests.administrationId, input.administrationId)];
  if (input.versionId) where.push(eq(screeningBacktests.ruleSetVersionId, input.versionId));
  if (input.before) {
    where.push(
      sql`(${screeningBacktests.createdAt}, ${screeningBacktests.id}) < (${input.before.createdAt.toISOString()}::timestamptz, ${input.before.id}::uuid)`,
    );
  }
  return db
    .select(backtestColumns)
    .from(screeningBacktests)
    .innerJoin(ruleSetVersions, eq(ruleSetVersions.id, screeningBacktests.ruleSetVersionId))
    .where(and(...where))
    .orderBy(desc(screeningBacktests.createdAt), desc(screeningBacktests.id))
    .limit(input.limit);
}
