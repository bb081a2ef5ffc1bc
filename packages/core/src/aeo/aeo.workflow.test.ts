import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  type ActionInput,
  APPLICATION_ACTIONS,
  allowedActions,
  certificateStatus,
  deriveState,
  INITIAL_STATE,
  transition,
} from './aeo.workflow.js';

const a = (type: Exclude<ActionInput['type'], 'decide_appeal' | 'import'>): ActionInput => ({ type });

describe('AEO application workflow', () => {
  it.each([
    { log: [], state: 'draft' },
    { log: [a('submit')], state: 'submitted' },
    { log: [a('submit'), a('return_incomplete')], state: 'returned' },
    { log: [a('submit'), a('return_incomplete'), a('submit')], state: 'submitted' },
    { log: [a('submit'), a('accept')], state: 'under_review' },
    { log: [a('submit'), a('accept'), a('plan_visit'), a('record_visit'), a('grant')], state: 'granted' },
    { log: [a('submit'), a('accept'), a('plan_visit'), a('record_visit'), a('refuse')], state: 'refused' },
    { log: [a('submit'), a('accept'), a('refuse'), a('appeal')], state: 'under_appeal' },
    { log: [a('submit'), a('withdraw')], state: 'withdrawn' },
  ] as const)('$state after $log.length actions', ({ log, state }) => {
    expect(deriveState(log).state).toBe(state);
  });

  const granted = [a('submit'), a('accept'), a('plan_visit'), a('record_visit'), a('grant')];

  it('suspends, reinstates and revokes a granted status', () => {
    expect(deriveState([...granted, a('suspend')]).state).toBe('suspended');
    expect(deriveState([...granted, a('suspend'), a('reinstate')]).state).toBe('granted');
    expect(deriveState([...granted, a('suspend'), a('revoke')]).state).toBe('revoked');
  });

  it('an upheld appeal keeps the decision; an overturned one reverses it', () => {
    const suspendedAppeal = [...granted, a('suspend'), a('appeal')];
    expect(deriveState([...suspendedAppeal, { type: 'decide_appeal', outcome: 'upheld' }]).state).toBe(
      'suspended',
    );
    expect(deriveState([...suspendedAppeal, { type: 'decide_appeal', outcome: 'overturned' }]).state).toBe(
      'granted',
    );
    const refusedAppeal = [a('submit'), a('accept'), a('refuse'), a('appeal')];
    expect(deriveState([...refusedAppeal, { type: 'decide_appeal', outcome: 'overturned' }]).state).toBe(
      'under_review',
    );
  });

  it('an information request stops decisions until it is answered', () => {
    const waiting = deriveState([
      a('submit'),
      a('accept'),
      a('plan_visit'),
      a('record_visit'),
      a('request_information'),
    ]);
    expect(waiting.awaitingInformation).toBe(true);
    expect(allowedActions(waiting)).not.toContain('grant');
    expect(() => transition(waiting, a('grant'))).toThrow(AppError);
    const answered = transition(waiting, a('answer_information'));
    expect(answered).toEqual({ state: 'visit_recorded', awaitingInformation: false });
    expect(allowedActions(answered)).toContain('grant');
  });

  it.each([
    { log: [], action: 'grant' },
    { log: [a('submit')], action: 'submit' },
    { log: [...granted, a('revoke')], action: 'reinstate' },
    { log: [a('submit'), a('withdraw')], action: 'submit' },
    { log: [...granted], action: 'withdraw' },
  ] as const)(
    'refuses $action after $log.length actions with 409 listing the allowed actions',
    ({ log, action }) => {
      const state = deriveState(log);
      try {
        transition(state, a(action));
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(409);
        expect((error as AppError).details).toMatchObject({ allowedActions: allowedActions(state) });
      }
    },
  );

  it('the certificate stays suspended or revoked while under appeal', () => {
    expect(certificateStatus(deriveState(granted))).toBe('active');
    expect(certificateStatus(deriveState([...granted, a('suspend'), a('appeal')]))).toBe('suspended');
    expect(certificateStatus(deriveState([...granted, a('revoke'), a('appeal')]))).toBe('revoked');
    expect(certificateStatus(INITIAL_STATE)).toBeNull();
  });

  describe('import of an AEO granted in a legacy register', () => {
    it.each(['granted', 'suspended'] as const)('derives %s from an import alone', (status) => {
      const state = deriveState([{ type: 'import', status }]);
      expect(state).toEqual({ state: status, awaitingInformation: false });
      expect(certificateStatus(state)).toBe(status === 'granted' ? 'active' : 'suspended');
    });

    it('continues with the ordinary workflow after it', () => {
      const imported = { type: 'import', status: 'granted' } as const;
      expect(deriveState([imported, a('suspend')]).state).toBe('suspended');
      expect(deriveState([imported, a('revoke'), a('appeal')]).state).toBe('under_appeal');
      expect(allowedActions(deriveState([{ type: 'import', status: 'suspended' }]))).toEqual([
        'reinstate',
        'revoke',
        'appeal',
      ]);
    });

    it('is never offered as an allowed action, not even on a fresh case', () => {
      expect(allowedActions(INITIAL_STATE)).not.toContain('import');
    });

    it.each([
      { log: [a('submit')] },
      { log: [...granted] },
      { log: [a('submit'), a('return_incomplete')] },
      { log: [a('submit'), a('withdraw')] },
      { log: [{ type: 'import', status: 'granted' } as const] },
    ])('is refused with 409 after $log.length other actions', ({ log }) => {
      const state = deriveState(log);
      try {
        transition(state, { type: 'import', status: 'granted' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(409);
        expect((error as AppError).message).toContain(`Cannot import an application that is`);
      }
    });
  });

  it('property: any sequence of allowed actions only ever produces allowed transitions', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 40 }), (choices) => {
        let state = INITIAL_STATE;
        for (const choice of choices) {
          const allowed = allowedActions(state);
          if (allowed.length === 0) {
            // Only a withdrawn application is final.
            expect(state.state).toBe('withdrawn');
            return;
          }
          const type = allowed[choice % allowed.length]!;
          const action: ActionInput =
            type === 'decide_appeal' ? { type, outcome: choice % 2 ? 'upheld' : 'overturned' } : { type };
          state = transition(state, action);
          for (const t of APPLICATION_ACTIONS) {
            // `import` is checked above: it is never listed, and allowed only before any other action.
            if (!allowedActions(state).includes(t) && t !== 'decide_appeal' && t !== 'import') {
              expect(() => transition(state, { type: t } as ActionInput)).toThrow(AppError);
            }
          }
        }
      }),
    );
  });
});
