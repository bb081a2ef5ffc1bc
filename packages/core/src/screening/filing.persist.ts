import type { FilingRejection, Lane } from '@aeolus/contracts';
import type { Tx } from '../db/client.js';
import { enqueueEvents, type NewEvent } from '../events/outbox.js';
import type { Actor } from '../identity/actor.js';
import { recordChange } from '../shared/record-change.js';
import type { Screened } from './screening.evaluate.js';
import * as repo from './screening.repository.js';
import type { ScreeningContext } from './screening-context.js';
import { applyCapacity, officeDay } from './selectivity.js';

/**
 * The write half of a filing, inside its transaction: office capacity (the office-day counters locked),
 * then the parties first seen, the batch, its results, one audit entry for the batch and one event per
 * result — a fixed number of statements whatever the batch size.
 */

const EVENT_CHUNK = 4_000;

export interface Persist {
  context: ScreeningContext;
  filerOrganisationId: string;
  batchId: string;
  receivedAt: Date;
  screened: Screened[];
  rejected: FilingRejection[];
  newParties: string[];
  format: 'single' | 'json' | 'ndjson';
  firstIndex: number;
  itemCount: number;
  idempotencyKey: string | null;
}

export async function persist(tx: Tx, actor: Actor, p: Persist): Promise<void> {
  const { context } = p;
  const administrationId = context.administrationId;
  const capacities = new Map(context.settings.officeCapacities.map((c) => [c.office, c.dailyRedCapacity]));
  const offices = [
    ...new Set(
      p.screened
        .filter((s) => s.decision.lane === 'red' && s.office !== null && capacities.has(s.office))
        .map((s) => s.office!),
    ),
  ];
  if (offices.length > 0) {
    const day = officeDay(p.receivedAt, context.settings.timeZone);
    const used = await repo.lockOfficeUsage(tx, { administrationId, day, offices });
    const capacity = applyCapacity({
      candidates: p.screened.map((s) => ({
        lane: s.decision.lane,
        score: s.decision.score,
        office: s.office,
        exempt: s.decision.mandatoryRed ? 'rule' : s.decision.randomlySelected ? 'random' : null,
      })),
      capacities,
      used,
      day,
    });
    for (const [i, step] of capacity.steps) {
      const decision = p.screened[i]!.decision;
      decision.steps.push(step);
      if (capacity.downgraded.has(i)) {
        decision.lane = 'yellow';
        p.screened[i]!.downgraded = true;
      }
    }
    await repo.addOfficeUsage(tx, { administrationId, day, added: capacity.added });
  }

  await repo.insertParties(tx, administrationId, p.newParties);
  await repo.insertBatch(tx, {
    id: p.batchId,
    administrationId,
    filerOrganisationId: p.filerOrganisationId,
    receivedAt: p.receivedAt,
    format: p.format,
    itemCount: p.itemCount,
    acceptedCount: p.screened.length,
    rejected: p.rejected,
    firstIndex: p.firstIndex,
    idempotencyKey: p.idempotencyKey,
    actorLabel: actor.label,
    requestId: actor.requestId ?? null,
  });
  const rows: repo.NewResult[] = p.screened.map((s) => ({
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
    explanation: { evaluation: s.evaluation, rawScore: s.decision.rawScore, steps: s.decision.steps },
    aeoFacts: s.aeoFacts,
    isAeo: s.isAeo,
    randomDraw: s.draw,
    randomlySelected: s.decision.randomlySelected,
    capacityDowngraded: s.downgraded,
  }));
  await repo.insertResults(
    tx,
    {
      administrationId,
      batchId: p.batchId,
      filerOrganisationId: p.filerOrganisationId,
      receivedAt: p.receivedAt,
      ruleSetVersionId: context.version.id,
      ruleSetId: context.version.ruleSetId,
      ruleSetVersion: context.version.version,
      policyRevision: context.policyRevision,
      watchListsRevision: context.watchListsRevision,
    },
    rows,
  );

  const lanes: Record<Lane, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
  for (const row of rows) lanes[row.lane as Lane]++;
  // One audit entry per batch (the audit chain serialises writers); one event per result.
  await recordChange(tx, actor, {
    action: 'screening.batch.filed',
    subjectType: 'screening_batch',
    subjectId: p.batchId,
    organisationId: p.filerOrganisationId,
    summary: {
      after: {
        administrationId,
        format: p.format,
        items: p.itemCount,
        accepted: rows.length,
        rejected: p.rejected.length,
        lanes,
        ruleSetVersionId: context.version.id,
      },
    },
    event: { batchId: p.batchId, administrationId, accepted: rows.length, rejected: p.rejected.length },
  });
  const events: NewEvent[] = rows.map((row) => ({
    type: 'screening.consignment.screened',
    organisationId: administrationId,
    subjectType: 'screening_result',
    subjectId: row.id,
    payload: {
      resultId: row.id,
      batchId: p.batchId,
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
    requestId: actor.requestId ?? null,
  }));
  for (let start = 0; start < events.length; start += EVENT_CHUNK) {
    await enqueueEvents(tx, events.slice(start, start + EVENT_CHUNK));
  }
}
