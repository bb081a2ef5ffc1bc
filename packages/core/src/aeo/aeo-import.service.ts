import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize } from '../identity/authorization.js';
import * as repo from './aeo.repository.js';
import { aeoApplications, aeoCertificates, aeoProgrammes } from './aeo.tables.js';
import {
  type AeoImportOperators,
  type ImportOperator,
  identifierKey,
  indexOperatorsByIdentifier,
  refreshOperators,
} from './aeo-import.operators.js';
import {
  type AeoImportProblem,
  type AeoImportRow,
  type AeoImportTarget,
  findDuplicateRows,
} from './aeo-import.rows.js';
import { writeRows } from './aeo-import.write.js';

/**
 * Writes existing AEOs (validated by `checkImportRecord`) in batches: one transaction, one audit entry
 * and one lock of the audit chain per batch (ADR 0003), an outbound event per organisation, case and
 * certificate. A row the database refuses never takes the others down: the batch is retried row by row.
 */

export interface AeoImportEntry {
  /** Position in the caller's list, echoed back in the outcome. */
  index: number;
  /** Where the row is in the source, for the audit trail and the case history (the header is row 1). */
  rowNumber: number;
  row: AeoImportRow;
}

export type AeoImportOutcome =
  | { index: number; status: 'imported'; aeoId: string; certificateId: string; applicationId: string }
  | { index: number; status: 'skipped'; aeoId: string; reason: string }
  | { index: number; status: 'failed'; aeoId: string; problems: AeoImportProblem[] };

/** The importing administration and its programme: NOT_FOUND unless both exist and the actor may manage it. */
export async function getAeoImportTarget(
  ctx: CoreContext,
  actor: Actor,
  administrationId: string,
): Promise<AeoImportTarget> {
  authorize(actor, 'aeo-programme:manage', { organisationId: administrationId }, 'AEO programme');
  const administration = await repo.findOrganisation(ctx.db, administrationId);
  if (administration?.kind !== 'customs_administration' || !administration.country) {
    throw AppError.notFound('Customs administration');
  }
  const programme = await repo.findProgrammeByAdministration(ctx.db, administrationId);
  if (!programme) {
    throw new AppError('NOT_FOUND', `${administration.name} has no AEO programme yet: set one up first`);
  }
  return {
    administration: { id: administration.id, name: administration.name, country: administration.country },
    programme: {
      id: programme.id,
      identifierPrefix: programme.identifierPrefix,
      categories: programme.categories,
      validity: programme.validity,
    },
  };
}

export interface AeoImportBatch {
  target: AeoImportTarget;
  entries: readonly AeoImportEntry[];
  /** The file's name, recorded in the audit entry and each case's history. */
  source: string;
  /**
   * The operators of the whole import, from `indexOperatorsByIdentifier`; the batch adds those it
   * creates. Without it the batch looks its operators up itself.
   */
  operators?: AeoImportOperators;
}

/** Imports one batch; every entry gets exactly one outcome, in the order given. */
export async function importAeoBatch(
  ctx: CoreContext,
  actor: Actor,
  input: AeoImportBatch,
): Promise<AeoImportOutcome[]> {
  authorize(
    actor,
    'aeo-programme:manage',
    { organisationId: input.target.administration.id },
    'AEO programme',
  );
  if (input.entries.length === 0) return [];
  try {
    const created: ImportOperator[] = [];
    const outcomes = await inTransaction(ctx.db, (tx) => writeBatch(ctx, tx, actor, input, created));
    // Committed: later batches find these operators too.
    for (const operator of created) input.operators?.set(operator.key, [operator]);
    return outcomes;
  } catch (error) {
    const [only] = input.entries;
    if (input.entries.length === 1 && only) {
      return [{ index: only.index, status: 'failed', aeoId: only.row.aeoId, problems: problemsOf(error) }];
    }
    // The batch rolled back as a whole: isolate the row at fault by writing each on its own.
    const outcomes: AeoImportOutcome[] = [];
    for (const entry of input.entries) {
      outcomes.push(...(await importAeoBatch(ctx, actor, { ...input, entries: [entry] })));
    }
    return outcomes;
  }
}

function problemsOf(error: unknown): AeoImportProblem[] {
  if (error instanceof AppError) {
    const problems = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
    if (problems?.length) return problems.map((p) => ({ column: columnOf(p.path), message: p.message }));
    return [{ column: 'row', message: error.message }];
  }
  // drizzle wraps driver errors ("Failed query: …") and keeps the driver's own message as the cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message.split('\n', 1)[0]! : String(cause);
  return [{ column: 'row', message: `the database refused the row: ${message}` }];
}

const FIELD_COLUMNS: Record<string, AeoImportProblem['column']> = {
  aeoId: 'aeo_id',
  category: 'category',
  validFrom: 'effective_from',
  validUntil: 'valid_until',
  reassessmentDue: 'reassessment_due',
};
const columnOf = (path: string) => FIELD_COLUMNS[path.split('.').at(-1) ?? ''] ?? 'row';

const CLOSED = ['withdrawn', 'refused', 'revoked'];

async function writeBatch(
  ctx: CoreContext,
  tx: Tx,
  actor: Actor,
  input: AeoImportBatch,
  created: ImportOperator[],
): Promise<AeoImportOutcome[]> {
  const { administration } = input.target;
  // The programme row's lock serialises this batch with grants (national numbers) and new applications
  // (references, one live case per operator), so the checks below still hold when it commits.
  const [programme] = await tx
    .select()
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.id, input.target.programme.id))
    .for('update');
  if (!programme) throw AppError.notFound('AEO programme');
  const outcomes = new Map<number, AeoImportOutcome>();
  const fail = (entry: AeoImportEntry, column: AeoImportProblem['column'], message: string) => {
    outcomes.set(entry.index, {
      index: entry.index,
      status: 'failed',
      aeoId: entry.row.aeoId,
      problems: [{ column, message }],
    });
  };
  // A caller that did not check its whole file first still never writes one AEO or operator twice.
  const duplicates = findDuplicateRows(input.entries);
  for (const entry of input.entries) {
    const problem = duplicates.get(entry.index);
    if (problem) fail(entry, problem.column, problem.message);
  }
  const entries = input.entries.filter((e) => !duplicates.has(e.index));
  if (entries.length === 0) return input.entries.map((e) => outcomes.get(e.index)!);

  const keys = [...new Set(entries.map((e) => identifierKey(e.row.identifier)))];
  const operatorsByKey = input.operators
    ? await refreshOperators(tx, input.operators, keys)
    : await indexOperatorsByIdentifier(tx, keys);

  // Every identifier a row's national number could have in any category of the programme: one look-up
  // on the unique index finds both the row's own identifier and a national number already in use.
  const { identifierPrefix, categories } = programme;
  const variants = entries.flatMap((e) =>
    categories.map((c) =>
      `${administration.country}${identifierPrefix}${c.code}${e.row.aeoId.slice(-6)}`.toUpperCase(),
    ),
  );
  const held = await tx
    .select({
      aeoId: aeoCertificates.aeoId,
      holderId: aeoCertificates.holderId,
      administrationId: aeoCertificates.administrationId,
    })
    .from(aeoCertificates)
    .where(inArray(aeoCertificates.aeoId, [...new Set([...variants, ...entries.map((e) => e.row.aeoId)])]));
  const existing = new Map(held.map((c) => [c.aeoId, c]));
  const usedNumbers = new Map(held.map((c) => [c.aeoId.slice(-6), c.aeoId]));
  const matchedIds = [...operatorsByKey.values()].flat().map((o) => o.id);
  const liveCases = new Map(
    matchedIds.length === 0
      ? []
      : (
          await tx
            .select({
              operatorId: aeoApplications.operatorId,
              reference: aeoApplications.reference,
              status: aeoApplications.status,
            })
            .from(aeoApplications)
            .where(
              and(
                eq(aeoApplications.programmeId, programme.id),
                inArray(aeoApplications.operatorId, matchedIds),
                notInArray(aeoApplications.status, CLOSED),
              ),
            )
        ).map((a) => [a.operatorId, a]),
  );

  const toWrite: { entry: AeoImportEntry; operator: ImportOperator | null }[] = [];
  for (const entry of entries) {
    const { row } = entry;
    const candidates = operatorsByKey.get(identifierKey(row.identifier)) ?? [];
    const operator = candidates.length === 1 ? candidates[0]! : null;
    const holding = existing.get(row.aeoId);
    if (holding) {
      // Idempotence: the same AEO of the same operator is already in the register (an earlier run).
      if (holding.administrationId === administration.id && operator && holding.holderId === operator.id) {
        outcomes.set(entry.index, {
          index: entry.index,
          status: 'skipped',
          aeoId: row.aeoId,
          reason: 'already in the register',
        });
      } else {
        fail(entry, 'aeo_id', `${row.aeoId} is already in the register for another operator`);
      }
      continue;
    }
    const clash = usedNumbers.get(row.aeoId.slice(-6));
    if (clash) {
      fail(entry, 'aeo_id', `the national number ${row.aeoId.slice(-6)} is already used by ${clash}`);
      continue;
    }
    const described = `${row.identifier.scheme} ${row.identifier.value}`;
    if (candidates.length > 1) {
      fail(
        entry,
        'identifier',
        `${described} is held by ${candidates.length} organisations: resolve that first`,
      );
      continue;
    }
    if (operator) {
      if (operator.kind !== 'economic_operator') {
        fail(
          entry,
          'identifier',
          `${described} belongs to ${operator.name}, which is not an economic operator`,
        );
        continue;
      }
      if (operator.country !== row.country) {
        fail(
          entry,
          'identifier',
          `${described} belongs to ${operator.name}, registered in ${operator.country ?? 'no country'}`,
        );
        continue;
      }
      if (
        operator.supervisingAdministrationId &&
        operator.supervisingAdministrationId !== administration.id
      ) {
        fail(
          entry,
          'identifier',
          `${described} belongs to ${operator.name}, supervised by another administration`,
        );
        continue;
      }
      const live = liveCases.get(operator.id);
      if (live) {
        // One live AEO case per operator and programme, as for applications (aeo-submission.service).
        fail(
          entry,
          'identifier',
          `${operator.name} already has the AEO case ${live.reference} (${live.status.replaceAll('_', ' ')})`,
        );
        continue;
      }
    }
    toWrite.push({ entry, operator });
  }
  if (toWrite.length === 0) return input.entries.map((e) => outcomes.get(e.index)!);
  for (const outcome of await writeRows(ctx, tx, actor, {
    target: input.target,
    programme,
    source: input.source,
    rows: toWrite,
    created,
  })) {
    outcomes.set(outcome.index, outcome);
  }
  return input.entries.map((e) => outcomes.get(e.index)!);
}
