import type { AuditEntry, AuditVerification } from '@aeolus/contracts';
import { findAuditEntry, verifyAuditChain } from '@aeolus/core';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type Runtime, withSession } from '../runtime.js';

/** Below this many entries a progress bar would only flicker. */
const PROGRESS_THRESHOLD = 20_000;

export function registerAuditCommands(program: Command, rt: Runtime): void {
  const audit = program.command('audit').description('Check the tamper-evident audit log');

  audit
    .command('verify')
    .description(
      'Walk the hash chain of the audit log and report the first entry altered, removed or reordered',
    )
    .addHelpText(
      'after',
      `
Every entry carries the hash of the one before it and of its own content; the last (seq, hash) is
also kept beside the log. A changed field, a deleted or moved entry and a cut tail all break it.
Safe to run while the server is writing (PostgreSQL); in embedded mode stop the server first.

Exit status: 0 when the chain is intact, 1 when it is broken or could not be checked.

Examples:
  $ aeolus audit verify
  $ aeolus audit verify --json   # {"ok":false,"firstBadSeq":42,"problem":"altered",…}`,
    )
    .action(async () => {
      await withSession(rt, {}, async ({ database, where }) => {
        const bar = await startProgress(rt, database.query.bind(database));
        let result: AuditVerification;
        try {
          result = await verifyAuditChain(database.db, { onProgress: (n) => bar?.update(n) });
        } finally {
          bar?.stop();
        }
        const entry =
          result.firstBadSeq === null ? undefined : await findAuditEntry(database.db, result.firstBadSeq);
        if (!result.ok) rt.exitCode = 1;
        if (rt.json) {
          rt.io.out(
            JSON.stringify({ ...result, database: where, ...(result.ok ? {} : { entry: entry ?? null }) }),
          );
          return;
        }
        if (result.ok) {
          rt.io.out(`Audit chain intact: ${result.checked} entries verified (${where}).`);
          return;
        }
        rt.io.out(
          `Audit chain BROKEN at entry ${result.firstBadSeq} (${result.problem}): ${result.message}.`,
        );
        rt.io.out(
          entry
            ? `First bad entry: ${describeEntry(entry)}`
            : `First bad entry: #${result.firstBadSeq} is no longer in the log.`,
        );
      });
    });
}

function describeEntry(e: AuditEntry): string {
  const subject = e.subjectId ? `${e.subjectType} ${e.subjectId}` : e.subjectType;
  const organisation = e.organisationId ? ` in organisation ${e.organisationId}` : '';
  return `#${e.seq} at ${e.occurredAt}: ${e.action} on ${subject} by ${e.actorLabel} (${e.actorType})${organisation}, id ${e.id}`;
}

async function startProgress(
  rt: Runtime,
  query: (sql: string) => Promise<{ n: number }[]>,
): Promise<cliProgress.SingleBar | undefined> {
  if (!rt.io.progress || rt.json) return undefined;
  const [row] = await query('select count(*)::int as n from audit_log');
  const total = row?.n ?? 0;
  if (total < PROGRESS_THRESHOLD) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream: rt.io.progress, format: 'Verifying {bar} {value}/{total} entries', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
