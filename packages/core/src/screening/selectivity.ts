import { createHmac } from 'node:crypto';
import type { Lane, RuleEvaluation, ScreeningPolicySettings, SelectivityStep } from '@aeolus/contracts';

/**
 * Selectivity (ASYCUDA model, DOMAIN.md §7): turns a rule-set evaluation into a lane. Pure functions, so the
 * filing service, backtests and the tests all decide the same way.
 *
 * Order: AEO score reduction → thresholds → the fired rules' minimum lane (a floor) → minimum random
 * selection (to red) → the office's daily examination capacity (per batch, `applyCapacity`).
 */

const RANK: Record<Lane, number> = { green: 0, blue: 1, yellow: 2, red: 3 };

/** The AEO benefit as it applies to one consignment (SAFE pillar 2 minimum benefits: fewer examinations). */
export interface AeoTreatment {
  benefitCode: string;
  /** Points taken off the score (the benefit's `riskScoreReduction` parameter). */
  scoreReduction: number;
  /** Replaces the lane's random-selection rate (the benefit's `randomSelectionPercent`); null: the policy's. */
  randomSelectionPercent: number | null;
  aeoIds: string[];
}

export interface LaneDecision {
  lane: Lane;
  /** After the AEO reduction. */
  score: number;
  rawScore: number;
  randomlySelected: boolean;
  /** A fired rule requires a physical examination: capacity never downgrades it. */
  mandatoryRed: boolean;
  steps: SelectivityStep[];
}

/**
 * A reproducible draw in [0, 1) for a consignment: HMAC-SHA-256 of its key under the administration's secret
 * seed. The same consignment filed again draws the same number (re-filing cannot shop for a green lane), and
 * without the seed a filer cannot tell which consignments will be drawn.
 */
export function randomDraw(seed: string, consignmentKey: string): number {
  const digest = createHmac('sha256', seed).update(consignmentKey).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function laneForScore(
  score: number,
  thresholds: ScreeningPolicySettings['thresholds'],
): { lane: Lane; threshold: number | null } {
  if (score >= thresholds.red) return { lane: 'red', threshold: thresholds.red };
  if (score >= thresholds.yellow) return { lane: 'yellow', threshold: thresholds.yellow };
  if (score >= thresholds.blue) return { lane: 'blue', threshold: thresholds.blue };
  return { lane: 'green', threshold: null };
}

export function decideLane(input: {
  evaluation: RuleEvaluation;
  policy: ScreeningPolicySettings;
  draw: number;
  aeo: AeoTreatment | null;
}): LaneDecision {
  const { evaluation, policy, draw, aeo } = input;
  const steps: SelectivityStep[] = [];
  const rawScore = evaluation.score;
  let score = rawScore;
  if (aeo) {
    score = rawScore - aeo.scoreReduction;
    steps.push({
      kind: 'aeo_reduction',
      benefitCode: aeo.benefitCode,
      points: aeo.scoreReduction,
      aeoIds: aeo.aeoIds,
    });
  }
  const byScore = laneForScore(score, policy.thresholds);
  steps.push({ kind: 'threshold', score, lane: byScore.lane, threshold: byScore.threshold });
  let lane = byScore.lane;
  const minLane = evaluation.minLane;
  if (minLane) {
    const raised = RANK[minLane] > RANK[lane];
    if (raised) lane = minLane;
    steps.push({
      kind: 'rule_minimum',
      lane: minLane,
      ruleIds: evaluation.fired.filter((f) => f.minLane === minLane).map((f) => f.ruleId),
      raised,
    });
  }
  let randomlySelected = false;
  if (lane !== 'red') {
    const aeoRate = aeo !== null && aeo.randomSelectionPercent !== null;
    const ratePercent = aeoRate ? aeo.randomSelectionPercent! : policy.randomSelectionPercent[lane];
    randomlySelected = draw * 100 < ratePercent;
    steps.push({
      kind: 'random_selection',
      draw,
      ratePercent,
      selected: randomlySelected,
      fromLane: lane,
      aeoRate,
    });
    if (randomlySelected) lane = 'red';
  }
  return { lane, score, rawScore, randomlySelected, mandatoryRed: minLane === 'red', steps };
}

export interface CapacityCandidate {
  lane: Lane;
  score: number;
  office: string | null;
  /**
   * Reds required by a rule's minimum lane, or drawn at random (downgrading those would bias the compliance
   * measurement): they use capacity but are never downgraded.
   */
  exempt: 'rule' | 'random' | null;
}

export interface CapacityOutcome {
  /** Per candidate index: the capacity step to add (red candidates at a capped office only). */
  steps: Map<number, Extract<SelectivityStep, { kind: 'capacity' }>>;
  /** Candidate indexes sent from red to yellow. */
  downgraded: Set<number>;
  /** Reds to add to each office's count for the day. */
  added: Map<string, number>;
}

/**
 * Caps an office's physical examinations per day. Exempt reds are counted first; the other reds keep
 * their lane in order of score, highest first, while capacity remains; the rest go to documentary check
 * (yellow) with the reason recorded. `used` is each office's count for the day before this batch.
 */
export function applyCapacity(input: {
  candidates: readonly CapacityCandidate[];
  capacities: ReadonlyMap<string, number>;
  used: ReadonlyMap<string, number>;
  day: string;
}): CapacityOutcome {
  const steps: CapacityOutcome['steps'] = new Map();
  const downgraded = new Set<number>();
  const added = new Map<string, number>();
  const byOffice = new Map<string, number[]>();
  input.candidates.forEach((c, i) => {
    if (c.lane !== 'red' || c.office === null || !input.capacities.has(c.office)) return;
    const list = byOffice.get(c.office);
    if (list) list.push(i);
    else byOffice.set(c.office, [i]);
  });
  for (const [office, indexes] of byOffice) {
    const capacity = input.capacities.get(office)!;
    let used = input.used.get(office) ?? 0;
    const exempt = indexes.filter((i) => input.candidates[i]!.exempt !== null);
    const ranked = indexes
      .filter((i) => input.candidates[i]!.exempt === null)
      .sort((a, b) => input.candidates[b]!.score - input.candidates[a]!.score || a - b);
    const base = { kind: 'capacity' as const, office, day: input.day, capacity };
    for (const i of exempt) {
      const reason =
        input.candidates[i]!.exempt === 'rule'
          ? 'a rule requires the examination: counted against capacity, never downgraded'
          : 'random selection: counted against capacity, never downgraded';
      steps.set(i, { ...base, used, downgraded: false, reason });
      used++;
    }
    let kept = 0;
    for (const i of ranked) {
      if (used < capacity) {
        steps.set(i, {
          ...base,
          used,
          downgraded: false,
          reason: 'within the office’s daily examination capacity',
        });
        used++;
        kept++;
      } else {
        downgraded.add(i);
        steps.set(i, {
          ...base,
          used,
          downgraded: true,
          reason: `the office’s daily examination capacity (${capacity}) is reached: documentary check instead`,
        });
      }
    }
    added.set(office, exempt.length + kept);
  }
  return { steps, downgraded, added };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone: the office day capacity counts in. */
export function officeDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD. Building a formatter costs far more than using one (backtests
    // ask for the day of every replayed consignment), so they are kept per time zone.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (dayFormats.size >= 64) dayFormats.clear();
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
