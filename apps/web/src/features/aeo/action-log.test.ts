import { describe, expect, it } from 'vitest';
import { describePayload as describeWith, OPERATOR_LOG_ORDER, VALIDATOR_LOG_ORDER } from './action-log.js';

const C1 = '00000000-0000-4000-8000-0000000000c1';
const describePayload = (type: string, payload: Record<string, unknown>) =>
  describeWith(type, payload, VALIDATOR_LOG_ORDER);

describe('describePayload in the validator order', () => {
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

describe('describePayload in the operator order', () => {
  const entry = (type: string, payload: Record<string, unknown>) => ({ type, payload });
  const operatorDetails = ({ type, payload }: { type: string; payload: Record<string, unknown> }) =>
    describeWith(type, payload, OPERATOR_LOG_ORDER);

  it('turns payloads into labelled details, leaving out ids, markers and malformed values', () => {
    expect(operatorDetails(entry('submit', { demo: true }))).toEqual([]);
    expect(operatorDetails(entry('extend_deadline', { days: 20, reason: 'Complex case' }))).toEqual([
      { kind: 'days', value: 20 },
      { kind: 'text', field: 'reason', value: 'Complex case' },
    ]);
    expect(
      operatorDetails(entry('report_change', { reportId: 'x', kind: 'premises', description: 'Venlo' })),
    ).toEqual([
      { kind: 'monitoringKind', value: 'premises' },
      { kind: 'text', field: 'description', value: 'Venlo' },
    ]);
    expect(
      operatorDetails(entry('decide_appeal', { outcome: 'overturned', reason: 'New evidence' })),
    ).toEqual([
      { kind: 'appealOutcome', value: 'overturned' },
      { kind: 'text', field: 'reason', value: 'New evidence' },
    ]);
    expect(operatorDetails(entry('close_review', { reportId: 'x', outcome: 'Premises added' }))).toEqual([
      { kind: 'text', field: 'outcome', value: 'Premises added' },
    ]);
    expect(
      operatorDetails(
        entry('record_checklist', {
          results: [{ criterionId: 'c1', result: 'met' }, { criterionId: 'c2', result: 'maybe' }, null],
        }),
      ),
    ).toEqual([{ kind: 'checklist', results: [{ criterionId: 'c1', result: 'met' }] }]);
    expect(
      operatorDetails(entry('record_visit', { reportSummary: 'All fine', recommendation: 'grant' })),
    ).toEqual([
      { kind: 'recommendation', value: 'grant' },
      { kind: 'text', field: 'reportSummary', value: 'All fine' },
    ]);
  });

  it("puts a corrective action's due date before its description, and leaves the plan out", () => {
    expect(
      operatorDetails(
        entry('request_corrective_action', {
          correctiveActionId: C1,
          description: 'Fix',
          dueOn: '2099-01-31',
        }),
      ),
    ).toEqual([
      { kind: 'date', field: 'dueOn', value: '2099-01-31' },
      { kind: 'text', field: 'description', value: 'Fix' },
    ]);
    expect(operatorDetails(entry('plan_validation', { items: [{ criterionId: C1, onSite: true }] }))).toEqual(
      [],
    );
  });
});
