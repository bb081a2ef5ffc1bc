import { describe, expect, it } from 'vitest';
import { DECISION_ACTIONS } from './case-actions.js';
import { buildDecision, DECISION_FIELDS, type DecisionValues, EMPTY_DECISION } from './decision-body.js';

const limits = { extensionDaysLeft: 60, categories: ['S', 'C', 'F'] };
const values = (over: Partial<DecisionValues>): DecisionValues => ({ ...EMPTY_DECISION, ...over });

describe('buildDecision', () => {
  it('builds the body each action takes', () => {
    expect(buildDecision('accept', EMPTY_DECISION, limits)).toEqual({ ok: true, body: { type: 'accept' } });
    expect(
      buildDecision('request_information', values({ question: '  Send the seal register. ' }), limits),
    ).toEqual({
      ok: true,
      body: { type: 'request_information', question: 'Send the seal register.' },
    });
    expect(buildDecision('extend_deadline', values({ days: '14', reason: 'Visit moved' }), limits)).toEqual({
      ok: true,
      body: { type: 'extend_deadline', days: 14, reason: 'Visit moved' },
    });
    expect(buildDecision('refuse', values({ reasons: 'No audit trail\n\n  Insolvent \n' }), limits)).toEqual({
      ok: true,
      body: { type: 'refuse', reasons: ['No audit trail', 'Insolvent'] },
    });
    expect(buildDecision('grant', values({ category: 'F' }), limits)).toEqual({
      ok: true,
      body: { type: 'grant', category: 'F' },
    });
    expect(
      buildDecision('decide_appeal', values({ outcome: 'overturned', reason: 'New evidence' }), limits),
    ).toEqual({ ok: true, body: { type: 'decide_appeal', outcome: 'overturned', reason: 'New evidence' } });
  });

  it('names every field to fix, and only those', () => {
    expect(buildDecision('record_visit', values({ reportSummary: ' ' }), limits)).toEqual({
      ok: false,
      problems: { reportSummary: 'required', recommendation: 'required' },
    });
    expect(buildDecision('grant', values({ category: 'X' }), limits)).toEqual({
      ok: false,
      problems: { category: 'choice' },
    });
    expect(buildDecision('plan_visit', values({ visitDate: '03/02/2026' }), limits)).toEqual({
      ok: false,
      problems: { visitDate: 'date' },
    });
  });

  it.each(['0', '61', '2.5', '', 'ten'])('refuses %j extension days when 60 are left', (days) => {
    expect(buildDecision('extend_deadline', values({ days, reason: 'r' }), limits)).toEqual({
      ok: false,
      problems: { days: 'days' },
    });
  });

  it('every field an action needs is one its form shows', () => {
    for (const action of DECISION_ACTIONS) {
      const result = buildDecision(action, EMPTY_DECISION, { extensionDaysLeft: 60, categories: [] });
      const asked = result.ok ? [] : Object.keys(result.problems);
      expect(DECISION_FIELDS[action], action).toEqual(expect.arrayContaining(asked));
    }
  });
});
