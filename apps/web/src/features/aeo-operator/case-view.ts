import type { AeoApplicationDetail, AeoApplicationSummary } from '@aeolus/contracts';
import { isText } from '../aeo/action-log.js';

/**
 * The operator's reading of a case: what the action log says (the open information request, why it was
 * returned or refused, when it was submitted) and what may be done now (the log's details and the clocks
 * are read in `features/aeo/`). The log is append-only and its
 * payloads are stored as given, so every field is checked before it is used.
 */

type Entry = AeoApplicationDetail['actions'][number];

/** The newest entry of a type. */
export function latestEntry(detail: Pick<AeoApplicationDetail, 'actions'>, type: string): Entry | undefined {
  return detail.actions.findLast((entry) => entry.type === type);
}

/** A text field of the newest entry of a type (the reason of the last return, the last question …). */
export function latestPayloadText(
  detail: Pick<AeoApplicationDetail, 'actions'>,
  type: string,
  field: string,
): string | null {
  const value = latestEntry(detail, type)?.payload[field];
  return isText(value) ? value : null;
}

/** When the application was last submitted (a returned one is submitted again). */
export function submittedAt(detail: Pick<AeoApplicationDetail, 'actions'>): string | null {
  return latestEntry(detail, 'submit')?.at ?? null;
}

/** The question customs is waiting for an answer to, while the clock is stopped. */
export function openInformationRequest(
  detail: Pick<AeoApplicationDetail, 'actions' | 'awaitingInformation'>,
): { question: string; at: string } | null {
  if (!detail.awaitingInformation) return null;
  const entry = latestEntry(detail, 'request_information');
  const question = entry?.payload.question;
  return entry && isText(question) ? { question, at: entry.at } : null;
}

/** Why the application was refused, or why the status was suspended or revoked: what an appeal answers. */
export function decisionGrounds(detail: Pick<AeoApplicationDetail, 'actions' | 'status'>): string[] {
  switch (detail.status) {
    case 'refused': {
      const reasons = latestEntry(detail, 'refuse')?.payload.reasons;
      return Array.isArray(reasons) ? reasons.filter(isText) : [];
    }
    case 'suspended':
    case 'revoked': {
      const grounds = latestEntry(detail, detail.status === 'suspended' ? 'suspend' : 'revoke')?.payload
        .grounds;
      return isText(grounds) ? [grounds] : [];
    }
    default:
      return [];
  }
}

/** A holder reports changes while it holds (or appeals about) a certificate (EU DA Art. 16). */
export function canReportChange(detail: Pick<AeoApplicationDetail, 'status' | 'certificate'>): boolean {
  return detail.certificate !== null && ['granted', 'suspended', 'under_appeal'].includes(detail.status);
}

/** Applications that are not closed; an operator holds at most one per programme. */
export function isLive(summary: Pick<AeoApplicationSummary, 'status'>): boolean {
  return !['withdrawn', 'refused', 'revoked'].includes(summary.status);
}
