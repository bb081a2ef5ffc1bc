import { describe, expect, it } from 'vitest';
import { clockState, viewClock, viewNextDeadline } from './deadlines.js';

const next = (daysLeft: number, over: { overdue?: boolean; stopped?: boolean } = {}) => ({
  kind: 'decision' as const,
  due: '2026-03-01T00:00:00.000Z',
  daysLeft,
  overdue: over.overdue ?? daysLeft < 0,
  stopped: over.stopped ?? false,
});

describe('viewNextDeadline', () => {
  it.each([
    [null, { urgency: 'none', tone: 'neutral' }],
    [next(-3), { urgency: 'overdue', tone: 'danger', days: 3, stopped: false }],
    [next(-3, { stopped: true }), { urgency: 'overdue', tone: 'danger', days: 3, stopped: true }],
    [next(12, { stopped: true }), { urgency: 'stopped', tone: 'info', days: 12, stopped: true }],
    [next(0), { urgency: 'dueSoon', tone: 'warning', days: 0 }],
    [next(7), { urgency: 'dueSoon', tone: 'warning', days: 7 }],
    [next(8), { urgency: 'onTrack', tone: 'neutral', days: 8 }],
  ] as const)('%j reads as %j', (deadline, expected) => {
    expect(viewNextDeadline(deadline)).toMatchObject(expected);
  });
});

describe('viewClock', () => {
  const clock = (over: Record<string, unknown>) => ({
    startedAt: '2026-01-01T00:00:00.000Z',
    due: '2026-05-01T00:00:00.000Z',
    daysLeft: 20,
    overdue: false,
    stoppedDays: 0,
    extensionDays: 0,
    stopped: false,
    ...over,
  });
  it('tells a running, stopped, overdue and ended clock apart', () => {
    expect(viewClock(clock({}))).toEqual({ state: 'running', tone: 'neutral', days: 20 });
    expect(viewClock(clock({ daysLeft: 2 }))).toEqual({ state: 'running', tone: 'warning', days: 2 });
    expect(viewClock(clock({ stopped: true }))).toMatchObject({ state: 'stopped' });
    expect(viewClock(clock({ daysLeft: -4, overdue: true }))).toEqual({
      state: 'overdue',
      tone: 'danger',
      days: 4,
    });
    expect(viewClock(clock({ endedAt: '2026-02-01T00:00:00.000Z', daysLeft: 89 }))).toMatchObject({
      state: 'metInTime',
    });
    expect(viewClock(clock({ endedAt: '2026-06-01T00:00:00.000Z', daysLeft: -31, overdue: true }))).toEqual({
      state: 'endedLate',
      tone: 'danger',
      days: 31,
    });
  });
});

describe('clockState', () => {
  it.each([
    [{ endedAt: undefined, overdue: false, stopped: false, daysLeft: 10 }, 'running'],
    [{ endedAt: undefined, overdue: false, stopped: true, daysLeft: 10 }, 'stopped'],
    [{ endedAt: undefined, overdue: true, stopped: true, daysLeft: 10 }, 'overdue'],
    [{ endedAt: '2026-01-02T00:00:00.000Z', overdue: false, stopped: false, daysLeft: 10 }, 'metInTime'],
    [{ endedAt: '2026-01-02T00:00:00.000Z', overdue: true, stopped: false, daysLeft: 10 }, 'endedLate'],
  ] as const)('%j is %s', (clock, state) => {
    expect(clockState(clock)).toBe(state);
  });
});
