import { describe, expect, it } from 'vitest';
import { computeDeadlines, EU_DEFAULT_CLOCKS, extensionDaysUsed, type TimedAction } from './aeo.deadlines.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const act = (type: TimedAction['type'], at: number, extensionDays?: number): TimedAction => ({
  type,
  at: day(at),
  ...(extensionDays ? { extensionDays } : {}),
});

describe('statutory clocks (EU defaults: accept in 30 days, decide in 120, +60 extension, effect +5)', () => {
  it.each([
    {
      name: 'acceptance clock runs 30 days from submission',
      log: [act('submit', 0)],
      now: 10,
      expect: { next: 'acceptance', due: 30, daysLeft: 20, overdue: false },
    },
    {
      name: 'acceptance overdue',
      log: [act('submit', 0)],
      now: 31,
      expect: { next: 'acceptance', due: 30, daysLeft: -1, overdue: true },
    },
    {
      name: 'resubmission after a return restarts acceptance',
      log: [act('submit', 0), act('return_incomplete', 5), act('submit', 20)],
      now: 25,
      expect: { next: 'acceptance', due: 50, daysLeft: 25, overdue: false },
    },
    {
      name: 'decision clock runs 120 days from acceptance',
      log: [act('submit', 0), act('accept', 10)],
      now: 10,
      expect: { next: 'decision', due: 130, daysLeft: 120, overdue: false },
    },
    {
      name: 'an answered information request moves the due date by the days stopped',
      log: [
        act('submit', 0),
        act('accept', 10),
        act('request_information', 40),
        act('answer_information', 55),
      ],
      now: 60,
      expect: { next: 'decision', due: 145, daysLeft: 85, overdue: false },
    },
    {
      name: 'an open information request stops the clock: days left stay fixed',
      log: [act('submit', 0), act('accept', 10), act('request_information', 40)],
      now: 100,
      expect: { next: 'decision', due: 190, daysLeft: 90, overdue: false, stopped: true },
    },
    {
      name: 'an extension adds to the decision clock',
      log: [act('submit', 0), act('accept', 10), act('extend_deadline', 100, 60)],
      now: 140,
      expect: { next: 'decision', due: 190, daysLeft: 50, overdue: false },
    },
    {
      name: 'stop and extension together',
      log: [
        act('submit', 0),
        act('accept', 10),
        act('request_information', 20),
        act('answer_information', 30),
        act('extend_deadline', 120, 30),
      ],
      now: 150,
      expect: { next: 'decision', due: 170, daysLeft: 20, overdue: false },
    },
  ])('$name', ({ log, now, expect: e }) => {
    const result = computeDeadlines(log, EU_DEFAULT_CLOCKS, day(now));
    expect(result.next?.kind).toBe(e.next);
    expect(result.next?.due).toEqual(day(e.due));
    expect(result.next?.daysLeft).toBe(e.daysLeft);
    expect(result.next?.overdue).toBe(e.overdue);
    expect(result.next?.stopped).toBe(e.stopped ?? false);
  });

  it('an information request before acceptance stops the acceptance clock', () => {
    const log = [
      act('submit', 0),
      act('request_information', 5),
      act('answer_information', 15),
      act('accept', 35),
    ];
    const result = computeDeadlines(log, EU_DEFAULT_CLOCKS, day(35));
    expect(result.acceptance?.due).toEqual(day(40));
    expect(result.acceptance?.overdue).toBe(false);
    expect(result.acceptance?.stoppedDays).toBe(10);
    expect(result.next?.kind).toBe('decision');
    expect(result.next?.due).toEqual(day(155));
  });

  it('a decision ends the clock and takes effect 5 days later', () => {
    const log = [
      act('submit', 0),
      act('accept', 10),
      act('plan_visit', 30),
      act('record_visit', 50),
      act('grant', 60),
    ];
    const result = computeDeadlines(log, EU_DEFAULT_CLOCKS, day(400));
    expect(result.next).toBeUndefined();
    expect(result.decision?.overdue).toBe(false);
    expect(result.decision?.daysLeft).toBe(70);
    expect(result.effectiveFrom).toEqual(day(65));
  });

  it('a late decision is recorded as overdue', () => {
    const log = [act('submit', 0), act('accept', 10), act('refuse', 140)];
    expect(computeDeadlines(log, EU_DEFAULT_CLOCKS, day(200)).decision?.overdue).toBe(true);
  });

  it('programme-specific clocks apply', () => {
    const clocks = { acceptanceDays: 15, decisionDays: 90, maxExtensionDays: 30, effectDays: 0 };
    const result = computeDeadlines([act('submit', 0), act('accept', 3)], clocks, day(3));
    expect(result.acceptance?.due).toEqual(day(15));
    expect(result.next?.due).toEqual(day(93));
  });

  it('counts extension days used since the last submission', () => {
    expect(
      extensionDaysUsed([act('submit', 0), act('extend_deadline', 5, 20), act('extend_deadline', 9, 15)]),
    ).toBe(35);
  });
});
