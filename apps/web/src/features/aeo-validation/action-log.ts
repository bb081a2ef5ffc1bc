import { CHECKLIST_RESULTS, MONITORING_REPORT_KINDS } from '@aeolus/contracts';

/**
 * The case's append-only action log, read for people: each entry's payload becomes labelled details
 * (the reason, the question, the days added …). Only fields a person needs are shown; identifiers
 * (report ids, a demo marker) are left out. Payloads are stored as given, so each field is checked
 * before it is shown: an entry written by an older version never breaks the page.
 */

export type TextField =
  | 'reason'
  | 'question'
  | 'answer'
  | 'grounds'
  | 'reportSummary'
  | 'outcome'
  | 'description';
export type Recommendation = 'grant' | 'refuse' | 'grant_with_conditions';
type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];
type MonitoringKind = (typeof MONITORING_REPORT_KINDS)[number];

export type LogDetail =
  | { kind: 'text'; field: TextField; value: string }
  | { kind: 'days'; value: number }
  | { kind: 'date'; field: 'visitDate' | 'dueOn'; value: string }
  | { kind: 'recommendation'; value: Recommendation }
  | { kind: 'category'; value: string }
  | { kind: 'reasons'; values: string[] }
  | { kind: 'appealOutcome'; value: 'upheld' | 'overturned' }
  | { kind: 'monitoringKind'; value: MonitoringKind }
  | { kind: 'plan'; items: { criterionId: string; onSite: boolean; reason: string | null }[] }
  | { kind: 'checklist'; results: { criterionId: string; result: ChecklistResult }[] };

const TEXT_FIELDS: readonly TextField[] = [
  'question',
  'answer',
  'reason',
  'grounds',
  'reportSummary',
  'description',
  'outcome',
];
const RECOMMENDATIONS: readonly string[] = ['grant', 'refuse', 'grant_with_conditions'];

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function describePayload(type: string, payload: Record<string, unknown>): LogDetail[] {
  const details: LogDetail[] = [];
  if (type === 'report_change' && (MONITORING_REPORT_KINDS as readonly unknown[]).includes(payload.kind)) {
    details.push({ kind: 'monitoringKind', value: payload.kind as MonitoringKind });
  }
  if (isText(payload.category)) details.push({ kind: 'category', value: payload.category });
  if (isText(payload.visitDate)) details.push({ kind: 'date', field: 'visitDate', value: payload.visitDate });
  if (typeof payload.days === 'number') details.push({ kind: 'days', value: payload.days });
  if (isText(payload.recommendation) && RECOMMENDATIONS.includes(payload.recommendation)) {
    details.push({ kind: 'recommendation', value: payload.recommendation as Recommendation });
  }
  if (type === 'decide_appeal') {
    if (payload.outcome === 'upheld' || payload.outcome === 'overturned') {
      details.push({ kind: 'appealOutcome', value: payload.outcome });
    }
  }
  for (const field of TEXT_FIELDS) {
    if (field === 'outcome' && type === 'decide_appeal') continue;
    const value = payload[field];
    if (isText(value)) details.push({ kind: 'text', field, value });
  }
  if (Array.isArray(payload.reasons)) {
    const values = payload.reasons.filter(isText);
    if (values.length > 0) details.push({ kind: 'reasons', values });
  }
  if (isText(payload.dueOn)) details.push({ kind: 'date', field: 'dueOn', value: payload.dueOn });
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
    if (items.length > 0) details.push({ kind: 'plan', items });
  }
  if (Array.isArray(payload.results)) {
    const results = payload.results
      .filter(isRecord)
      .flatMap((r) =>
        isText(r.criterionId) && (CHECKLIST_RESULTS as readonly unknown[]).includes(r.result)
          ? [{ criterionId: r.criterionId, result: r.result as ChecklistResult }]
          : [],
      );
    if (results.length > 0) details.push({ kind: 'checklist', results });
  }
  return details;
}
