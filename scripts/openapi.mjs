#!/usr/bin/env node
/**
 * Writes apps/server/openapi.json from the built server: `npm run openapi`.
 * `--check` writes nothing and exits 1 when the committed file differs (CI).
 * The app is built over an empty in-memory database: the document depends on the routes only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'apps/server/openapi.json');
const check = process.argv.includes('--check');

// Build first (incremental: quick when nothing changed), so the document never comes from stale output.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-b', 'apps/server'], { cwd: root, stdio: 'inherit' });

const dist = (file) => pathToFileURL(path.join(root, 'apps/server/dist', file)).href;
const { buildApp } = await import(dist('app.js'));
const { renderOpenApiDocument } = await import(dist('plugins/openapi.js'));
const { loadConfig, openDatabase } = await import('@aeolus/core');

const dataDir = mkdtempSync(path.join(tmpdir(), 'aeolus-openapi-'));
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
const database = await openDatabase({ kind: 'pglite' });
const app = await buildApp({ config, database, logger: false, serveWeb: false });
let document;
try {
  await app.ready();
  document = renderOpenApiDocument(app);
} finally {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const relative = path.relative(root, target);
if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== document) {
    console.error(`${relative} is out of date. Run \`npm run openapi\` and commit ${relative}.`);
    process.exit(1);
  }
  console.log(`${relative} is up to date`);
} else {
  writeFileSync(target, document);
  const operations = Object.values(JSON.parse(document).paths).flatMap((p) => Object.keys(p)).length;
  console.log(`wrote ${relative} (${operations} operations)`);
}
