import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, freePort, TEST_ENV } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  type CliTestEnv,
  createCliTestEnv,
  runInProcess,
  type SpawnedCli,
  spawnCli,
  waitForHttp,
} from './testing/cli-harness.js';

const COMMANDS = [
  ['db', 'migrate'],
  ['db', 'seed'],
  ['users', 'create'],
  ['api-keys', 'create'],
  ['api-keys', 'revoke'],
  ['audit', 'verify'],
  ['aeo', 'import'],
  ['serve'],
];

describe('aeolus --help', () => {
  it('lists every command, the exit statuses and examples', async () => {
    const result = await runInProcess(['--help'], TEST_ENV);
    expect(result.code).toBe(0);
    for (const command of ['db', 'users', 'api-keys', 'audit', 'aeo', 'serve']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(result.stdout).toContain(
      'Exit status: 0 success, 1 failure (including a broken audit chain), 2 invalid usage.',
    );
    expect(result.stdout).toContain('$ aeolus audit verify');
  });

  it.each(COMMANDS.map((argv) => ({ name: argv.join(' '), argv })))(
    'explains `$name` with its options and an example',
    async ({ name, argv }) => {
      const result = await runInProcess([...argv, '--help'], TEST_ENV);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: aeolus ${name} `, 'm'));
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toContain(`$ aeolus ${name}`);
    },
  );

  it('treats a missing or misspelt command as a usage error (exit 2)', async () => {
    const none = await runInProcess([], TEST_ENV);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: aeolus [options] [command]');
    const typo = await runInProcess(['db', 'migrat'], TEST_ENV);
    expect(typo).toMatchObject({
      code: 2,
      stderr: "aeolus: unknown command 'migrat'\n(Did you mean migrate?)",
    });
    const flag = await runInProcess(['audit', 'verify', '--fast'], TEST_ENV);
    expect(flag).toMatchObject({ code: 2, stderr: "aeolus: unknown option '--fast'" });
  });
});

describe('the aeolus binary', () => {
  beforeAll(async () => {
    await ensureBuilt();
  });

  it('runs from apps/cli/bin/aeolus.mjs (what `npx aeolus` starts)', async () => {
    const { done } = spawnCli(['--version'], TEST_ENV);
    expect(await done).toMatchObject({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('says to build when the compiled CLI is missing and cannot be compiled', async () => {
    const bin = path.join(mkdtempSync(path.join(tmpdir(), 'aeolus-bin-')), 'apps/cli/bin/aeolus.mjs');
    mkdirSync(path.dirname(bin), { recursive: true });
    copyFileSync(BIN, bin);
    const result = await spawnCli(['--help'], TEST_ENV, bin).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^aeolus: the CLI is not built \(.+\/apps\/cli\/dist\/main\.js is missing\)\. Run `npm run build` in .+, then try again\.\n$/,
    );
  });
});

describe('aeolus serve, and commands beside a running server', () => {
  let cli: CliTestEnv;
  let server: SpawnedCli | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    cli = await createCliTestEnv({ seeded: true });
  });
  afterAll(async () => {
    // Even when the test times out, no server is left running.
    server?.child.kill('SIGKILL');
    await cli?.close();
  });

  it('serves the API and stops cleanly on SIGTERM; embedded commands fail clearly meanwhile', {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    server = spawnCli(['serve', '--port', String(port), '--host', '127.0.0.1'], cli.env);
    try {
      await waitForHttp(`http://127.0.0.1:${port}/ready`, server);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@nl.customs.example', password: 'aeolus-demo' }),
      });
      expect(login.status).toBe(200);

      const create = ['users', 'create', '--org', 'Acme Logistics', '--email', 'new@acme.example'];
      const beside = await runInProcess([...create, '--name', 'New', '--role', 'operator_user'], cli.env);
      if (cli.kind === 'pglite') {
        // Only one process may open a PGlite directory: the CLI must refuse, not corrupt it.
        expect(beside.code).toBe(1);
        expect(beside.stderr).toBe(
          `aeolus: The embedded database in ${cli.env.DATA_DIR} is already in use by another Aeolus process (pid ${server.child.pid}). Stop that process, or point DATA_DIR at another directory.`,
        );
      } else {
        // PostgreSQL has no such lock: the CLI works next to running servers, and verify is consistent.
        expect(beside.code).toBe(0);
        expect((await runInProcess(['audit', 'verify'], cli.env)).code).toBe(0);
      }
    } finally {
      server.child.kill('SIGTERM');
    }
    const stopped = await server.done;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('aeolus: SIGTERM received, stopping');
    expect(existsSync(path.join(cli.env.DATA_DIR!, 'aeolus.pid'))).toBe(false);

    // With the server gone the lock is free again.
    const after = await runInProcess(
      [
        'users',
        'create',
        '--org',
        'Acme Logistics',
        '--email',
        'later@acme.example',
        '--name',
        'L',
        '--role',
        'operator_user',
      ],
      cli.env,
    );
    expect(after.code).toBe(0);
  });
});
