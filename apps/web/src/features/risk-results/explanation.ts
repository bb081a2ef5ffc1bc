import type { FiredRule, Lane, ScreeningResult, SelectivityStep } from '@aeolus/contracts';

/**
 * How a screening result is laid out for an officer: what decided the lane, how the score was built, and
 * the values that made each rule's conditions true. Pure, so that the wording rules are tested without a
 * browser; the pages only translate and render what these functions return.
 */

type Step<K extends SelectivityStep['kind']> = Extract<SelectivityStep, { kind: K }>;

export function stepOf<K extends SelectivityStep['kind']>(
  steps: readonly SelectivityStep[],
  kind: K,
): Step<K> | undefined {
  return steps.find((s): s is Step<K> => s.kind === kind);
}

/**
 * What put the consignment in its final lane, read from the selectivity steps in the order they ran:
 * a capacity downgrade (red → yellow) overrides everything, a random selection sends a lane to red,
 * a rule's minimum lane raises what the score gave, and otherwise the score's threshold decided.
 */
export type LaneReason =
  | { kind: 'capacity'; step: Step<'capacity'> }
  | { kind: 'random'; step: Step<'random_selection'> }
  | { kind: 'rule_minimum'; step: Step<'rule_minimum'> }
  | { kind: 'threshold'; step: Step<'threshold'> | undefined };

export function laneReason(steps: readonly SelectivityStep[]): LaneReason {
  const capacity = stepOf(steps, 'capacity');
  if (capacity?.downgraded) return { kind: 'capacity', step: capacity };
  const random = stepOf(steps, 'random_selection');
  if (random?.selected) return { kind: 'random', step: random };
  const minimum = stepOf(steps, 'rule_minimum');
  if (minimum?.raised) return { kind: 'rule_minimum', step: minimum };
  return { kind: 'threshold', step: stepOf(steps, 'threshold') };
}

export interface ScoreLine {
  ruleId: string;
  name: string;
  weight: number;
}

export interface ScoreBuildUp {
  /** Fired rules with a weight, heaviest first (ties in the engine's order). */
  lines: ScoreLine[];
  /** The engine's score: the sum of the weights. */
  rawScore: number;
  /** Points the AEO benefit took off; null when no AEO treatment applied. */
  aeoReduction: number | null;
  /** The score the thresholds were applied to. */
  score: number;
}

export function scoreBuildUp(result: Pick<ScreeningResult, 'explanation' | 'score'>): ScoreBuildUp {
  const { evaluation, rawScore, steps } = result.explanation;
  const lines = evaluation.fired
    .map((f, index) => ({ ruleId: f.ruleId, name: f.name, weight: f.weight, index }))
    .filter((f) => f.weight !== 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ index: _index, ...line }) => line);
  const reduction = stepOf(steps, 'aeo_reduction');
  return { lines, rawScore, aeoReduction: reduction ? reduction.points : null, score: result.score };
}

/** A value the engine read, as an officer reads it: lists joined, text quoted, nothing as "—". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return String(value);
}

/**
 * A field path from the engine (`goodsItems.2.hsCode`) in words an officer can follow: list positions
 * counted from 1 (`goodsItems #3 › hsCode`). Field names stay as the WCO data model names them.
 */
export function formatFieldPath(path: string): string {
  return path
    .split('.')
    .reduce<string[]>((parts, segment) => {
      if (/^\d+$/.test(segment) && parts.length > 0) {
        parts[parts.length - 1] = `${parts[parts.length - 1]} #${Number(segment) + 1}`;
      } else parts.push(segment);
      return parts;
    }, [])
    .join(' › ');
}

/** The rules that fired, most decisive first: referrals (DNL, RFS, RFI), a minimum lane, then by weight. */
const REFERRAL_RANK = { DNL: 3, RFS: 2, RFI: 1 } as const;
const LANE_RANK: Record<Lane, number> = { green: 0, blue: 1, yellow: 2, red: 3 };

export function orderFiredRules(fired: readonly FiredRule[]): FiredRule[] {
  const rank = (f: FiredRule) => [
    f.referral ? REFERRAL_RANK[f.referral] : 0,
    f.minLane ? LANE_RANK[f.minLane] : 0,
    f.weight,
  ];
  return fired
    .map((f, index) => ({ f, index, key: rank(f) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const diff = (b.key[i] ?? 0) - (a.key[i] ?? 0);
        if (diff !== 0) return diff;
      }
      return a.index - b.index;
    })
    .map(({ f }) => f);
}

/** The random draw as a percentage an officer compares with the rate (0.0312 → "3.12"). */
export function drawPercent(draw: number): string {
  return (draw * 100).toFixed(2);
}
