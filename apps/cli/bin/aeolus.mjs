#!/usr/bin/env node
// The `aeolus` command. The CLI is TypeScript compiled to ../dist by `tsc -b` (which `npm start` and
// `npm run build` run). On a fresh `npm ci` nothing is compiled yet, so the first run compiles the
// workspace itself — the same `tsc -b` the build runs, incremental, a few seconds once — instead of
// failing; when that is impossible (no TypeScript, no sources) it says what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.resolve(here, '../dist/main.js');
const root = path.resolve(here, '../../..');

function fail(message) {
  process.stderr.write(`aeolus: ${message}\n`);
  process.exit(1);
}

if (!existsSync(entry)) {
  const project = path.join(root, 'tsconfig.json');
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    tsc = undefined;
  }
  if (!tsc || !existsSync(project)) {
    fail(`the CLI is not built (${entry} is missing). Run \`npm run build\` in ${root}, then try again.`);
  }
  process.stderr.write('aeolus: first run: compiling the TypeScript sources (tsc -b)…\n');
  const build = spawnSync(process.execPath, [tsc, '-b', project], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0 || !existsSync(entry)) {
    fail(`compiling failed (see above). Fix the errors or run \`npm run build\` in ${root}, then try again.`);
  }
}

const { runCli } = await import(pathToFileURL(entry).href);
process.exitCode = await runCli(process.argv.slice(2));
