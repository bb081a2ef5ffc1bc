#!/usr/bin/env node
/**
 * Fails when the Drizzle schema has changes that no committed migration carries (`npm run db:check`).
 *
 * drizzle-kit generates into a throw-away copy of packages/core/drizzle: if it writes anything, the
 * committed migrations are behind the schema. The committed folder is never touched. Also checks that
 * the journal and the migration files agree. `--schema <file>` checks another schema file (tests).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'packages/core/drizzle');
const schemaArg = process.argv.indexOf('--schema');
const schema =
  schemaArg > 0
    ? path.resolve(process.argv[schemaArg + 1])
    : path.join(root, 'packages/core/src/db/schema.ts');
const REGENERATE = 'Run `npm run db:generate` and commit packages/core/drizzle.';

function fail(message) {
  console.error(`db:check: ${message}`);
  process.exit(1);
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

// 1. The journal and the files agree: every entry has its SQL and snapshot, every SQL file is journaled.
const journal = JSON.parse(readFileSync(path.join(committed, 'meta/_journal.json'), 'utf8'));
const tags = journal.entries.map((e) => e.tag);
const sqlFiles = readdirSync(committed).filter((f) => f.endsWith('.sql'));
for (const tag of tags) {
  if (!sqlFiles.includes(`${tag}.sql`)) fail(`the journal lists ${tag} but ${tag}.sql is missing`);
  const index = tag.split('_')[0];
  if (!existsSync(path.join(committed, `meta/${index}_snapshot.json`))) {
    fail(`the snapshot of ${tag} (meta/${index}_snapshot.json) is missing`);
  }
}
for (const file of sqlFiles) {
  if (!tags.includes(file.replace(/\.sql$/, ''))) fail(`${file} is not in meta/_journal.json`);
}

// 2. Generating from the schema into a copy adds nothing.
const scratch = mkdtempSync(path.join(tmpdir(), 'aeolus-db-check-'));
try {
  cpSync(committed, scratch, { recursive: true });
  const before = listFiles(scratch);
  const drizzleKit = path.join(
    path.dirname(createRequire(import.meta.url).resolve('drizzle-kit')),
    'bin.cjs',
  );
  // drizzle-kit treats --out as relative to the working directory, even when it is absolute.
  const run = spawnSync(
    process.execPath,
    [
      drizzleKit,
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      path.relative(root, schema),
      '--out',
      path.relative(root, scratch),
      '--name',
      'pending_schema_changes',
    ],
    // No terminal: a rename question cannot hang CI; drizzle-kit fails instead and so do we.
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );
  if (run.status !== 0) {
    fail(`drizzle-kit generate failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
  }
  const added = listFiles(scratch).filter((f) => !before.includes(f));
  if (added.length > 0) {
    const sql = added
      .filter((f) => f.endsWith('.sql'))
      .map((f) => readFileSync(path.join(scratch, f), 'utf8'));
    fail(
      `the schema has changes that no committed migration carries. ${REGENERATE}\n` +
        `Pending SQL:\n${sql.join('\n').trim()}`,
    );
  }
  console.log(`db:check: ${tags.length} migration(s), schema and migrations agree`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
