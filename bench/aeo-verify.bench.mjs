#!/usr/bin/env node
/**
 * npm run bench:verify — public AEO credential verification over HTTP (issue 3: target ≥ 5,000/s).
 *
 * For each engine (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set) a server child process
 * is started on a free port with a fresh migrated + demo-seeded database, one certificate is issued,
 * and autocannon (in this process, so load generator and server do not share an event loop) POSTs
 * the credential to /api/public/aeo/verify. Every answer is checked to be `valid: true` — a fast wrong
 * answer does not count. BENCH_SECONDS (10) and BENCH_CONNECTIONS (32) change the run.
 *
 * The per-IP rate limit (10 × API_KEY_RATE_LIMIT_PER_MINUTE for anonymous callers) is raised for the
 * server under test; everything else is the production configuration (NODE_ENV=production).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

if (process.argv[2] === '--serve') {
  await serve(process.argv[3]);
} else {
  await orchestrate();
}

/** Child: boots the real server for one engine and reports its port and a fresh credential. */
async function serve(engine) {
  const { loadConfig } = await import('@aeolus/core');
  const { openConfiguredDatabase } = await import('../apps/server/src/boot.ts');
  const { buildApp } = await import('../apps/server/src/app.ts');
  const { issueDemoCertificate } = await import('../packages/core/src/testing/aeo-certificate-fixtures.ts');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aeolus-bench-'));
  let dropDatabase = async () => {};
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    PASSWORD_HASH_COST: '10',
    API_KEY_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `aeolus_bench_${randomBytes(5).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    Object.assign(env, {
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: '10',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const config = loadConfig(env);
  const opened = await openConfiguredDatabase(config);
  const ctx = { db: opened.database.db, config };
  const certificate = await issueDemoCertificate(ctx);
  const app = await buildApp({ config, database: opened.database, logger: false, serveWeb: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send({ address, credential: certificate.credential, aeoId: certificate.aeoId });
  process.once('disconnect', async () => {
    await app.close();
    await opened.release();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

function startServer(engine) {
  const child = fork(here, ['--serve', engine], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ ...info, child }));
    child.once('exit', (code) =>
      reject(new Error(`the ${engine} server exited (${code}) before it was ready`)),
    );
  });
}

async function load(
  autocannon,
  target,
  { seconds, connections, credential = target.credential, expect = '{"valid":true' },
) {
  let wrong = 0;
  const result = await autocannon({
    url: `${target.address}/api/public/aeo/verify`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credential }),
    connections,
    duration: seconds,
    setupClient(client) {
      client.on('body', (body) => {
        if (!body.toString().startsWith(expect)) wrong++;
      });
    },
  });
  return { result, wrong };
}

async function orchestrate() {
  const autocannon = (await import('autocannon')).default;
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
  const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
  console.log(
    `AEO credential verification over HTTP: ${seconds} s, ${connections} connections, ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0].toFixed(2)}`,
  );
  const rows = [];
  for (const engine of engines) {
    const target = await startServer(engine);
    try {
      // Warm-up: JIT, key import cache, connection pool.
      await load(autocannon, target, { seconds: 2, connections });
      rows.push(row(engine, await load(autocannon, target, { seconds, connections })));
      // The same route refusing `alg: none` before any key look-up: the HTTP stack's own ceiling here.
      const baseline = await load(autocannon, target, {
        seconds: Math.min(seconds, 5),
        connections,
        credential: 'eyJhbGciOiJub25lIn0.e30.',
        expect: '{"valid":false',
      });
      rows.push(row(`${engine} (baseline: refused before DB and crypto)`, baseline));
    } finally {
      target.child.disconnect();
      await new Promise((r) => target.child.once('exit', r));
    }
  }
  printTable(rows);
}

function row(engine, { result, wrong }) {
  return {
    engine,
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: result.requests.total,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    'wrong answers': wrong,
  };
}

function printTable(rows) {
  console.table(rows);
  const real = rows.filter((r) => !r.engine.includes('baseline'));
  const worst = Math.min(...real.map((r) => r['requests/s']));
  const failed = rows.some((r) => r['non-2xx'] || r.errors || r['wrong answers']);
  console.log(
    `${failed ? 'FAILED: some answers were wrong. ' : ''}Target ≥ 5,000 verifications/s: ${worst >= 5000 ? 'met' : 'NOT met'} (lowest ${worst}/s).`,
  );
  if (failed) process.exitCode = 1;
}
