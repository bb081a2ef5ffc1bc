import { normaliseListValue } from './ir.js';

/**
 * Membership test for a watch list that does not allocate. Values are compared in their normalised form
 * (trimmed, upper case, white-space runs as one space — `normaliseListValue`), computed here without
 * building it:
 *
 * - two-letter values (country codes, the most frequent look-up) are decided by one table read;
 * - other values are first checked against the pairs of first and last characters of the entries, then
 *   against a signature of their first two and last two significant characters: together these refuse
 *   almost every value that is not on the list in constant time;
 * - the rest are hashed (FNV-1a over the normalised form in one pass over the raw text), and a string is
 *   only built when some entry has the same hash.
 *
 * Values with non-ASCII characters where it matters take the general path.
 */
export function listMembership(entries: ReadonlySet<string>): (value: string) => boolean {
  const byHash = new Map<number, string[]>();
  const pairs = new Uint8Array(26 * 26);
  const signatures = new Uint8Array(SIGNATURES);
  // First and last character of each entry, upper case (entries are normalised): 128 × 128 bits.
  const ends = new Uint8Array(128 * 128);
  let plain = true;
  for (const entry of entries) {
    const hash = normalisedHash(entry);
    const bucket = byHash.get(hash);
    if (bucket) bucket.push(entry);
    else byHash.set(hash, [entry]);
    const pair = letterPair(entry, 0);
    if (pair >= 0) pairs[pair] = 1;
    // Entries are normalised already, so their significant span is the whole text.
    const signature = entry.length === 0 ? 0 : signatureOf(entry, 0, entry.length - 1);
    if (signature < 0) plain = false;
    else signatures[signature] = 1;
    if (entry.length > 0) ends[(entry.charCodeAt(0) << 7) | entry.charCodeAt(entry.length - 1)] = 1;
  }
  return (value) => {
    if (value.length === 2) {
      const pair = letterPair(value, 32);
      if (pair >= 0) return pairs[pair] === 1;
    }
    if (plain) {
      // Most values have no surrounding white space: their first and last characters are the normalised
      // ends, and one table read refuses them.
      const head = value.charCodeAt(0);
      const tail = value.charCodeAt(value.length - 1);
      if (head < 128 && tail < 128 && !isAsciiSpace(head) && !isAsciiSpace(tail)) {
        if (ends[(UPPER[head]! << 7) | UPPER[tail]!] === 0) return false;
      }
      let i = 0;
      let j = value.length - 1;
      let first = value.charCodeAt(0);
      while (i <= j && isAsciiSpace(first)) first = value.charCodeAt(++i);
      if (i > j) return entries.has('');
      let last = value.charCodeAt(j);
      while (j > i && isAsciiSpace(last)) last = value.charCodeAt(--j);
      const signature = signatureOfUnits(
        first,
        i + 1 <= j ? value.charCodeAt(i + 1) : 0,
        j - 1 >= i ? value.charCodeAt(j - 1) : 0,
        last,
      );
      if (signature >= 0 && signatures[signature] === 0) return false;
    }
    const hash = normalisedHash(value);
    if (hash === -1) return entries.has(normaliseListValue(value));
    const bucket = byHash.get(hash);
    return bucket?.includes(normaliseListValue(value)) === true;
  };
}

const SIGNATURES = 1 << 16;

/** ASCII upper case by character code. */
const UPPER = Uint8Array.from({ length: 128 }, (_, ch) => (ch >= 97 && ch <= 122 ? ch - 32 : ch));

/**
 * A hash of the normalised first two and last two characters of the significant span `[i, j]` (positions
 * outside the span count as 0), or -1 when one of them is not ASCII. Trimming and collapsing white space
 * never change these four characters, only their case and which white space they are.
 */
function signatureOf(text: string, i: number, j: number): number {
  return signatureOfUnits(
    text.charCodeAt(i),
    i + 1 <= j ? text.charCodeAt(i + 1) : 0,
    j - 1 >= i ? text.charCodeAt(j - 1) : 0,
    text.charCodeAt(j),
  );
}

function signatureOfUnits(first: number, second: number, beforeLast: number, last: number): number {
  const a = normalisedUnit(first);
  const b = normalisedUnit(second);
  const c = normalisedUnit(beforeLast);
  const d = normalisedUnit(last);
  if ((a | b | c | d) < 0) return -1;
  return (((a * 131 + b) * 131 + c) * 131 + d) & (SIGNATURES - 1);
}

function normalisedUnit(ch: number): number {
  if (ch >= 128) return -1;
  if (isAsciiSpace(ch)) return 32;
  return ch >= 97 && ch <= 122 ? ch - 32 : ch;
}

/**
 * The table index of a two-letter text (A-Z; with `lowerBit` 32, a-z as well), or -1. The normalised form
 * of such a text is its upper case, so the index stands for it.
 */
function letterPair(text: string, lowerBit: number): number {
  if (text.length !== 2) return -1;
  const a = (text.charCodeAt(0) & ~lowerBit) - 65;
  const b = (text.charCodeAt(1) & ~lowerBit) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
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
