import type { ApplicationActionType } from './aeo.workflow.js';

/**
 * Statutory clocks of an AEO programme. Defaults are the EU's (UCC Art. 22 and DA Art. 28): accept or
 * return an application within 30 days, decide within 120 days of acceptance, extend by up to 60 days
 * with reasons, and the decision takes effect 5 days later.
 */
export interface StatutoryClocks {
  acceptanceDays: number;
  decisionDays: number;
  maxExtensionDays: number;
  effectDays: number;
}

export const EU_DEFAULT_CLOCKS: StatutoryClocks = {
  acceptanceDays: 30,
  decisionDays: 120,
  maxExtensionDays: 60,
  effectDays: 5,
};

export interface TimedAction {
  type: ApplicationActionType;
  at: Date;
  /** For `extend_deadline`: the days added. */
  extensionDays?: number;
}

export interface Clock {
  startedAt: Date;
  due: Date;
  /** Whole days left (negative when overdue), counted from `now`. */
  daysLeft: number;
  overdue: boolean;
  /** Days the clock stood still while the operator owed information. */
  stoppedDays: number;
  extensionDays: number;
  /** True while an information request is open: the due date moves with time. */
  stopped: boolean;
  /** When the phase ended (accepted/returned, or decided), if it has. */
  endedAt?: Date;
}

export interface Deadlines {
  acceptance?: Clock;
  decision?: Clock;
  /** When a grant (or refusal) takes effect: decision + effectDays. */
  effectiveFrom?: Date;
  /** The clock that is running now, for work queues; undefined when none runs. */
  next?: { kind: 'acceptance' | 'decision'; due: Date; daysLeft: number; overdue: boolean; stopped: boolean };
}

const DAY = 86_400_000;

const ENDS_ACCEPTANCE: readonly ApplicationActionType[] = ['accept', 'return_incomplete', 'withdraw'];
const ENDS_DECISION: readonly ApplicationActionType[] = ['grant', 'refuse', 'withdraw'];

/**
 * Computes the acceptance and decision clocks from the timed action log. Calendar days; an open request
 * for information stops the running clock, and its answer restarts it (the due date moves by the time
 * stopped). Extensions add to the decision clock only. A resubmission after a return restarts acceptance.
 */
export function computeDeadlines(log: readonly TimedAction[], clocks: StatutoryClocks, now: Date): Deadlines {
  const result: Deadlines = {};
  let phase: {
    kind: 'acceptance' | 'decision';
    startedAt: Date;
    stoppedMs: number;
    extensionDays: number;
  } | null = null;
  let rfiOpenedAt: Date | null = null;

  const close = (endedAt: Date) => {
    if (!phase) return;
    const stoppedMs = phase.stoppedMs + (rfiOpenedAt ? endedAt.getTime() - rfiOpenedAt.getTime() : 0);
    result[phase.kind] = makeClock(phase, stoppedMs, clocks, now, endedAt, false);
    phase = null;
    rfiOpenedAt = null;
  };

  for (const action of log) {
    switch (action.type) {
      case 'submit':
        phase = { kind: 'acceptance', startedAt: action.at, stoppedMs: 0, extensionDays: 0 };
        rfiOpenedAt = null;
        delete result.acceptance;
        break;
      case 'request_information':
        if (phase && !rfiOpenedAt) rfiOpenedAt = action.at;
        break;
      case 'answer_information':
        if (phase && rfiOpenedAt) {
          phase.stoppedMs += action.at.getTime() - rfiOpenedAt.getTime();
          rfiOpenedAt = null;
        }
        break;
      case 'extend_deadline':
        if (phase?.kind === 'decision') phase.extensionDays += action.extensionDays ?? 0;
        break;
      case 'accept':
        close(action.at);
        phase = { kind: 'decision', startedAt: action.at, stoppedMs: 0, extensionDays: 0 };
        break;
      default:
        if (phase?.kind === 'acceptance' && ENDS_ACCEPTANCE.includes(action.type)) close(action.at);
        else if (phase?.kind === 'decision' && ENDS_DECISION.includes(action.type)) {
          close(action.at);
          if (action.type !== 'withdraw')
            result.effectiveFrom = new Date(action.at.getTime() + clocks.effectDays * DAY);
        }
    }
  }
  if (phase) {
    const running = phase as NonNullable<typeof phase>;
    const stoppedMs = running.stoppedMs + (rfiOpenedAt ? now.getTime() - rfiOpenedAt.getTime() : 0);
    const clock = makeClock(running, stoppedMs, clocks, now, undefined, rfiOpenedAt !== null);
    result[running.kind] = clock;
    result.next = {
      kind: running.kind,
      due: clock.due,
      daysLeft: clock.daysLeft,
      overdue: clock.overdue,
      stopped: clock.stopped,
    };
  }
  return result;
}

function makeClock(
  phase: { kind: 'acceptance' | 'decision'; startedAt: Date; extensionDays: number },
  stoppedMs: number,
  clocks: StatutoryClocks,
  now: Date,
  endedAt: Date | undefined,
  stopped: boolean,
): Clock {
  const base = phase.kind === 'acceptance' ? clocks.acceptanceDays : clocks.decisionDays;
  const due = new Date(phase.startedAt.getTime() + (base + phase.extensionDays) * DAY + stoppedMs);
  const reference = endedAt ?? now;
  const daysLeft = Math.ceil((due.getTime() - reference.getTime()) / DAY);
  return {
    startedAt: phase.startedAt,
    due,
    daysLeft,
    overdue: reference.getTime() > due.getTime(),
    stoppedDays: Math.round((stoppedMs / DAY) * 10) / 10,
    extensionDays: phase.extensionDays,
    stopped,
    ...(endedAt ? { endedAt } : {}),
  };
}

/** Total extension days already granted; a new extension must keep it within `maxExtensionDays`. */
export function extensionDaysUsed(log: readonly TimedAction[]): number {
  let used = 0;
  for (const action of log) {
    if (action.type === 'submit') used = 0;
    if (action.type === 'extend_deadline') used += action.extensionDays ?? 0;
  }
  return used;
}
