#!/usr/bin/env node
// Browser journeys: build the server and the web UI, start the server on a fresh embedded database
// (demo data seeded), run Playwright against it, stop the server, exit with Playwright's code.
// Extra arguments go to `playwright test` (e.g. `npm run e2e -- e2e/audit.spec.ts`).
// E2E_SKIP_BUILD=1 reuses the existing builds.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'e2e', 'artifacts');
const READY_TIMEOUT_MS = 90_000;

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

/** PORT if given, else the first free port from 3100 (our block), else one the OS picks. */
async function choosePort() {
  if (process.env.PORT) return Number(process.env.PORT);
  for (let port = 3100; port < 3200; port++) if (await isFree(port)) return port;
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

mkdirSync(artifacts, { recursive: true });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aeolus-e2e-'));
const port = await choosePort();
const url = `http://localhost:${port}`;
const serverLog = createWriteStream(path.join(artifacts, 'server.log'));

// A self-contained server: embedded PGlite in a fresh directory (so demo data is seeded), no external
// database or NATS even when CI exports them for the other suites. The journeys sign in far more often
// than a person would, so the per-address sign-in limit is raised.
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
delete env.NATS_URL;
env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';

console.log(`e2e: starting the server on ${url} (data in ${dataDir})`);
const server = spawn(process.execPath, ['apps/server/dist/main.js'], { cwd: root, env, stdio: 'pipe' });
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);

let code = 1;
try {
  await waitForReady(url, server);
  console.log('e2e: server ready; running Playwright');
  const playwright = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: url },
  });
  code = playwright.status ?? 1;
} catch (error) {
  console.error(`e2e: ${error.message}; see e2e/artifacts/server.log`);
} finally {
  await stop(server);
  serverLog.end();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
