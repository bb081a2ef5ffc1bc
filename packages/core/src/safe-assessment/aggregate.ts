import type { LocalisedText } from '@aeolus/contracts';
import { AppError, type FieldProblem } from '../errors.js';
import { SAFE_DIMENSIONS, type SafeDimension } from './gap-actions.js';
import type { SafeScoreCard } from './scoring.js';

/**
 * Secretariat views: global and regional aggregates of many members' SAFE score cards.
 *
 * Confidentiality (a member's own scores are shared with the secretariat, not with other members):
 * - a group (the world, a region) with fewer than `minGroupSize` members is omitted, and so is any single
 *   statistic computed from fewer than `minGroupSize` scored members;
 * - complementary suppression: when the members left out of the published regions (or cells) number
 *   between 1 and `minGroupSize − 1`, the global figure minus the published ones would reveal them, so the
 *   smallest published regions (or cells) are withheld as well until the remainder is large enough.
 *
 * Quartiles use linear interpolation between order statistics (the common "type 7" definition), so the
 * median of an even count is the mean of the two middle values. Histogram bins are the nearest maturity
 * level (percent / 25, rounded half up): bin 2 holds scores from 37.5 to just under 62.5.
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

export interface MemberScoreCard {
  memberId: string;
  /** WCO region (or any grouping the secretariat uses). */
  region: string;
  card: SafeScoreCard;
}

export interface Distribution {
  count: number;
  mean: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

export interface DimensionAggregate {
  id: string;
  label: LocalisedText;
  /** null when withheld: too few scored members here, or to protect a withheld neighbour. */
  distribution: Distribution | null;
}

export interface StandardHistogram {
  id: string;
  label: LocalisedText;
  /** Members per nearest maturity level 0, 1, 2, 3, 4. */
  counts: [number, number, number, number, number];
}

export interface GroupAggregate {
  /** `global` or the region's name. */
  group: string;
  memberCount: number;
  overall: Distribution | null;
  dimensions: Record<SafeDimension, DimensionAggregate[]>;
  histograms: StandardHistogram[];
}

export interface SafeAggregates {
  minGroupSize: number;
  memberCount: number;
  /** null when fewer than `minGroupSize` members responded at all. */
  global: GroupAggregate | null;
  /** Published regions, by name. */
  regions: GroupAggregate[];
  /** Regions withheld (too small, or to protect a small one); their members still count globally. */
  withheldRegions: string[];
}

export interface AggregateOptions {
  minGroupSize?: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Type-7 quantile of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo] ?? 0;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)] ?? low;
  return low + (h - lo) * (high - low);
}

export function summarise(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    count: sorted.length,
    mean: round1(sum / sorted.length),
    median: round1(quantile(sorted, 0.5)),
    q1: round1(quantile(sorted, 0.25)),
    q3: round1(quantile(sorted, 0.75)),
    min: round1(sorted[0] ?? 0),
    max: round1(sorted[sorted.length - 1] ?? 0),
  };
}

export function maturityBin(percent: number): 0 | 1 | 2 | 3 | 4 {
  return Math.max(0, Math.min(4, Math.floor(percent / 25 + 0.5))) as 0 | 1 | 2 | 3 | 4;
}

/**
 * Which parts to withhold so that neither a small part nor the remainder "whole − published parts" can
 * be read off: parts under `min` (and those never published, `unpublished`) are withheld, then the
 * smallest published parts join them while the withheld total is between 1 and min − 1. Returns the
 * withheld keys.
 */
export function withhold(
  sizes: ReadonlyMap<string, number>,
  min: number,
  unpublished: readonly string[] = [],
): Set<string> {
  const withheld = new Set([...unpublished, ...[...sizes].filter(([, n]) => n < min).map(([key]) => key)]);
  const remainder = () => [...withheld].reduce((sum, key) => sum + (sizes.get(key) ?? 0), 0);
  const published = [...sizes]
    .filter(([key]) => !withheld.has(key))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  for (const [key] of published) {
    const rest = remainder();
    if (rest === 0 || rest >= min) break;
    withheld.add(key);
  }
  return withheld;
}

function validate(members: readonly MemberScoreCard[], minGroupSize: number) {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
    problems.push({ path: 'minGroupSize', message: 'must be a whole number, 1 or more' });
  const seen = new Set<string>();
  members.forEach((member, i) => {
    if (typeof member.memberId !== 'string' || member.memberId.trim() === '')
      problems.push({ path: `members.${i}.memberId`, message: 'is required' });
    else if (seen.has(member.memberId))
      problems.push({ path: `members.${i}.memberId`, message: `'${member.memberId}' is listed twice` });
    else seen.add(member.memberId);
    if (typeof member.region !== 'string' || member.region.trim() === '')
      problems.push({ path: `members.${i}.region`, message: 'is required' });
  });
  if (problems.length > 0) throw AppError.validation(problems);
}

type Cell = { label: LocalisedText; values: number[] };
/** dimension → value id → scored percents, in first-seen order. */
type Cells = Record<SafeDimension, Map<string, Cell>>;

function collect(members: readonly MemberScoreCard[]): { overall: number[]; cells: Cells } {
  const cells = Object.fromEntries(SAFE_DIMENSIONS.map((d) => [d, new Map()])) as Cells;
  const overall: number[] = [];
  for (const { card } of members) {
    if (card.overall.percent !== null) overall.push(card.overall.percent);
    for (const dimension of SAFE_DIMENSIONS) {
      for (const score of card.dimensions[dimension] ?? []) {
        let cell = cells[dimension].get(score.id);
        if (!cell) {
          cell = { label: score.label, values: [] };
          cells[dimension].set(score.id, cell);
        }
        if (score.percent !== null) cell.values.push(score.percent);
      }
    }
  }
  return { overall, cells };
}

/** `hidden` lists the cells withheld for this group (`overall` or `<dimension>:<id>`). */
function groupAggregate(
  group: string,
  members: readonly MemberScoreCard[],
  hidden: ReadonlySet<string>,
): GroupAggregate {
  const { overall, cells } = collect(members);
  const dimensions = {} as Record<SafeDimension, DimensionAggregate[]>;
  const histograms: StandardHistogram[] = [];
  for (const dimension of SAFE_DIMENSIONS) {
    dimensions[dimension] = [...cells[dimension]].map(([id, cell]) => {
      const shown = !hidden.has(`${dimension}:${id}`) && cell.values.length > 0;
      if (shown && dimension === 'standard') {
        const counts: StandardHistogram['counts'] = [0, 0, 0, 0, 0];
        for (const value of cell.values) counts[maturityBin(value)] += 1;
        histograms.push({ id, label: cell.label, counts });
      }
      return { id, label: cell.label, distribution: shown ? summarise(cell.values) : null };
    });
  }
  return {
    group,
    memberCount: members.length,
    overall: hidden.has('overall') || overall.length === 0 ? null : summarise(overall),
    dimensions,
    histograms,
  };
}

function cellSizes(members: readonly MemberScoreCard[]): Map<string, number> {
  const { overall, cells } = collect(members);
  const sizes = new Map<string, number>([['overall', overall.length]]);
  for (const dimension of SAFE_DIMENSIONS) {
    for (const [id, cell] of cells[dimension]) sizes.set(`${dimension}:${id}`, cell.values.length);
  }
  return sizes;
}

/** Key of the members outside every published region, in the per-statistic check (not a region name). */
const OUTSIDE = '\u0000outside';

export function aggregateSafeScores(
  members: readonly MemberScoreCard[],
  options: AggregateOptions = {},
): SafeAggregates {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  validate(members, minGroupSize);
  const empty = { minGroupSize, memberCount: members.length };
  const byRegion = new Map<string, MemberScoreCard[]>();
  for (const member of members) byRegion.set(member.region, [...(byRegion.get(member.region) ?? []), member]);
  const regionNames = [...byRegion.keys()].sort();
  if (members.length < minGroupSize)
    return { ...empty, global: null, regions: [], withheldRegions: regionNames };

  // Whole regions first, then each statistic: a published region's cell is withheld when it is small, or
  // when the global cell minus the published regional cells would expose fewer than minGroupSize members.
  const withheldRegions = withhold(
    new Map(regionNames.map((r) => [r, byRegion.get(r)?.length ?? 0])),
    minGroupSize,
  );
  const published = regionNames.filter((r) => !withheldRegions.has(r));
  const globalSizes = cellSizes(members);
  const regionalSizes = new Map(published.map((r) => [r, cellSizes(byRegion.get(r) ?? [])]));
  const hiddenGlobal = new Set([...globalSizes].filter(([, n]) => n < minGroupSize).map(([key]) => key));
  const hiddenByRegion = new Map(published.map((r) => [r, new Set<string>()]));
  for (const [cell, globalCount] of globalSizes) {
    if (hiddenGlobal.has(cell)) {
      for (const r of published) hiddenByRegion.get(r)?.add(cell);
      continue;
    }
    const parts = new Map(published.map((r) => [r, regionalSizes.get(r)?.get(cell) ?? 0]));
    const shownTotal = [...parts.values()].reduce((sum, n) => sum + n, 0);
    // The members outside every published region form one more "part" that must stay protected.
    const outside = globalCount - shownTotal;
    const sizes = new Map([...parts, [OUTSIDE, outside]]);
    for (const key of withhold(sizes, minGroupSize, [OUTSIDE])) hiddenByRegion.get(key)?.add(cell);
  }

  return {
    ...empty,
    global: groupAggregate('global', members, hiddenGlobal),
    regions: published.map((r) =>
      groupAggregate(r, byRegion.get(r) ?? [], hiddenByRegion.get(r) ?? new Set()),
    ),
    withheldRegions: [...withheldRegions].sort(),
  };
}
