/**
 * Character sets over UTF-16 code units as sorted, disjoint, inclusive ranges `[lo, hi, lo, hi, ...]`.
 * Matching is case-insensitive with the ECMAScript non-unicode `i` canonicalisation (upper-case mapping,
 * never mapping a non-ASCII unit to ASCII), so a pattern means the same here as in `new RegExp(p, 'i')`.
 */
export type CharSet = readonly number[];

export const MAX_UNIT = 0xffff;

let canonTable: Uint16Array | undefined;

/** ECMA-262 Canonicalize(rer, ch) for non-unicode ignoreCase, as a table over all code units. */
export function canonTableOf(): Uint16Array {
  if (canonTable) return canonTable;
  const table = new Uint16Array(MAX_UNIT + 1);
  for (let c = 0; c <= MAX_UNIT; c++) {
    const upper = String.fromCharCode(c).toUpperCase();
    if (upper.length !== 1) {
      table[c] = c;
      continue;
    }
    const u = upper.charCodeAt(0);
    table[c] = c >= 128 && u < 128 ? c : u;
  }
  canonTable = table;
  return table;
}

export function rangeSet(lo: number, hi: number): CharSet {
  return [lo, hi];
}

export function union(...sets: CharSet[]): CharSet {
  const pairs: [number, number][] = [];
  for (const set of sets) for (let i = 0; i < set.length; i += 2) pairs.push([set[i]!, set[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function negate(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX_UNIT) out.push(next, MAX_UNIT);
  return out;
}

export function contains(set: CharSet, unit: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (unit < set[mid * 2]!) hi = mid - 1;
    else if (unit > set[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The canonical images of a set's members: the units an input unit is compared as after Canonicalize. */
export function canonicalise(set: CharSet): CharSet {
  const table = canonTableOf();
  const marks = new Uint8Array(MAX_UNIT + 1);
  for (let i = 0; i < set.length; i += 2) {
    for (let c = set[i]!; c <= set[i + 1]!; c++) marks[table[c]!] = 1;
  }
  const out: number[] = [];
  for (let c = 0; c <= MAX_UNIT; c++) {
    if (!marks[c]) continue;
    const lo = c;
    while (c + 1 <= MAX_UNIT && marks[c + 1]) c++;
    out.push(lo, c);
  }
  return out;
}

export const DIGIT: CharSet = [0x30, 0x39];
export const WORD: CharSet = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** ECMAScript WhiteSpace and LineTerminator (the members of `\s`). */
export const SPACE: CharSet = union(
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
);
/** `.` without the `s` flag: anything but a line terminator. */
export const DOT: CharSet = negate(union([0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]));

export function isWordUnit(unit: number): boolean {
  return (
    (unit >= 0x30 && unit <= 0x39) ||
    (unit >= 0x41 && unit <= 0x5a) ||
    unit === 0x5f ||
    (unit >= 0x61 && unit <= 0x7a)
  );
}
