import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { csvLine } from '@aeolus/contracts';
import { type Database, loadConfig } from '@aeolus/core';
import { demoOrganisationId, ensureDemoProgramme } from '@aeolus/core/testing';
import { buildApp } from '@aeolus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv } from '../testing/cli-harness.js';

const NL = 'Netherlands Customs (demo)';
const KE = 'Kenya Customs Services (demo)';
const cliActor = `cli:${os.userInfo().username}`;
const HEADER = [
  'aeo_id',
  'legal_name',
  'trading_name',
  'identifier_scheme',
  'identifier',
  'country',
  'address',
  'category',
  'granted_on',
  'effective_from',
  'valid_until',
  'reassessment_due',
  'status',
  'note',
  'contact_email',
] as const;
type Row = Partial<Record<(typeof HEADER)[number], string>>;

const nlRow = (n: number, patch: Row = {}): Row => ({
  aeo_id: `NLAEOF${String(n).padStart(6, '0')}`,
  legal_name: `Operator ${n} B.V.`,
  identifier_scheme: 'EORI',
  identifier: `NL5${String(n).padStart(8, '0')}`,
  country: 'NL',
  category: 'F',
  granted_on: '2021-03-01',
  effective_from: '2021-03-06',
  status: 'active',
  ...patch,
});

let dir: string;
let files = 0;
/** Writes a CSV file: the header, then each row (an object, or raw text for a malformed line). */
function csv(rows: readonly (Row | string)[], header: readonly string[] = HEADER): string {
  const text = [
    csvLine(header),
    ...rows.map((r) => (typeof r === 'string' ? r : csvLine(header.map((h) => r[h as keyof Row] ?? '')))),
  ].join('\r\n');
  const file = path.join(dir, `import-${++files}.csv`);
  writeFileSync(file, `${text}\r\n`);
  return file;
}

const count = (database: Database, sql: string, params: unknown[] = []) =>
  database.query<{ n: number }>(sql, params).then(([row]) => row!.n);

/** `POST /api/public/aeo/verify` and `GET /api/public/aeo/:aeoId` of the real app over this database. */
async function publicApi(cli: CliTestEnv, aeoIds: string[]) {
  return cli.withDatabase(async (database) => {
    const app = await buildApp({ config: loadConfig(cli.env), database, logger: false, serveWeb: false });
    try {
      const answers = [];
      for (const aeoId of aeoIds) {
        const [row] = await database.query<{ credential: string }>(
          'select credential from aeo_certificates where aeo_id = $1',
          [aeoId],
        );
        const verify = await app.inject({
          method: 'POST',
          url: '/api/public/aeo/verify',
          payload: { credential: row!.credential },
        });
        const entry = await app.inject({ method: 'GET', url: `/api/public/aeo/${aeoId}` });
        answers.push({ verify: verify.json(), entry: { status: entry.statusCode, body: entry.json() } });
      }
      return answers;
    } finally {
      await app.close();
    }
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aeolus-aeo-import-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('aeolus aeo import', () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: true });
  });
  afterAll(async () => {
    await cli?.close();
  });

  const good = () =>
    csv([
      nlRow(101, {
        trading_name: 'Polder Import',
        address: 'Kade 1, 3011 AA Rotterdam',
        contact_email: 'aeo@polder.example',
      }),
      nlRow(102, { aeo_id: 'NLAEOS000102', category: 'S', status: 'suspended', note: 'Seals under review' }),
      // Acme Logistics holds this EORI already: its organisation is reused, not duplicated.
      nlRow(103, {
        aeo_id: 'NLAEOC000103',
        category: 'C',
        legal_name: 'Acme Logistics B.V.',
        identifier: 'NL812345670',
      }),
    ]);
  let goodFile: string;

  it('imports operators holding an AEO: organisation, case, signed certificate, events and one audit entry', async () => {
    goodFile = good();
    const before = await cli.withDatabase(async (db) => ({
      organisations: await count(db, 'select count(*)::int as n from organisations'),
      audit: await count(db, 'select count(*)::int as n from audit_log'),
      events: await count(db, 'select coalesce(max(seq), 0)::int as n from outbox_events'),
    }));
    const result = await cli.run('aeo', 'import', goodFile, '--administration', NL);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Imported 3, skipped 0, failed 0 of 3 rows in \d+\.\d s \([\d,]+ rows\/s\) into the AEO register of Netherlands Customs \(demo\) \(/,
    );

    await cli.withDatabase(async (db) => {
      const nl = await demoOrganisationId({ db: db.db, config: loadConfig(cli.env) }, 'nl');
      expect(await count(db, 'select count(*)::int as n from organisations')).toBe(before.organisations + 2);
      const [polder] = await db.query<Record<string, unknown>>(
        `select name, legal_name, country, identifiers, supervising_administration_id, kind
           from organisations where legal_name = 'Operator 101 B.V.'`,
      );
      expect(polder).toEqual({
        name: 'Polder Import',
        legal_name: 'Operator 101 B.V.',
        country: 'NL',
        identifiers: [{ scheme: 'EORI', value: 'NL500000101' }],
        supervising_administration_id: nl,
        kind: 'economic_operator',
      });
      const cases = await db.query<Record<string, unknown>>(
        `select c.aeo_id, c.status as certificate, a.status as "case", o.name as holder, x.type, x.payload, x.actor_label
           from aeo_certificates c
           join aeo_applications a on a.id = c.application_id
           join organisations o on o.id = c.holder_id
           join aeo_application_actions x on x.application_id = a.id
          where c.aeo_id in ('NLAEOF000101', 'NLAEOS000102', 'NLAEOC000103') order by c.aeo_id`,
      );
      expect(cases).toEqual([
        expect.objectContaining({
          aeo_id: 'NLAEOC000103',
          certificate: 'active',
          case: 'granted',
          holder: 'Acme Logistics',
        }),
        expect.objectContaining({
          aeo_id: 'NLAEOF000101',
          certificate: 'active',
          case: 'granted',
          type: 'import',
          actor_label: cliActor,
          payload: {
            status: 'granted',
            aeoId: 'NLAEOF000101',
            grantedOn: '2021-03-01',
            effectiveFrom: '2021-03-06',
            reassessmentDue: '2024-03-06',
            legacy: {
              legalName: 'Operator 101 B.V.',
              identifier: { scheme: 'EORI', value: 'NL500000101' },
              address: 'Kade 1, 3011 AA Rotterdam',
              contactEmail: 'aeo@polder.example',
            },
            source: { file: path.basename(goodFile), row: 2 },
          },
        }),
        expect.objectContaining({ aeo_id: 'NLAEOS000102', certificate: 'suspended', case: 'suspended' }),
      ]);
      const events = await db.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from outbox_events
          where seq > $1 group by type order by type`,
        [before.events],
      );
      expect(events).toEqual([
        { type: 'aeo.application.import', n: 3 },
        { type: 'aeo.certificate.imported', n: 3 },
        { type: 'organisation.created', n: 2 },
      ]);
      const audit = await db.query<{ action: string; actor_label: string; note: string }>(
        `select action, actor_label, summary->>'note' as note from audit_log where seq > $1 order by seq`,
        [before.audit],
      );
      expect(audit).toEqual([
        {
          action: 'aeo.certificates.imported',
          actor_label: cliActor,
          note: `Imported 3 existing AEOs from ${path.basename(goodFile)} (rows 2–4)`,
        },
      ]);
    });
    const verified = await cli.run('audit', 'verify');
    expect(verified.code).toBe(0);
  });

  it('signs each certificate so that public verification and the register accept it', async () => {
    const [active, suspended] = await publicApi(cli, ['NLAEOF000101', 'NLAEOS000102']);
    expect(active!.verify).toMatchObject({ valid: true, status: 'active', aeoId: 'NLAEOF000101' });
    expect(active!.entry).toEqual({
      status: 200,
      body: expect.objectContaining({
        aeoId: 'NLAEOF000101',
        holder: 'Operator 101 B.V.',
        country: 'NL',
        status: 'active',
        validFrom: '2021-03-06T00:00:00.000Z',
      }),
    });
    expect(suspended!.verify).toMatchObject({
      valid: false,
      status: 'suspended',
      aeoId: 'NLAEOS000102',
      reason: 'certificate suspended',
    });
  });

  it('imports nothing twice when the same file is run again', async () => {
    const before = await cli.withDatabase((db) =>
      count(db, 'select count(*)::int as n from aeo_certificates'),
    );
    const result = await cli.run('--json', 'aeo', 'import', goodFile, '--administration', NL);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      rows: 3,
      imported: 0,
      skipped: 3,
      failed: 0,
      skippedRows: [2, 3, 4],
      errors: [],
    });
    const text = await cli.run('aeo', 'import', goodFile, '--administration', NL);
    expect(text.stdout.split('\n')[1]).toBe('Already in the register, skipped: rows 2–4.');
    expect(await cli.withDatabase((db) => count(db, 'select count(*)::int as n from aeo_certificates'))).toBe(
      before,
    );
  });

  it('reports every bad row with its row, column and reason, and imports the good rows around them', async () => {
    const errorsFile = path.join(dir, 'rejected.csv');
    const file = csv([
      nlRow(201),
      nlRow(202, { aeo_id: 'NL-AEO-202' }),
      nlRow(203, { country: 'BE', aeo_id: 'BEAEOF000203' }),
      nlRow(204, { category: 'X', aeo_id: 'NLAEOX000204' }),
      nlRow(205, { granted_on: '2021-02-30' }),
      nlRow(206, { effective_from: '06/03/2021' }),
      nlRow(207, { reassessment_due: '2020-01-01' }),
      nlRow(208, { valid_until: '2030-01-01' }),
      'NLAEOF000209,Short Row B.V.,,EORI',
      nlRow(210),
      nlRow(210, { identifier: 'NL599999999' }),
      // NLAEOF000001 is Windmill Components' certificate (demo seed); this row names another operator.
      nlRow(1, { identifier: 'NL511111111' }),
      // National number 000002 is taken by NLAEOF000002 (demo seed) in another category.
      nlRow(2, { aeo_id: 'NLAEOS000002', category: 'S', identifier: 'NL522222222' }),
      // Tulip Freight Holland has a draft application: one live AEO case per operator.
      nlRow(211, { identifier: 'NL823456781' }),
      nlRow(212, { status: 'revoked' }),
      nlRow(213, { granted_on: '2099-01-01', effective_from: '2099-01-06' }),
      nlRow(214, { legal_name: '', identifier: '' }),
      nlRow(215, { aeo_id: 'NLAEOS000215', category: 'S' }),
    ]);
    const result = await cli.run('aeo', 'import', file, '--administration', NL, '--errors-file', errorsFile);
    expect(result.code).toBe(1);
    const problems = [
      'row 3, aeo_id: must be an AEO identifier such as NLAEOF000123 (got "NL-AEO-202")',
      'row 4, country: must be NL, the country of Netherlands Customs (demo)',
      'row 4, aeo_id: must start with NL, the country of Netherlands Customs (demo)',
      "row 5, category: must be one of the programme's categories: S, C, F",
      'row 6, granted_on: must be a calendar date written YYYY-MM-DD (got "2021-02-30")',
      'row 7, effective_from: must be a calendar date written YYYY-MM-DD (got "06/03/2021")',
      'row 8, reassessment_due: must be after effective_from (2021-03-06)',
      "row 9, valid_until: must be empty: the programme's certificates are open-ended (use reassessment_due)",
      'row 10: has 4 fields where the header has 15 (missing columns)',
      'row 11, aeo_id: NLAEOF000210 appears more than once in the file (also row 12)',
      'row 12, aeo_id: NLAEOF000210 appears more than once in the file (also row 11)',
      'row 13, aeo_id: NLAEOF000001 is already in the register for another operator',
      'row 14, aeo_id: the national number 000002 is already used by NLAEOF000002',
      'row 15, identifier: Tulip Freight Holland already has the AEO case NL-AEO-000001 (draft)',
      'row 16, status: must be active or suspended: a revoked certificate is no AEO status to import',
      /^row 17, granted_on: must not be in the future \(today is \d{4}-\d{2}-\d{2}\)$/,
      'row 18, legal_name: is required',
      'row 18, identifier: is required',
    ];
    expect(result.stderr.split('\n')).toEqual(
      problems.map((p) =>
        typeof p === 'string'
          ? `aeolus: ${p}`
          : expect.stringMatching(new RegExp(`^aeolus: ${p.source.slice(1)}`)),
      ),
    );
    expect(result.stdout).toMatch(/^Imported 2, skipped 0, failed 16 of 18 rows in /);
    expect(result.stdout).toContain(`See the 18 problems above and in ${errorsFile}.`);

    const written = readFileSync(errorsFile, 'utf8').trimEnd().split('\n');
    expect(written[0]).toBe('row,column,aeo_id,message');
    expect(written).toHaveLength(19);
    expect(written[1]).toBe(
      '3,aeo_id,NL-AEO-202,"must be an AEO identifier such as NLAEOF000123 (got ""NL-AEO-202"")"',
    );
    expect(written[9]).toBe('10,row,NLAEOF000209,has 4 fields where the header has 15 (missing columns)');

    await cli.withDatabase(async (db) => {
      const imported = await db.query<{ aeo_id: string }>(
        `select aeo_id from aeo_certificates where aeo_id in ('NLAEOF000201', 'NLAEOS000215') order by aeo_id`,
      );
      expect(imported.map((r) => r.aeo_id)).toEqual(['NLAEOF000201', 'NLAEOS000215']);
      // Nothing of a failed row was written: no organisation, no case.
      expect(
        await count(
          db,
          `select count(*)::int as n from organisations where legal_name ~ '^Operator 2(0[2-9]|1[0-4]) '`,
        ),
      ).toBe(0);
      expect(
        await count(
          db,
          `select count(*)::int as n from organisations where identifiers @> '[{"value": "NL511111111"}]'`,
        ),
      ).toBe(0);
    });
  });

  it('refuses a file it cannot use as a whole, before writing anything', async () => {
    const before = await cli.withDatabase((db) =>
      count(db, 'select count(*)::int as n from aeo_certificates'),
    );
    const latin1 = path.join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from(`${csvLine(HEADER)}\nNLAEOF000301,Caf\xe9 B.V.\n`, 'latin1'));
    const unclosed = csv([`${csvLine(Object.values(nlRow(302)).slice(0, 1))},"never closed`]);
    const cases = [
      {
        argv: [
          csv(
            [nlRow(303)],
            HEADER.filter((h) => h !== 'status' && h !== 'granted_on'),
          ),
          '--administration',
          NL,
        ],
        message: /^aeolus: The header row of .+ is not usable: required columns missing: granted_on, status$/,
      },
      {
        argv: [csv([nlRow(304)], [...HEADER, 'eori']), '--administration', NL],
        message:
          /^aeolus: The header row of .+ is not usable: unknown column "eori" \(the columns are: aeo_id, /,
      },
      {
        argv: [latin1, '--administration', NL],
        message: /^aeolus: .+latin1\.csv is not UTF-8 text: save it as "CSV UTF-8" and try again$/,
      },
      {
        argv: [unclosed, '--administration', NL],
        message: /^aeolus: .+ is not valid CSV: row 2: the quoted field opened there is never closed/,
      },
      {
        argv: [path.join(dir, 'nowhere.csv'), '--administration', NL],
        message: /^aeolus: No such file: .+nowhere\.csv$/,
      },
      {
        argv: [csv([nlRow(305)]), '--administration', 'Atlantis Customs'],
        message: /^aeolus: Unknown organisation "Atlantis Customs"/,
      },
      {
        argv: [csv([nlRow(306)]), '--administration', 'Acme Logistics'],
        message: /^aeolus: Customs administration not found$/,
      },
      {
        argv: [
          csv([nlRow(307)]),
          '--administration',
          NL,
          '--errors-file',
          path.join(dir, 'no/such/dir/e.csv'),
        ],
        message: /^aeolus: Cannot write .+e\.csv: ENOENT/,
      },
    ];
    for (const { argv, message } of cases) {
      const result = await cli.run('aeo', 'import', ...argv);
      expect({ code: result.code, stdout: result.stdout, lines: result.stderr.split('\n').length }).toEqual({
        code: 1,
        stdout: '',
        lines: 1,
      });
      expect(result.stderr).toMatch(message);
    }
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await cli.run('aeo', 'import', empty, '--administration', NL)).stderr).toMatch(
      /^aeolus: .+empty\.csv is empty: it needs a header row and one row per AEO$/,
    );
    expect(
      await cli.run('aeo', 'import', csv([nlRow(308)]), '--administration', NL, '--batch-size', '0'),
    ).toMatchObject({
      code: 2,
      stderr:
        "aeolus: option '--batch-size <n>' argument '0' is invalid. must be a whole number from 1 to 1000",
    });
    expect(await cli.withDatabase((db) => count(db, 'select count(*)::int as n from aeo_certificates'))).toBe(
      before,
    );
  });

  it('imports a large file in batches, with plain progress lines when stderr is no terminal', async () => {
    const rows = Array.from({ length: 600 }, (_, i) =>
      nlRow(1000 + i, { status: i % 10 === 0 ? 'suspended' : 'active', address: `Dijk ${i}, "Haven" ${i}` }),
    );
    // One poisoned row in the middle of a batch: its batch is the one that must not lose the others.
    rows[250] = { ...rows[250]!, contact_email: 'not an email' };
    const file = csv(rows);
    const result = await cli.run(
      '--json',
      'aeo',
      'import',
      file,
      '--administration',
      NL,
      '--batch-size',
      '100',
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    // A line each time a tenth more is done; batches of 100 rows cross a tenth at most once each.
    expect(lines.filter((l) => l.startsWith('aeolus: progress: '))).toHaveLength(6);
    expect(lines.at(-2)).toMatch(/^aeolus: progress: 600 of 600 rows \(100%\), \d+\.\d s, [\d,]+ rows\/s$/);
    expect(lines.at(-1)).toBe(
      'aeolus: row 252, contact_email: must be a valid email address (got "not an email")',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 600, imported: 599, skipped: 0, failed: 1 });
    await cli.withDatabase(async (db) => {
      expect(
        await count(
          db,
          `select count(*)::int as n from aeo_certificates where aeo_id between 'NLAEOF001000' and 'NLAEOF001599'`,
        ),
      ).toBe(599);
      // Six batches of up to 100 rows: six audit entries, not 599.
      expect(
        await count(
          db,
          `select count(*)::int as n from audit_log where action = 'aeo.certificates.imported' and summary->>'note' like $1`,
          [`% from ${path.basename(file)} (rows %`],
        ),
      ).toBe(6);
      const [next] = await db.query<{ next: number }>(
        'select next_national_number as next from aeo_programmes',
      );
      expect(next!.next).toBe(1600);
    });
  });
});

describe('aeolus aeo import on a fixed-term programme', () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: true });
    await cli.withDatabase(async (db) => {
      const ctx = { db: db.db, config: loadConfig(cli.env) };
      const programme = await ensureDemoProgramme(ctx, await demoOrganisationId(ctx, 'ke'));
      await db.query(`update aeo_programmes set validity = '{"kind":"fixed_term","years":5}' where id = $1`, [
        programme.id,
      ]);
    });
  });
  afterAll(async () => {
    await cli?.close();
  });

  const keRow = (n: number, patch: Row = {}): Row => ({
    aeo_id: `KEAEOF${String(n).padStart(6, '0')}`,
    legal_name: `Operator ${n} Ltd`,
    identifier_scheme: 'TIN',
    identifier: `P05${String(n).padStart(7, '0')}X`,
    country: 'KE',
    category: 'F',
    granted_on: '2022-06-01',
    effective_from: '2022-06-06',
    valid_until: '2099-06-06',
    status: 'active',
    ...patch,
  });

  it('needs an expiry after the grant, and signs it into the credential', async () => {
    const file = csv([
      keRow(1),
      keRow(2, { valid_until: '2022-05-01' }),
      keRow(3, { valid_until: '' }),
      // Globex Kenya's TIN: the existing operator becomes the holder.
      keRow(4, { identifier: 'P051234567K', legal_name: 'Globex Kenya Limited' }),
    ]);
    const result = await cli.run('aeo', 'import', file, '--administration', KE);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'aeolus: row 3, valid_until: must be after effective_from (2022-06-06)',
      "aeolus: row 4, valid_until: is required: the programme's certificates expire after 5 years",
    ]);
    const [entry] = await publicApi(cli, ['KEAEOF000001']);
    expect(entry!.verify).toMatchObject({ valid: true, status: 'active' });
    expect(entry!.entry.body).toMatchObject({ validUntil: '2099-06-06T00:00:00.000Z', country: 'KE' });
    const holder = await cli.withDatabase((db) =>
      db.query<{ name: string }>(
        `select o.name from aeo_certificates c join organisations o on o.id = c.holder_id where c.aeo_id = 'KEAEOF000004'`,
      ),
    );
    expect(holder).toEqual([{ name: 'Globex Kenya' }]);
  });
});
