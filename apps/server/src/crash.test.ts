import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, openDatabase, verifyAuditChain } from '@aeolus/core';
import { createTestDatabase, ensureBuilt, freePort, TEST_ENV, type TestDatabase } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type HttpSession,
  type ServerProcess,
  signInOverHttp,
  spawnServerProcess,
} from './testing/server-process.js';

/**
 * Issue 2, "Bad input and faults": kill the server (SIGKILL) while writes are in flight and restart it.
 * Every write that was acknowledged must be there with its audit entry and its outbox event, and the
 * audit chain must verify. On PGlite (file mode) the restart must also take over the pid lock the killed
 * process left behind. Runs against the real `dist/` server on each engine of the vitest project.
 */

const IN_FLIGHT = 16;
const KILL_AFTER_ACKS = 60;

interface Ack {
  kind: 'api_key' | 'user';
  id: string;
  secret?: string;
}

describe('SIGKILL with writes in flight, then restart', () => {
  const kind = inject('dbTemplate').kind;
  let env: Record<string, string>;
  let dataDir: string;
  let testDb: TestDatabase | undefined;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(path.join(tmpdir(), 'aeolus-crash-'));
    env = { ...TEST_ENV, DATA_DIR: dataDir };
    if (kind === 'postgres') {
      testDb = await createTestDatabase();
      await testDb.database.close();
      env.DATABASE_URL = testDb.url!;
    } else {
      // A file-mode copy of the migrated, seeded template: the server opens it as it would its ./.data.
      const dump = new Blob([readFileSync(inject('dbTemplate').ref)]);
      const copy = await openDatabase({
        kind: 'pglite',
        dataDir: path.join(dataDir, 'pglite'),
        loadDataDir: dump,
      });
      await copy.close();
    }
  });

  afterAll(async () => {
    for (const server of running) server.child.kill('SIGKILL');
    await testDb?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<ServerProcess> {
    const server = spawnServerProcess(env, await freePort());
    running.push(server);
    await server.ready();
    return server;
  }

  it('keeps every acknowledged write, its audit entry and its event; the chain verifies', {
    timeout: 120_000,
  }, async () => {
    const first = await start();
    const admin = await signInOverHttp(first.baseUrl, 'admin@nl.customs.example');

    const { acks, interrupted } = await writeUntilKilled(admin, first);
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The kill really cut writes short: requests were on the wire and never answered.
    expect(interrupted).toBeGreaterThan(0);

    const lockFile = path.join(dataDir, 'aeolus.pid');
    if (kind === 'pglite') {
      // The killed process could not clean up: its pid is still in the lock file.
      expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid));
    }

    const second = await start();
    if (kind === 'pglite') expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(second.pid));
    // The restarted server serves the acknowledged state: a key acknowledged before the crash works.
    const key = acks.find((a) => a.kind === 'api_key')!;
    const withKey = await fetch(`${second.baseUrl}/api/organisations/current`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });
    expect(withKey.status).toBe(200);
    // …and the chain goes on from where it stopped.
    const again = await signInOverHttp(second.baseUrl, 'admin@nl.customs.example');
    const after = await again.request('POST', '/api/api-keys', {
      name: 'after-restart',
      scopes: ['organisation:read'],
    });
    expect(after.status).toBe(201);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    if (kind === 'pglite') expect(existsSync(lockFile)).toBe(false);
    const database = await openData();
    try {
      await expectDurable(database, acks);
      const chain = await verifyAuditChain(database.db);
      expect(chain).toMatchObject({ ok: true, problem: null });
    } finally {
      await database.close();
    }
  });

  function openData(): Promise<Database> {
    return env.DATABASE_URL
      ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolSize: 2 })
      : openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  }
});

/**
 * Keeps IN_FLIGHT writes going (API keys and new members, alternating), records each 2xx, and SIGKILLs
 * the server as soon as KILL_AFTER_ACKS have been acknowledged — with the rest still in flight.
 */
async function writeUntilKilled(
  admin: HttpSession,
  server: ServerProcess,
): Promise<{ acks: Ack[]; interrupted: number }> {
  const acks: Ack[] = [];
  let interrupted = 0;
  let n = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const i = n++;
      try {
        if (i % 2 === 0) {
          const res = await admin.request('POST', '/api/api-keys', {
            name: `crash-${i}`,
            scopes: ['organisation:read'],
          });
          if (res.status === 201) {
            const body = (await res.json()) as { apiKey: { id: string }; secret: string };
            acks.push({ kind: 'api_key', id: body.apiKey.id, secret: body.secret });
          } else if (!killed) {
            throw new Error(`POST /api/api-keys answered ${res.status}: ${await res.text()}`);
          }
        } else {
          const res = await admin.request('POST', '/api/organisations/current/members', {
            email: `crash-${i}@nl.customs.example`,
            displayName: `Crash ${i}`,
            role: 'risk_analyst',
          });
          if (res.status === 201) {
            acks.push({ kind: 'user', id: ((await res.json()) as { id: string }).id });
          } else if (!killed) {
            throw new Error(`POST members answered ${res.status}: ${await res.text()}`);
          }
        }
      } catch (error) {
        // After the kill, requests fail mid-flight: their outcome is unknown, and they were not acknowledged.
        if (!killed) throw error;
        interrupted++;
        return;
      }
      if (!killed && acks.length >= KILL_AFTER_ACKS) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { acks, interrupted };
}

/**
 * Every acknowledged write is stored, and every write that is stored at all — acknowledged or caught
 * by the kill — has exactly one audit entry and one event: state, audit and outbox commit together.
 */
async function expectDurable(database: Database, acks: Ack[]): Promise<void> {
  const keys = await database.query<{ id: string }>("select id from api_keys where name like 'crash-%'");
  const users = await database.query<{ id: string }>("select id from users where email like 'crash-%'");
  const storedKeys = new Set(keys.map((k) => k.id));
  const storedUsers = new Set(users.map((u) => u.id));
  const missing = acks.filter((a) => !(a.kind === 'api_key' ? storedKeys : storedUsers).has(a.id));
  expect(missing).toEqual([]);

  const stored = [
    ...keys.map((k) => ({ id: k.id, action: 'api_key.created' })),
    ...users.map((u) => ({ id: u.id, action: 'user.created' })),
  ];
  const audit = await database.query<{ subject_id: string; action: string }>(
    "select subject_id, action from audit_log where action in ('api_key.created', 'user.created')",
  );
  const events = await database.query<{ subject_id: string; type: string }>(
    "select subject_id, type from outbox_events where type in ('api_key.created', 'user.created')",
  );
  const count = (rows: { subject_id: string }[], id: string) =>
    rows.filter((r) => r.subject_id === id).length;
  const broken = stored.filter(
    (s) =>
      count(
        audit.filter((a) => a.action === s.action),
        s.id,
      ) !== 1 ||
      count(
        events.filter((e) => e.type === s.action),
        s.id,
      ) !== 1,
  );
  expect(broken).toEqual([]);
  expect(stored.length).toBeGreaterThanOrEqual(acks.length);
}
