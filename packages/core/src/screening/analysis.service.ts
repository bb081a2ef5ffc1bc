import type {
  Backtest,
  BacktestListItem,
  BacktestPage,
  BacktestRequest,
  BacktestSummary,
  BacktestsQuery,
  BacktestVersionRef,
  BenefitGroup,
  BenefitPair,
  BenefitsQuery,
  BenefitsReport,
  RuleStatistic,
  RuleStatistics,
  RuleStatisticsQuery,
  TransportMode,
} from '@aeolus/contracts';
import { DEFAULT_BACKTEST_DAYS, MAX_BACKTEST_CONSIGNMENTS } from '@aeolus/contracts';
import { type CompiledRuleSet, compileRuleSet, RuleSetCompileError } from '@aeolus/risk-engine';
import { findProgrammeBenefits } from '../aeo/index.js';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { nextCursor, parseCursor } from '../shared/page-cursor.js';
import { recordChange } from '../shared/record-change.js';
import * as analysis from './analysis.repository.js';
import { BacktestReplay, type ReplaySelectivity } from './backtest.replay.js';
import * as repo from './rule-sets.repository.js';
import {
  definitionOf,
  loadScreeningContext,
  type ScreeningContext,
  toWatchList,
} from './screening-context.js';

/**
 * The analyst's measurements over stored screening results (issue 4 items 6–8): backtests, hit rates per
 * rule, and the AEO benefit measurement. See backtest.replay.ts for how a backtest decides both sides.
 */

const DAY_MS = 86_400_000;
/** Consignments read per round trip while replaying. */
const REPLAY_PAGE = 2_000;

const versionRef = (row: {
  id: string;
  ruleSetId: string;
  version: number;
  status: BacktestVersionRef['status'];
  name: string;
}): BacktestVersionRef => ({
  id: row.id,
  ruleSetId: row.ruleSetId,
  version: row.version,
  status: row.status,
  name: row.name,
});

const percent = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100;

/** The AEO benefit's parameters under the policy in force, for consignments that were AEO at filing. */
async function replaySelectivity(ctx: CoreContext, context: ScreeningContext): Promise<ReplaySelectivity> {
  const code = context.settings.aeoBenefitCode;
  if (!code) return { settings: context.settings, aeo: null };
  const benefits = (await findProgrammeBenefits(ctx.db, context.administrationId)) ?? [];
  const benefit = benefits.find((b) => b.code === code);
  return {
    settings: context.settings,
    aeo: {
      benefitCode: code,
      scoreReduction: benefit?.parameters?.riskScoreReduction ?? 0,
      randomSelectionPercent: benefit?.parameters?.randomSelectionPercent ?? null,
    },
  };
}

async function compileCandidate(
  ctx: CoreContext,
  context: ScreeningContext,
  version: repo.RuleSetVersionRow,
): Promise<CompiledRuleSet> {
  if (version.id === context.version.id) return context.engine;
  const lists = await repo.listWatchLists(ctx.db, context.administrationId);
  try {
    return compileRuleSet(definitionOf(version), {
      watchLists: lists.map(toWatchList),
      watchListsRevision: `${version.id}:${context.watchListsRevision}`,
    });
  } catch (error) {
    if (!(error instanceof RuleSetCompileError)) throw error;
    // A draft is checked when saved, but a watch list it names may have changed since.
    throw AppError.validation(error.problems);
  }
}

/** The window of a backtest: [from, to), by default the last 30 days. */
function windowOf(input: BacktestRequest, now: Date): { from: Date; to: Date } {
  const to = input.to ? new Date(input.to) : now;
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - DEFAULT_BACKTEST_DAYS * DAY_MS);
  if (!(from < to)) throw AppError.validation([{ path: 'body.to', message: 'must be after from' }]);
  return { from, to };
}

/**
 * Replays a rule-set version (a draft, or the published one) over the consignments filed in the window,
 * beside the published version with the same selectivity, and stores the comparison. Runs in the request:
 * the compiled engine screens a consignment in microseconds, so 50,000 take well under a few seconds,
 * read from the database 2,000 at a time. A retired version is refused (nothing would ever screen with it).
 */
export async function runBacktest(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string } & BacktestRequest,
): Promise<Backtest> {
  authorize(actor, 'risk-rules:manage');
  const administrationId = tenantOf(actor);
  const version = await repo.findVersion(ctx.db, administrationId, input.id);
  if (!version) throw AppError.notFound('Rule-set version');
  if (version.status === 'retired') {
    throw AppError.invalidState(
      'A retired rule-set version cannot be backtested; backtest a draft or the published version',
      version.status,
    );
  }
  const limit = input.limit ?? MAX_BACKTEST_CONSIGNMENTS;
  const startedAt = new Date();
  const { from, to } = windowOf(input, startedAt);
  const context = await loadScreeningContext(ctx.db, administrationId);
  const baselineRow = await repo.findVersion(ctx.db, administrationId, context.version.id);
  if (!baselineRow) throw new AppError('SERVICE_UNAVAILABLE', 'The rule set is being changed; try again');
  const candidate = await compileCandidate(ctx, context, version);
  const replay = new BacktestReplay(
    { candidate, baseline: context.engine },
    await replaySelectivity(ctx, context),
  );

  let before: { receivedAt: Date; id: string } | null = null;
  let truncated = false;
  for (;;) {
    const wanted = Math.min(REPLAY_PAGE, limit - replay.count);
    // One row more than the limit tells whether the window held more.
    const page = await analysis.pageReplayRows(ctx.db, {
      administrationId,
      from,
      to,
      before,
      limit: wanted > 0 ? wanted : 1,
    });
    if (wanted <= 0) {
      truncated = page.length > 0;
      break;
    }
    replay.add(page);
    const last = page.at(-1);
    if (!last || page.length < wanted) break;
    before = { receivedAt: last.receivedAt, id: last.id };
  }

  const tally = replay.finish({ candidate: versionRef(version), baseline: versionRef(baselineRow) });
  const finishedAt = new Date();
  const summary: BacktestSummary = {
    ...tally,
    selectivity: { policyRevision: context.policyRevision, watchListsRevision: context.watchListsRevision },
    truncated,
    limit,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
  const row = await inTransaction(ctx.db, async (tx) => {
    const stored = await analysis.insertBacktest(tx, {
      administrationId,
      ruleSetVersionId: version.id,
      policy: null,
      from,
      to,
      status: 'completed',
      consignmentCount: replay.count,
      summary: summary as unknown as Record<string, unknown>,
      createdBy: actor.label,
      createdAt: startedAt,
      startedAt,
      finishedAt,
    });
    const facts = {
      candidateVersionId: version.id,
      baselineVersionId: baselineRow.id,
      from: from.toISOString(),
      to: to.toISOString(),
      consignments: replay.count,
      laneChanged: summary.laneChanged,
      referralsChanged: summary.referralsChanged,
    };
    await recordChange(tx, actor, {
      action: 'screening.backtest.completed',
      subjectType: 'screening_backtest',
      subjectId: stored.id,
      organisationId: administrationId,
      summary: { after: facts },
      event: { backtestId: stored.id, ...facts },
    });
    return stored;
  });
  return toBacktest({ backtest: row, candidate: versionRef(version) });
}

function toListItem(row: analysis.BacktestWithVersion): BacktestListItem {
  const b = row.backtest;
  const summary = b.summary as unknown as BacktestSummary | null;
  return {
    id: b.id,
    status: b.status,
    candidate: versionRef(row.candidate),
    baseline: summary?.baseline.version ?? null,
    from: b.from.toISOString(),
    to: b.to.toISOString(),
    consignmentCount: b.consignmentCount,
    laneChanged: summary?.laneChanged ?? null,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

function toBacktest(row: analysis.BacktestWithVersion): Backtest {
  return {
    ...toListItem(row),
    summary: (row.backtest.summary as unknown as BacktestSummary | null) ?? null,
    error: row.backtest.error,
  };
}

export async function listBacktests(
  ctx: CoreContext,
  actor: Actor,
  query: BacktestsQuery,
): Promise<BacktestPage> {
  authorize(actor, 'risk-rules:read');
  const rows = await analysis.listBacktests(ctx.db, {
    administrationId: tenantOf(actor),
    versionId: query.version,
    before: query.cursor ? parseCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  return {
    items: rows.slice(0, query.limit).map(toListItem),
    nextCursor: nextCursor(
      rows.map((r) => ({ createdAt: r.backtest.createdAt, id: r.backtest.id })),
      query.limit,
    ),
  };
}

export async function getBacktest(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<Backtest> {
  authorize(actor, 'risk-rules:read');
  const row = await analysis.findBacktest(ctx.db, tenantOf(actor), input.id);
  if (!row) throw AppError.notFound('Backtest');
  return toBacktest(row);
}

// Rule statistics -------------------------------------------------------------------------------------

/**
 * Hit rates per rule of one version (issue 4 item 6): how often each rule fired on the results that
 * version decided, and what the latest recorded outcomes of those results found. Every rule of the version
 * is listed, including those that never fired.
 */
export async function getRuleStatistics(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string } & RuleStatisticsQuery,
): Promise<RuleStatistics> {
  authorize(actor, 'risk-rules:read');
  const administrationId = tenantOf(actor);
  const version = await repo.findVersion(ctx.db, administrationId, input.id);
  if (!version) throw AppError.notFound('Rule-set version');
  const from = input.from ? new Date(input.from) : null;
  const to = input.to ? new Date(input.to) : null;
  const counts = await analysis.ruleCounts(ctx.db, { administrationId, versionId: version.id, from, to });
  const byId = new Map(counts.rules.map((r) => [r.ruleId, r]));
  const definition = definitionOf(version);
  const names = new Map<string, string>(definition.rules.map((r) => [r.id, r.name]));
  for (const table of definition.decisionTables ?? []) {
    for (const row of table.rows) names.set(`${table.id}/${row.id}`, `${table.name}, ${row.note ?? row.id}`);
  }
  const ids = [...new Set([...definition.rules.map((r) => r.id), ...byId.keys()])];
  const rules = ids.map((ruleId): RuleStatistic => {
    const c = byId.get(ruleId);
    const fired = c?.fired ?? 0;
    const withOutcome = c?.withOutcome ?? 0;
    const findings = (c?.discrepancies ?? 0) + (c?.seizures ?? 0);
    return {
      ruleId,
      name: names.get(ruleId) ?? ruleId,
      fired,
      withOutcome,
      noFinding: c?.noFinding ?? 0,
      discrepancies: c?.discrepancies ?? 0,
      seizures: c?.seizures ?? 0,
      hitRatePercent: withOutcome > 0 ? percent(findings, withOutcome) : null,
      firingRatePercent: counts.screened > 0 ? percent(fired, counts.screened) : null,
    };
  });
  rules.sort((a, b) => b.fired - a.fired || a.ruleId.localeCompare(b.ruleId));
  return {
    version: versionRef(version),
    from: from?.toISOString() ?? null,
    to: to?.toISOString() ?? null,
    screened: counts.screened,
    withOutcome: counts.withOutcome,
    rules,
  };
}

// Benefit measurement -----------------------------------------------------------------------------------

const BENEFIT_DEFAULT_DAYS = 90;

type Counts = Omit<analysis.BenefitCountRow, 'start' | 'mode' | 'isAeo'>;

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function group(counts: Counts | undefined, hours: number[] | undefined): BenefitGroup | null {
  if (!counts || counts.consignments === 0) return null;
  const findings = counts.discrepancies + counts.seizures;
  const sorted = [...(hours ?? [])].sort((a, b) => a - b);
  return {
    consignments: counts.consignments,
    red: counts.red,
    yellow: counts.yellow,
    referred: counts.referred,
    randomlySelected: counts.randomlySelected,
    examinationRatePercent: percent(counts.red, counts.consignments),
    documentaryRatePercent: percent(counts.yellow, counts.consignments),
    referralRatePercent: percent(counts.referred, counts.consignments),
    outcomes: {
      recorded: counts.recorded,
      noFinding: counts.noFinding,
      discrepancies: counts.discrepancies,
      seizures: counts.seizures,
      hitRatePercent: counts.recorded > 0 ? percent(findings, counts.recorded) : null,
    },
    timeToDecision:
      sorted.length === 0
        ? null
        : {
            count: sorted.length,
            medianHours: round2(quantile(sorted, 0.5)),
            p90Hours: round2(quantile(sorted, 0.9)),
            meanHours: round2(sorted.reduce((s, h) => s + h, 0) / sorted.length),
          },
  };
}

/** Sums count rows and gathers decision times under a key (period, mode or everything) and AEO status. */
class Groups {
  private readonly counts = new Map<string, Counts>();
  private readonly hours = new Map<string, number[]>();
  readonly keys = new Set<string>();

  addCounts(key: string, aeo: boolean, row: Counts): void {
    this.keys.add(key);
    const id = `${key}|${aeo}`;
    const sum = this.counts.get(id);
    if (!sum) {
      this.counts.set(id, { ...row });
      return;
    }
    for (const k of Object.keys(row) as (keyof Counts)[]) sum[k] += row[k];
  }

  addHours(key: string, aeo: boolean, value: number): void {
    const id = `${key}|${aeo}`;
    const list = this.hours.get(id);
    if (list) list.push(value);
    else this.hours.set(id, [value]);
  }

  pair(key: string): BenefitPair {
    return {
      aeo: group(this.counts.get(`${key}|true`), this.hours.get(`${key}|true`)),
      nonAeo: group(this.counts.get(`${key}|false`), this.hours.get(`${key}|false`)),
    };
  }
}

/**
 * The AEO benefit measurement (issue 4 item 8; SAFE pillar 2, the figure trusted-trader audits could not
 * produce): examination (red), documentary (yellow) and referral rates, time from filing to the first
 * recorded outcome, and what recorded outcomes found — for AEO and non-AEO consignments, per period and
 * mode, with the counts behind every rate. A group or period without consignments is absent, not zero.
 */
export async function getBenefits(
  ctx: CoreContext,
  actor: Actor,
  query: BenefitsQuery,
): Promise<BenefitsReport> {
  authorize(actor, 'screening-results:read');
  const administrationId = tenantOf(actor);
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - BENEFIT_DEFAULT_DAYS * DAY_MS);
  if (!(from < to)) throw AppError.validation([{ path: 'querystring.to', message: 'must be after from' }]);
  const policy = await repo.findPolicy(ctx.db, administrationId);
  const timeZone = policy?.settings.timeZone ?? 'UTC';
  const { counts, times } = await analysis.benefitCounts(ctx.db, {
    administrationId,
    from,
    to,
    bucket: query.bucket,
    timeZone,
    mode: query.mode ?? null,
  });
  const periods = new Groups();
  const modes = new Groups();
  const total = new Groups();
  for (const { start, mode, isAeo, ...row } of counts) {
    periods.addCounts(start, isAeo, row);
    modes.addCounts(mode, isAeo, row);
    total.addCounts('all', isAeo, row);
  }
  for (const t of times) {
    periods.addHours(t.start, t.isAeo, t.hours);
    modes.addHours(t.mode, t.isAeo, t.hours);
    total.addHours('all', t.isAeo, t.hours);
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket: query.bucket,
    mode: query.mode ?? null,
    timeZone,
    total: total.pair('all'),
    periods: [...periods.keys].sort().map((start) => ({ start, ...periods.pair(start) })),
    modes: [...modes.keys].sort().map((mode) => ({ mode: mode as TransportMode, ...modes.pair(mode) })),
  };
}
