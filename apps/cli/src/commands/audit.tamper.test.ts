import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, REPO_ROOT } from '@aeolus/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv } from '../testing/cli-harness.js';

/**
 * Issue 2, "Bad input and faults": tampering with one audit row (changed, deleted, swapped) or cutting
 * the tail is detected by `aeolus audit verify`, which names the first bad entry and exits 1.
 * The chain is built through the real services (the demo seed and CLI commands), then altered with raw
 * SQL the way someone with database access would, each time on a fresh copy.
 */
describe('aeolus audit verify against a tampered log', () => {
  let chain: CliTestEnv;
  let length: number;
  const copies: CliTestEnv[] = [];

  beforeAll(async () => {
    chain = await createCliTestEnv({ seeded: true });
    const steps = [
      [
        'users',
        'create',
        '--org',
        'Kenya Customs Services (demo)',
        '--email',
        'amina@kra.example',
        '--name',
        'Amina',
        '--role',
        'risk_analyst',
      ],
      [
        'users',
        'create',
        '--org',
        'Globex Kenya',
        '--email',
        'amina@kra.example',
        '--name',
        'Amina',
        '--role',
        'operator_user',
      ],
      ['--json', 'api-keys', 'create', '--org', 'Globex Kenya', '--name', 'erp', '--scope', 'events:read'],
    ];
    let keyId = '';
    for (const argv of steps) {
      const result = await chain.run(...argv);
      expect(result.code, result.stderr).toBe(0);
      if (argv[0] === '--json') keyId = JSON.parse(result.stdout).apiKey.id;
    }
    expect((await chain.run('api-keys', 'revoke', keyId, '--org', 'Globex Kenya')).code).toBe(0);
    length = await chain.withDatabase(async (db) => {
      const [row] = await db.query<{ n: number }>('select max(seq)::int as n from audit_log');
      return row!.n;
    });
    expect(length).toBeGreaterThanOrEqual(20);
  });

  afterEach(async () => {
    await Promise.all(copies.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await chain?.close();
  });

  /** A fresh copy of the chain with `sql` applied to it. */
  async function tampered(sql: string): Promise<CliTestEnv> {
    const copy = await chain.clone();
    copies.push(copy);
    await copy.withDatabase((db) => db.query(sql));
    return copy;
  }

  it('passes an intact chain with exit 0', async () => {
    const result = await chain.run('audit', 'verify');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^Audit chain intact: ${length} entries verified \\((PGlite|PostgreSQL) .+\\)\\.$`),
    );
  });

  it('(a) finds one changed field of one row', async () => {
    const copy = await tampered("update audit_log set actor_label = 'somebody else' where seq = 12");
    const result = await copy.run('audit', 'verify');
    expect(result.code).toBe(1);
    const [verdict, first] = result.stdout.split('\n');
    expect(verdict).toBe(
      'Audit chain BROKEN at entry 12 (altered): Entry 12 was altered: its content no longer matches its hash.',
    );
    expect(first).toMatch(/^First bad entry: #12 at \S+Z: \S+ on \S+ .* by somebody else \(system\)/);
  });

  it('(a) finds a rewritten before/after summary deep in the JSON', async () => {
    const copy = await tampered(
      `update audit_log set summary = jsonb_set(summary, '{after,role}', '"admin"') where seq = ${length - 2}`,
    );
    const result = await copy.run('--json', 'audit', 'verify');
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ ok: false, firstBadSeq: length - 2, problem: 'altered' });
    expect(body.entry).toMatchObject({ seq: length - 2, summary: { after: { role: 'admin' } } });
  });

  it('(b) finds one deleted row', async () => {
    const copy = await tampered('delete from audit_log where seq = 7');
    const result = await copy.run('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'Audit chain BROKEN at entry 7 (removed): Entry 7 is missing: entry 8 follows entry 6.',
      'First bad entry: #7 is no longer in the log.',
    ]);
  });

  it('(c) finds two rows that swapped places (seq values exchanged)', async () => {
    const copy = await tampered(
      `update audit_log set seq = -1 where seq = 3;
       update audit_log set seq = 3 where seq = 9;
       update audit_log set seq = 9 where seq = -1;`,
    );
    const result = await copy.run('audit', 'verify');
    expect(result.code).toBe(1);
    const [verdict, first] = result.stdout.split('\n');
    expect(verdict).toBe(
      'Audit chain BROKEN at entry 3 (reordered): Entry 3 is entry 9 moved out of its place.',
    );
    expect(first).toMatch(/^First bad entry: #3 at /);
  });

  it('(d) finds the last rows cut off, using the head kept in app_meta', async () => {
    const copy = await tampered(`delete from audit_log where seq > ${length - 3}`);
    const result = await copy.run('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `Audit chain BROKEN at entry ${length - 2} (truncated): The log ends at entry ${length - 3} but entry ${length} was written: entries were removed from the end.`,
      `First bad entry: #${length - 2} is no longer in the log.`,
    ]);
  });

  it('(d) still finds a cut tail when the recorded head was deleted too', async () => {
    const copy = await tampered(
      `delete from audit_log where seq > ${length - 1}; delete from app_meta where key = 'audit.head';`,
    );
    const result = await copy.run('--json', 'audit', 'verify');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, problem: 'truncated', firstBadSeq: length });
  });

  it('exits 1 from the real binary too, with the verdict on stdout', async () => {
    await ensureBuilt();
    const copy = await tampered("update audit_log set action = 'user.deleted' where seq = 2");
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'apps/cli/bin/aeolus.mjs'), 'audit', 'verify'],
      {
        env: { PATH: process.env.PATH, ...copy.env },
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Audit chain BROKEN at entry 2 \(altered\)/);
    expect(stdout).toContain('First bad entry: #2 at ');
  });
});
