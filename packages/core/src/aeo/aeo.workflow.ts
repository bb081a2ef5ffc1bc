import { AEO_APPLICATION_STATUSES } from '@aeolus/contracts';
import { AppError } from '../errors.js';

/**
 * The AEO application lifecycle as data (SAFE Framework pillar 2, standard 3 "authorisation"; the EU
 * clocks of UCC Art. 22 as defaults). An application is an append-only log of actions; its state is
 * *derived* by folding `transition` over that log; the cached status column is only a copy of that fold,
 * refreshed in the same transaction as each action.
 */
// The states are part of the API contract; the workflow gives them their meaning.
export const APPLICATION_STATES = AEO_APPLICATION_STATUSES;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
  'submit',
  'return_incomplete',
  'accept',
  'request_information',
  'answer_information',
  'extend_deadline',
  'plan_visit',
  'record_visit',
  'grant',
  'refuse',
  'suspend',
  'reinstate',
  'revoke',
  'withdraw',
  'appeal',
  'decide_appeal',
  'import',
] as const;
export type ApplicationActionType = (typeof APPLICATION_ACTIONS)[number];

/** Which side may take an action: the operator (trader) or the administration (validator). */
export const ACTION_SIDE: Record<ApplicationActionType, 'operator' | 'administration'> = {
  submit: 'operator',
  return_incomplete: 'administration',
  accept: 'administration',
  request_information: 'administration',
  answer_information: 'operator',
  extend_deadline: 'administration',
  plan_visit: 'administration',
  record_visit: 'administration',
  grant: 'administration',
  refuse: 'administration',
  suspend: 'administration',
  reinstate: 'administration',
  revoke: 'administration',
  withdraw: 'operator',
  appeal: 'operator',
  decide_appeal: 'administration',
  import: 'administration',
};

export interface WorkflowState {
  state: ApplicationState;
  /** An information request is open: the statutory clock is stopped until the operator answers. */
  awaitingInformation: boolean;
  /** While under appeal: the state the appeal was lodged against. */
  appealedFrom?: 'refused' | 'suspended' | 'revoked';
}

export type ActionInput =
  | { type: 'decide_appeal'; outcome: 'upheld' | 'overturned' }
  | { type: 'import'; status: ImportedStatus }
  | { type: Exclude<ApplicationActionType, 'decide_appeal' | 'import'> };

/** The states an AEO imported from a legacy register can be in: it holds the status, possibly suspended. */
export const IMPORTED_STATUSES = ['granted', 'suspended'] as const;
export type ImportedStatus = (typeof IMPORTED_STATUSES)[number];

export const INITIAL_STATE: WorkflowState = { state: 'draft', awaitingInformation: false };

const PRE_DECISION: readonly ApplicationState[] = [
  'submitted',
  'under_review',
  'visit_planned',
  'visit_recorded',
];

/** The actions allowed now (also what a 409 lists). */
export function allowedActions(current: WorkflowState): ApplicationActionType[] {
  const { state, awaitingInformation } = current;
  const actions: ApplicationActionType[] = [];
  switch (state) {
    case 'draft':
    case 'returned':
      actions.push('submit', 'withdraw');
      break;
    case 'submitted':
      actions.push('accept', 'return_incomplete', 'withdraw');
      break;
    case 'under_review':
      actions.push('plan_visit', 'extend_deadline', 'refuse', 'withdraw');
      break;
    case 'visit_planned':
      actions.push('record_visit', 'extend_deadline', 'refuse', 'withdraw');
      break;
    case 'visit_recorded':
      actions.push('grant', 'refuse', 'extend_deadline', 'withdraw');
      break;
    case 'granted':
      actions.push('suspend', 'revoke');
      break;
    case 'suspended':
      actions.push('reinstate', 'revoke', 'appeal');
      break;
    case 'refused':
    case 'revoked':
      actions.push('appeal');
      break;
    case 'under_appeal':
      actions.push('decide_appeal');
      break;
    case 'withdrawn':
      break;
    default:
      state satisfies never;
  }
  if (PRE_DECISION.includes(state)) {
    if (awaitingInformation) {
      // While the operator owes information, the administration waits: no decision on a stopped clock.
      return [...actions.filter((a) => a === 'withdraw' || a === 'extend_deadline'), 'answer_information'];
    }
    actions.push('request_information');
  }
  return actions;
}

/**
 * `import` records an AEO status granted before the platform existed (a legacy register's decision), so
 * it can only be a case's first workflow action — a case is `draft` exactly until its first one, since
 * nothing leads back there. Nobody takes it on a live case and no API offers it, which is why
 * `allowedActions` never lists it. Everything after it follows the ordinary workflow.
 */
const isGenesis = (current: WorkflowState) =>
  current.state === INITIAL_STATE.state && !current.awaitingInformation;

/** The next state, or INVALID_STATE (409) listing the allowed actions. */
export function transition(current: WorkflowState, action: ActionInput): WorkflowState {
  const allowed = allowedActions(current);
  if (action.type === 'import' ? !isGenesis(current) : !allowed.includes(action.type)) {
    throw new AppError(
      'INVALID_STATE',
      `Cannot ${action.type.replaceAll('_', ' ')} an application that is ${current.state.replaceAll('_', ' ')}` +
        (current.awaitingInformation ? ' and awaiting information' : ''),
      { state: current.state, awaitingInformation: current.awaitingInformation, allowedActions: allowed },
    );
  }
  const next = (state: ApplicationState): WorkflowState => ({ state, awaitingInformation: false });
  switch (action.type) {
    case 'submit':
      return next('submitted');
    case 'return_incomplete':
      return next('returned');
    case 'accept':
      return next('under_review');
    case 'request_information':
      return { ...current, awaitingInformation: true };
    case 'answer_information':
      return { ...current, awaitingInformation: false };
    case 'extend_deadline':
      return current;
    case 'plan_visit':
      return next('visit_planned');
    case 'record_visit':
      return next('visit_recorded');
    case 'grant':
    case 'reinstate':
      return next('granted');
    case 'refuse':
      return next('refused');
    case 'suspend':
      return next('suspended');
    case 'revoke':
      return next('revoked');
    case 'withdraw':
      return next('withdrawn');
    case 'appeal':
      return {
        state: 'under_appeal',
        awaitingInformation: false,
        appealedFrom: current.state as 'refused' | 'suspended' | 'revoked',
      };
    case 'import':
      return next(action.status);
    case 'decide_appeal': {
      const from = current.appealedFrom!;
      if (action.outcome === 'upheld') return next(from);
      // An overturned refusal goes back to review; an overturned suspension or revocation restores the status.
      return next(from === 'refused' ? 'under_review' : 'granted');
    }
    default:
      return action satisfies never;
  }
}

/** Folds a whole action log into the current state. */
export function deriveState(actions: readonly ActionInput[]): WorkflowState {
  return actions.reduce(transition, INITIAL_STATE);
}

/**
 * The certificate status the public sees. An appeal does not change it: a suspended certificate stays
 * suspended until the appeal is decided.
 */
export function certificateStatus(current: WorkflowState): 'active' | 'suspended' | 'revoked' | null {
  const state = current.state === 'under_appeal' ? current.appealedFrom : current.state;
  switch (state) {
    case 'granted':
      return 'active';
    case 'suspended':
      return 'suspended';
    case 'revoked':
      return 'revoked';
    default:
      return null;
  }
}
