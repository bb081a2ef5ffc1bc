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

/**
 * Membership test for a watch list that does not allocate: the FNV-1a hash of the value's normalised form is
 * computed in one pass over the raw text, and a string is only built when some entry has the same hash.
 * Values with non-ASCII characters take the general path.
 */
export function listMembership(entries: ReadonlySet<string>): (value: string) => boolean {
  const byHash = new Map<number, string[]>();
  for (const entry of entries) {
    const hash = normalisedHash(entry);
    const bucket = byHash.get(hash);
    if (bucket) bucket.push(entry);
    else byHash.set(hash, [entry]);
  }
  // Prefilter on the first and last significant characters: most values are refused without hashing.
  const firsts = new Uint8Array(128);
  const lasts = new Uint8Array(128);
  let plain = true;
  for (const entry of entries) {
    const first = entry.charCodeAt(0);
    const last = entry.charCodeAt(entry.length - 1);
    if (!(first < 128 && last < 128)) plain = false;
    firsts[first & 127] = 1;
    lasts[last & 127] = 1;
  }
  return (value) => {
    if (plain) {
      let i = 0;
      let j = value.length - 1;
      while (i <= j && isAsciiSpace(value.charCodeAt(i))) i++;
      while (j > i && isAsciiSpace(value.charCodeAt(j))) j--;
      if (i > j) return entries.has('');
      const first = upper(value.charCodeAt(i));
      const last = upper(value.charCodeAt(j));
      if (first < 128 && last < 128 && (firsts[first] === 0 || lasts[last] === 0)) return false;
    }
    const hash = normalisedHash(value);
    if (hash === -1) return entries.has(normaliseListValue(value));
    const bucket = byHash.get(hash);
    return bucket?.includes(normaliseListValue(value)) === true;
  };
}

/** FNV-1a over the trimmed, upper-cased, space-collapsed text; -1 when the text is not plain ASCII. */
function normalisedHash(value: string): number {
  let hash = 0x811c9dc5;
  let started = false;
  let pendingSpace = false;
  for (let i = 0; i < value.length; i++) {
    let ch = value.charCodeAt(i);
    if (ch > 127) return -1;
    if (ch === 32 || (ch >= 9 && ch <= 13)) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      hash = Math.imul(hash ^ 32, 0x01000193);
      pendingSpace = false;
    }
    started = true;
    if (ch >= 97 && ch <= 122) ch -= 32;
    hash = Math.imul(hash ^ ch, 0x01000193);
  }
  return hash >>> 1;
}

function isAsciiSpace(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13);
}

function upper(ch: number): number {
  return ch >= 97 && ch <= 122 ? ch - 32 : ch;
}
