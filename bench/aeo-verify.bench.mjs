#!/usr/bin/env node
/**
 * npm run bench:verify — public AEO credential verification over HTTP (issue 3: target ≥ 5,000/s).
 *
 * For each engine (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set) a server child process
 * is started on a free port with a fresh migrated + demo-seeded database and its own certificates, and
 * autocannon (in this process, so load generator and server do not share an event loop) POSTs
 * credentials to /api/public/aeo/verify. Every answer is checked against the verdict that credential must
 * get — a fast wrong answer does not count. BENCH_SECONDS (10) and BENCH_CONNECTIONS (32) change the run.
 *
 * Workloads (each connection sends its list in order, so every answer is checked against its request):
 * - mixed: 40 credentials — 28 genuine and active (8 certificates, some with several signed variants),
 *   6 of suspended certificates, 6 tampered (payload altered after signing) — over and over, as
 *   verifiers re-check the credentials they hold.
 * - cold: every request a genuine credential the server has never seen (each connection its own slice
 *   of BENCH_COLD_CREDENTIALS, 40,000 by default): the worst case for any per-credential cache.
 * - baseline: `alg: none`, refused before any database or crypto work: the HTTP stack's own ceiling.
 *
 * Both processes share this machine's CPUs, so the table also gives the CPU each used: "server cpu
 * µs/req" (the server process: Node, and PGlite in embedded mode) is the cost a deployment pays per
 * verification whatever else runs; "load gen cpu %" is what autocannon took from the same cores (100 %
 * = one core). PostgreSQL's own processes are not counted in either.
 *
 * The per-IP rate limit (10 × API_KEY_RATE_LIMIT_PER_MINUTE for anonymous callers) is raised for the
 * server under test; everything else is the production configuration (NODE_ENV=production).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stopOnDisconnect } from './bench-server.mjs';

const here = fileURLToPath(import.meta.url);
const COLD = Number(process.env.BENCH_COLD_CREDENTIALS ?? 40_000);

/** Child: boots the real server for one engine and reports its port and the credentials to send. */
async function serve(engine) {
  const { loadConfig, setCertificateStatus, signAllWithActiveKey, systemActor, inTransaction } = await import(
    '@aeolus/core'
  );
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
    SESSION_SECRET: randomBytes(32).toString('hex'),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `aeolus_bench_${randomBytes(5).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    Object.assign(env, { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' });
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const config = loadConfig(env);
  const opened = await openConfiguredDatabase(config);
  const ctx = { db: opened.database.db, config };

  const holders = ['acme', 'tulip'];
  const active = [];
  for (let i = 0; i < 8; i++) {
    active.push(
      await issueDemoCertificate(ctx, { holder: holders[i % 2], category: ['S', 'C', 'F'][i % 3] }),
    );
  }
  const suspended = [];
  for (let i = 0; i < 3; i++) {
    const certificate = await issueDemoCertificate(ctx, { holder: 'tulip', category: 'F' });
    await inTransaction(ctx.db, (tx) =>
      setCertificateStatus(tx, systemActor('bench'), {
        certificate: certificate.id,
        status: 'suspended',
        reason: 'benchmark',
      }),
    );
    suspended.push(certificate);
  }
  const decode = (segment) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  /** More genuine credentials of one certificate: the same claims plus a serial, signed by its key. */
  const variants = async (certificate, count) => {
    const claims = decode(certificate.credential.split('.')[1]);
    return inTransaction(ctx.db, async (tx) => {
      const { jws } = await signAllWithActiveKey(ctx, tx, {
        administrationId: certificate.administrationId,
        payloads: Array.from({ length: count }, (_, n) => ({ ...claims, benchSerial: n })),
        typ: 'vc+jwt',
      });
      return jws;
    });
  };
  const tamper = (credential) => {
    const [header, payload, signature] = credential.split('.');
    const claims = decode(payload);
    claims.credentialSubject.category = { code: 'X', name: { en: 'forged', fr: 'falsifié' } };
    return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  };

  const genuine = [...active.map((c) => c.credential), ...(await variants(active[0], 20))];
  const mixed = [];
  for (let i = 0; i < 40; i++) {
    // 7 of 10 genuine and active, 1.5 suspended, 1.5 tampered, interleaved.
    const slot = i % 20;
    if (slot === 3 || slot === 9 || slot === 15) {
      mixed.push({ credential: suspended[i % suspended.length].credential, expect: 'suspended' });
    } else if (slot === 6 || slot === 12 || slot === 18) {
      mixed.push({ credential: tamper(active[i % active.length].credential), expect: 'tampered' });
    } else {
      mixed.push({ credential: genuine[i % genuine.length], expect: 'valid' });
    }
  }
  const cold = await variants(active[1], COLD);

  const app = await buildApp({ config, database: opened.database, logger: false, serveWeb: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
  });
  process.send({ address, mixed, cold });
  stopOnDisconnect(async () => {
    await app.close();
    await opened.release();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

const serverCpu = (child) =>
  new Promise((resolve) => {
    child.once('message', (m) => resolve(m.cpu.user + m.cpu.system));
    child.send('cpu');
  });

const CHECKS = {
  valid: (body) => body.startsWith('{"valid":true,"status":"active"'),
  suspended: (body) =>
    body.startsWith('{"valid":false,"status":"suspended"') && body.includes('certificate suspended'),
  tampered: (body) =>
    body.startsWith('{"valid":false,"status":null') && body.includes('signature does not match'),
  refused: (body) =>
    body.startsWith('{"valid":false,"status":null') && body.includes('algorithm not accepted'),
};

/**
 * One run. `listFor(clientIndex)` is the list of { credential, expect } that connection sends in order;
 * each answer is checked against the request it answers (one request in flight per connection).
 */
async function load(autocannon, target, { seconds, connections, listFor }) {
  let wrong = 0;
  let clients = 0;
  const request = (item) => ({
    method: 'POST',
    path: '/api/public/aeo/verify',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credential: item.credential }),
  });
  const first = listFor(0);
  const cpuBefore = [process.cpuUsage(), await serverCpu(target.child)];
  const result = await autocannon({
    url: target.address,
    requests: first.map(request),
    connections,
    duration: seconds,
    setupClient(client) {
      const list = clients === 0 ? first : listFor(clients);
      if (clients > 0) client.setRequests(list.map(request));
      clients++;
      let answered = 0;
      let body = '';
      client.on('body', (chunk) => {
        body += chunk.toString();
      });
      client.on('response', () => {
        if (!CHECKS[list[answered % list.length].expect](body)) wrong++;
        answered++;
        body = '';
      });
    },
  });
  const serverUs = (await serverCpu(target.child)) - cpuBefore[1];
  const own = process.cpuUsage(cpuBefore[0]);
  return { result, wrong, serverUs, loadGenUs: own.user + own.system, seconds };
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
    const target = await startServer(here, engine);
    try {
      const mixed = () => target.mixed;
      // Warm-up: JIT, key import cache, connection pool.
      await load(autocannon, target, { seconds: 2, connections, listFor: mixed });
      rows.push(
        row(engine, 'mixed', await load(autocannon, target, { seconds, connections, listFor: mixed })),
      );
      const slice = Math.floor(target.cold.length / connections);
      const cold = (i) =>
        target.cold.slice(i * slice, (i + 1) * slice).map((credential) => ({ credential, expect: 'valid' }));
      rows.push(
        row(
          engine,
          'cold',
          await load(autocannon, target, { seconds: Math.min(seconds, 5), connections, listFor: cold }),
        ),
      );
      const none = [{ credential: 'eyJhbGciOiJub25lIn0.e30.', expect: 'refused' }];
      rows.push(
        row(
          engine,
          'baseline',
          await load(autocannon, target, { seconds: Math.min(seconds, 5), connections, listFor: () => none }),
        ),
      );
    } finally {
      target.child.disconnect();
      await new Promise((r) => target.child.once('exit', r));
    }
  }
  printTable(rows);
  console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
}

function row(engine, workload, { result, wrong, serverUs, loadGenUs, seconds }) {
  const total = result.requests.total;
  return {
    engine,
    workload,
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: total,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    'wrong answers': wrong,
    'server cpu µs/req': total ? Math.round(serverUs / total) : null,
    'load gen cpu %': Math.round((loadGenUs / (seconds * 1e6)) * 100),
  };
}

function printTable(rows) {
  console.table(rows);
  const real = rows.filter((r) => r.workload === 'mixed');
  const worst = Math.min(...real.map((r) => r['requests/s']));
  const failed = rows.some((r) => r['non-2xx'] || r.errors || r['wrong answers']);
  console.log(
    `${failed ? 'FAILED: some answers were wrong. ' : ''}Target ≥ 5,000 verifications/s (mixed): ${worst >= 5000 ? 'met' : 'NOT met'} (lowest ${worst}/s).`,
  );
  if (failed) process.exitCode = 1;
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3]);
} else {
  await orchestrate();
}
