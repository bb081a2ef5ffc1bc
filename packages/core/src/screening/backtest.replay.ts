import type {
  AeoFact,
  BacktestHits,
  BacktestRuleDifference,
  BacktestSample,
  BacktestSide,
  BacktestTransition,
  BacktestVersionRef,
  Consignment,
  Lane,
  LaneCounts,
  OutcomeKind,
  Referral,
  ReferralCounts,
  RuleEvaluation,
  ScreeningFacts,
  ScreeningPolicySettings,
} from '@aeolus/contracts';
import { BACKTEST_SAMPLES_PER_TRANSITION, LANES, REFERRALS, TransportMode } from '@aeolus/contracts';
import type { CompiledRuleSet } from '@aeolus/risk-engine';
import { type AeoTreatment, applyCapacity, decideLane, officeDay } from './selectivity.js';

/**
 * Backtesting (issue 4 item 7), the pure half: replays stored consignments through two compiled rule sets —
 * the candidate and the published baseline — with the same selectivity, and tallies how lanes, referrals
 * and fired rules differ, against the outcomes officers recorded. No I/O: the service streams rows in.
 *
 * Both sides are decided alike (ADR 0004, backtests): the facts kept with the result (parties first seen,
 * AEO status as the register said at filing), the random draw recorded at filing (the same HMAC draw, so
 * the same consignments are drawn on both sides), the selectivity policy in force now, the AEO benefit as
 * the programme defines it now applied to consignments that were AEO at filing, and office capacity per
 * office and day over the replayed consignments alone (highest scores kept). Because the baseline is
 * replayed rather than read from the stored lane, a version compared with itself changes nothing.
 */

/** A stored screening result as the replay needs it. */
export interface ReplayRow {
  id: string;
  reference: string;
  receivedAt: Date;
  mode: string;
  office: string | null;
  consignment: Consignment;
  facts: ScreeningFacts | null;
  aeoFacts: AeoFact[];
  isAeo: boolean;
  randomDraw: number;
  /** The latest recorded outcome. */
  outcome: OutcomeKind | null;
}

/** The selectivity both sides use. `aeo` is the benefit's parameters (null: no AEO treatment). */
export interface ReplaySelectivity {
  settings: ScreeningPolicySettings;
  aeo: { benefitCode: string; scoreReduction: number; randomSelectionPercent: number | null } | null;
}

interface Decided {
  lane: Lane;
  score: number;
  referrals: Referral[];
  fired: Set<string>;
  randomlySelected: boolean;
  downgraded: boolean;
  mandatoryRed: boolean;
}

interface Kept {
  row: Pick<ReplayRow, 'id' | 'reference' | 'receivedAt' | 'mode' | 'isAeo' | 'outcome' | 'office'>;
  day: string;
  sides: [Decided, Decided];
}

/** What the engine is given for a stored result: its kept facts, or what the AEO facts still tell. */
export function factsOf(row: Pick<ReplayRow, 'facts' | 'aeoFacts'>): ScreeningFacts {
  if (row.facts) return row.facts;
  const active = (party: AeoFact['party']) =>
    row.aeoFacts.some((f) => f.party === party && f.status === 'active');
  return { consignorAeoActive: active('consignor'), consigneeAeoActive: active('consignee') };
}

function decide(
  engine: CompiledRuleSet,
  row: ReplayRow,
  facts: ScreeningFacts,
  selectivity: ReplaySelectivity,
  names: Map<string, string>,
): Decided {
  const evaluation: RuleEvaluation = engine.evaluate(row.consignment, facts);
  const aeo: AeoTreatment | null =
    row.isAeo && selectivity.aeo
      ? {
          ...selectivity.aeo,
          aeoIds: row.aeoFacts.filter((f) => f.benefitApplied).map((f) => f.aeoId),
        }
      : null;
  const decision = decideLane({ evaluation, policy: selectivity.settings, draw: row.randomDraw, aeo });
  for (const f of evaluation.fired) if (!names.has(f.ruleId)) names.set(f.ruleId, f.name);
  return {
    lane: decision.lane,
    score: decision.score,
    referrals: evaluation.referrals,
    fired: new Set(evaluation.fired.map((f) => f.ruleId)),
    randomlySelected: decision.randomlySelected,
    downgraded: false,
    mandatoryRed: decision.mandatoryRed,
  };
}

/** Replays rows one page at a time; `finish` applies office capacity and tallies both sides. */
export class BacktestReplay {
  private readonly kept: Kept[] = [];
  private readonly names = new Map<string, string>();

  constructor(
    private readonly engines: { candidate: CompiledRuleSet; baseline: CompiledRuleSet },
    private readonly selectivity: ReplaySelectivity,
  ) {}

  get count(): number {
    return this.kept.length;
  }

  add(rows: readonly ReplayRow[]): void {
    const { timeZone } = this.selectivity.settings;
    for (const row of rows) {
      const facts = factsOf(row);
      const candidate = decide(this.engines.candidate, row, facts, this.selectivity, this.names);
      const baseline = decide(this.engines.baseline, row, facts, this.selectivity, this.names);
      this.kept.push({
        row: {
          id: row.id,
          reference: row.reference,
          receivedAt: row.receivedAt,
          mode: row.mode,
          isAeo: row.isAeo,
          outcome: row.outcome,
          office: row.office,
        },
        day: officeDay(row.receivedAt, timeZone),
        sides: [candidate, baseline],
      });
    }
  }

  /** Office capacity per office and day, on each side separately, as if each day were filed as one batch. */
  private applyCapacity(side: 0 | 1): void {
    const capacities = new Map(
      this.selectivity.settings.officeCapacities.map((c) => [c.office, c.dailyRedCapacity]),
    );
    if (capacities.size === 0) return;
    const byDay = new Map<string, Kept[]>();
    for (const k of this.kept) {
      const d = k.sides[side];
      if (d.lane !== 'red' || k.row.office === null || !capacities.has(k.row.office)) continue;
      const list = byDay.get(k.day);
      if (list) list.push(k);
      else byDay.set(k.day, [k]);
    }
    for (const [day, list] of byDay) {
      const outcome = applyCapacity({
        candidates: list.map((k) => {
          const d = k.sides[side];
          return {
            lane: d.lane,
            score: d.score,
            office: k.row.office,
            exempt: d.mandatoryRed ? 'rule' : d.randomlySelected ? 'random' : null,
          };
        }),
        capacities,
        used: new Map(),
        day,
      });
      for (const i of outcome.downgraded) {
        const d = list[i]!.sides[side];
        d.lane = 'yellow';
        d.downgraded = true;
      }
    }
  }

  finish(versions: { candidate: BacktestVersionRef; baseline: BacktestVersionRef }) {
    this.applyCapacity(0);
    this.applyCapacity(1);
    const sides = [emptySide(versions.candidate), emptySide(versions.baseline)];
    const cells = new Map<string, BacktestTransition>();
    for (const from of LANES) {
      for (const to of LANES) cells.set(`${from}>${to}`, { from, to, count: 0, samples: [] });
    }
    const referralChanges = new Map(REFERRALS.map((r) => [r, { referral: r, added: 0, removed: 0 }]));
    const rules = new Map<string, BacktestRuleDifference>();
    let laneChanged = 0;
    let referralsChanged = 0;

    for (const k of this.kept) {
      const [candidate, baseline] = k.sides;
      tally(sides[0]!, candidate, k.row.outcome);
      tally(sides[1]!, baseline, k.row.outcome);
      const changed = candidate.lane !== baseline.lane;
      if (changed) laneChanged++;
      const cell = cells.get(`${baseline.lane}>${candidate.lane}`)!;
      cell.count++;
      const added = [...candidate.fired].filter((id) => !baseline.fired.has(id));
      const removed = [...baseline.fired].filter((id) => !candidate.fired.has(id));
      if (changed && cell.samples.length < BACKTEST_SAMPLES_PER_TRANSITION) {
        cell.samples.push(sample(k, added, removed));
      }
      let referralDiff = false;
      for (const r of REFERRALS) {
        const inCandidate = candidate.referrals.includes(r);
        const inBaseline = baseline.referrals.includes(r);
        if (inCandidate && !inBaseline) referralChanges.get(r)!.added++;
        if (inBaseline && !inCandidate) referralChanges.get(r)!.removed++;
        if (inCandidate !== inBaseline) referralDiff = true;
      }
      if (referralDiff) referralsChanged++;
      const count = (id: string, key: 'candidateOnly' | 'baselineOnly') => {
        let entry = rules.get(id);
        if (!entry) {
          entry = {
            ruleId: id,
            name: this.names.get(id) ?? id,
            candidateOnly: 0,
            baselineOnly: 0,
            laneChanged: 0,
          };
          rules.set(id, entry);
        }
        entry[key]++;
        if (changed) entry.laneChanged++;
      };
      for (const id of added) count(id, 'candidateOnly');
      for (const id of removed) count(id, 'baselineOnly');
    }
    for (const side of sides) {
      const h = side.hits;
      h.hitRatePercent = h.withOutcome > 0 ? round((h.findings / h.withOutcome) * 100) : null;
    }
    return {
      candidate: sides[0]!,
      baseline: sides[1]!,
      laneChanged,
      referralsChanged,
      transitions: [...cells.values()],
      referralChanges: [...referralChanges.values()],
      rules: [...rules.values()].sort(
        (a, b) =>
          b.candidateOnly + b.baselineOnly - (a.candidateOnly + a.baselineOnly) ||
          a.ruleId.localeCompare(b.ruleId),
      ),
    };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

function emptySide(version: BacktestVersionRef): BacktestSide {
  const lanes: LaneCounts = { green: 0, blue: 0, yellow: 0, red: 0 };
  const referrals: ReferralCounts = { RFI: 0, RFS: 0, DNL: 0 };
  const hits: BacktestHits = {
    controlled: 0,
    withOutcome: 0,
    findings: 0,
    seizures: 0,
    hitRatePercent: null,
    findingsReleased: 0,
  };
  return { version, lanes, referrals, referred: 0, randomlySelected: 0, capacityDowngraded: 0, hits };
}

function tally(side: BacktestSide, d: Decided, outcome: OutcomeKind | null): void {
  side.lanes[d.lane]++;
  for (const r of d.referrals) side.referrals[r]++;
  if (d.referrals.length > 0) side.referred++;
  if (d.randomlySelected) side.randomlySelected++;
  if (d.downgraded) side.capacityDowngraded++;
  const finding = outcome === 'discrepancy' || outcome === 'seizure';
  if (d.lane === 'red' || d.lane === 'yellow') {
    side.hits.controlled++;
    if (outcome) side.hits.withOutcome++;
    if (finding) side.hits.findings++;
    if (outcome === 'seizure') side.hits.seizures++;
  } else if (finding) {
    side.hits.findingsReleased++;
  }
}

function sample(k: Kept, added: string[], removed: string[]): BacktestSample {
  const [candidate, baseline] = k.sides;
  return {
    resultId: k.row.id,
    reference: k.row.reference,
    receivedAt: k.row.receivedAt.toISOString(),
    mode: TransportMode.parse(k.row.mode),
    isAeo: k.row.isAeo,
    baselineScore: baseline.score,
    candidateScore: candidate.score,
    rulesAdded: added,
    rulesRemoved: removed,
    outcome: k.row.outcome,
  };
}
