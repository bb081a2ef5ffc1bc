import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors.js';
import { sha256Hex } from '../shared/crypto.js';
import { assertIntact, type DocumentStore, documentKey, type StoredDocument } from './document-store.js';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/**
 * Files under `<root>/sha256/ab/cd/<hash>`. Writes go to `<root>/tmp` (same file system), are fsynced,
 * then renamed into place and the directory fsynced: a reader or a crash sees either no file or the
 * whole file, never a torn one (rename(2) is atomic within a file system).
 */
export class LocalDocumentStore implements DocumentStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  pathOf(sha256: string): string {
    return join(this.root, documentKey(sha256));
  }

  async put(bytes: Uint8Array): Promise<StoredDocument> {
    const sha256 = sha256Hex(bytes);
    const path = this.pathOf(sha256);
    const existing = await stat(path).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    // A complete file is the only thing rename can leave behind, so same size means same content.
    if (existing?.size === bytes.length) return { sha256, size: bytes.length, created: false };

    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true, mode: 0o750 });
    await mkdir(dirname(path), { recursive: true, mode: 0o750 });
    const tmp = join(tmpDir, `${sha256}.${randomUUID()}.tmp`);
    const handle = await open(tmp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(tmp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await syncDirectory(dirname(path));
    return { sha256, size: bytes.length, created: true };
  }

  async get(sha256: string): Promise<Uint8Array> {
    try {
      return assertIntact(sha256, new Uint8Array(await readFile(this.pathOf(sha256))));
    } catch (error) {
      if (isMissing(error)) throw AppError.notFound('Document');
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(sha256));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

/** fsync the directory so the rename itself survives a power loss (POSIX leaves it to the caller). */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a directory; the data itself is already synced.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}
