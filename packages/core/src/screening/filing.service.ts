import { randomUUID } from 'node:crypto';
import { type FilingItem, type FilingReceipt, MAX_FILING_BATCH, type Referral } from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import { findAeoRegisterEntries } from '../aeo/index.js';
import type { CoreContext } from '../context.js';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { organisations } from '../identity/identity.tables.js';
import {
  claimIdempotencyKey,
  findStoredResponse,
  type IdempotencyRef,
  idempotencyConflict,
  type StoredResponse,
} from '../shared/idempotency.js';
import { persist } from './filing.persist.js';
import { validateConsignments } from './filing.validation.js';
import { lookupKeys, screenConsignments } from './screening.evaluate.js';
import * as repo from './screening.repository.js';
import { loadScreeningContext } from './screening-context.js';

/**
 * Filing advance cargo data (issue 4): validate each consignment on its own, screen the valid ones with the
 * administration's published rule set and selectivity policy, and store results, the batch, its audit entry
 * and one event per result in one transaction. A batch costs a fixed number of round trips whatever its
 * size: the AEO register, the party registry and the office counters are read once, rows are written with
 * one statement per table.
 */

export type FilingFormat = 'single' | 'json' | 'ndjson';

export interface FileConsignments {
  items: readonly unknown[];
  format: FilingFormat;
  /** `Idempotency-Key` and the hash of the request body it must come with. */
  idempotency?: { key: string; requestHash: string };
  /** NDJSON streams are filed in chunks: the stream position of this chunk's first line. */
  firstIndex?: number;
}

export interface FilingResult {
  batchId: string;
  receivedAt: string;
  format: FilingFormat;
  items: FilingItem[];
  /** The response of an earlier request with the same idempotency key. */
  replayed: boolean;
}

const IDEMPOTENCY_SCOPE = 'screening.filing';

class KeyTaken extends Error {}

/** The filer's organisation and the administration that screens its filings (the one supervising it). */
async function resolveFiler(db: Db, actor: Actor) {
  const organisationId = tenantOf(actor);
  const [org] = await db
    .select({ administrationId: organisations.supervisingAdministrationId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org?.administrationId) {
    throw new AppError(
      'INVALID_STATE',
      'Your organisation is not registered with a customs administration, so there is nowhere to file',
    );
  }
  return { organisationId, administrationId: org.administrationId };
}

async function replay(
  db: Db,
  filerOrganisationId: string,
  stored: StoredResponse,
  idempotency: { key: string; requestHash: string },
): Promise<FilingResult> {
  if (stored.requestHash !== idempotency.requestHash) throw idempotencyConflict(idempotency.key);
  const { batchId } = stored.body as { batchId: string };
  const [batch, receipts] = await Promise.all([
    repo.findBatch(db, filerOrganisationId, batchId),
    repo.listBatchReceipts(db, batchId),
  ]);
  if (!batch) throw new AppError('INTERNAL', 'The stored response of this idempotency key is missing');
  const items: FilingItem[] = [
    ...receipts.map(
      (r): FilingReceipt => ({
        index: r.index,
        status: 'screened',
        resultId: r.id,
        reference: r.reference,
        lane: r.lane,
        referrals: r.referrals as Referral[],
      }),
    ),
    ...batch.rejected,
  ].sort((a, b) => a.index - b.index);
  return { batchId, receivedAt: batch.receivedAt.toISOString(), format: batch.format, items, replayed: true };
}

export async function fileConsignments(
  ctx: CoreContext,
  actor: Actor,
  input: FileConsignments,
): Promise<FilingResult> {
  authorize(actor, 'screening:file');
  if (input.items.length > MAX_FILING_BATCH) {
    throw AppError.validation([
      {
        path: 'consignments',
        message: `at most ${MAX_FILING_BATCH.toLocaleString('en')} consignments per request; this one has ${input.items.length.toLocaleString('en')} (split it, or stream it as NDJSON)`,
      },
    ]);
  }
  const filer = await resolveFiler(ctx.db, actor);
  const ref: IdempotencyRef | undefined = input.idempotency && {
    organisationId: filer.organisationId,
    scope: IDEMPOTENCY_SCOPE,
    key: input.idempotency.key,
  };
  if (ref && input.idempotency) {
    const stored = await findStoredResponse(ctx.db, ref);
    if (stored) return replay(ctx.db, filer.organisationId, stored, input.idempotency);
  }

  const context = await loadScreeningContext(ctx.db, filer.administrationId);
  const { valid, rejected } = validateConsignments(input.items, input.firstIndex ?? 0);
  if (input.format === 'single' && rejected[0]) throw AppError.validation(rejected[0].problems);

  const receivedAt = new Date();
  const keys = lookupKeys(valid);
  const [register, seen] = await Promise.all([
    findAeoRegisterEntries(ctx.db, { administrationId: filer.administrationId, aeoIds: keys.aeoIds }),
    repo.findSeenParties(ctx.db, filer.administrationId, keys.partyKeys),
  ]);
  const { screened, newParties } = screenConsignments({
    context,
    filerOrganisationId: filer.organisationId,
    items: valid,
    register,
    seenParties: seen,
    receivedAt,
  });

  const batchId = randomUUID();
  try {
    await inTransaction(ctx.db, async (tx) => {
      if (ref && input.idempotency) {
        const claimed = await claimIdempotencyKey(tx, ref, {
          requestHash: input.idempotency.requestHash,
          status: input.format === 'single' ? 201 : 200,
          body: { batchId },
        });
        if (!claimed) throw new KeyTaken();
      }
      await persist(tx, actor, {
        context,
        filerOrganisationId: filer.organisationId,
        batchId,
        receivedAt,
        screened,
        rejected,
        newParties,
        format: input.format,
        firstIndex: input.firstIndex ?? 0,
        itemCount: input.items.length,
        idempotencyKey: input.idempotency?.key ?? null,
      });
    });
  } catch (error) {
    if (!(error instanceof KeyTaken) || !input.idempotency || !ref) throw error;
    // Another request with this key committed while we screened: answer as it did, or refuse.
    const stored = await findStoredResponse(ctx.db, ref);
    if (!stored)
      throw new AppError('SERVICE_UNAVAILABLE', 'A request with this idempotency key is in progress');
    return replay(ctx.db, filer.organisationId, stored, input.idempotency);
  }

  const items: FilingItem[] = [
    ...screened.map(
      (s): FilingReceipt => ({
        index: s.item.index,
        status: 'screened',
        resultId: s.resultId,
        reference: s.item.reference,
        lane: s.decision.lane,
        referrals: s.evaluation.referrals,
      }),
    ),
    ...rejected,
  ].sort((a, b) => a.index - b.index);
  return { batchId, receivedAt: receivedAt.toISOString(), format: input.format, items, replayed: false };
}
