import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { sha256Hex } from '../shared/crypto.js';
import { documentKey } from './document-store.js';
import { LocalDocumentStore } from './local-document-store.js';
import { S3DocumentStore, type S3ObjectClient } from './s3-document-store.js';

const bytes = new Uint8Array(Buffer.from('%PDF-1.7 evidence bytes'));
const hash = sha256Hex(bytes);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('documentKey', () => {
  it('fans out by the first two byte pairs of the digest', () => {
    expect(documentKey(hash)).toBe(`sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`);
  });

  it.each([['../../etc/passwd'], [hash.toUpperCase()], [`${hash}0`], [`${hash.slice(0, 62)}/x`]])(
    'refuses %s, so a caller-supplied hash can never become a path',
    (bad) => {
      expect(() => documentKey(bad)).toThrow(AppError);
    },
  );
});

describe('LocalDocumentStore', () => {
  let root: string;
  let store: LocalDocumentStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'aeolus-docs-'));
    store = new LocalDocumentStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores under <root>/sha256/ab/cd/<hash> and reads back the same bytes', async () => {
    expect(await store.put(bytes)).toEqual({ sha256: hash, size: bytes.length, created: true });
    const path = join(root, 'sha256', hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    expect(await store.get(hash)).toEqual(bytes);
    expect(await store.has(hash)).toBe(true);
    expect((await stat(path)).mode & 0o007).toBe(0); // never world-readable
  });

  it('is idempotent: a second put of the same bytes writes nothing', async () => {
    await store.put(bytes);
    const path = store.pathOf(hash);
    const before = (await stat(path)).mtimeMs;
    expect(await store.put(new Uint8Array(bytes))).toEqual({
      sha256: hash,
      size: bytes.length,
      created: false,
    });
    expect((await stat(path)).mtimeMs).toBe(before);
  });

  it('leaves no temporary files behind, also with concurrent puts of the same bytes', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
    expect(results.every((r) => r.sha256 === hash)).toBe(true);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
    expect(await store.get(hash)).toEqual(bytes);
  });

  it('answers NOT_FOUND / false for unknown documents', async () => {
    const unknown = sha256Hex('never stored');
    expect((await rejection(store.get(unknown))).code).toBe('NOT_FOUND');
    expect(await store.has(unknown)).toBe(false);
    expect(await store.delete(unknown)).toBe(false);
  });

  it('deletes', async () => {
    await store.put(bytes);
    expect(await store.delete(hash)).toBe(true);
    expect(await store.has(hash)).toBe(false);
  });

  it('refuses to return bytes that no longer match their address', async () => {
    await store.put(bytes);
    await writeFile(store.pathOf(hash), 'bit rot');
    const error = await rejection(store.get(hash));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(`Stored document ${hash} failed its integrity check`);
  });

  it('repairs a wrong-sized file on the next put', async () => {
    await store.put(bytes);
    await writeFile(store.pathOf(hash), 'torn');
    expect((await store.put(bytes)).created).toBe(true);
    expect(await store.get(hash)).toEqual(bytes);
  });

  it('refuses malformed hashes before touching the file system', async () => {
    expect((await rejection(store.get('../../../etc/passwd'))).code).toBe('VALIDATION_FAILED');
  });
});

/**
 * The store's own logic over an in-memory object client. The AWS SDK adapter (s3-object-client.ts) is
 * not exercised here: there is no S3-compatible service in this environment.
 */
describe('S3DocumentStore (key layout and store semantics)', () => {
  function memoryClient() {
    const objects = new Map<string, { bytes: Uint8Array; checksum: string }>();
    const calls: string[] = [];
    const client: S3ObjectClient = {
      async putObject(key, body, checksum) {
        calls.push(`PUT ${key}`);
        objects.set(key, { bytes: new Uint8Array(body), checksum });
      },
      async getObject(key) {
        calls.push(`GET ${key}`);
        return objects.get(key)?.bytes;
      },
      async headObject(key) {
        calls.push(`HEAD ${key}`);
        return objects.has(key);
      },
      async deleteObject(key) {
        calls.push(`DELETE ${key}`);
        objects.delete(key);
      },
    };
    return { client, objects, calls };
  }

  it('uses [prefix]sha256/ab/cd/<hash> and sends the SHA-256 for server-side checking', async () => {
    const { client, objects, calls } = memoryClient();
    const store = new S3DocumentStore({ client, prefix: 'aeolus/' });
    const key = `aeolus/sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
    expect(store.keyOf(hash)).toBe(key);
    expect(await store.put(bytes)).toEqual({ sha256: hash, size: bytes.length, created: true });
    expect(calls).toEqual([`HEAD ${key}`, `PUT ${key}`]);
    expect(objects.get(key)?.checksum).toBe(Buffer.from(hash, 'hex').toString('base64'));
    expect(await store.put(bytes)).toMatchObject({ created: false });
    expect(await store.get(hash)).toEqual(bytes);
  });

  it('maps absence to NOT_FOUND / false and re-hashes what it reads', async () => {
    const { client, objects } = memoryClient();
    const store = new S3DocumentStore({ client });
    expect((await rejection(store.get(hash))).code).toBe('NOT_FOUND');
    expect(await store.delete(hash)).toBe(false);
    objects.set(store.keyOf(hash), { bytes: new Uint8Array([1, 2, 3]), checksum: '' });
    expect((await rejection(store.get(hash))).code).toBe('INTERNAL');
    expect(await store.delete(hash)).toBe(true);
    expect(await store.has(hash)).toBe(false);
  });

  it('refuses a prefix that would break the layout', () => {
    expect(() => new S3DocumentStore({ client: memoryClient().client, prefix: 'no-slash' })).toThrow(
      AppError,
    );
  });
});
