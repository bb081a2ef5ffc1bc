import type {
  Lane,
  OutcomeKind,
  Referral,
  RuleSetVersion,
  RuleSetVersionSummary,
  ScreeningOutcome,
  ScreeningPolicy,
  ScreeningResult,
  ScreeningResultSummary,
  TransportMode,
  WatchListDetail,
  WatchListSummary,
} from '@aeolus/contracts';
import type { PolicyRow, RuleSetVersionRow, WatchListRow } from './rule-sets.repository.js';
import type { OutcomeRow, ResultRow, ResultSummaryRow } from './screening.repository.js';
import { definitionOf } from './screening-context.js';

/** Rows → contract types: the one place the screening tables and the API meet. */

export function toResultSummary(row: ResultSummaryRow): ScreeningResultSummary {
  const r = row.result;
  return {
    id: r.id,
    batchId: r.batchId,
    reference: r.reference,
    transportDocument: r.transportDocument,
    filerOrganisationId: r.filerOrganisationId,
    filerName: row.filerName,
    mode: r.mode as TransportMode,
    office: r.office,
    receivedAt: r.receivedAt.toISOString(),
    lane: r.lane as Lane,
    score: r.score,
    referrals: r.referrals as Referral[],
    firedRuleIds: r.firedRuleIds,
    isAeo: r.isAeo,
    randomlySelected: r.randomlySelected,
    capacityDowngraded: r.capacityDowngraded,
    ruleSet: { id: r.ruleSetVersionId, ruleSetId: r.ruleSetId, version: r.ruleSetVersion },
    outcome: row.outcome as OutcomeKind | null,
  };
}

export function toOutcome(row: OutcomeRow): ScreeningOutcome {
  return {
    id: row.id,
    resultId: row.resultId,
    outcome: row.outcome,
    notes: row.notes,
    officer: row.officerLabel,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export function toResult(
  row: { result: ResultRow; filerName: string },
  outcomes: OutcomeRow[],
): ScreeningResult {
  const r = row.result;
  return {
    ...toResultSummary({ result: r, filerName: row.filerName, outcome: outcomes.at(-1)?.outcome ?? null }),
    consignment: r.consignment,
    explanation: r.explanation,
    aeoFacts: r.aeoFacts,
    randomDraw: r.randomDraw,
    policyRevision: r.policyRevision,
    watchListsRevision: r.watchListsRevision,
    outcomes: outcomes.map(toOutcome),
  };
}

export function toVersionSummary(row: RuleSetVersionRow): RuleSetVersionSummary {
  return {
    id: row.id,
    ruleSetId: row.ruleSetId,
    version: row.version,
    status: row.status,
    name: row.name,
    ruleCount: row.definition.rules.length,
    decisionTableCount: row.definition.decisionTables.length,
    watchLists: row.definition.watchLists,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

export function toVersion(row: RuleSetVersionRow): RuleSetVersion {
  return { ...toVersionSummary(row), definition: definitionOf(row) };
}

export function toWatchListSummary(row: WatchListRow): WatchListSummary {
  return {
    name: row.name,
    description: row.description,
    entryCount: row.entries.length,
    includes: row.includes,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toWatchListDetail(row: WatchListRow): WatchListDetail {
  return { ...toWatchListSummary(row), entries: row.entries };
}

export function toPolicy(row: PolicyRow): ScreeningPolicy {
  return {
    administrationId: row.administrationId,
    revision: row.revision,
    settings: row.settings,
    updatedAt: row.updatedAt.toISOString(),
  };
}
