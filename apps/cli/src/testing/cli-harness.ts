import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '@aeolus/core';
import {
  adminQuery,
  createTestDatabase,
  withDatabase as databaseUrl,
  REPO_ROOT,
  TEST_ENV,
} from '@aeolus/core/testing';
import { inject } from 'vitest';
import type { CliIo } from '../io.js';
import { runCli } from '../main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A data directory (PGlite) or database (PostgreSQL) of its own, and `aeolus` pointed at it. */
export interface CliTestEnv {
  kind: 'pglite' | 'postgres';
  /** The environment the CLI sees: test secrets plus DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  /** Runs `aeolus …argv` in this process, through the same `runCli` the binary calls. */
  run(...argv: string[]): Promise<CliResult>;
  /** Opens the database for a look or a tamper (on PGlite only between commands, as the lock demands). */
  withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T>;
  /** An independent copy of the database as it is now, e.g. to tamper with it in several ways. */
  clone(): Promise<CliTestEnv>;
  close(): Promise<void>;
}

/**
 * `seeded`: a copy of the migrated, demo-seeded template (fast). Otherwise an empty database, so that
 * `db migrate` and `db seed` start from nothing. PGlite runs in file mode, as `aeolus` does for real.
 */
export async function createCliTestEnv(options: { seeded: boolean }): Promise<CliTestEnv> {
  const template = inject('dbTemplate');
  if (!options.seeded) return create(template.kind, {});
  return template.kind === 'pglite'
    ? create('pglite', { dump: new Blob([readFileSync(template.ref)]) })
    : create('postgres', { seeded: true });
}

async function create(
  kind: 'pglite' | 'postgres',
  from: { dump?: Blob; seeded?: boolean; database?: string },
): Promise<CliTestEnv> {
  const template = inject('dbTemplate');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aeolus-cli-'));
  const env: Record<string, string> = { ...TEST_ENV, DATA_DIR: dataDir };
  let dropDatabase = async () => {};
  let databaseName: string | undefined;
  if (kind === 'pglite') {
    if (from.dump) {
      const copy = await openDatabase({
        kind: 'pglite',
        dataDir: path.join(dataDir, 'pglite'),
        loadDataDir: from.dump,
      });
      await copy.close();
    }
  } else if (from.seeded) {
    const clone = await createTestDatabase();
    await clone.database.close();
    env.DATABASE_URL = clone.url!;
    databaseName = new URL(clone.url!).pathname.slice(1);
    dropDatabase = () => clone.close();
  } else {
    const name = `aeolus_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
    databaseName = name;
    await adminQuery(
      template.url!,
      from.database ? `create database ${name} template ${from.database}` : `create database ${name}`,
    );
    env.DATABASE_URL = databaseUrl(template.url!, name);
    dropDatabase = async () => {
      await adminQuery(template.url!, `drop database if exists ${name} with (force)`);
    };
  }
  const open = () =>
    env.DATABASE_URL
      ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolSize: 2 })
      : openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  return {
    kind,
    env,
    run: (...argv) => runInProcess(argv, env),
    async withDatabase(work) {
      const database = await open();
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    async clone() {
      if (kind === 'postgres') return create(kind, { database: databaseName });
      // A closed PGlite directory is plain files: copying it is the quickest faithful clone.
      const copy = await create(kind, {});
      cpSync(path.join(dataDir, 'pglite'), path.join(copy.env.DATA_DIR!, 'pglite'), { recursive: true });
      return copy;
    },
    async close() {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function runInProcess(argv: string[], env: Record<string, string>): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    untilStopped: () => new Promise(() => {}),
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export const BIN = path.join(REPO_ROOT, 'apps/cli/bin/aeolus.mjs');

export interface SpawnedCli {
  child: ChildProcess;
  /** Resolves when the process ends, with everything it printed. */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Runs the real `aeolus` binary (`apps/cli/bin/aeolus.mjs`, as `npx aeolus` does) in a child process. */
export function spawnCli(argv: string[], env: Record<string, string>, bin = BIN): SpawnedCli {
  const child = spawn(process.execPath, [bin, ...argv], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Polls `url` until it answers 200, failing early if `child` dies first. */
export async function waitForHttp(url: string, spawned: SpawnedCli, timeoutMs = 45_000): Promise<void> {
  let exited: CliResult | undefined;
  void spawned.done.then((r) => {
    exited = r;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the process exited with ${exited.code}: ${exited.stderr}${exited.stdout}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
