import type { AeoAdministrationAction } from '@aeolus/contracts';
import type { DecisionAction } from './case-actions.js';

/**
 * Turns a decision form's fields into the request body the API takes, or names the fields to fix
 * first. The browser's checks only spare a round trip; the server validates the same body again.
 */

export interface DecisionValues {
  reason: string;
  question: string;
  days: string;
  visitDate: string;
  reportSummary: string;
  recommendation: string;
  category: string;
  /** One reason per line. */
  reasons: string;
  grounds: string;
  outcome: string;
}

export const EMPTY_DECISION: DecisionValues = {
  reason: '',
  question: '',
  days: '',
  visitDate: '',
  reportSummary: '',
  recommendation: '',
  category: '',
  reasons: '',
  grounds: '',
  outcome: '',
};

export type DecisionProblem = 'required' | 'days' | 'date' | 'choice';

export type DecisionResult =
  | { ok: true; body: AeoAdministrationAction }
  | { ok: false; problems: Partial<Record<keyof DecisionValues, DecisionProblem>> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Which fields each action's form shows, in order. */
export const DECISION_FIELDS: Record<DecisionAction, (keyof DecisionValues)[]> = {
  accept: [],
  return_incomplete: ['reason'],
  request_information: ['question'],
  extend_deadline: ['days', 'reason'],
  plan_visit: ['visitDate'],
  record_visit: ['reportSummary', 'recommendation'],
  grant: ['category'],
  refuse: ['reasons'],
  suspend: ['grounds'],
  reinstate: ['reason'],
  revoke: ['grounds'],
  decide_appeal: ['outcome', 'reason'],
};

export function buildDecision(
  action: DecisionAction,
  values: DecisionValues,
  limits: { extensionDaysLeft: number; categories: readonly string[] },
): DecisionResult {
  const problems: Partial<Record<keyof DecisionValues, DecisionProblem>> = {};
  const text = (field: keyof DecisionValues) => {
    const value = values[field].trim();
    if (!value) problems[field] = 'required';
    return value;
  };
  const oneOf = <T extends string>(field: keyof DecisionValues, options: readonly T[]): T => {
    const value = values[field] as T;
    if (!options.includes(value)) problems[field] = values[field] ? 'choice' : 'required';
    return value;
  };
  const body = ((): AeoAdministrationAction => {
    switch (action) {
      case 'accept':
        return { type: 'accept' };
      case 'return_incomplete':
        return { type: 'return_incomplete', reason: text('reason') };
      case 'request_information':
        return { type: 'request_information', question: text('question') };
      case 'extend_deadline': {
        const days = Number(values.days);
        if (!Number.isInteger(days) || days < 1 || days > limits.extensionDaysLeft) problems.days = 'days';
        return { type: 'extend_deadline', days, reason: text('reason') };
      }
      case 'plan_visit':
        if (!ISO_DATE.test(values.visitDate)) problems.visitDate = values.visitDate ? 'date' : 'required';
        return { type: 'plan_visit', visitDate: values.visitDate };
      case 'record_visit':
        return {
          type: 'record_visit',
          reportSummary: text('reportSummary'),
          recommendation: oneOf('recommendation', ['grant', 'grant_with_conditions', 'refuse'] as const),
        };
      case 'grant':
        return { type: 'grant', category: oneOf('category', limits.categories) };
      case 'refuse': {
        const reasons = values.reasons
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean);
        if (reasons.length === 0) problems.reasons = 'required';
        return { type: 'refuse', reasons };
      }
      case 'suspend':
        return { type: 'suspend', grounds: text('grounds') };
      case 'reinstate':
        return { type: 'reinstate', reason: text('reason') };
      case 'revoke':
        return { type: 'revoke', grounds: text('grounds') };
      case 'decide_appeal':
        return {
          type: 'decide_appeal',
          outcome: oneOf('outcome', ['upheld', 'overturned'] as const),
          reason: text('reason'),
        };
      default:
        return action satisfies never;
    }
  })();
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}
