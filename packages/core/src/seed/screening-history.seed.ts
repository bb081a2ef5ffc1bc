import { randomUUID } from 'node:crypto';
import type { Consignment, ConsignmentParty, OutcomeKind, RuleSet } from '@aeolus/contracts';
import { createRandom, demoRuleSet, generateConsignment } from '@aeolus/risk-engine';
import { findAeoRegisterEntries } from '../aeo/index.js';
import type { CoreContext } from '../context.js';
import { insertRecordset } from '../db/bulk-insert.js';
import { inTransaction } from '../db/unit-of-work.js';
import type { Actor } from '../identity/actor.js';
import { toNewResult } from '../screening/filing.persist.js';
import { validateConsignments } from '../screening/filing.validation.js';
import {
  capacityCandidate,
  lookupKeys,
  type Screened,
  screenConsignments,
} from '../screening/screening.evaluate.js';
import * as repo from '../screening/screening.repository.js';
import { screeningBatches, screeningOutcomes, screeningResults } from '../screening/screening.tables.js';
import { loadScreeningContext } from '../screening/screening-context.js';
import { applyCapacity, officeDay } from '../screening/selectivity.js';
import { recordChange } from '../shared/record-change.js';

/**
 * Screened demo history for the NL administration: a few thousand consignments filed over the last 90 days
 * by four NL operators, screened by the published demo rule set through the real screening code (facts,
 * AEO register, compiled engine, selectivity, office capacity per day), with examination outcomes recorded
 * for part of the red and yellow ones — so that results, rule statistics, backtests and the AEO benefit
 * measurement have something to show on a first start. Written with one statement per table per 500 rows.
 *
 * Windmill Components files as an AEO (consignee NLAEOF000001, active); Harbour Warehousing declares
 * NLAEOF000002, which is suspended, so its consignments count as non-AEO. Illustrative, generated data.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const CHUNK = 500;

export interface HistoryFilers {
  administrationId: string;
  /** Ordinary filers (forwarders), used for most consignments. */
  forwarders: readonly string[];
}

export interface HistoryOptions {
  count?: number;
  days?: number;
  seed?: number;
  now?: Date;
}

export interface HistoryResult {
  screened: number;
  rejected: number;
  outcomes: number;
  ms: number;
}

const AEO_HOLDERS = [
  {
    aeoId: 'NLAEOF000001',
    share: 0.14,
    party: (city: string): ConsignmentParty => ({
      name: 'Windmill Components B.V.',
      address: { line: '12 Molenweg', city, country: 'NL' },
      identifiers: [
        { scheme: 'EORI', value: 'NL834567892' },
        { scheme: 'AEO', value: 'NLAEOF000001' },
      ],
    }),
  },
  {
    aeoId: 'NLAEOF000002',
    share: 0.08,
    party: (city: string): ConsignmentParty => ({
      name: 'Harbour Warehousing Rotterdam B.V.',
      address: { line: '4 Havenstraat', city, country: 'NL' },
      identifiers: [
        { scheme: 'EORI', value: 'NL845678903' },
        { scheme: 'AEO', value: 'NLAEOF000002' },
      ],
    }),
  },
] as const;

const shiftIso = (iso: string | undefined, by: number) =>
  iso === undefined ? undefined : new Date(Date.parse(iso) + by).toISOString().replace('.000Z', 'Z');

/** A generated consignment moved so that it is filed at `at`, its lead times and transit kept. */
function filedAt(consignment: Consignment, at: Date, reference: string): Consignment {
  const by = at.getTime() - Date.parse(consignment.filingTime!);
  const moved = {
    ...consignment,
    filingTime: shiftIso(consignment.filingTime, by),
    expectedDeparture: shiftIso(consignment.expectedDeparture, by),
  } as Consignment;
  if (moved.dataset === 'full') {
    moved.reference = reference;
    if (moved.expectedArrival) moved.expectedArrival = shiftIso(moved.expectedArrival, by);
  }
  return moved;
}

/** The examination's outcome: findings are likelier the more (and the heavier) rules fired. */
function outcomeOf(rand: () => number, s: Screened): OutcomeKind {
  const p =
    s.decision.randomlySelected && s.evaluation.fired.length === 0
      ? 0.03
      : Math.min(0.7, s.decision.rawScore / 220);
  const r = rand();
  if (r < p * 0.3) return 'seizure';
  if (r < p) return 'discrepancy';
  return 'no_finding';
}

export async function seedScreeningHistory(
  ctx: CoreContext,
  actor: Actor,
  filers: HistoryFilers,
  options: HistoryOptions = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const count = options.count ?? 3_000;
  const days = options.days ?? 90;
  const now = options.now ?? new Date();
  const rand = createRandom(options.seed ?? 20_261_122);
  const { administrationId } = filers;
  const context = await loadScreeningContext(ctx.db, administrationId);
  const register = await findAeoRegisterEntries(ctx.db, {
    administrationId,
    aeoIds: AEO_HOLDERS.map((h) => h.aeoId),
  });

  // Consignments in time order, each with its filer; AEO holders file their own imports.
  const start = now.getTime() - days * DAY_MS;
  const step = (days * DAY_MS - HOUR_MS) / count;
  const filed: { at: Date; filer: string; consignment: Consignment }[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Math.floor(start + (i + rand()) * step));
    let consignment = filedAt(generateConsignment(rand, i), at, `NLDEMO${String(i + 1).padStart(5, '0')}`);
    let filer = filers.forwarders[Math.floor(rand() * filers.forwarders.length)]!;
    const roll = rand();
    const holder =
      roll < AEO_HOLDERS[0].share
        ? AEO_HOLDERS[0]
        : roll < AEO_HOLDERS[0].share + AEO_HOLDERS[1].share
          ? AEO_HOLDERS[1]
          : null;
    const entry = holder && register.get(holder.aeoId);
    if (holder && entry && consignment.dataset === 'full') {
      const placeOfUnloading = consignment.modeOfTransport === 'air' ? 'NLAMS' : 'NLRTM';
      consignment = {
        ...consignment,
        consignee: holder.party(placeOfUnloading === 'NLAMS' ? 'Schiphol' : 'Rotterdam'),
        placeOfUnloading,
      };
      filer = entry.holderId;
    }
    filed.push({ at, filer, consignment });
  }

  const { valid, rejected } = validateConsignments(
    filed.map((f) => f.consignment),
    0,
  );
  const seen = await repo.findSeenParties(ctx.db, administrationId, lookupKeys(valid).partyKeys);
  const capacities = new Map(context.settings.officeCapacities.map((c) => [c.office, c.dailyRedCapacity]));

  // One batch per filer and office day, screened in time order (parties first seen count in order).
  const batches = new Map<string, { filer: string; day: string; items: typeof valid }>();
  for (const item of valid) {
    const f = filed[item.index]!;
    const day = officeDay(f.at, context.settings.timeZone);
    const key = `${day}|${f.filer}`;
    const batch = batches.get(key);
    if (batch) batch.items.push(item);
    else batches.set(key, { filer: f.filer, day, items: [item] });
  }
  const batchRows: (typeof screeningBatches.$inferInsert)[] = [];
  const newParties: string[] = [];
  const entries: { screened: Screened; at: Date; batchId: string; filer: string }[] = [];
  const byDay = new Map<string, Screened[]>();
  for (const [, batch] of [...batches].sort(([x], [y]) => x.localeCompare(y))) {
    const at = filed[batch.items[0]!.index]!.at;
    const result = screenConsignments({
      context,
      filerOrganisationId: batch.filer,
      items: batch.items,
      register,
      seenParties: seen,
      receivedAt: at,
    });
    newParties.push(...result.newParties);
    const batchId = randomUUID();
    batchRows.push({
      id: batchId,
      administrationId,
      filerOrganisationId: batch.filer,
      receivedAt: at,
      format: 'json',
      itemCount: batch.items.length,
      acceptedCount: batch.items.length,
      rejected: [],
      actorLabel: 'demo history',
    });
    result.screened.forEach((screened, batchIndex) => {
      const item = batch.items[batchIndex]!;
      entries.push({ screened, at: filed[item.index]!.at, batchId, filer: batch.filer });
      screened.item = { ...item, index: batchIndex };
      const day = byDay.get(batch.day);
      if (day) day.push(screened);
      else byDay.set(batch.day, [screened]);
    });
  }

  // Office capacity per day, as the filing applies it (the history's days stay far below it).
  for (const [day, list] of byDay) {
    const outcome = applyCapacity({
      candidates: list.map(capacityCandidate),
      capacities,
      used: new Map(),
      day,
    });
    for (const [i, capacityStep] of outcome.steps) list[i]!.decision.steps.push(capacityStep);
    for (const i of outcome.downgraded) {
      list[i]!.decision.lane = 'yellow';
      list[i]!.downgraded = true;
    }
  }

  // The results, and for part of the controls what the examination found.
  const resultRows: (typeof screeningResults.$inferInsert)[] = [];
  const outcomeRows: (typeof screeningOutcomes.$inferInsert)[] = [];
  for (const { screened: s, at, batchId, filer } of entries) {
    const row = toNewResult(s);
    resultRows.push({
      ...row,
      lane: s.decision.lane,
      administrationId,
      batchId,
      filerOrganisationId: filer,
      receivedAt: at,
      ruleSetVersionId: context.version.id,
      ruleSetId: context.version.ruleSetId,
      ruleSetVersion: context.version.version,
      policyRevision: context.policyRevision,
      watchListsRevision: context.watchListsRevision,
    });
    const lane = s.decision.lane;
    const share = lane === 'red' ? 0.75 : lane === 'yellow' ? 0.45 : 0;
    if (share === 0 || rand() >= share) continue;
    // Examinations of AEO consignments are done first (SAFE pillar 2: priority treatment).
    const hours = (s.isAeo ? 1 : 3) + rand() * (lane === 'red' ? (s.isAeo ? 20 : 60) : 24);
    const recordedAt = new Date(at.getTime() + hours * HOUR_MS);
    if (recordedAt > now) continue;
    outcomeRows.push({
      resultId: s.resultId,
      administrationId,
      outcome: outcomeOf(rand, s),
      notes: null,
      officerUserId: null,
      officerLabel: 'Demo examination team',
      recordedAt,
    });
  }

  await inTransaction(ctx.db, async (tx) => {
    await repo.insertParties(tx, administrationId, newParties);
    for (let i = 0; i < batchRows.length; i += CHUNK) {
      await insertRecordset(tx, screeningBatches, batchRows.slice(i, i + CHUNK));
    }
    for (let i = 0; i < resultRows.length; i += CHUNK) {
      await insertRecordset(tx, screeningResults, resultRows.slice(i, i + CHUNK));
    }
    for (let i = 0; i < outcomeRows.length; i += CHUNK) {
      await insertRecordset(tx, screeningOutcomes, outcomeRows.slice(i, i + CHUNK));
    }
    await recordChange(tx, actor, {
      action: 'screening.demo_history.seeded',
      subjectType: 'organisation',
      subjectId: administrationId,
      organisationId: administrationId,
      summary: { after: { screened: resultRows.length, outcomes: outcomeRows.length, days } },
      event: false,
    });
  });
  return {
    screened: resultRows.length,
    rejected: rejected.length,
    outcomes: outcomeRows.length,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * The demo draft (version 2 of `nl-demo`), a little different from the published version so that a
 * backtest has something to show: transit through circumvention hubs and vague descriptions weigh more,
 * the P.O. box rule is dropped, and a new rule looks at first-time consignees of sea freight from
 * narcotics source countries.
 */
export function demoDraftRuleSet(): RuleSet {
  const base = structuredClone(demoRuleSet);
  const rules = base.rules
    .filter((r) => r.id !== 'consignee-po-box')
    .map((r) =>
      r.id === 'transit-hub'
        ? {
            ...r,
            weight: 40,
            rationale: `${r.rationale} Weighted up after the latest sanctions-circumvention guidance.`,
          }
        : r.id === 'desc-vague'
          ? { ...r, weight: 35 }
          : r,
    );
  rules.push({
    id: 'sea-narcotics-new-consignee',
    name: 'Sea freight from a narcotics source country to a first-time consignee',
    rationale:
      'Cocaine is smuggled in cover loads from South American ports to consignees with no track record; a new ' +
      'consignee of sea freight from a source country warrants a documentary check.',
    weight: 45,
    minLane: 'yellow',
    conditions: {
      op: 'all',
      conditions: [
        { op: 'eq', field: 'modeOfTransport', value: 'sea' },
        { op: 'inWatchList', field: 'originCountry', list: 'narcotics-source' },
        { op: 'eq', field: 'facts.consigneeFirstSeen', value: true },
      ],
    },
  } as RuleSet['rules'][number]);
  return {
    ...base,
    name: `${base.name} (draft: hubs and vague descriptions weigh more)`,
    rules,
  };
}
