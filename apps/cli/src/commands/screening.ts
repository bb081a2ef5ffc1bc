import { MAX_FILING_BATCH, type ScreeningImportResult } from '@aeolus/contracts';
import {
  type Actor,
  AppError,
  authenticateApiKey,
  importConsignmentsCsv,
  SCREENING_IMPORT_COLUMNS,
} from '@aeolus/core';
import { type Command, InvalidArgumentError } from 'commander';
import { readUtf8File, writeCsvFile } from '../files.js';
import { resolveOrganisation } from '../organisations.js';
import { type Runtime, withSession } from '../runtime.js';
import { startImportProgress } from './aeo-progress.js';

/** Consignments per filing transaction: large enough that the per-batch cost vanishes. */
const DEFAULT_BATCH_SIZE = 1_000;

interface ImportOptions {
  apiKey?: string;
  organisation?: string;
  errorsFile?: string;
  batchSize: number;
}

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_FILING_BATCH)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_FILING_BATCH}`);
  return n;
}

const columnsHelp = SCREENING_IMPORT_COLUMNS.map(
  (c) => `  ${c.name.padEnd(27)}${c.required ? 'required' : 'optional'}  ${c.help}`,
).join('\n');

export function registerScreeningCommands(program: Command, rt: Runtime): void {
  const screening = program.command('screening').description('File advance cargo data for risk screening');

  screening
    .command('import')
    .description('File consignments for risk screening from a CSV file, one row per goods item')
    .argument('<file>', 'the CSV file (UTF-8, a header row; comma, semicolon or tab)')
    .option('--api-key <secret>', 'file as the organisation of this API key (scope "filing")')
    .option('--organisation <id|name>', 'file for this operator (as the system, audited as cli:<user>)')
    .option('--errors-file <path>', 'also write every problem to this CSV file (row, column, message)')
    .option(
      '--batch-size <n>',
      `consignments filed per transaction (1–${MAX_FILING_BATCH})`,
      parseBatchSize,
      DEFAULT_BATCH_SIZE,
    )
    .addHelpText(
      'after',
      `
Rows are grouped into consignments by transport document (type and number). Consignment columns may be
repeated on every row of a consignment or left blank after its first; each row with an item column
filled is one goods item. Lists (routing countries, identifiers, containers, seals) are ;-separated.
See docs/screening-import.md for the full format and an example.

Columns (header names, any order):
${columnsHelp}

Each consignment is screened by the administration that supervises the filer, with its published rule
set and selectivity policy, exactly as \`POST /api/screening/consignments\` would. A bad row never stops
the others: its consignment is not filed and every problem is printed on stderr as
"row N, column: message" (the header is row 1) and, with --errors-file, written as CSV. A consignment this
filer already filed unchanged (same UCR, or same transport document when there is no UCR, and the same
data) is skipped and keeps its earlier result, so running the same file again screens nothing twice; an
amended one is screened again.

Exit status: 0 when every consignment was screened or skipped, 1 when any was rejected or the file could
not be read, 2 invalid usage.

Examples:
  $ aeolus screening import manifest.csv --organisation "Acme Logistics"
  $ aeolus screening import manifest.csv --api-key "$(cat filing.key)" --errors-file rejected.csv
  $ aeolus --json screening import manifest.csv --organisation "Acme Logistics"`,
    )
    .action(async (file: string, options: ImportOptions) => {
      rt.fields = { batchSize: '--batch-size', organisationId: '--organisation' };
      const apiKey = options.apiKey;
      if (Boolean(apiKey) === Boolean(options.organisation)) {
        throw new AppError('BAD_REQUEST', 'Give either --api-key or --organisation');
      }
      const started = performance.now();
      const text = readUtf8File(file);
      // Fail before filing anything, not after, when the errors file cannot be written.
      if (options.errorsFile) writeCsvFile(options.errorsFile, ['row', 'column', 'message'], []);
      await withSession(rt, {}, async ({ ctx, actor: system, database, where }) => {
        let actor: Actor = system;
        let organisationId: string | undefined;
        let filerName: string;
        if (apiKey) {
          const keyActor = await authenticateApiKey(ctx, apiKey);
          if (!keyActor) throw new AppError('UNAUTHENTICATED', 'The API key is unknown, revoked or expired');
          actor = keyActor;
          filerName = keyActor.label;
        } else {
          const organisation = await resolveOrganisation(database, options.organisation!);
          organisationId = organisation.id;
          filerName = organisation.name;
        }
        let progress: ReturnType<typeof startImportProgress> | undefined;
        const { result } = await importConsignmentsCsv(ctx, actor, {
          text,
          ...(organisationId ? { organisationId } : {}),
          batchSize: options.batchSize,
          onProgress: (done, total) => {
            progress ??= startImportProgress(rt, total, 'consignments');
            progress.update(done);
          },
        });
        progress?.stop();
        const seconds = (performance.now() - started) / 1000;
        report(rt, { file, result, seconds, filerName, where, errorsFile: options.errorsFile });
      });
    });
}

function report(
  rt: Runtime,
  p: {
    file: string;
    result: ScreeningImportResult;
    seconds: number;
    filerName: string;
    where: string;
    errorsFile?: string | undefined;
  },
): void {
  const { result, seconds } = p;
  if (p.errorsFile) {
    writeCsvFile(
      p.errorsFile,
      ['row', 'column', 'message'],
      result.errors.map((e) => [String(e.row), e.column ?? '', e.message]),
    );
  }
  for (const e of result.errors)
    rt.io.err(`aeolus: row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  if (result.rejected > 0 || result.errors.length > 0) rt.exitCode = 1;
  const perSecond = Math.round(result.consignments / Math.max(seconds, 0.001));
  if (rt.json) {
    rt.io.out(
      JSON.stringify({
        file: p.file,
        seconds: Math.round(seconds * 100) / 100,
        consignmentsPerSecond: perSecond,
        ...result,
      }),
    );
    return;
  }
  const n = (v: number) => v.toLocaleString('en');
  rt.io.out(
    `Screened ${n(result.screened)}, skipped ${n(result.skipped)}, rejected ${n(result.rejected)} of ${n(result.consignments)} consignments ` +
      `(${n(result.rows)} rows) in ${seconds.toFixed(1)} s (${n(perSecond)} consignments/s) for ${p.filerName} (${p.where}).`,
  );
  const { green, yellow, red, blue } = result.lanes;
  rt.io.out(`Lanes: green ${n(green)}, yellow ${n(yellow)}, red ${n(red)}, blue ${n(blue)}.`);
  if (result.skipped > 0)
    rt.io.out(`Already filed unchanged, skipped: ${n(result.skipped)} (their earlier lanes are counted).`);
  if (result.errors.length > 0) {
    rt.io.out(
      `See the ${n(result.errors.length)} problem${result.errors.length === 1 ? '' : 's'} above` +
        (p.errorsFile ? ` and in ${p.errorsFile}.` : '.'),
    );
  }
}
