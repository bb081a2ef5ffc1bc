import { AppError } from '../errors.js';
import { sha256Hex } from '../shared/crypto.js';

export interface StoredDocument {
  sha256: string;
  size: number;
  /** False when the same bytes were already stored (puts are idempotent). */
  created: boolean;
}

/**
 * Content-addressed storage for evidence files: the SHA-256 of the bytes is the only key, so a stored
 * file can never be overwritten with different content, identical uploads are stored once, and the
 * public "is this document known and unchanged?" check is a lookup by hash.
 * Implementations: LocalDocumentStore (default) and S3DocumentStore (scale-out).
 */
export interface DocumentStore {
  put(bytes: Uint8Array): Promise<StoredDocument>;
  /** The stored bytes, re-hashed on read; throws NOT_FOUND when absent. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /** True when something was deleted. For retention/erasure jobs only; evidence is otherwise immutable. */
  delete(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * `sha256/ab/cd/<hash>`: two levels of fan-out keep directories (and S3 listing prefixes) small, and the
 * algorithm prefix leaves room for another digest later without a migration.
 * The strict format check is also what keeps a caller-supplied hash from becoming a path traversal.
 */
export function documentKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) {
    throw AppError.validation([{ path: 'sha256', message: 'must be a lower-case hex SHA-256 digest' }]);
  }
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Refuses to hand out bytes that no longer match their address (disk or bucket corruption). */
export function assertIntact(sha256: string, bytes: Uint8Array): Uint8Array {
  if (sha256Hex(bytes) !== sha256) {
    throw new AppError('INTERNAL', `Stored document ${sha256} failed its integrity check`);
  }
  return bytes;
}
