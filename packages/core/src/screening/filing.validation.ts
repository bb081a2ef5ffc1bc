import {
  Consignment,
  type ConsignmentParty,
  type FilingProblem,
  type FilingRejection,
} from '@aeolus/contracts';
import type { z } from 'zod';
import { nulCharacterProblems } from '../shared/nul-character.js';

/**
 * Per-consignment validation of a filing: each item is checked on its own against the WCO Data Model
 * subset (`Consignment`), so one bad consignment in a batch is refused with its field problems while the
 * others are screened.
 */

export interface ValidConsignment {
  /** Position in the request (for an NDJSON stream: the line number, from 0). */
  index: number;
  consignment: Consignment;
  /** The consignment's key: its UCR, or `<document type> <number>`. */
  reference: string;
  transportDocument: string;
}

/** zod issues as field problems; an unknown field is reported by name, like the API's own validation. */
export function toProblems(issues: readonly z.core.$ZodIssue[]): FilingProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    return [{ path, message: issue.message }];
  });
}

/** An NDJSON line that is not JSON: refused as its item, like any other bad consignment. */
export class UnparsableItem {
  constructor(readonly message: string) {}
}

/** One NDJSON line as an item to validate. */
export function parseNdjsonLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    return new UnparsableItem(`is not valid JSON: ${(error as Error).message}`);
  }
}

export function validateConsignments(
  items: readonly unknown[],
  firstIndex = 0,
): { valid: ValidConsignment[]; rejected: FilingRejection[] } {
  const valid: ValidConsignment[] = [];
  const rejected: FilingRejection[] = [];
  items.forEach((item, i) => {
    const index = firstIndex + i;
    if (item instanceof UnparsableItem) {
      rejected.push({ index, status: 'rejected', problems: [{ path: '', message: item.message }] });
      return;
    }
    const parsed = Consignment.safeParse(item);
    // PostgreSQL cannot store U+0000: a consignment carrying one is refused here, by field, on its own.
    const nul = nulCharacterProblems(item);
    if (!parsed.success || nul.length > 0) {
      const problems = parsed.success ? nul : [...toProblems(parsed.error.issues), ...nul];
      rejected.push({ index, status: 'rejected', problems });
      return;
    }
    const consignment = parsed.data;
    const doc = consignment.transportDocument;
    const transportDocument = `${doc.type} ${doc.number}`;
    valid.push({
      index,
      consignment,
      reference: consignment.reference ?? transportDocument,
      transportDocument,
    });
  });
  return { valid, rejected };
}

/**
 * How a party is recognised across filings for the "first seen" facts: its EORI when it has one, otherwise
 * its name (upper case, letters and digits only) and country.
 */
export function partyKey(party: ConsignmentParty): string {
  const eori = party.identifiers?.find((id) => id.scheme === 'EORI')?.value;
  if (eori) return `EORI:${eori.toUpperCase()}`;
  const name = party.name
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `NAME:${name}|${party.address.country}`;
}

/** The AEO identifiers a party declares (a claim the register confirms or not). */
export function declaredAeoIds(party: ConsignmentParty): string[] {
  return (party.identifiers ?? [])
    .filter((id) => id.scheme === 'AEO')
    .map((id) => id.value.trim().toUpperCase());
}
