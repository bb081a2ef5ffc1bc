import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import { idempotencyKeys } from '../events/events.tables.js';

/**
 * Idempotency keys for submissions ("nothing acknowledged is lost", and nothing is done twice): the first
 * request with a key stores a reference to its response in the same transaction as the work; a retry with
 * the same key and the same body gets that response again, with another body a 409. Keys expire (24 hours
 * by default), after which the key may be used for new work.
 */

export interface IdempotencyRef {
  organisationId: string;
  /** What the key is for, e.g. `screening.filing`: the same key may be used for different operations. */
  scope: string;
  key: string;
}

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Checks an `Idempotency-Key` header: 1-255 visible ASCII characters. */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = Array.isArray(value) ? value[0] : value;
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw AppError.validation([
      {
        path: 'headers.idempotency-key',
        message: 'must be 1-255 visible ASCII characters (a UUID is a good choice)',
      },
    ]);
  }
  return key;
}

/** The stored response for a key that has not expired, if any. */
export async function findStoredResponse(
  db: Db | Tx,
  ref: IdempotencyRef,
): Promise<StoredResponse | undefined> {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.organisationId, ref.organisationId),
        eq(idempotencyKeys.scope, ref.scope),
        eq(idempotencyKeys.key, ref.key),
        gt(idempotencyKeys.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/**
 * Claims the key inside the caller's transaction, before its work is written. A concurrent request with the
 * same key waits on the key's unique index until this transaction ends; it then finds the key taken and
 * replays or refuses. Returns false when the key is taken (and not expired).
 */
export async function claimIdempotencyKey(
  tx: Tx,
  ref: IdempotencyRef,
  response: StoredResponse,
  ttlHours = 24,
): Promise<boolean> {
  const rows = await tx
    .insert(idempotencyKeys)
    .values({
      organisationId: ref.organisationId,
      scope: ref.scope,
      key: ref.key,
      requestHash: response.requestHash,
      responseStatus: response.status,
      responseBody: response.body,
      expiresAt: sql`now() + make_interval(hours => ${ttlHours})`,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.organisationId, idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        requestHash: response.requestHash,
        responseStatus: response.status,
        responseBody: response.body,
        createdAt: sql`now()`,
        expiresAt: sql`now() + make_interval(hours => ${ttlHours})`,
      },
      setWhere: sql`${idempotencyKeys.expiresAt} <= now()`,
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** The 409 for a key reused with another body. */
export function idempotencyConflict(key: string): AppError {
  return new AppError(
    'IDEMPOTENCY_CONFLICT',
    'This Idempotency-Key was already used with a different request body; use a new key for a new request',
    { key },
  );
}
