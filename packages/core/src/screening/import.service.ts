import {
  type Consignment,
  type LaneCounts,
  MAX_FILING_BATCH,
  type ScreeningImportItem,
  type ScreeningImportResult,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize } from '../identity/authorization.js';
import {
  claimIdempotencyKey,
  findStoredResponse,
  type IdempotencyRef,
  idempotencyConflict,
} from '../shared/idempotency.js';
import { fileConsignments, resolveFiler } from './filing.service.js';
import { mapConsignmentCsv } from './import.mapper.js';
import { findLatestResultsByReference } from './import.repository.js';

/**
 * CSV filing (issue 4 item 2): the upload in the web app and `aeolus screening import` both come here.
 * The file is mapped to consignments (problems by row and column); consignments this filer already filed
 * unchanged are skipped with their earlier result, so running the same file again screens nothing twice;
 * the rest go through the filing service in batches, each one transaction, like any other filing.
 */

export interface ImportConsignments {
  text: string;
  /** The filer, for the system actor only (the CLI's `--organisation`). */
  organisationId?: string;
  /** `Idempotency-Key` and the hash of the file: the same key and file answer as the first time. */
  idempotency?: { key: string; requestHash: string };
  /** Consignments filed per transaction (1–10,000). */
  batchSize?: number;
  /** Refuse files with more consignments than this (the server's bound on one upload). */
  maxConsignments?: number;
  /** Consignments done so far (filed, skipped or rejected), and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportOutcome {
  result: ScreeningImportResult;
  /** The answer of an earlier request with the same idempotency key. */
  replayed: boolean;
}

const IDEMPOTENCY_SCOPE = 'screening.import';
const DEFAULT_BATCH_SIZE = 1_000;

/** JSON with keys in order, so that a consignment read back from jsonb compares equal to the one filed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const referenceOf = (c: Consignment) =>
  c.reference ?? `${c.transportDocument.type} ${c.transportDocument.number}`;

export async function importConsignmentsCsv(
  ctx: CoreContext,
  actor: Actor,
  input: ImportConsignments,
): Promise<ImportOutcome> {
  authorize(actor, 'screening:file');
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_FILING_BATCH) {
    throw AppError.validation([
      { path: 'batchSize', message: `must be a whole number from 1 to ${MAX_FILING_BATCH}` },
    ]);
  }
  const filer = await resolveFiler(ctx.db, actor, input.organisationId);
  const ref: IdempotencyRef | undefined = input.idempotency && {
    organisationId: filer.organisationId,
    scope: IDEMPOTENCY_SCOPE,
    key: input.idempotency.key,
  };
  if (ref && input.idempotency) {
    const stored = await findStoredResponse(ctx.db, ref);
    if (stored) {
      if (stored.requestHash !== input.idempotency.requestHash) throw idempotencyConflict(ref.key);
      return { result: stored.body as ScreeningImportResult, replayed: true };
    }
  }

  const mapped = mapConsignmentCsv(input.text);
  const total = mapped.consignments.length;
  if (input.maxConsignments !== undefined && total > input.maxConsignments) {
    throw AppError.validation([
      {
        path: 'file',
        message: `has ${total.toLocaleString('en')} consignments; at most ${input.maxConsignments.toLocaleString('en')} per upload (split the file, or use \`aeolus screening import\`)`,
      },
    ]);
  }

  const items: ScreeningImportItem[] = mapped.consignments.map((m) => ({
    transportDocument: m.transportDocument,
    reference: m.consignment ? referenceOf(m.consignment) : (m.reference ?? m.transportDocument),
    rows: m.rows,
    status: 'rejected',
    resultId: null,
    lane: null,
    referrals: [],
  }));

  // Already filed unchanged by this filer: the earlier result stands (re-running a file is harmless).
  const candidates = mapped.consignments.flatMap((m, index) =>
    m.consignment ? [{ index, consignment: m.consignment }] : [],
  );
  const earlier = await findLatestResultsByReference(ctx.db, {
    administrationId: filer.administrationId,
    filerOrganisationId: filer.organisationId,
    references: [...new Set(candidates.map((c) => referenceOf(c.consignment)))],
  });
  const toFile: typeof candidates = [];
  for (const candidate of candidates) {
    const before = earlier.get(referenceOf(candidate.consignment));
    if (before && canonical(before.consignment) === canonical(candidate.consignment)) {
      Object.assign(items[candidate.index]!, {
        status: 'skipped',
        resultId: before.id,
        lane: before.lane,
        referrals: before.referrals,
      });
    } else {
      toFile.push(candidate);
    }
  }

  let done = total - toFile.length;
  input.onProgress?.(done, total);
  for (let start = 0; start < toFile.length; start += batchSize) {
    const chunk = toFile.slice(start, start + batchSize);
    const filed = await fileConsignments(ctx, actor, {
      items: chunk.map((c) => c.consignment),
      format: 'csv',
      organisationId: filer.organisationId,
    });
    for (const receipt of filed.items) {
      const item = items[chunk[receipt.index]!.index]!;
      if (receipt.status === 'screened') {
        Object.assign(item, {
          status: 'screened',
          resultId: receipt.resultId,
          lane: receipt.lane,
          referrals: receipt.referrals,
        });
      }
    }
    done += chunk.length;
    input.onProgress?.(done, total);
  }

  const lanes: LaneCounts = { green: 0, blue: 0, yellow: 0, red: 0 };
  for (const item of items) if (item.lane) lanes[item.lane]++;
  const count = (status: ScreeningImportItem['status']) => items.filter((i) => i.status === status).length;
  const result: ScreeningImportResult = {
    rows: mapped.rows,
    consignments: total,
    screened: count('screened'),
    skipped: count('skipped'),
    rejected: count('rejected'),
    lanes,
    items,
    errors: mapped.errors,
  };

  if (ref && input.idempotency) {
    const { requestHash } = input.idempotency;
    const claimed = await inTransaction(ctx.db, (tx) =>
      claimIdempotencyKey(tx, ref, { requestHash, status: 200, body: result }),
    );
    if (!claimed) {
      // Another request with this key finished first; it screened what this one skipped, or the reverse.
      const stored = await findStoredResponse(ctx.db, ref);
      if (stored && stored.requestHash !== requestHash) throw idempotencyConflict(ref.key);
      if (stored) return { result: stored.body as ScreeningImportResult, replayed: true };
    }
  }
  return { result, replayed: false };
}
