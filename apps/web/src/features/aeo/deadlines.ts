import type { AeoApplicationDetail, AeoApplicationSummary } from '@aeolus/contracts';

/**
 * How a statutory clock reads in the queue and on the case, for the operator and the validator (EU
 * defaults: acceptance 30 days, decision 120 days, UCC Art. 22). The server
 * computes due dates and days left; this only decides how urgent they look and which words say so, so
 * that urgency is never carried by colour alone.
 */

export type Urgency = 'overdue' | 'dueSoon' | 'onTrack' | 'stopped' | 'none';
export type Tone = 'danger' | 'warning' | 'info' | 'neutral' | 'success';

/** Days left at or under which a running clock is flagged as due soon. */
export const DUE_SOON_DAYS = 7;

export interface NextDeadlineView {
  urgency: Urgency;
  tone: Tone;
  /** Days overdue (positive) for `overdue`; days left otherwise. */
  days: number;
  /** An information request stopped the clock; can go with `overdue` if it was already late. */
  stopped: boolean;
}

type NextDeadline = AeoApplicationSummary['nextDeadline'];

export function viewNextDeadline(next: NextDeadline): NextDeadlineView {
  if (!next) return { urgency: 'none', tone: 'neutral', days: 0, stopped: false };
  if (next.overdue)
    return { urgency: 'overdue', tone: 'danger', days: -next.daysLeft, stopped: next.stopped };
  if (next.stopped) return { urgency: 'stopped', tone: 'info', days: next.daysLeft, stopped: true };
  if (next.daysLeft <= DUE_SOON_DAYS)
    return { urgency: 'dueSoon', tone: 'warning', days: next.daysLeft, stopped: false };
  return { urgency: 'onTrack', tone: 'neutral', days: next.daysLeft, stopped: false };
}

type Clock = NonNullable<AeoApplicationDetail['deadlines']['acceptance']>;

export type ClockState = 'running' | 'stopped' | 'overdue' | 'metInTime' | 'endedLate';

export interface ClockView {
  state: ClockState;
  tone: Tone;
  /** Days overdue (positive) when `overdue` or `endedLate`; days left while running. */
  days: number;
}

/**
 * A clock on the case: still running, stopped while customs waits for the operator's answer, overdue,
 * or ended in time or late.
 */
export function viewClock(clock: Pick<Clock, 'endedAt' | 'overdue' | 'stopped' | 'daysLeft'>): ClockView {
  if (clock.endedAt) {
    return clock.overdue
      ? { state: 'endedLate', tone: 'danger', days: -clock.daysLeft }
      : { state: 'metInTime', tone: 'success', days: clock.daysLeft };
  }
  if (clock.overdue) return { state: 'overdue', tone: 'danger', days: -clock.daysLeft };
  if (clock.stopped) return { state: 'stopped', tone: 'info', days: clock.daysLeft };
  return {
    state: 'running',
    tone: clock.daysLeft <= DUE_SOON_DAYS ? 'warning' : 'neutral',
    days: clock.daysLeft,
  };
}

/** Only the state of a clock (see `viewClock`). */
export function clockState(clock: Pick<Clock, 'endedAt' | 'overdue' | 'stopped' | 'daysLeft'>): ClockState {
  return viewClock(clock).state;
}
