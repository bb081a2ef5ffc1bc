import { describe, expect, it } from 'vitest';
import { viewClock, viewNextDeadline } from './deadlines.js';
import { countByStatus, filterQueue, readStatusFilter } from './queue.js';

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

describe('queue filter', () => {
  const items = [
    { id: 'a', status: 'under_review' },
    { id: 'b', status: 'granted' },
    { id: 'c', status: 'under_review' },
  ] as never[];
  it('reads only known statuses from the address', () => {
    expect(readStatusFilter('granted')).toBe('granted');
    expect(readStatusFilter('nonsense')).toBe('all');
    expect(readStatusFilter(null)).toBe('all');
  });
  it('filters without changing the server order, and counts per status', () => {
    expect(filterQueue(items, 'under_review').map((i: { id: string }) => i.id)).toEqual(['a', 'c']);
    expect(filterQueue(items, 'all')).toHaveLength(3);
    expect(Object.fromEntries(countByStatus(items))).toEqual({ under_review: 2, granted: 1 });
  });
});
