import { AEO_VALIDATION_WORK_STATES, type AeoApplicationDetail } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { allowedFromConflict, DECISION_ACTIONS, needsConfirmation, offeredWork } from './case-actions.js';

type Case = Pick<AeoApplicationDetail, 'status' | 'allowedActions' | 'monitoringReports'>;
const report = (reviewStatus: 'open' | 'closed') => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'premises' as const,
  description: 'A second warehouse',
  reportedAt: '2026-01-01T00:00:00.000Z',
  reviewStatus,
  outcome: null,
});
const kase = (over: Partial<Case>): Case => ({
  status: 'submitted',
  allowedActions: [],
  monitoringReports: [],
  ...over,
});

describe('offeredWork', () => {
  it('offers the workflow steps the case allows, in display order, and never operator steps', () => {
    const offered = offeredWork(
      kase({
        status: 'submitted',
        allowedActions: ['request_information', 'return_incomplete', 'accept', 'withdraw'],
      }),
      true,
    );
    expect(offered.actions).toEqual(['accept', 'return_incomplete', 'request_information']);
  });

  it('offers only the deadline extension while the operator owes information', () => {
    // What the server sends for an administration on an accepted case with an open request.
    const offered = offeredWork(kase({ status: 'under_review', allowedActions: ['extend_deadline'] }), true);
    expect(offered.actions).toEqual(['extend_deadline']);
    expect(offered.plan).toBe(true); // preparing the visit does not wait for the answer
  });

  it.each([
    ['submitted', { plan: false, checklist: false, correctiveAction: false }],
    ['under_review', { plan: true, checklist: true, correctiveAction: true }],
    ['visit_planned', { plan: true, checklist: true, correctiveAction: true }],
    ['visit_recorded', { plan: false, checklist: true, correctiveAction: true }],
    ['granted', { plan: false, checklist: false, correctiveAction: true }],
    ['suspended', { plan: false, checklist: false, correctiveAction: true }],
    ['refused', { plan: false, checklist: false, correctiveAction: false }],
  ] as const)('validation work offered while %s follows the published states', (status, expected) => {
    expect(offeredWork(kase({ status }), true)).toMatchObject(expected);
    expect(AEO_VALIDATION_WORK_STATES.plan_validation.includes(status as never)).toBe(expected.plan);
  });

  it('offers closing a review only while one is open', () => {
    expect(
      offeredWork(kase({ status: 'granted', monitoringReports: [report('closed')] }), true).closeReview,
    ).toBe(false);
    expect(
      offeredWork(kase({ status: 'granted', monitoringReports: [report('closed'), report('open')] }), true)
        .closeReview,
    ).toBe(true);
  });

  it('offers nothing to someone who may read but not validate (an administration admin)', () => {
    const offered = offeredWork(
      kase({ status: 'granted', allowedActions: ['suspend', 'revoke'], monitoringReports: [report('open')] }),
      false,
    );
    expect(offered).toEqual({
      actions: [],
      plan: false,
      checklist: false,
      correctiveAction: false,
      closeReview: false,
    });
  });
});

describe('confirmation and conflicts', () => {
  it('confirms decisions with legal effect, not routine steps', () => {
    expect(DECISION_ACTIONS.filter(needsConfirmation)).toEqual([
      'return_incomplete',
      'grant',
      'refuse',
      'reinstate',
      'suspend',
      'revoke',
      'decide_appeal',
    ]);
  });

  it('reads the allowed actions a 409 lists, keeping only administration steps', () => {
    expect(
      allowedFromConflict({
        state: 'under_review',
        allowedActions: ['withdraw', 'extend_deadline', 'answer_information'],
      }),
    ).toEqual(['extend_deadline']);
    expect(allowedFromConflict({ state: 'granted', allowedStates: ['under_review'] })).toBeUndefined();
    expect(allowedFromConflict(undefined)).toBeUndefined();
  });
});
