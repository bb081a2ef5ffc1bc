import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '@aeolus/core';
import { consignmentCsv, type ImportRow, importRows } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv } from '../testing/cli-harness.js';

const ACME = 'Acme Logistics';

let dir: string;
let files = 0;
function csvFile(rows: readonly ImportRow[]): string {
  const file = path.join(dir, `manifest-${++files}.csv`);
  writeFileSync(file, `${consignmentCsv(rows)}\r\n`);
  return file;
}

const results = (database: Database) =>
  database.query<{ n: number }>('select count(*)::int as n from screening_results').then(([row]) => row!.n);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aeolus-screening-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test runs several commands, each opening the database: on a loaded machine that outlasts 30 s.
describe('aeolus screening import', { timeout: 180_000 }, () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: true });
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('screens the good consignments, names the bad rows, and screens nothing twice on a re-run', async () => {
    const rows = importRows(5, 'CLI');
    rows[1] = { ...rows[1], item_hs_code: '99' };
    rows[3] = { ...rows[3], place_of_loading: 'XXABC' };
    const file = csvFile(rows);
    const errorsFile = path.join(dir, 'rejected.csv');
    const before = await cli.withDatabase(results);

    const first = await cli.run(
      'screening',
      'import',
      file,
      '--organisation',
      ACME,
      '--errors-file',
      errorsFile,
    );
    expect(first.code).toBe(1);
    expect(first.stderr.split('\n')).toEqual([
      'aeolus: row 3, item_hs_code: must be an HS code of 6, 8 or 10 digits',
      expect.stringMatching(/^aeolus: row 5, place_of_loading: .*ISO 3166-1/),
    ]);
    expect(first.stdout).toMatch(
      /^Screened 3, skipped 0, rejected 2 of 5 consignments \(5 rows\) in \d+\.\d s \([\d,]+ consignments\/s\) for Acme Logistics \(/,
    );
    expect(first.stdout).toMatch(/Lanes: green \d+, yellow \d+, red \d+, blue \d+\./);
    const lanes = [...first.stdout.matchAll(/(green|yellow|red|blue) (\d+)/g)].map((m) => Number(m[2]));
    expect(lanes.reduce((a, b) => a + b, 0)).toBe(3);
    expect(readFileSync(errorsFile, 'utf8').split('\n')[0]).toBe('row,column,message');
    expect(readFileSync(errorsFile, 'utf8')).toContain('3,item_hs_code,');
    expect(await cli.withDatabase(results)).toBe(before + 3);

    const again = await cli.run('--json', 'screening', 'import', file, '--organisation', ACME);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ consignments: 5, screened: 0, skipped: 3, rejected: 2 });
    expect(await cli.withDatabase(results)).toBe(before + 3);
  });

  it('files with an API key of the filing scope, in batches, and refuses one without it', async () => {
    const mint = async (scope: string) => {
      const created = await cli.run(
        '--json',
        'api-keys',
        'create',
        '--org',
        ACME,
        '--name',
        `csv ${scope}`,
        '--scope',
        scope,
      );
      expect(created.code, created.stderr).toBe(0);
      return JSON.parse(created.stdout).secret as string;
    };
    const file = csvFile(importRows(7, 'KEY'));
    const filed = await cli.run(
      '--json',
      'screening',
      'import',
      file,
      '--api-key',
      await mint('filing'),
      '--batch-size',
      '3',
    );
    expect(filed.stderr).toBe('');
    expect(JSON.parse(filed.stdout)).toMatchObject({ screened: 7, rejected: 0 });
    const refused = await cli.run('screening', 'import', file, '--api-key', await mint('organisation:read'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('screening:file');
  });

  it('refuses usage errors and unreadable files with a reason', async () => {
    const file = csvFile(importRows(1, 'USE'));
    const neither = await cli.run('screening', 'import', file);
    expect(neither.stderr).toContain('--api-key or --organisation');
    const customs = await cli.run(
      'screening',
      'import',
      file,
      '--organisation',
      'Netherlands Customs (demo)',
    );
    expect(customs.code).toBe(1);
    expect(customs.stderr).toContain('not registered with a customs administration');
    const missing = await cli.run('screening', 'import', path.join(dir, 'nope.csv'), '--organisation', ACME);
    expect(missing.stderr).toContain('No such file');
    const header = path.join(dir, 'header.csv');
    writeFileSync(header, 'mode,colour\nsea,red\n');
    const bad = await cli.run('screening', 'import', header, '--organisation', ACME);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('row 1, column colour: is not a column');
    const size = await cli.run('screening', 'import', file, '--organisation', ACME, '--batch-size', '0');
    expect(size.code).toBe(2);
  });
});
