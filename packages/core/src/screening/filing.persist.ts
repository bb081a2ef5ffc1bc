import type { FilingRejection, Lane } from '@aeolus/contracts';
import { appendAudit } from '../audit/audit.service.js';
import type { Tx } from '../db/client.js';
import { enqueueEvents, type NewEvent } from '../events/outbox.js';
import type { Actor } from '../identity/actor.js';
import { capacityCandidate, type Screened } from './screening.evaluate.js';
import * as repo from './screening.repository.js';
import type { ScreeningContext } from './screening-context.js';
import { applyCapacity, officeDay } from './selectivity.js';

/**
 * The write half of a filing, inside its transaction: the parties first seen, the batches, the results
 * that office capacity cannot change, then office capacity (the office-day counters locked) and the red
 * selections it decides, one audit entry and one event per batch and per result — a fixed number of
 * statements whatever the number of requests and consignments.
 */

const EVENT_CHUNK = 4_000;

/** One filing request: a batch of its own (its row, its receipt, its idempotency key). */
export interface PersistBatch {
  /** The request's actor: its label and request id go on the batch row and its events. */
  actor: Actor;
  batchId: string;
  screened: Screened[];
  rejected: FilingRejection[];
  format: 'single' | 'json' | 'ndjson' | 'csv';
  firstIndex: number;
  itemCount: number;
  idempotencyKey: string | null;
}

/** Requests of one filer screened together (one request, or concurrent single filings grouped). */
export interface Persist {
  context: ScreeningContext;
  filerOrganisationId: string;
  receivedAt: Date;
  newParties: string[];
  batches: PersistBatch[];
}

/** The stored row of a screened consignment (the filing and the demo history write the same rows). */
export function toNewResult(s: Screened): repo.NewResult {
  return {
    id: s.resultId,
    batchIndex: s.item.index,
    reference: s.item.reference,
    transportDocument: s.item.transportDocument,
    mode: s.item.consignment.modeOfTransport,
    dataset: s.item.consignment.dataset,
    office: s.office,
    consignment: s.item.consignment,
    lane: s.decision.lane,
    score: s.decision.score,
    referrals: s.evaluation.referrals,
    firedRuleIds: s.evaluation.fired.map((f) => f.ruleId),
    explanation: {
      evaluation: s.evaluation,
      rawScore: s.decision.rawScore,
      steps: s.decision.steps,
      facts: s.facts,
    },
    aeoFacts: s.aeoFacts,
    isAeo: s.isAeo,
    filingMarginHours: s.filingMarginHours,
    randomDraw: s.draw,
    randomlySelected: s.decision.randomlySelected,
    capacityDowngraded: s.downgraded,
  };
}

/**
 * Writes the requests of a group in the caller's transaction with one statement per table whatever the
 * number of requests and consignments: each request keeps its own batch row and `screening.batch.filed`
 * event, as if filed alone; the group gets one audit entry (ADR 0003's bulk rule: the audit chain's lock
 * serialises audited writers, so an entry per request would serialise every filing behind it).
 */
export async function persist(tx: Tx, actor: Actor, p: Persist): Promise<void> {
  const { context } = p;
  const administrationId = context.administrationId;
  const screened = p.batches.flatMap((b) => b.screened);
  const capacities = new Map(context.settings.officeCapacities.map((c) => [c.office, c.dailyRedCapacity]));
  /** Red selections at an office with a daily capacity: decided under that office's lock, below. */
  const bound = screened.filter(
    (s) => s.decision.lane === 'red' && s.office !== null && capacities.has(s.office),
  );
  const isBound = new Set(bound);

  const columns: repo.ResultBatchColumns = {
    administrationId,
    filerOrganisationId: p.filerOrganisationId,
    receivedAt: p.receivedAt,
    ruleSetVersionId: context.version.id,
    ruleSetId: context.version.ruleSetId,
    ruleSetVersion: context.version.version,
    policyRevision: context.policyRevision,
    watchListsRevision: context.watchListsRevision,
  };
  /** Each result's row, made once its decision is final (for the insert, then for the events). */
  const stored = new Map<Screened, repo.NewResult>();
  const rowsOf = (keep: (s: Screened) => boolean) =>
    p.batches.flatMap((b) =>
      b.screened.filter(keep).map((s) => {
        const row = toNewResult(s);
        stored.set(s, row);
        return { ...row, batchId: b.batchId };
      }),
    );
  // The parties, the batch rows and the results that capacity cannot change are stored first, before the
  // office-day counters are locked: the lock serialises the filings of an administration until they
  // commit, so it is held only around the few red selections it decides, not around storing the batch.
  // Sent now; what follows is sent behind it without waiting for its answer (db/pipeline.ts). If it fails,
  // its error is the one thrown: it is answered before the statements the failure then aborts.
  const filing = repo.insertFiling(tx, {
    administrationId,
    newParties: p.newParties,
    batches: p.batches.map((b) => ({
      id: b.batchId,
      administrationId,
      filerOrganisationId: p.filerOrganisationId,
      receivedAt: p.receivedAt,
      format: b.format,
      itemCount: b.itemCount,
      acceptedCount: b.screened.length,
      rejected: b.rejected,
      firstIndex: b.firstIndex,
      idempotencyKey: b.idempotencyKey,
      actorLabel: b.actor.label,
      requestId: b.actor.requestId ?? null,
    })),
    common: columns,
    results: rowsOf((s) => !isBound.has(s)),
  });
  // Capacity, the audit entry and the events, sent behind the filing's statement.
  const rest = async () => {
    if (bound.length > 0) {
      const offices = [...new Set(bound.map((s) => s.office!))];
      const day = officeDay(p.receivedAt, context.settings.timeZone);
      const used = await repo.lockOfficeUsage(tx, { administrationId, day, offices });
      const capacity = applyCapacity({ candidates: bound.map(capacityCandidate), capacities, used, day });
      for (const [i, step] of capacity.steps) {
        const decision = bound[i]!.decision;
        decision.steps.push(step);
        if (capacity.downgraded.has(i)) {
          decision.lane = 'yellow';
          bound[i]!.downgraded = true;
        }
      }
      await repo.addOfficeUsage(tx, { administrationId, day, added: capacity.added });
      await repo.insertResults(
        tx,
        columns,
        rowsOf((s) => isBound.has(s)),
      );
    }
    const rows = p.batches.map((b) => b.screened.map((s) => stored.get(s)!));

    const summaries = p.batches.map((b, i) => {
      const lanes: Record<Lane, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
      for (const row of rows[i]!) lanes[row.lane as Lane]++;
      return {
        batchId: b.batchId,
        format: b.format,
        items: b.itemCount,
        accepted: b.screened.length,
        rejected: b.rejected.length,
        lanes,
        ...(p.batches.length > 1 ? { requestId: b.actor.requestId ?? null } : {}),
      };
    });
    const { batchId: onlyBatchId, ...only } = summaries[0]!;
    await appendAudit(tx, actor, {
      action: 'screening.batch.filed',
      subjectType: 'screening_batch',
      // A group of concurrent single filings: one entry naming every batch (and its request) in the summary.
      subjectId: summaries.length === 1 ? onlyBatchId : null,
      organisationId: p.filerOrganisationId,
      summary: {
        after:
          summaries.length === 1
            ? { administrationId, ...only, ruleSetVersionId: context.version.id }
            : { administrationId, batches: summaries, ruleSetVersionId: context.version.id },
      },
    });
    const events: NewEvent[] = [];
    p.batches.forEach((b, i) => {
      const requestId = b.actor.requestId ?? null;
      events.push({
        type: 'screening.batch.filed',
        organisationId: p.filerOrganisationId,
        subjectType: 'screening_batch',
        subjectId: b.batchId,
        payload: {
          batchId: b.batchId,
          administrationId,
          accepted: b.screened.length,
          rejected: b.rejected.length,
        },
        requestId,
      });
      for (const row of rows[i]!) {
        events.push({
          type: 'screening.consignment.screened',
          organisationId: administrationId,
          subjectType: 'screening_result',
          subjectId: row.id,
          payload: {
            resultId: row.id,
            batchId: b.batchId,
            reference: row.reference,
            filerOrganisationId: p.filerOrganisationId,
            mode: row.mode,
            office: row.office,
            lane: row.lane,
            score: row.score,
            referrals: row.referrals,
            isAeo: row.isAeo,
            ruleSetVersionId: context.version.id,
          },
          requestId,
        });
      }
    });
    for (let start = 0; start < events.length; start += EVENT_CHUNK) {
      await enqueueEvents(tx, events.slice(start, start + EVENT_CHUNK));
    }
  };
  await Promise.all([filing, rest()]);
}
