import {
  type AeoApplicationDetail,
  type AeoApplicationSummary,
  CHECKLIST_RESULTS,
  MONITORING_REPORT_KINDS,
} from '@aeolus/contracts';

/**
 * The operator's reading of a case: what the action log says (the open information request, why it was
 * returned or refused, when it was submitted) and what may be done now. The log is append-only and its
 * payloads are stored as given, so every field is checked before it is used.
 */

type Entry = AeoApplicationDetail['actions'][number];
type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];
type MonitoringKind = (typeof MONITORING_REPORT_KINDS)[number];

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

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

export type LogTextField =
  | 'question'
  | 'answer'
  | 'reason'
  | 'grounds'
  | 'reportSummary'
  | 'outcome'
  | 'description';

export type LogDetail =
  | { kind: 'text'; field: LogTextField; value: string }
  | { kind: 'reasons'; values: string[] }
  | { kind: 'days'; value: number }
  | { kind: 'date'; field: 'visitDate' | 'dueOn'; value: string }
  | { kind: 'category'; value: string }
  | { kind: 'monitoringKind'; value: MonitoringKind }
  | { kind: 'recommendation'; value: 'grant' | 'refuse' | 'grant_with_conditions' }
  | { kind: 'appealOutcome'; value: 'upheld' | 'overturned' }
  | { kind: 'results'; values: { criterionId: string; result: ChecklistResult }[] };

const TEXT_FIELDS: readonly LogTextField[] = [
  'question',
  'answer',
  'reason',
  'grounds',
  'reportSummary',
  'outcome',
  'description',
];

/** What a log entry says beyond its type, as labelled details; internal ids and markers are left out. */
export function logDetails(entry: Pick<Entry, 'type' | 'payload'>): LogDetail[] {
  const { payload } = entry;
  const details: LogDetail[] = [];
  if (isText(payload.category)) details.push({ kind: 'category', value: payload.category });
  if ((MONITORING_REPORT_KINDS as readonly unknown[]).includes(payload.kind)) {
    details.push({ kind: 'monitoringKind', value: payload.kind as MonitoringKind });
  }
  if (typeof payload.days === 'number') details.push({ kind: 'days', value: payload.days });
  if (isText(payload.visitDate)) details.push({ kind: 'date', field: 'visitDate', value: payload.visitDate });
  if (isText(payload.dueOn)) details.push({ kind: 'date', field: 'dueOn', value: payload.dueOn });
  if (['grant', 'refuse', 'grant_with_conditions'].includes(payload.recommendation as string)) {
    details.push({ kind: 'recommendation', value: payload.recommendation as 'grant' });
  }
  // An appeal's outcome is a word of the workflow, not free text.
  const isAppealDecision = entry.type === 'decide_appeal';
  if (isAppealDecision && (payload.outcome === 'upheld' || payload.outcome === 'overturned')) {
    details.push({ kind: 'appealOutcome', value: payload.outcome });
  }
  for (const field of TEXT_FIELDS) {
    if (isAppealDecision && field === 'outcome') continue;
    const value = payload[field];
    if (isText(value)) details.push({ kind: 'text', field, value });
  }
  if (Array.isArray(payload.reasons)) {
    const values = payload.reasons.filter(isText);
    if (values.length > 0) details.push({ kind: 'reasons', values });
  }
  if (Array.isArray(payload.results)) {
    const values = payload.results.flatMap((r: unknown) => {
      const item = r as { criterionId?: unknown; result?: unknown } | null;
      return item &&
        isText(item.criterionId) &&
        (CHECKLIST_RESULTS as readonly unknown[]).includes(item.result)
        ? [{ criterionId: item.criterionId, result: item.result as ChecklistResult }]
        : [];
    });
    if (values.length > 0) details.push({ kind: 'results', values });
  }
  return details;
}

type Clock = NonNullable<AeoApplicationDetail['deadlines']['acceptance']>;
export type ClockState = 'running' | 'stopped' | 'overdue' | 'metInTime' | 'endedLate';

/**
 * A statutory clock (EU defaults: acceptance 30 days, decision 120 days, UCC Art. 22) in the words the
 * operator reads: still running, stopped while customs waits for the operator's answer, overdue, or ended.
 */
export function clockState(clock: Pick<Clock, 'endedAt' | 'overdue' | 'stopped'>): ClockState {
  if (clock.endedAt) return clock.overdue ? 'endedLate' : 'metInTime';
  if (clock.overdue) return 'overdue';
  return clock.stopped ? 'stopped' : 'running';
}
