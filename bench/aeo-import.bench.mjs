#!/usr/bin/env node
/**
 * npm run bench:aeo-import — `aeolus aeo import` of 10,000 existing AEOs (target: under 30 s).
 *
 * Generates a CSV file of BENCH_ROWS (10,000) rows from a fixed seed — the same file on every run: all
 * three categories, a tenth suspended, quoted addresses with commas, contact emails — then, for each
 * engine, creates a fresh database, migrates and demo-seeds it with the CLI, and runs the real command
 * (`aeolus aeo import … --json`) in a child process, as an operator would. The import is run twice: the
 * second run must import nothing (every row skipped), which is the idempotence the command promises.
 *
 * Engines: PGlite in a fresh data directory, always; PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL
 * is set — a new database `aeolus_bench_<random>` is created on that server and dropped afterwards (the
 * database the URL names is only used to connect).
 *
 * "command s" is the command's own clock (reading the file to the summary); "wall s" adds the start of
 * the process (Node, TypeScript loading, opening the database); "process cpu s" is the CPU time of the
 * `aeolus` process (user + system, with PGlite that includes the database; PostgreSQL's own server
 * processes are not counted). On a shared machine the load average printed before and after tells how
 * far wall time was stretched by others.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AEO_IMPORT_COLUMNS } from '@aeolus/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const SEED = 20_241_122;
const ADMINISTRATION = 'Netherlands Customs (demo)';

/** mulberry32: a small seeded generator, so the file is identical on every run and machine. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// The command's columns, less valid_until: the demo programme's certificates are open-ended.
const HEADER = AEO_IMPORT_COLUMNS.map((column) => column.name).filter((name) => name !== 'valid_until');
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const day = (time) => new Date(time).toISOString().slice(0, 10);

function generateCsv(rows) {
  const random = generator(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = ['Polder', 'Dijk', 'Tulp', 'Haven', 'Molen', 'Delta', 'Kanaal', 'Gracht', 'Duin', 'Zeeland'];
  const trades = ['Import', 'Logistics', 'Transport', 'Trading', 'Forwarding', 'Warehousing', 'Components'];
  const streets = ['Kade', 'Havenweg', 'Industrieweg', 'Stationsplein', 'Dorpsstraat'];
  const cities = ['Rotterdam', 'Amsterdam', 'Venlo', 'Eindhoven', 'Groningen', 'Vlissingen'];
  const lines = [HEADER.join(',')];
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  for (let i = 0; i < rows; i++) {
    const category = pick(['S', 'C', 'F', 'F']);
    const name = `${pick(words)} ${pick(trades)} ${i + 1}`;
    const granted = start + Math.floor((random() * span) / 86_400_000) * 86_400_000;
    const effective = granted + 5 * 86_400_000;
    const reassessment = effective + (1 + Math.floor(random() * 5)) * 365 * 86_400_000;
    const suspended = random() < 0.1;
    lines.push(
      [
        `NLAEO${category}${String(1000 + i).padStart(6, '0')}`,
        `${name} B.V.`,
        random() < 0.5 ? name : '',
        'EORI',
        `NL${String(700_000_000 + i)}`,
        'NL',
        `${pick(streets)} ${1 + Math.floor(random() * 200)}, ${1000 + Math.floor(random() * 8999)} AB ${pick(cities)}`,
        category,
        day(granted),
        day(effective),
        day(reassessment),
        suspended ? 'suspended' : 'active',
        suspended ? 'Suspended in the legacy register: "corrective measures pending"' : '',
        random() < 0.7 ? `aeo${i + 1}@operator.example` : '',
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const TIME = '/usr/bin/time';
const CPU_MARK = 'aeolus-bench-cpu';

/**
 * Runs `aeolus …` from source (as `npm run bench:*` runs everything) and resolves with its output, wall
 * time and — through /usr/bin/time when the machine has it — the CPU seconds the process itself used,
 * which a busy machine does not inflate the way it inflates wall time.
 */
function aeolus(args, env) {
  const started = performance.now();
  const command = [
    process.execPath,
    '--conditions=source',
    '--import',
    'tsx',
    path.join(root, 'apps/cli/src/main.ts'),
    ...args,
  ];
  const timed = existsSync(TIME);
  const child = spawn(
    timed ? TIME : command[0],
    timed ? ['-f', `${CPU_MARK} %U %S`, ...command] : command.slice(1),
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const mark = new RegExp(`^${CPU_MARK} ([\\d.]+) ([\\d.]+)$`, 'm').exec(stderr);
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/^aeolus-bench-cpu .*\n?/m, ''),
        wall: (performance.now() - started) / 1000,
        cpu: mark ? Math.round((Number(mark[1]) + Number(mark[2])) * 100) / 100 : null,
      });
    });
  });
}

async function must(args, env) {
  const result = await aeolus(args, env);
  if (result.code !== 0)
    throw new Error(`aeolus ${args.join(' ')} failed (${result.code}):\n${result.stderr}${result.stdout}`);
  return result;
}

async function runEngine(engine, file, baseEnv) {
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', PASSWORD_HASH_COST: '10', ...baseEnv };
  await must(['db', 'migrate'], env);
  await must(['db', 'seed', '--demo'], env);
  const rows = [];
  for (const run of ['first run', 're-run']) {
    const result = await aeolus(['--json', 'aeo', 'import', file, '--administration', ADMINISTRATION], env);
    let summary;
    try {
      summary = JSON.parse(result.stdout);
    } catch {
      throw new Error(`the ${engine} import printed no summary (exit ${result.code}):\n${result.stderr}`);
    }
    const expected = run === 'first run' ? { imported: ROWS, skipped: 0 } : { imported: 0, skipped: ROWS };
    const ok =
      result.code === 0 && summary.imported === expected.imported && summary.skipped === expected.skipped;
    rows.push({
      engine,
      run,
      rows: summary.rows,
      imported: summary.imported,
      skipped: summary.skipped,
      failed: summary.failed,
      'command s': summary.seconds,
      'wall s': Math.round(result.wall * 100) / 100,
      'process cpu s': result.cpu,
      'rows/s': Math.round(summary.rows / summary.seconds),
      ok: ok ? 'yes' : 'NO',
    });
  }
  const audit = await aeolus(['--json', 'audit', 'verify'], env);
  const chain = JSON.parse(audit.stdout || '{}');
  if (!chain.ok)
    throw new Error(
      `the ${engine} audit chain does not verify after the import: ${audit.stdout}${audit.stderr}`,
    );
  return rows;
}

async function withPostgres(url, work) {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `aeolus_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await work(target.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'aeolus-import-bench-'));
try {
  const file = path.join(work, 'legacy-aeos.csv');
  const csv = generateCsv(ROWS);
  writeFileSync(file, csv);
  console.log(
    `aeolus aeo import: ${ROWS.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB, seed ${SEED}), ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0].toFixed(2)}`,
  );
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('hex'),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const results = [];
  results.push(...(await runEngine('pglite', file, { DATA_DIR: path.join(work, 'data'), ...secrets })));
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (pgUrl) {
    results.push(
      ...(await withPostgres(pgUrl, (url) =>
        runEngine('postgres', file, { DATA_DIR: path.join(work, 'pg-data'), DATABASE_URL: url, ...secrets }),
      )),
    );
  }
  console.table(results);
  console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
  const first = results.filter((r) => r.run === 'first run');
  const slowest = Math.max(...first.map((r) => r['command s']));
  const failed = results.some((r) => r.ok !== 'yes');
  console.log(
    `${failed ? 'FAILED: a run did not import (or skip) every row. ' : ''}Target: ${ROWS.toLocaleString('en')} rows under 30 s: ` +
      `${slowest < 30 && !failed ? 'met' : 'NOT met'} (slowest ${slowest} s).`,
  );
  if (failed) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
