import { appendAudit } from '../audit/audit.service.js';
import type { AuditSummary } from '../audit/audit.tables.js';
import type { Tx } from '../db/client.js';
import { enqueueEvent, enqueueEvents } from '../events/outbox.js';
import type { Actor } from '../identity/actor.js';
import { actorOrganisationId } from '../identity/actor.js';

export interface Change {
  /** Audit action and event type, e.g. `api_key.created`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  organisationId?: string | null;
  summary?: AuditSummary;
  /** The outbound event's payload; `false` records an audit entry only (e.g. a sign-in). */
  event?: Record<string, unknown> | false;
}

/**
 * The audit entry and the outbound event of a state change, written in the caller's transaction
 * ("nothing acknowledged is lost": state, audit and event commit together).
 */
export async function recordChange(tx: Tx, actor: Actor, change: Change): Promise<void> {
  const organisationId =
    change.organisationId === undefined ? actorOrganisationId(actor) : change.organisationId;
  await appendAudit(tx, actor, {
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    summary: change.summary,
    organisationId,
  });
  if (change.event !== false) {
    await enqueueEvent(tx, {
      type: change.action,
      organisationId,
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      payload: change.event ?? {},
      requestId: actor.requestId ?? null,
    });
  }
}

/**
 * A bulk operation's changes (ADR 0003): one audit entry summarising the batch — the audit chain's lock
 * serialises every audited write, so an entry per row would serialise the whole import behind it — and
 * every change's own outbound event, so subscribers see each one exactly as if it were made alone.
 */
export async function recordBatch(
  tx: Tx,
  actor: Actor,
  batch: { audit: Omit<Change, 'event'>; changes: readonly Change[] },
): Promise<void> {
  const organisationId =
    batch.audit.organisationId === undefined ? actorOrganisationId(actor) : batch.audit.organisationId;
  await appendAudit(tx, actor, {
    action: batch.audit.action,
    subjectType: batch.audit.subjectType,
    subjectId: batch.audit.subjectId,
    summary: batch.audit.summary,
    organisationId,
  });
  await enqueueEvents(
    tx,
    batch.changes
      .filter((change) => change.event !== false)
      .map((change) => ({
        type: change.action,
        organisationId:
          change.organisationId === undefined ? actorOrganisationId(actor) : change.organisationId,
        subjectType: change.subjectType,
        subjectId: change.subjectId,
        payload: change.event || {},
        requestId: actor.requestId ?? null,
      })),
  );
}
