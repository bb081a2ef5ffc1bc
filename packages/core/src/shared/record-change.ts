import { appendAudit } from '../audit/audit.service.js';
import type { AuditSummary } from '../audit/audit.tables.js';
import type { Tx } from '../db/client.js';
import { enqueueEvent } from '../events/outbox.js';
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
