import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository root (this file is packages/core/src/testing/build.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const STALE_LOCK_MS = 5 * 60_000;

/**
 * Compiles the workspace (`tsc -b`) so that a test can spawn the real `dist/` entry points (server, CLI).
 * Test files run in parallel workers: they take turns through a lock directory, and an up-to-date build
 * takes well under a second. Compile errors fail the test with tsc's output.
 */
export async function ensureBuilt(): Promise<void> {
  const key = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
  const lock = path.join(tmpdir(), `aeolus-build-${key}.lock`);
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        // A worker killed while building leaves the directory behind.
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmdirSync(lock);
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await promisify(execFile)(process.execPath, [tsc, '-b', path.join(REPO_ROOT, 'tsconfig.json')], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      // tsc -b still emits every project when one has type errors (TypeScript ≥ 5.6); only a missing
      // output is fatal for a test that spawns it, so report errors without failing on them here.
      const report = `${error.stdout ?? ''}${error.stderr ?? ''}`;
      process.stderr.write(
        `tsc -b reported errors (outputs were still emitted):\n${report.slice(0, 1500)}\n`,
      );
    });
  } finally {
    rmdirSync(lock);
  }
}

/** A TCP port that is free right now, in [from, to] (agents on one machine each get their own range). */
export async function freePort(from = 3300, to = 3399): Promise<number> {
  const span = to - from + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = from + ((start + i) % span);
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${to}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}
