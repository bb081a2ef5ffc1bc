import { CHECKLIST_RESULTS, MONITORING_REPORT_KINDS } from '@aeolus/contracts';

/**
 * The case's append-only action log, read for people (by the operator and by the validator): each
 * entry's payload becomes labelled details (the reason, the question, the days added …). Only fields a
 * person needs are read; identifiers (report ids, a demo marker) are left out. Payloads are stored as
 * given, so each field is checked before it is shown: an entry written by an older version never breaks
 * the page. Each side chooses which details it shows and in which order (`order`).
 */

export type LogTextField =
  | 'question'
  | 'answer'
  | 'reason'
  | 'grounds'
  | 'reportSummary'
  | 'outcome'
  | 'description';
export type Recommendation = 'grant' | 'refuse' | 'grant_with_conditions';
type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];
type MonitoringKind = (typeof MONITORING_REPORT_KINDS)[number];

export type LogDetail =
  | { kind: 'text'; field: LogTextField; value: string }
  | { kind: 'days'; value: number }
  | { kind: 'date'; field: 'visitDate' | 'dueOn'; value: string }
  | { kind: 'recommendation'; value: Recommendation }
  | { kind: 'category'; value: string }
  | { kind: 'reasons'; values: string[] }
  | { kind: 'appealOutcome'; value: 'upheld' | 'overturned' }
  | { kind: 'monitoringKind'; value: MonitoringKind }
  | { kind: 'plan'; items: { criterionId: string; onSite: boolean; reason: string | null }[] }
  | { kind: 'checklist'; results: { criterionId: string; result: ChecklistResult }[] };

/** A detail's place in a side's order: its kind, or the field for text and dates. */
export type LogDetailKey = Exclude<LogDetail['kind'], 'text' | 'date'> | LogTextField | 'visitDate' | 'dueOn';

const TEXT_FIELDS: readonly LogTextField[] = [
  'question',
  'answer',
  'reason',
  'grounds',
  'reportSummary',
  'outcome',
  'description',
];
const RECOMMENDATIONS: readonly string[] = ['grant', 'refuse', 'grant_with_conditions'];

export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Every detail a payload carries, by key. */
function readPayload(
  type: string,
  payload: Record<string, unknown>,
): Partial<Record<LogDetailKey, LogDetail>> {
  const found: Partial<Record<LogDetailKey, LogDetail>> = {};
  if (type === 'report_change' && (MONITORING_REPORT_KINDS as readonly unknown[]).includes(payload.kind)) {
    found.monitoringKind = { kind: 'monitoringKind', value: payload.kind as MonitoringKind };
  }
  if (isText(payload.category)) found.category = { kind: 'category', value: payload.category };
  if (typeof payload.days === 'number') found.days = { kind: 'days', value: payload.days };
  if (isText(payload.visitDate))
    found.visitDate = { kind: 'date', field: 'visitDate', value: payload.visitDate };
  if (isText(payload.dueOn)) found.dueOn = { kind: 'date', field: 'dueOn', value: payload.dueOn };
  if (isText(payload.recommendation) && RECOMMENDATIONS.includes(payload.recommendation)) {
    found.recommendation = { kind: 'recommendation', value: payload.recommendation as Recommendation };
  }
  // An appeal's outcome is a word of the workflow, not free text.
  const isAppealDecision = type === 'decide_appeal';
  if (isAppealDecision && (payload.outcome === 'upheld' || payload.outcome === 'overturned')) {
    found.appealOutcome = { kind: 'appealOutcome', value: payload.outcome };
  }
  for (const field of TEXT_FIELDS) {
    if (field === 'outcome' && isAppealDecision) continue;
    const value = payload[field];
    if (isText(value)) found[field] = { kind: 'text', field, value };
  }
  if (Array.isArray(payload.reasons)) {
    const values = payload.reasons.filter(isText);
    if (values.length > 0) found.reasons = { kind: 'reasons', values };
  }
  if (Array.isArray(payload.items)) {
    const items = payload.items.filter(isRecord).flatMap((item) =>
      isText(item.criterionId)
        ? [
            {
              criterionId: item.criterionId,
              onSite: item.onSite === true,
              reason: isText(item.reason) ? item.reason : null,
            },
          ]
        : [],
    );
    if (items.length > 0) found.plan = { kind: 'plan', items };
  }
  if (Array.isArray(payload.results)) {
    const results = payload.results
      .filter(isRecord)
      .flatMap((r) =>
        isText(r.criterionId) && (CHECKLIST_RESULTS as readonly unknown[]).includes(r.result)
          ? [{ criterionId: r.criterionId, result: r.result as ChecklistResult }]
          : [],
      );
    if (results.length > 0) found.checklist = { kind: 'checklist', results };
  }
  return found;
}

/** The details of one log entry that a side shows, in that side's order; keys not in `order` are left out. */
export function describePayload(
  type: string,
  payload: Record<string, unknown>,
  order: readonly LogDetailKey[],
): LogDetail[] {
  const found = readPayload(type, payload);
  return order.flatMap((key) => {
    const detail = found[key];
    return detail ? [detail] : [];
  });
}

/** The operator's log: what was decided first, then the words given; plans are customs' own working. */
export const OPERATOR_LOG_ORDER: readonly LogDetailKey[] = [
  'category',
  'monitoringKind',
  'days',
  'visitDate',
  'dueOn',
  'recommendation',
  'appealOutcome',
  'question',
  'answer',
  'reason',
  'grounds',
  'reportSummary',
  'outcome',
  'description',
  'reasons',
  'checklist',
];

/** The validator's log: every detail, the validation plan and checklist last. */
export const VALIDATOR_LOG_ORDER: readonly LogDetailKey[] = [
  'monitoringKind',
  'category',
  'visitDate',
  'days',
  'recommendation',
  'appealOutcome',
  'question',
  'answer',
  'reason',
  'grounds',
  'reportSummary',
  'description',
  'outcome',
  'reasons',
  'dueOn',
  'plan',
  'checklist',
];
