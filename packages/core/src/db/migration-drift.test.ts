import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run db:check` (scripts/check-migrations.mjs): committed migrations must carry the whole schema. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const script = path.join(root, 'scripts/check-migrations.mjs');
const migrations = path.join(root, 'packages/core/drizzle');
// Inside the repository so that drizzle-orm resolves; under node_modules so that no build picks it up.
const fixtures = path.join(root, 'node_modules/.cache/aeolus-db-check', randomBytes(6).toString('hex'));

const check = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

describe('db:check', () => {
  it('passes for the committed schema and migrations', () => {
    const run = check();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('schema and migrations agree');
  });

  it('fails, showing the pending SQL, when the schema has a change no migration carries', () => {
    mkdirSync(fixtures, { recursive: true });
    const schema = path.join(fixtures, 'schema.ts');
    const real = path.relative(fixtures, path.join(root, 'packages/core/src/db/schema.js'));
    writeFileSync(
      schema,
      `export * from '${real}';\n` +
        `import { pgTable, text } from 'drizzle-orm/pg-core';\n` +
        `export const driftProbe = pgTable('drift_probe', { id: text('id').primaryKey() });\n`,
    );
    const before = readdirSync(migrations, { recursive: true });
    const run = check('--schema', schema);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run db:generate');
    expect(run.stderr).toMatch(/CREATE TABLE "drift_probe"/);
    // The committed folder is never written to.
    expect(readdirSync(migrations, { recursive: true })).toEqual(before);
  });
});
