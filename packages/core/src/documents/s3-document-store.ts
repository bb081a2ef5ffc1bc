import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { assertIntact, type DocumentStore, documentKey, type StoredDocument } from './document-store.js';

/**
 * The few object operations the store needs. `createAwsS3ObjectClient` (s3-object-client.ts) provides
 * them with the AWS SDK for any S3-compatible service; keeping the SDK behind this seam means it is only
 * loaded when a deployment chooses S3.
 */
export interface S3ObjectClient {
  /** `sha256Base64` is sent as `x-amz-checksum-sha256`, so the service rejects bytes damaged in transit. */
  putObject(key: string, bytes: Uint8Array, sha256Base64: string): Promise<void>;
  /** Undefined when there is no such object. */
  getObject(key: string): Promise<Uint8Array | undefined>;
  headObject(key: string): Promise<boolean>;
  deleteObject(key: string): Promise<void>;
}

export interface S3DocumentStoreOptions {
  client: S3ObjectClient;
  /** Optional key prefix, e.g. `aeolus/` when the bucket is shared. */
  prefix?: string;
}

/**
 * The scale-out store: same content addressing and key layout as the local directory
 * (`[prefix]sha256/ab/cd/<hash>`), reads re-hashed like the local store's.
 */
export class S3DocumentStore implements DocumentStore {
  readonly #client: S3ObjectClient;
  readonly prefix: string;

  constructor(options: S3DocumentStoreOptions) {
    if (options.prefix && !/^[A-Za-z0-9._\-/]*\/$/.test(options.prefix)) {
      throw new AppError(
        'NOT_CONFIGURED',
        'The document key prefix must be letters, digits, ".-_/" and end in "/"',
      );
    }
    this.#client = options.client;
    this.prefix = options.prefix ?? '';
  }

  keyOf(sha256: string): string {
    return `${this.prefix}${documentKey(sha256)}`;
  }

  async put(bytes: Uint8Array): Promise<StoredDocument> {
    const digest = createHash('sha256').update(bytes).digest();
    const sha256 = digest.toString('hex');
    const key = this.keyOf(sha256);
    // Same key means same content, so an object that exists is already the right one. Two racing puts
    // of the same bytes both write identical objects, which is harmless.
    if (await this.#client.headObject(key)) return { sha256, size: bytes.length, created: false };
    await this.#client.putObject(key, bytes, digest.toString('base64'));
    return { sha256, size: bytes.length, created: true };
  }

  async get(sha256: string): Promise<Uint8Array> {
    const bytes = await this.#client.getObject(this.keyOf(sha256));
    if (!bytes) throw AppError.notFound('Document');
    return assertIntact(sha256, bytes);
  }

  has(sha256: string): Promise<boolean> {
    return this.#client.headObject(this.keyOf(sha256));
  }

  async delete(sha256: string): Promise<boolean> {
    const key = this.keyOf(sha256);
    if (!(await this.#client.headObject(key))) return false;
    await this.#client.deleteObject(key);
    return true;
  }
}
