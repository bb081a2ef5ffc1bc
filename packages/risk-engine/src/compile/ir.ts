import type { ComparisonOperator, HitPolicy, MinLane, Referral } from '@aeolus/contracts';
import type { FieldSpec } from '../facts/fields.js';
import type { TextMatcher } from '../text/automaton.js';

/**
 * The internal form both rules and decision-table rows compile to: a checked condition tree whose fields
 * are resolved against the catalogue and whose operands are ready to run (sets, prefix tables, automata,
 * watch lists). `at` is the node's dotted path in the rule-set JSON, reported in evidence.
 */
export type Node =
  | { k: 'all' | 'any'; at: string; children: Node[] }
  | { k: 'not'; at: string; child: Node }
  | { k: 'quant'; at: string; every: boolean; scope: 'item' | 'container'; child: Node }
  | Cmp;

export interface Cmp {
  k: 'cmp';
  at: string;
  op: ComparisonOperator;
  field: FieldSpec;
  /** Scalar operand of eq, ne, gt, gte, lt, lte; lower bound of between. */
  value?: string | number | boolean;
  max?: number;
  /** in, notIn, inWatchList (normalised entries). */
  set?: ReadonlySet<string | number>;
  prefix?: (text: string) => boolean;
  /** startsWith: the prefixes `prefix` tests, for the HS-code index. */
  prefixes?: readonly string[];
  matcher?: TextMatcher;
  /** The pattern `matcher` was built from (keyword lists are turned into a pattern first). */
  source?: string;
  list?: string;
  /** inWatchList: allocation-free membership over `set`. */
  member?: (value: string) => boolean;
}

export interface Unit {
  /** Index in the flat list of units; the generated code reports hits by this number. */
  index: number;
  ruleId: string;
  tableId?: string;
  name: string;
  rationale: string;
  weight: number;
  minLane?: MinLane;
  referral?: Referral;
  priority: number;
  condition: Node;
}

export type Group =
  | { kind: 'rule'; unit: Unit }
  | { kind: 'table'; tableId: string; hitPolicy: HitPolicy; units: Unit[] };

export interface Program {
  ruleSetId: string;
  version: number;
  groups: Group[];
  units: Unit[];
}

export const LANE_RANK: Record<MinLane, number> = { blue: 1, yellow: 2, red: 3 };
export const REFERRAL_ORDER: readonly Referral[] = ['DNL', 'RFS', 'RFI'];

/**
 * Watch-list entries and looked-up values are compared trimmed, upper case, with runs of white space as one
 * space. Names are looked up on every screening, so the common cases avoid regular expressions.
 */
export function normaliseListValue(value: string): string {
  let lower = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    const irregular =
      ch > 127 ||
      (ch <= 32 && (ch !== 32 || i === 0 || i === value.length - 1 || value.charCodeAt(i + 1) <= 32));
    // Non-ASCII text may hold Unicode white space or case mappings: take the general path.
    if (irregular) return value.trim().replace(/\s+/g, ' ').toUpperCase();
    if (ch >= 97 && ch <= 122) lower = true;
  }
  return lower ? value.toUpperCase() : value;
}
