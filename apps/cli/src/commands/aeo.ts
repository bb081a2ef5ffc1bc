import path from 'node:path';
import { CsvError, type CsvRecord, parseCsv } from '@aeolus/contracts';
import {
  AEO_IMPORT_COLUMNS,
  type AeoImportEntry,
  type AeoImportOutcome,
  type AeoImportProblem,
  type AeoImportRecord,
  AppError,
  checkImportHeader,
  checkImportRecord,
  findDuplicateRows,
  getAeoImportTarget,
  importAeoBatch,
  indexOperatorsByIdentifier,
} from '@aeolus/core';
import { type Command, InvalidArgumentError } from 'commander';
import { readUtf8File, writeCsvFile } from '../files.js';
import { resolveOrganisation } from '../organisations.js';
import { type Runtime, withSession } from '../runtime.js';
import { type ImportProgress, startImportProgress } from './aeo-progress.js';

/**
 * Rows per transaction. Each batch takes the audit chain's lock once (ADR 0003) and writes its rows
 * with multi-row statements; a few hundred keeps a transaction short while the per-batch cost vanishes.
 */
const DEFAULT_BATCH_SIZE = 250;

const columnsHelp = AEO_IMPORT_COLUMNS.map(
  (c) => `  ${c.name.padEnd(19)}${c.required ? 'required' : 'optional'}  ${c.help}`,
).join('\n');

interface ImportOptions {
  administration: string;
  errorsFile?: string;
  delimiter: string;
  batchSize: number;
}

interface RowError {
  rowNumber: number;
  aeoId: string;
  column: AeoImportProblem['column'];
  message: string;
}

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
}

function parseDelimiter(value: string): string {
  const delimiter = value === '\\t' || value === 'tab' ? '\t' : value;
  if (delimiter.length !== 1 || delimiter === '"') {
    throw new InvalidArgumentError('must be one character, e.g. "," or ";" (or "tab")');
  }
  return delimiter;
}

export function registerAeoCommands(program: Command, rt: Runtime): void {
  const aeo = program.command('aeo').description('Manage the AEO register');

  aeo
    .command('import')
    .description('Import operators that already hold an AEO status (a legacy register) from a CSV file')
    .argument('<file>', 'the CSV file (UTF-8, a header row, one AEO per row)')
    .requiredOption(
      '--administration <id|name>',
      'the importing customs administration; its AEO programme must exist',
    )
    .option(
      '--errors-file <path>',
      'also write the rows that failed to this CSV file (row, column, aeo_id, message)',
    )
    .option('--delimiter <char>', 'the field separator: ",", ";" or "tab"', parseDelimiter, ',')
    .option('--batch-size <n>', 'rows written per transaction (1–1000)', parseBatchSize, DEFAULT_BATCH_SIZE)
    .addHelpText(
      'after',
      `
Each row is an operator that already holds an AEO status. The row creates the operator's organisation
(or reuses the one holding the same identifier), an AEO case whose history records the import with the
original grant, and a certificate with the row's AEO identifier, signed as a Verifiable Credential like
a granted one: it verifies at POST /api/public/aeo/verify and shows at /api/public/aeo/<aeo_id>.

Columns (header names, any order; values are trimmed; dates are YYYY-MM-DD, UTC; the identifier is
country + programme prefix + category + a 6-digit national number; see docs/aeo-import.md):
${columnsHelp}

A bad row never stops or half-imports the others: every problem of every failed row is printed on
stderr as "row N, column: message" (the header is row 1, as in a spreadsheet) and, with --errors-file,
written as CSV. Rows whose AEO identifier is already in the register for the same operator are skipped,
so running the same file again imports nothing twice. Rows of one file that share an AEO identifier, a
national number or an operator identifier all fail. New operators get no account: create one with
\`aeolus users create\`. Each batch of rows is one transaction with one audit entry.

Exit status: 0 when every row was imported or skipped, 1 when any row failed or the file could not
be read, 2 invalid usage.

Examples:
  $ aeolus aeo import legacy-aeos.csv --administration "Netherlands Customs (demo)"
  $ aeolus aeo import export.csv --administration 0b6f…-… --delimiter ";" --errors-file rejected.csv
  $ aeolus --json aeo import legacy-aeos.csv --administration "Netherlands Customs (demo)"`,
    )
    .action(async (file: string, options: ImportOptions) => {
      rt.fields = { administrationId: '--administration' };
      const started = performance.now();
      const records = readRecords(file, options.delimiter);
      const [header, ...data] = records;
      if (!header)
        throw new AppError('UNPROCESSABLE', `${file} is empty: it needs a header row and one row per AEO`);
      const columns = header.fields.map((name) => name.trim().toLowerCase());
      const headerProblems = header.error ? [header.error] : checkImportHeader(columns);
      if (headerProblems.length > 0) {
        throw new AppError(
          'UNPROCESSABLE',
          `The header row of ${file} is not usable: ${headerProblems.join('; ')}`,
        );
      }
      // Fail before importing anything, not after, when the errors file cannot be written.
      if (options.errorsFile) writeErrorsFile(options.errorsFile, []);
      await withSession(rt, {}, async ({ ctx, actor, database, where }) => {
        const organisation = await resolveOrganisation(database, options.administration);
        const target = await getAeoImportTarget(ctx, actor, organisation.id);
        const errors: RowError[] = [];
        const skipped: number[] = [];
        let imported = 0;
        const progress: ImportProgress = startImportProgress(rt, data.length);

        // 1. Every row on its own: format and programme rules.
        const today = new Date();
        const valid: AeoImportEntry[] = [];
        data.forEach((record, index) => {
          const problems = recordProblems(record, columns.length);
          if (problems.length === 0) {
            const checked = checkImportRecord(toRecord(columns, record.fields), target, today);
            if (checked.ok) {
              valid.push({ index, rowNumber: record.rowNumber, row: checked.row });
              return;
            }
            problems.push(...checked.problems);
          }
          const aeoId = (toRecord(columns, record.fields).aeo_id ?? '').trim();
          for (const p of problems) errors.push({ rowNumber: record.rowNumber, aeoId, ...p });
        });
        // 2. Rows against each other.
        const duplicates = findDuplicateRows(valid);
        for (const entry of valid) {
          const problem = duplicates.get(entry.index);
          if (problem) errors.push({ rowNumber: entry.rowNumber, aeoId: entry.row.aeoId, ...problem });
        }
        const toImport = valid.filter((e) => !duplicates.has(e.index));
        progress.update(data.length - toImport.length);

        // 3. Against the register, a batch per transaction.
        const source = path.basename(file);
        const operators = await indexOperatorsByIdentifier(
          ctx.db,
          toImport.map((e) => `${e.row.identifier.scheme}:${e.row.identifier.value}`),
        );
        const rowNumberOf = new Map(toImport.map((e) => [e.index, e.rowNumber]));
        for (let start = 0; start < toImport.length; start += options.batchSize) {
          const entries = toImport.slice(start, start + options.batchSize);
          const outcomes: AeoImportOutcome[] = await importAeoBatch(ctx, actor, {
            target,
            entries,
            source,
            operators,
          });
          for (const outcome of outcomes) {
            const rowNumber = rowNumberOf.get(outcome.index)!;
            if (outcome.status === 'imported') imported++;
            else if (outcome.status === 'skipped') skipped.push(rowNumber);
            else for (const p of outcome.problems) errors.push({ rowNumber, aeoId: outcome.aeoId, ...p });
          }
          progress.update(data.length - toImport.length + start + entries.length);
        }
        progress.stop();

        errors.sort((a, b) => a.rowNumber - b.rowNumber);
        const failed = new Set(errors.map((e) => e.rowNumber)).size;
        const seconds = (performance.now() - started) / 1000;
        const summary = {
          administration: target.administration.name,
          file,
          rows: data.length,
          imported,
          skipped: skipped.length,
          failed,
          seconds: Math.round(seconds * 100) / 100,
          rowsPerSecond: Math.round(data.length / Math.max(seconds, 0.001)),
        };
        if (options.errorsFile) writeErrorsFile(options.errorsFile, errors);
        for (const e of errors) {
          rt.io.err(`aeolus: row ${e.rowNumber}${e.column === 'row' ? '' : `, ${e.column}`}: ${e.message}`);
        }
        if (failed > 0) rt.exitCode = 1;
        if (rt.json) {
          rt.io.out(
            JSON.stringify({
              ...summary,
              skippedRows: skipped,
              errors: errors.map((e) => ({
                row: e.rowNumber,
                column: e.column,
                aeoId: e.aeoId,
                message: e.message,
              })),
            }),
          );
          return;
        }
        const count = (n: number) => n.toLocaleString('en');
        rt.io.out(
          `Imported ${count(imported)}, skipped ${count(skipped.length)}, failed ${count(failed)} of ${count(data.length)} rows ` +
            `in ${seconds.toFixed(1)} s (${count(summary.rowsPerSecond)} rows/s) into the AEO register of ${target.administration.name} (${where}).`,
        );
        if (skipped.length > 0) rt.io.out(`Already in the register, skipped: ${describeRows(skipped)}.`);
        if (failed > 0) {
          rt.io.out(
            `See the ${count(errors.length)} problem${errors.length === 1 ? '' : 's'} above` +
              (options.errorsFile ? ` and in ${options.errorsFile}.` : '.'),
          );
        }
      });
    });
}

function readRecords(file: string, delimiter: string): CsvRecord[] {
  const text = readUtf8File(file);
  try {
    return parseCsv(text, delimiter);
  } catch (error) {
    if (error instanceof CsvError)
      throw new AppError('UNPROCESSABLE', `${file} is not valid CSV: ${error.message}`);
    throw error;
  }
}

/** A row that cannot be read, or that does not have the header's columns. */
function recordProblems(record: CsvRecord, columns: number): AeoImportProblem[] {
  if (record.error) return [{ column: 'row', message: record.error }];
  if (record.fields.length !== columns) {
    return [
      {
        column: 'row',
        message: `has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'} where the header has ${columns}${
          record.fields.length < columns ? ' (missing columns)' : ''
        }`,
      },
    ];
  }
  return [];
}

function toRecord(columns: readonly string[], fields: readonly string[]): AeoImportRecord {
  const record: Record<string, string> = {};
  columns.forEach((column, i) => {
    record[column] = fields[i] ?? '';
  });
  return record as AeoImportRecord;
}

/** "2–5, 9" for rows 2, 3, 4, 5 and 9. */
function describeRows(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return `row${sorted.length === 1 ? '' : 's'} ${ranges.join(', ')}`;
}

function writeErrorsFile(file: string, errors: readonly RowError[]): void {
  writeCsvFile(
    file,
    ['row', 'column', 'aeo_id', 'message'],
    errors.map((e) => [String(e.rowNumber), e.column, e.aeoId, e.message]),
  );
}
