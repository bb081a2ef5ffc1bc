import { randomUUID } from 'node:crypto';
import {
  type FilingItem,
  type FilingReceipt,
  type FilingRejection,
  MAX_FILING_BATCH,
  type Referral,
} from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import { findAeoRegisterEntries } from '../aeo/index.js';
import type { CoreContext } from '../context.js';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import { type Actor, actorId, actorOrganisationId } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { organisations } from '../identity/identity.tables.js';
import {
  claimIdempotencyKey,
  findStoredResponse,
  type IdempotencyRef,
  idempotencyConflict,
  type StoredResponse,
} from '../shared/idempotency.js';
import { type PersistBatch, persist } from './filing.persist.js';
import { type ValidConsignment, validateConsignments } from './filing.validation.js';
import { lookupKeys, screenConsignments } from './screening.evaluate.js';
import * as repo from './screening.repository.js';
import { loadScreeningContext } from './screening-context.js';

/**
 * Filing advance cargo data (issue 4): validate each consignment on its own, screen the valid ones with the
 * administration's published rule set and selectivity policy, and store results, the batch, its audit entry
 * and one event per batch and per result in one transaction. A batch costs a fixed number of round trips
 * whatever its size: the AEO register, the party registry and the office counters are read once, rows are
 * written with one statement per table. Concurrent single filings are grouped the same way (ADR 0006).
 */

export type FilingFormat = 'single' | 'json' | 'ndjson' | 'csv';

export interface FileConsignments {
  items: readonly unknown[];
  format: FilingFormat;
  /** `Idempotency-Key` and the hash of the request body it must come with. */
  idempotency?: { key: string; requestHash: string };
  /** NDJSON streams are filed in chunks: the stream position of this chunk's first line. */
  firstIndex?: number;
  /** The filer, for the system actor only (the CLI's `--organisation`); others file for their own. */
  organisationId?: string;
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

class KeyTaken extends Error {
  constructor(readonly taken: number[]) {
    super('idempotency keys taken');
  }
}

/** The filer's organisation and the administration that screens its filings (the one supervising it). */
export async function resolveFiler(db: Db, actor: Actor, organisationId = tenantOf(actor)) {
  if (actor.kind !== 'system' && organisationId !== actor.organisationId) {
    throw AppError.forbidden('You can file only for your own organisation');
  }
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
  if (input.format === 'single') return singleFilings(ctx).file(actor, input);
  const [outcome] = await fileGroup(ctx, [{ actor, input }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.result;
}

/** One request of a group; every request of a group has the same filer and the same actor but its id. */
interface GroupRequest {
  actor: Actor;
  input: FileConsignments;
}

type Outcome = { ok: true; result: FilingResult } | { ok: false; error: unknown };

const failed = (error: unknown): Outcome => ({ ok: false, error });

/**
 * Files requests of one filer together: the filer, the screening head, the AEO register and the party
 * registry are read once for all of them and everything is written in one transaction (`persist`). Each
 * request keeps its own outcome — its batch, its receipt, its idempotency key, its error. A request is
 * answered only after the transaction that stored it has committed. Should the group's transaction fail,
 * each request is filed again alone, so that one request's failure never fails the others.
 */
async function fileGroup(ctx: CoreContext, requests: readonly GroupRequest[]): Promise<Outcome[]> {
  const { actor, input: first } = requests[0]!;
  const filer = await resolveFiler(ctx.db, actor, first.organisationId);
  const refOf = (input: FileConsignments): IdempotencyRef | undefined =>
    input.idempotency && {
      organisationId: filer.organisationId,
      scope: IDEMPOTENCY_SCOPE,
      key: input.idempotency.key,
    };
  const outcomes: (Outcome | undefined)[] = requests.map(() => undefined);
  /** The answer of a request whose key another request has used: that request's stored response. */
  const answerStored = async (i: number, busy: boolean) => {
    const { input } = requests[i]!;
    try {
      const stored = await findStoredResponse(ctx.db, refOf(input)!);
      if (stored) {
        outcomes[i] = {
          ok: true,
          result: await replay(ctx.db, filer.organisationId, stored, input.idempotency!),
        };
      } else if (busy) {
        outcomes[i] = failed(
          new AppError('SERVICE_UNAVAILABLE', 'A request with this idempotency key is in progress'),
        );
      }
    } catch (error) {
      outcomes[i] = failed(error);
    }
  };
  await Promise.all(requests.map((r, i) => (r.input.idempotency ? answerStored(i, false) : undefined)));
  if (outcomes.every(Boolean)) return outcomes as Outcome[];

  const receivedAt = new Date();
  const open: { i: number; valid: ValidConsignment[]; rejected: FilingRejection[] }[] = [];
  requests.forEach(({ input }, i) => {
    if (outcomes[i]) return;
    const { valid, rejected } = validateConsignments(input.items, input.firstIndex ?? 0);
    if (input.format === 'single' && rejected[0])
      outcomes[i] = failed(AppError.validation(rejected[0].problems));
    else open.push({ i, valid, rejected });
  });
  if (open.length === 0) return outcomes as Outcome[];

  // The screening head, the AEO register and the party registry, read side by side (one round trip's wait,
  // not three, while concurrent filings queue behind this group).
  const keys = lookupKeys(open.flatMap((o) => o.valid));
  const [context, register, seen] = await Promise.all([
    loadScreeningContext(ctx.db, filer.administrationId),
    findAeoRegisterEntries(ctx.db, { administrationId: filer.administrationId, aeoIds: keys.aeoIds }),
    repo.findSeenParties(ctx.db, filer.administrationId, keys.partyKeys),
  ]);
  // In arrival order, sharing the party registry: a party first seen in one request is known to the next.
  const newParties: string[] = [];
  const batches = open.map((o): PersistBatch & { i: number } => {
    const { input, actor: requestActor } = requests[o.i]!;
    const screening = screenConsignments({
      context,
      filerOrganisationId: filer.organisationId,
      items: o.valid,
      register,
      seenParties: seen,
      receivedAt,
    });
    newParties.push(...screening.newParties);
    return {
      i: o.i,
      actor: requestActor,
      batchId: randomUUID(),
      screened: screening.screened,
      rejected: o.rejected,
      format: input.format,
      firstIndex: input.firstIndex ?? 0,
      itemCount: input.items.length,
      idempotencyKey: input.idempotency?.key ?? null,
    };
  });

  try {
    await inTransaction(ctx.db, async (tx) => {
      const taken: number[] = [];
      for (const batch of batches) {
        const { input } = requests[batch.i]!;
        if (!input.idempotency) continue;
        const claimed = await claimIdempotencyKey(tx, refOf(input)!, {
          requestHash: input.idempotency.requestHash,
          status: input.format === 'single' ? 201 : 200,
          body: { batchId: batch.batchId },
        });
        if (!claimed) taken.push(batch.i);
      }
      if (taken.length > 0) throw new KeyTaken(taken);
      await persist(tx, actor, {
        context,
        filerOrganisationId: filer.organisationId,
        receivedAt,
        newParties,
        batches,
      });
    });
  } catch (error) {
    if (error instanceof KeyTaken) {
      // Another request with one of these keys committed while we screened: those answer as it did (or are
      // refused while it runs); the others are screened again without them (the party registry moved on).
      await Promise.all(error.taken.map((i) => answerStored(i, true)));
    } else if (batches.length === 1) {
      outcomes[batches[0]!.i] = failed(error);
      return outcomes as Outcome[];
    }
    const again = batches.filter((b) => !outcomes[b.i]);
    const alone = error instanceof KeyTaken ? [again] : again.map((b) => [b]);
    await Promise.all(
      alone.map(async (group) => {
        if (group.length === 0) return;
        const settled = await fileGroup(
          ctx,
          group.map((b) => requests[b.i]!),
        ).catch((e: unknown) => group.map(() => failed(e)));
        group.forEach((b, k) => {
          outcomes[b.i] = settled[k];
        });
      }),
    );
    return outcomes as Outcome[];
  }

  for (const batch of batches) {
    const items: FilingItem[] = [
      ...batch.screened.map(
        (s): FilingReceipt => ({
          index: s.item.index,
          status: 'screened',
          resultId: s.resultId,
          reference: s.item.reference,
          lane: s.decision.lane,
          referrals: s.evaluation.referrals,
        }),
      ),
      ...batch.rejected,
    ].sort((a, b) => a.index - b.index);
    outcomes[batch.i] = {
      ok: true,
      result: {
        batchId: batch.batchId,
        receivedAt: receivedAt.toISOString(),
        format: batch.format,
        items,
        replayed: false,
      },
    };
  }
  return outcomes as Outcome[];
}

/** More single filings than this wait for the next group (one statement per table carries them all). */
const MAX_GROUP = 256;

interface Waiting extends GroupRequest {
  resolve(result: FilingResult): void;
  reject(error: unknown): void;
}

/**
 * Micro-batching of single-consignment filings (ADR 0006). Filings of the same filer and actor that arrive
 * while that filer's previous group is being written, or in the same turn of the event loop, are filed as
 * one group: one set of reads, one transaction, one audit entry, instead of some twenty round trips and a
 * turn at the audit chain's lock each. There is no timer: an idle server files a request at once, a busy one
 * groups what arrived during the last commit (group commit). Each request is still answered only after the
 * transaction that stored it has committed, and gets exactly the answer it would have got alone.
 */
class SingleFilings {
  readonly #queues = new Map<string, Waiting[]>();

  constructor(readonly ctx: CoreContext) {}

  file(actor: Actor, input: FileConsignments): Promise<FilingResult> {
    const key = `${actorOrganisationId(actor) ?? ''}|${actorId(actor) ?? actor.label}|${input.organisationId ?? ''}`;
    return new Promise<FilingResult>((resolve, reject) => {
      const queue = this.#queues.get(key);
      const waiting: Waiting = { actor, input, resolve, reject };
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.#queues.set(key, [waiting]);
      // After the I/O callbacks of this turn: every request parsed in the same poll joins the first group.
      setImmediate(() => void this.#drain(key));
    });
  }

  async #drain(key: string): Promise<void> {
    const queue = this.#queues.get(key)!;
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP);
      let outcomes: Outcome[];
      try {
        outcomes = await fileGroup(this.ctx, group);
      } catch (error) {
        outcomes = group.map(() => failed(error));
      }
      group.forEach((waiting, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) waiting.resolve(outcome.result);
        else waiting.reject(outcome.error);
      });
    }
    this.#queues.delete(key);
  }
}

const singles = new WeakMap<object, SingleFilings>();

function singleFilings(ctx: CoreContext): SingleFilings {
  let filings = singles.get(ctx.db);
  if (!filings) {
    filings = new SingleFilings(ctx);
    singles.set(ctx.db, filings);
  }
  return filings;
}
