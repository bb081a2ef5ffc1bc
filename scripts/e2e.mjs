#!/usr/bin/env node
// Browser journeys: build the server and the web UI, start servers on fresh embedded databases (demo data
// seeded), run Playwright against them, stop the servers, exit with Playwright's code.
//
// The spec files are split into E2E_SERVERS groups (default 2: the CI machine has two cores and the
// journeys spend much of their time waiting on the browser and the server). Each group gets its own server
// and database and runs its files one after another, so journeys that change shared state (a profile's
// language, keys) never meet a journey of the other group. Files are dealt heaviest first to the lightest
// group, by the seconds each took last time (e2e/durations.json; refresh it from
// e2e/artifacts/durations.json after a run). The groups' reports are merged into one HTML report, and into
// one JSON report when PLAYWRIGHT_JSON_OUTPUT_NAME is set (CI's summary reads it).
//
// Extra arguments go to `playwright test` and run as one group (e.g. `npm run e2e -- e2e/audit.spec.ts`).
// E2E_SKIP_BUILD=1 reuses the existing builds.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'e2e', 'artifacts');
const READY_TIMEOUT_MS = 150_000;

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`e2e: "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

/** PORT (+ n) if given, else the first free port from 3100 (our block) not taken yet, else one the OS picks. */
async function choosePort(taken) {
  if (process.env.PORT) return Number(process.env.PORT) + taken.size;
  for (let port = 3100; port < 3200; port++) if (!taken.has(port) && (await isFree(port))) return port;
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForReady(url, server) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function stop(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  run('npx', ['tsc', '-b']);
  run('npm', ['run', 'build', '-w', '@aeolus/web']);
}

/** Spec files dealt heaviest first to the lightest group, by their last measured seconds. */
function groupSpecs(count) {
  const files = readdirSync(path.join(root, 'e2e'))
    .filter((f) => f.endsWith('.spec.ts'))
    .sort();
  const durationsFile = path.join(root, 'e2e', 'durations.json');
  const known = existsSync(durationsFile) ? JSON.parse(readFileSync(durationsFile, 'utf8')) : {};
  const values = Object.values(known).sort((a, b) => a - b);
  const fallback = values.length > 0 ? values[Math.floor(values.length / 2)] : 1;
  const weight = (f) => known[f] ?? fallback;
  const groups = Array.from({ length: Math.min(count, files.length) }, () => ({ files: [], seconds: 0 }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = groups.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    lightest.files.push(`e2e/${file}`);
    lightest.seconds += weight(file);
  }
  return groups.map((g) => ({ ...g, files: g.files.sort() }));
}

/** A self-contained server on a fresh embedded database. */
function startServer(index, port) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aeolus-e2e-'));
  const url = `http://localhost:${port}`;
  const log = createWriteStream(path.join(artifacts, `server-${index + 1}.log`));
  // Embedded PGlite in a fresh directory (so demo data is seeded), no external database or NATS even when
  // CI exports them for the other suites. The journeys sign in far more often than a person would, so the
  // per-address sign-in limit is raised.
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
  console.log(`e2e: starting server ${index + 1} on ${url} (data in ${dataDir})`);
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], { cwd: root, env, stdio: 'pipe' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return { child, url, dataDir, log };
}

/** Runs Playwright for one group; with several groups each line is prefixed with the group's number. */
function runPlaywright(args, env, prefix) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['playwright', 'test', ...args], {
      cwd: root,
      env,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        let rest = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) console.log(`${prefix} ${line}`);
        });
        stream.on('end', () => rest && console.log(`${prefix} ${rest}`));
      }
    }
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Seconds per spec file from the groups' JSON reports, for e2e/durations.json. */
function writeDurations(reports) {
  const seconds = {};
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      const file = path.basename(spec.file);
      for (const t of spec.tests ?? []) {
        for (const r of t.results ?? []) seconds[file] = (seconds[file] ?? 0) + r.duration / 1000;
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const report of reports) {
    if (!existsSync(report)) continue;
    for (const suite of JSON.parse(readFileSync(report, 'utf8')).suites ?? []) visit(suite);
  }
  const rounded = Object.fromEntries(
    Object.entries(seconds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([f, s]) => [f, Math.round(s * 10) / 10]),
  );
  writeFileSync(path.join(artifacts, 'durations.json'), `${JSON.stringify(rounded, null, 2)}\n`);
}

mkdirSync(artifacts, { recursive: true });
const extraArgs = process.argv.slice(2);
const wanted = Math.max(1, Number(process.env.E2E_SERVERS ?? 2) || 1);
const groups = extraArgs.length > 0 || wanted === 1 ? [{ files: extraArgs, seconds: 0 }] : groupSpecs(wanted);
const sharded = groups.length > 1;

const taken = new Set();
const servers = [];
for (let i = 0; i < groups.length; i++) {
  const port = await choosePort(taken);
  taken.add(port);
  servers.push(startServer(i, port));
}

let code = 1;
try {
  await Promise.all(servers.map((s) => waitForReady(s.url, s.child)));
  console.log(
    `e2e: ${servers.length === 1 ? 'server' : `${servers.length} servers`} ready; running Playwright`,
  );
  if (!sharded) {
    code = await runPlaywright(extraArgs, { ...process.env, E2E_BASE_URL: servers[0].url }, null);
  } else {
    for (const [i, g] of groups.entries()) {
      console.log(`e2e: group ${i + 1} (~${Math.round(g.seconds)} s last time): ${g.files.join(' ')}`);
    }
    const codes = await Promise.all(
      groups.map((g, i) => {
        const env = { ...process.env, E2E_BASE_URL: servers[i].url, E2E_GROUP: String(i + 1) };
        delete env.PLAYWRIGHT_JSON_OUTPUT_NAME;
        return runPlaywright(g.files, env, `[${i + 1}]`);
      }),
    );
    code = Math.max(...codes);
    const reports = groups.map((_, i) => path.join(artifacts, `results-${i + 1}.json`));
    writeDurations(reports);
    // One report over all groups: the blob reports merged into HTML (and JSON for CI's summary).
    const blobs = path.join(artifacts, 'blobs');
    rmSync(blobs, { recursive: true, force: true });
    mkdirSync(blobs, { recursive: true });
    for (const [i] of groups.entries()) {
      const dir = path.join(artifacts, `blob-${i + 1}`);
      for (const f of existsSync(dir) ? readdirSync(dir) : []) {
        copyFileSync(path.join(dir, f), path.join(blobs, `group-${i + 1}-${f}`));
      }
    }
    const json = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
    const merged = spawnSync(
      'npx',
      ['playwright', 'merge-reports', '--reporter', json ? 'html,json' : 'html', blobs],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(artifacts, 'report'),
          PLAYWRIGHT_HTML_OPEN: 'never',
        },
      },
    );
    if (merged.status !== 0) {
      console.error("e2e: merging the groups' reports failed");
      code = Math.max(code, 1);
    }
  }
} catch (error) {
  console.error(`e2e: ${error.message}; see e2e/artifacts/server-*.log`);
} finally {
  await Promise.all(servers.map((s) => stop(s.child)));
  for (const s of servers) {
    s.log.end();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
}
process.exit(code);
