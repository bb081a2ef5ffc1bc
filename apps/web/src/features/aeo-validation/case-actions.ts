import {
  AEO_VALIDATION_WORK_STATES,
  type AeoAdministrationAction,
  type AeoApplicationDetail,
} from '@aeolus/contracts';

/**
 * What the validator is offered on a case. The workflow steps come from the case itself
 * (`allowedActions`: the server's workflow, filtered to the administration's side), the other validation
 * work from the states the contracts publish; nothing here restates a workflow rule. The server still
 * decides: an action taken on a stale page answers 409 with what is allowed now.
 */

export type DecisionAction = Exclude<AeoAdministrationAction['type'], 'assign_validator'>;

/** Display order: the usual next step first, then the deadline, then the heavier decisions. */
export const DECISION_ACTIONS = [
  'accept',
  'return_incomplete',
  'request_information',
  'plan_visit',
  'record_visit',
  'grant',
  'extend_deadline',
  'refuse',
  'reinstate',
  'suspend',
  'revoke',
  'decide_appeal',
] as const satisfies readonly DecisionAction[];

// Every administration action has a place in the list (a new one fails the type check here).
const everyActionListed: Exclude<DecisionAction, (typeof DECISION_ACTIONS)[number]> extends never
  ? true
  : false = true;
void everyActionListed;

/** Decisions with legal effect on the operator, or that end the case: a second, explicit confirmation. */
const CONFIRMED: ReadonlySet<DecisionAction> = new Set([
  'return_incomplete',
  'grant',
  'refuse',
  'suspend',
  'reinstate',
  'revoke',
  'decide_appeal',
]);

/** Adverse to the operator: shown as a danger button. */
const ADVERSE: ReadonlySet<DecisionAction> = new Set(['return_incomplete', 'refuse', 'suspend', 'revoke']);

export const needsConfirmation = (action: DecisionAction) => CONFIRMED.has(action);
export const isAdverse = (action: DecisionAction) => ADVERSE.has(action);

const isDecisionAction = (type: string): type is DecisionAction =>
  (DECISION_ACTIONS as readonly string[]).includes(type);

export interface OfferedWork {
  /** Workflow steps, in display order. */
  actions: DecisionAction[];
  /** Set the risk-based validation plan. */
  plan: boolean;
  /** Record on-site checklist results. */
  checklist: boolean;
  /** Ask for a corrective action with a due date. */
  correctiveAction: boolean;
  /** Close the review a reported change opened. */
  closeReview: boolean;
}

const NOTHING: OfferedWork = {
  actions: [],
  plan: false,
  checklist: false,
  correctiveAction: false,
  closeReview: false,
};

const inStates = (states: readonly string[], status: string) => states.includes(status);

/**
 * `canValidate`: the person holds `aeo-application:validate` (an administration's `admin` may read the
 * queue but does not decide cases, so nothing is offered).
 */
export function offeredWork(
  detail: Pick<AeoApplicationDetail, 'status' | 'allowedActions' | 'monitoringReports'>,
  canValidate: boolean,
): OfferedWork {
  if (!canValidate) return NOTHING;
  const allowed = new Set(detail.allowedActions.filter(isDecisionAction));
  return {
    actions: DECISION_ACTIONS.filter((a) => allowed.has(a)),
    plan: inStates(AEO_VALIDATION_WORK_STATES.plan_validation, detail.status),
    checklist: inStates(AEO_VALIDATION_WORK_STATES.record_checklist, detail.status),
    correctiveAction: inStates(AEO_VALIDATION_WORK_STATES.request_corrective_action, detail.status),
    closeReview: detail.monitoringReports.some((r) => r.reviewStatus === 'open'),
  };
}

/** The actions a 409 (INVALID_STATE) says are allowed now, when it lists them. */
export function allowedFromConflict(details: unknown): DecisionAction[] | undefined {
  const listed = (details as { allowedActions?: unknown } | null | undefined)?.allowedActions;
  if (!Array.isArray(listed)) return undefined;
  return DECISION_ACTIONS.filter((a) => listed.includes(a));
}
