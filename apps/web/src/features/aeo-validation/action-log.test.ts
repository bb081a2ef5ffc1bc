import { describe, expect, it } from 'vitest';
import { describePayload } from './action-log.js';

const C1 = '00000000-0000-4000-8000-0000000000c1';

describe('describePayload', () => {
  it('shows what a person needs from each kind of entry, in a stable order', () => {
    expect(describePayload('extend_deadline', { days: 14, reason: 'Visit moved' })).toEqual([
      { kind: 'days', value: 14 },
      { kind: 'text', field: 'reason', value: 'Visit moved' },
    ]);
    expect(describePayload('record_visit', { reportSummary: 'All met', recommendation: 'grant' })).toEqual([
      { kind: 'recommendation', value: 'grant' },
      { kind: 'text', field: 'reportSummary', value: 'All met' },
    ]);
    expect(describePayload('refuse', { reasons: ['No audit trail', '', 7] })).toEqual([
      { kind: 'reasons', values: ['No audit trail'] },
    ]);
    expect(
      describePayload('request_corrective_action', {
        correctiveActionId: C1,
        description: 'Fix',
        dueOn: '2099-01-31',
      }),
    ).toEqual([
      { kind: 'text', field: 'description', value: 'Fix' },
      { kind: 'date', field: 'dueOn', value: '2099-01-31' },
    ]);
  });

  it('reads an appeal outcome as a decision, a review outcome as text', () => {
    expect(describePayload('decide_appeal', { outcome: 'upheld', reason: 'Grounds not proven' })).toEqual([
      { kind: 'appealOutcome', value: 'upheld' },
      { kind: 'text', field: 'reason', value: 'Grounds not proven' },
    ]);
    expect(describePayload('close_review', { reportId: C1, outcome: 'Desk check done' })).toEqual([
      { kind: 'text', field: 'outcome', value: 'Desk check done' },
    ]);
  });

  it('summarises the plan and checklist results per criterion', () => {
    expect(
      describePayload('plan_validation', {
        items: [{ criterionId: C1, onSite: true, reason: 'Yard flagged' }, { onSite: true }],
      }),
    ).toEqual([{ kind: 'plan', items: [{ criterionId: C1, onSite: true, reason: 'Yard flagged' }] }]);
    expect(
      describePayload('record_checklist', {
        results: [
          { criterionId: C1, result: 'partly_met' },
          { criterionId: C1, result: 'excellent' },
        ],
      }),
    ).toEqual([{ kind: 'checklist', results: [{ criterionId: C1, result: 'partly_met' }] }]);
  });

  it('leaves out identifiers, markers and malformed values', () => {
    expect(describePayload('submit', { demo: true })).toEqual([]);
    expect(describePayload('grant', { category: '' })).toEqual([]);
    expect(describePayload('record_visit', { recommendation: 'maybe' })).toEqual([]);
    expect(
      describePayload('report_change', { reportId: C1, kind: 'premises', description: 'Venlo' }),
    ).toEqual([
      { kind: 'monitoringKind', value: 'premises' },
      { kind: 'text', field: 'description', value: 'Venlo' },
    ]);
  });
});
