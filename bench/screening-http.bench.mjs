#!/usr/bin/env node
/**
 * npm run bench:screening-http — screening filing end to end over HTTP (issue 4, Performance, second bullet:
 * batch filing ≥ 20,000 consignments/s and single filing ≥ 5,000 requests/s with p99 < 25 ms on PostgreSQL).
 *
 * For each engine (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, in a fresh database this
 * bench creates and drops) a server child process is started as `npm start` starts it (HTTP, the outbox
 * dispatcher delivering every result's event, the webhook worker; JetStream too when NATS_URL is set) with
 * a migrated + demo-seeded database and a `filing` API key of Acme Logistics (an operator under the NL administration). autocannon (in this process)
 * files generated consignments (fixed seed, realistic: parties, AEO identifiers, goods items) with that key:
 * - batch: `{ "consignments": [...] }` of 1,000 per request (BENCH_BATCH_CONNECTIONS, 2);
 * - ndjson: the same 1,000 consignments as NDJSON lines (one chunk, committed before the answer);
 * - single: one consignment per request (BENCH_CONNECTIONS, 48).
 * Every answer is checked (status; every item screened with a lane; a 201 with a lane for singles), and
 * at the end every acknowledged consignment must be stored (and nothing beyond what was sent). A fast wrong answer does
 * not count. BENCH_SECONDS (10) sets the length of each run.
 *
 * "server cpu µs/consignment" is the server process's CPU (Node, and PGlite in embedded mode) per
 * consignment, "postgres cpu µs/consignment" that of the PostgreSQL backends serving the bench database
 * (read from /proc: a local server on Linux), "queries/req" the statements the server sent to PostgreSQL
 * per request (PostgreSQL only). On a shared machine these stay meaningful when throughput does not:
 * throughput ≈ cores / (server + postgres µs per consignment). "load gen cpu %" is what autocannon took.
 * "events undispatched at end" is the outbox backlog when a run ends: the dispatcher (one event per result,
 * to JetStream when NATS_URL is set) must keep up, or its work is missing from the figures.
 * BENCH_CPU_PROF=dir writes a CPU profile of each server.
 *
 * The `reference` engine (run first; BENCH_ENGINES picks engines) is the peer the issue names for scale: a
 * Fastify route that only validates the same single bodies with zod, storing nothing. Its requests/s is the
 * machine's ceiling for such a route, against which the single-filing figure is read.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stopOnDisconnect } from './bench-server.mjs';

const here = fileURLToPath(import.meta.url);
const SEED = 20261122;
const BATCH = 1_000;

/**
 * Child for the peer the issue names for scale ("a Fastify route that only validates a 1 KB JSON body with
 * zod"): Fastify 5 with fastify-type-provider-zod validating each single filing against the contracts'
 * `Consignment` schema (the same bodies, ~1.3 KB on average) and answering 200 without screening or storing.
 * Its requests/s is this machine's ceiling for any route that parses and validates such a body.
 */
async function serveReference() {
  const Fastify = (await import('fastify')).default;
  const { serializerCompiler, validatorCompiler } = await import('fastify-type-provider-zod');
  const { Consignment } = await import('@aeolus/contracts');
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.post('/api/screening/consignments', { schema: { body: Consignment } }, async () => ({ valid: true }));
  // The issue's own yardstick: a 1 KB body of ten short-text fields and two numbers.
  const { z } = await import('zod');
  const Flat = z.strictObject({
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`field${i}`, z.string().min(1).max(200)])),
    count: z.number().int().nonnegative(),
    mass: z.number().positive(),
  });
  app.post('/api/reference/flat', { schema: { body: Flat } }, async () => ({ valid: true }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage(), queries: 0, database: null });
    if (message === 'count') process.send({ count: 0 });
    if (message === 'backlog') process.send({ backlog: null });
  });
  process.send({ address, secret: 'none' });
  stopOnDisconnect(() => app.close());
}

/** Child: boots the real server for one engine and reports its address and a filing API key. */
async function serve(engine) {
  if (engine === 'reference') return serveReference();
  const { loadConfig, login, resolveSession, createApiKey } = await import('@aeolus/core');
  const { startServer } = await import('../apps/server/src/server.ts');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aeolus-bench-'));
  let dropDatabase = async () => {};
  let queries = 0;
  /** CPU time (µs) of the PostgreSQL backends serving the bench database, read from /proc (Linux, local server). */
  let databaseCpu = async () => null;
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    PASSWORD_HASH_COST: '10',
    API_KEY_RATE_LIMIT_PER_MINUTE: '100000000',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Events are also published to JetStream when NATS_URL is set, as `npm start` would.
    ...(process.env.NATS_URL ? { NATS_URL: process.env.NATS_URL } : {}),
  };
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function counted(...args) {
      queries++;
      return query.apply(this, args);
    };
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `aeolus_bench_${randomBytes(5).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    Object.assign(env, { DATABASE_URL: url.toString() });
    if (process.env.DATABASE_POOL_SIZE) env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE;
    const tick = 1e6 / 100; // USER_HZ
    const seen = new Map();
    databaseCpu = async () => {
      const { rows } = await admin.query('select pid from pg_stat_activity where datname = $1', [name]);
      for (const { pid } of rows) {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
          seen.set(pid, (Number(fields[11]) + Number(fields[12])) * tick);
        } catch {
          return null;
        }
      }
      // Backends that exited keep their last reading (pg-pool closes idle connections after 10 s).
      return [...seen.values()].reduce((a, b) => a + b, 0);
    };
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  // The server as `npm start` runs it: HTTP, the outbox dispatcher (every result is also an event) and
  // the webhook worker, with NATS when NATS_URL is set.
  const server = await startServer(loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }));
  const { ctx, database } = server;
  const started = await login(ctx, { email: 'trader@acme-logistics.example', password: 'aeolus-demo' });
  const trader = (await resolveSession(ctx, started.token)).actor;
  const { secret } = await createApiKey(ctx, trader, { name: 'bench filing', scopes: ['filing'] });
  const address = server.url;
  const stored = async () =>
    Number((await database.query('select count(*)::int as n from screening_results'))[0].n);
  process.on('message', async (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage(), queries, database: await databaseCpu() });
    if (message === 'count') process.send({ count: await stored() });
    if (message === 'backlog') {
      const [{ n }] = await database.query(
        'select count(*)::int as n from outbox_events where dispatched_at is null',
      );
      process.send({ backlog: Number(n) });
    }
  });
  process.send({ address, secret });
  stopOnDisconnect(async () => {
    await server.stop();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

const ask = (child, message, field) =>
  new Promise((resolve) => {
    const on = (m) => {
      if (m[field] === undefined) return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send(message);
  });

/** Checks one answer and returns the consignments it acknowledges (screened, with a lane), or -1. */
const CHECKS = {
  reference: (status, body) => (status === 200 && body === '{"valid":true}' ? 1 : -1),
  'reference-1kb': (status, body) => (status === 200 && body === '{"valid":true}' ? 1 : -1),
  single: (status, body) => (status === 201 && /"lane":"(green|blue|yellow|red)"/.test(body) ? 1 : -1),
  batch: (status, body) => {
    if (status !== 200) return -1;
    const parsed = JSON.parse(body);
    const ok =
      parsed.accepted === BATCH &&
      parsed.items.length === BATCH &&
      parsed.items.every((i) => i.status === 'screened' && typeof i.lane === 'string');
    return ok ? BATCH : -1;
  },
  ndjson: (status, body) => {
    if (status !== 200) return -1;
    const lines = body.split('\n').filter(Boolean);
    const ok =
      lines.length === BATCH &&
      lines.every((l) => {
        const item = JSON.parse(l);
        return item.status === 'screened' && typeof item.lane === 'string';
      });
    return ok ? BATCH : -1;
  },
};

/**
 * One run: each connection sends its own list of bodies in order (one request in flight per connection),
 * so every answer is checked against the request it answers.
 */
async function load(autocannon, target, { mode, seconds, connections, bodiesFor }) {
  let wrong = 0;
  let acknowledged = 0;
  let sent = 0;
  let clients = 0;
  const size = mode === 'single' || mode.startsWith('reference') ? 1 : BATCH;
  const headers = {
    authorization: `Bearer ${target.secret}`,
    'content-type': mode === 'ndjson' ? 'application/x-ndjson' : 'application/json',
  };
  const endpoint = mode === 'reference-1kb' ? '/api/reference/flat' : '/api/screening/consignments';
  const request = (body) => ({ method: 'POST', path: endpoint, headers, body });
  const first = bodiesFor(0);
  const before = [process.cpuUsage(), await ask(target.child, 'cpu', 'cpu')];
  const result = await autocannon({
    url: target.address,
    requests: first.map(request),
    connections,
    duration: seconds,
    timeout: 60,
    setupClient(client) {
      if (clients > 0) client.setRequests(bodiesFor(clients).map(request));
      clients++;
      let body = '';
      client.on('request', () => {
        sent += size;
      });
      client.on('body', (chunk) => {
        body += chunk.toString();
      });
      client.on('response', (status) => {
        let n = -1;
        try {
          n = CHECKS[mode](status, body);
        } catch {}
        if (n < 0) {
          if (wrong < 3) console.error(`  unexpected answer (${status}): ${body.slice(0, 300)}`);
          wrong++;
        } else acknowledged += n;
        body = '';
      });
    },
  });
  const after = await ask(target.child, 'cpu', 'cpu');
  const own = process.cpuUsage(before[0]);
  // Events the outbox dispatcher had not yet delivered when the run ended: a dispatcher that falls behind
  // leaves its work out of the CPU figures (and its backlog grows without bound under sustained load).
  const { backlog } = await ask(target.child, 'backlog', 'backlog');
  return {
    result,
    wrong,
    acknowledged,
    sent,
    serverUs: after.cpu.user + after.cpu.system - (before[1].cpu.user + before[1].cpu.system),
    queries: after.queries - before[1].queries,
    databaseUs:
      after.database === null || before[1].database === null ? null : after.database - before[1].database,
    loadGenUs: own.user + own.system,
    backlog,
    seconds,
  };
}

async function orchestrate() {
  const autocannon = (await import('autocannon')).default;
  const { generatedConsignments } = await import('@aeolus/core/testing');
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 48);
  const batchConnections = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 2);
  const engines = (process.env.BENCH_ENGINES ?? 'reference,pglite,postgres')
    .split(',')
    .filter(
      (e) => e === 'reference' || e === 'pglite' || (e === 'postgres' && process.env.TEST_DATABASE_URL),
    );
  const modes = (process.env.BENCH_MODES ?? 'batch,ndjson,single').split(',');
  console.log(
    `Screening filing over HTTP: ${seconds} s per run, ${connections} connections (single), ` +
      `${batchConnections} (batches of ${BATCH}), ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  // Fixed seed: 16 distinct batches of 1,000 and 12,000 distinct single consignments.
  const pool = generatedConsignments(16 * BATCH, SEED, 'BENCH');
  const batches = Array.from({ length: 16 }, (_, i) => pool.slice(i * BATCH, (i + 1) * BATCH));
  const json = batches.map((consignments) => JSON.stringify({ consignments }));
  const ndjson = batches.map((consignments) => consignments.map((c) => JSON.stringify(c)).join('\n'));
  const singles = pool.slice(0, 12_000).map((c) => JSON.stringify(c));
  const perClient = Math.floor(singles.length / connections);
  const bodies = {
    batch: (i) => [...json.slice(i % 16), ...json.slice(0, i % 16)],
    ndjson: (i) => [...ndjson.slice(i % 16), ...ndjson.slice(0, i % 16)],
    single: (i) => singles.slice(i * perClient, (i + 1) * perClient),
  };
  bodies.reference = bodies.single;
  const flat = Array.from({ length: 1_000 }, (_, n) =>
    JSON.stringify({
      ...Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`field${i}`, `value ${n} ${i} `.padEnd(88, 'abcdefghij')]),
      ),
      count: n,
      mass: n + 0.5,
    }),
  );
  bodies['reference-1kb'] = () => flat;

  const rows = [];
  for (const engine of engines) {
    const target = await startServer(here, engine);
    try {
      const storedBefore = (await ask(target.child, 'count', 'count')).count;
      let acknowledged = 0;
      let sent = 0;
      for (const mode of engine === 'reference' ? ['reference-1kb', 'reference'] : modes) {
        const c = mode === 'single' || mode.startsWith('reference') ? connections : batchConnections;
        // Warm-up: JIT, compiled rule set, connection pool.
        const warm = await load(autocannon, target, {
          mode,
          seconds: 2,
          connections: c,
          bodiesFor: bodies[mode],
        });
        acknowledged += warm.acknowledged;
        sent += warm.sent;
        const run = await load(autocannon, target, {
          mode,
          seconds,
          connections: c,
          bodiesFor: bodies[mode],
        });
        acknowledged += run.acknowledged;
        sent += run.sent;
        rows.push(row(engine, mode, c, run));
      }
      // Requests in flight when a run's time is up are not answered to autocannon but still complete on
      // the server: every acknowledged consignment must be stored, and nothing beyond what was sent.
      await new Promise((r) => setTimeout(r, 2_000));
      const stored = (await ask(target.child, 'count', 'count')).count - storedBefore;
      if (engine === 'reference') continue; // validates only: nothing is stored
      const ok = stored >= acknowledged && stored <= sent;
      console.log(
        `${engine}: ${acknowledged.toLocaleString('en')} consignments acknowledged, ${stored.toLocaleString('en')} stored, ` +
          `${sent.toLocaleString('en')} sent (${ok ? 'every acknowledged one stored' : 'MISMATCH'})`,
      );
      if (!ok) process.exitCode = 1;
    } finally {
      target.child.disconnect();
      await new Promise((r) => target.child.once('exit', r));
    }
  }
  printTable(rows);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

function row(
  engine,
  mode,
  connections,
  { result, wrong, acknowledged, serverUs, databaseUs, queries, loadGenUs, backlog, seconds },
) {
  const total = result.requests.total;
  return {
    engine,
    mode,
    conns: connections,
    'consignments/s': Math.round(acknowledged / seconds),
    'requests/s': Math.round((total / seconds) * 10) / 10,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: total,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    'wrong answers': wrong,
    'server cpu µs/consignment': acknowledged ? Math.round(serverUs / acknowledged) : null,
    'postgres cpu µs/consignment':
      databaseUs !== null && acknowledged ? Math.round(databaseUs / acknowledged) : null,
    'queries/req': engine === 'postgres' && total ? Math.round((queries / total) * 10) / 10 : null,
    'load gen cpu %': Math.round((loadGenUs / (seconds * 1e6)) * 100),
    'events undispatched at end': backlog,
  };
}

function printTable(rows) {
  console.table(rows);
  const failed = rows.some((r) => r['non-2xx'] || r.errors || r['wrong answers']);
  const pg = (mode) => rows.find((r) => r.engine === 'postgres' && r.mode === mode);
  const batch = pg('batch');
  const single = pg('single');
  if (batch) {
    console.log(
      `Batch target ≥ 20,000 consignments/s (PostgreSQL): ${batch['consignments/s'] >= 20_000 ? 'met' : 'NOT met'} (${batch['consignments/s']}/s).`,
    );
  }
  if (single) {
    const met = single['consignments/s'] >= 5_000 && single['p99 ms'] < 25;
    console.log(
      `Single target ≥ 5,000 requests/s with p99 < 25 ms (PostgreSQL): ${met ? 'met' : 'NOT met'} (${single['consignments/s']}/s, p99 ${single['p99 ms']} ms).`,
    );
  }
  const flat = rows.find((r) => r.mode === 'reference-1kb');
  const reference = rows.find((r) => r.mode === 'reference');
  if (flat && reference) {
    console.log(
      `Peers for scale, on this machine: a Fastify + zod route that only validates a 1 KB body of flat fields answers ${flat['requests/s']} requests/s ` +
        `(the issue quotes about 27,000 for its machine); validating the same single consignments against the Consignment schema, ${reference['requests/s']} requests/s (p99 ${reference['p99 ms']} ms).` +
        (single
          ? ` Single filing with screening and storage runs at ${((single['requests/s'] / reference['requests/s']) * 100).toFixed(0)} % of it.`
          : ''),
    );
  }
  if (failed) {
    console.log('FAILED: some answers were wrong or refused.');
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3]);
} else {
  await orchestrate();
}
