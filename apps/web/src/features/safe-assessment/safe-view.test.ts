import type { SafeAggregates, SafeGroupAggregate, SafeMeasured, SafeScoreCard } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  campaignBody,
  campaignFormErrors,
  compareStandardIds,
  draftFromGap,
  formatDelta,
  formatPercent,
  groupRows,
  histogramRows,
  isOverdue,
  measuredFacts,
  planCounts,
  plannedGapKeys,
  radarRows,
  scoreRows,
  trendWord,
} from './safe-view.js';

const label = (en: string) => ({ en, fr: `${en} (fr)` });
const score = (id: string, percent: number | null, totalWeight = 2) => ({
  id,
  label: label(`Group ${id}`),
  percent,
  maturity: null,
  targetPercent: 75,
  gapPercent: percent === null ? null : 75 - percent,
  totalWeight,
  questionCount: 3,
  contributions: [],
});

const card: SafeScoreCard = {
  questionnaireId: 'safe-monitoring',
  version: '1.0.0',
  overall: {
    percent: 60,
    maturity: null,
    targetPercent: 75,
    gapPercent: 15,
    totalWeight: 10,
    questionCount: 9,
  },
  dimensions: {
    pillar: [score('2', 50), score('1', 70), score('3', null)],
    standard: [score('1.10', 40), score('1.2', 80), score('1.9', 60), score('2.3', 55)],
    theme: [score('risk_management', 65)],
    focus: [],
    action: [],
  },
};

describe('formatting', () => {
  it('writes scores as percentages in the reader’s language, and a dash when there is none', () => {
    expect(formatPercent(72.4, 'en')).toBe('72%');
    expect(formatPercent(72.4, 'fr')).toMatch(/^72\s%$/);
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('signs changes between cycles', () => {
    expect(formatDelta(6, 'en')).toBe('+6');
    expect(formatDelta(-3.25, 'en')).toBe('-3.3');
    expect(formatDelta(0, 'en')).toBe('0');
    expect(formatDelta(null, 'en')).toBe('—');
  });
});

describe('scores', () => {
  it.each([
    ['1.2', '1.10', -1],
    ['1.10', '1.9', 1],
    ['2.1', '1.10', 1],
    ['1', '1.1', -1],
    ['risk', 'data', 1],
  ])('orders standard %s against %s in Framework order', (a, b, sign) => {
    expect(Math.sign(compareStandardIds(a, b))).toBe(sign);
  });

  it('lists standards in Framework order with their weights, in the reader’s language', () => {
    const rows = scoreRows(card, 'standard', 'fr');
    expect(rows.map((r) => r.id)).toEqual(['1.2', '1.9', '1.10', '2.3']);
    expect(rows[0]).toMatchObject({ label: 'Group 1.2 (fr)', percent: 80, target: 75, weight: 2 });
  });

  it('draws an unanswered pillar at zero but keeps it marked as unanswered', () => {
    const rows = radarRows(card, 'en');
    expect(rows.map((r) => [r.id, r.score, r.answered])).toEqual([
      ['1', 70, true],
      ['2', 50, true],
      ['3', 0, false],
    ]);
  });

  it.each([
    ['up', 'improved'],
    ['down', 'slipped'],
    ['flat', 'steady'],
    ['not_comparable', 'notComparable'],
  ] as const)('names the trend %s as %s', (trend, word) => {
    expect(trendWord({ trend })).toBe(word);
  });
});

describe('aggregates', () => {
  const group = (name: string, members: number): SafeGroupAggregate => ({
    group: name,
    memberCount: members,
    overall: { count: members, mean: 60, median: 62, q1: 50, q3: 70, min: 30, max: 90 },
    dimensions: { pillar: [], standard: [], theme: [], focus: [], action: [] },
    histograms: [
      { id: '1.10', label: label('Standard 1.10'), counts: [0, 1, 2, 1, 1] },
      { id: '1.2', label: label('Standard 1.2'), counts: [1, 0, 0, 3, 1] },
    ],
  });

  it('shows the global group, then regions, then withheld regions without figures', () => {
    const aggregates: SafeAggregates = {
      campaignId: '00000000-0000-4000-8000-000000000000',
      minGroupSize: 5,
      memberCount: 12,
      global: group('global', 12),
      regions: [group('europe', 5)],
      withheldRegions: ['asia_pacific'],
    };
    expect(groupRows(aggregates).map((r) => [r.kind, r.group])).toEqual([
      ['shown', 'global'],
      ['shown', 'europe'],
      ['withheld', 'asia_pacific'],
    ]);
  });

  it('shows nothing when no group reaches the minimum', () => {
    expect(
      groupRows({
        campaignId: '00000000-0000-4000-8000-000000000000',
        minGroupSize: 5,
        memberCount: 2,
        global: null,
        regions: [],
        withheldRegions: [],
      }),
    ).toEqual([]);
  });

  it('turns histograms into one row per standard, in Framework order, with the total', () => {
    const rows = histogramRows(group('global', 5), 'en');
    expect(rows.map((r) => r.id)).toEqual(['1.2', '1.10']);
    expect(rows[0]).toMatchObject({ level0: 1, level3: 3, level4: 1, total: 5 });
  });
});

describe('measured beside declared', () => {
  const absent: SafeMeasured = { aeo: null, mras: null, filing: null, examination: null };

  it('shows absent facts as absent, never as zero', () => {
    const facts = measuredFacts(absent, { aeo_count: 12 });
    expect(facts.map((f) => [f.id, f.measured])).toEqual([
      ['aeoActive', null],
      ['mras', null],
      ['filingOnTime', null],
      ['examination', null],
    ]);
    expect(facts[0]?.declared).toBe(12);
  });

  it('puts the platform’s facts beside the questions that declare them', () => {
    const facts = measuredFacts(
      {
        ...absent,
        aeo: { activeCount: 3, activeAtPeriodStart: 2, trend: 'up' },
        mras: { byStatus: { in_force: 2, negotiating: 1 }, source: 'compilation' },
      },
      { mras_signed: 4 },
    );
    expect(facts[0]).toMatchObject({
      questionId: 'aeo_count',
      declared: null,
      measured: { kind: 'count', value: 3, trend: 'up' },
    });
    expect(facts[1]).toMatchObject({
      questionId: 'mras_signed',
      declared: 4,
      measured: {
        kind: 'byStatus',
        entries: [
          ['in_force', 2],
          ['negotiating', 1],
        ],
      },
    });
  });
});

describe('the campaign form', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const valid = {
    name: '  SAFE review cycle 2025–2026 ',
    periodStart: '2025-01-01',
    periodEnd: '2026-12-31',
    questionnaireVersion: '',
    deadline: '2026-06-30',
    invited: ['a'],
  };

  it('accepts a complete form and sends it trimmed, the deadline at the end of its day', () => {
    expect(campaignFormErrors(valid, now)).toEqual({});
    const body = campaignBody(valid);
    expect(body.name).toBe('SAFE review cycle 2025–2026');
    expect(body).not.toHaveProperty('questionnaireVersion');
    expect(new Date(body.deadline).getTime()).toBeGreaterThan(
      new Date('2026-06-30T00:00:00Z').getTime() - 86_400_000,
    );
    expect(body.invitedOrganisationIds).toEqual(['a']);
  });

  it.each([
    [{ name: 'ab' }, { name: 'name' }],
    [{ periodStart: '' }, { periodStart: 'date' }],
    [{ periodEnd: '2024-12-31' }, { periodEnd: 'periodOrder' }],
    [{ deadline: '2026-02-28' }, { deadline: 'deadlinePast' }],
    [{ deadline: 'soon' }, { deadline: 'date' }],
    [{ invited: [] }, { invited: 'invited' }],
  ])('refuses %o', (change, errors) => {
    expect(campaignFormErrors({ ...valid, ...change }, now)).toEqual(errors);
  });
});

describe('plans', () => {
  const gap = {
    dimension: 'standard' as const,
    id: '2.3',
    label: label('AEO programme'),
    recommendedActions: [
      {
        id: 'aeo-sme',
        title: label('Offer SMEs a proportionate route'),
        description: label('…'),
        effort: 'medium' as const,
        matchedTags: [],
      },
    ],
  };

  it('drafts an action from a gap: the first recommended action, linked to the standard, due in six months', () => {
    const draft = draftFromGap(gap, {
      campaignId: 'c',
      language: 'fr',
      today: new Date('2026-01-31T10:00:00Z'),
      defaultTitle: 'Close the gap',
    });
    expect(draft).toMatchObject({
      gapDimension: 'standard',
      gapId: '2.3',
      libraryActionId: 'aeo-sme',
      campaignId: 'c',
      title: 'Offer SMEs a proportionate route (fr)',
      status: 'planned',
      dueDate: '2026-07-31',
    });
  });

  it('names the gap when the library has no action for it', () => {
    const draft = draftFromGap(
      { ...gap, recommendedActions: [] },
      {
        campaignId: 'c',
        language: 'en',
        today: new Date('2026-01-01'),
        defaultTitle: 'Close the gap on 2.3',
      },
    );
    expect(draft.title).toBe('Close the gap on 2.3');
    expect(draft).not.toHaveProperty('libraryActionId');
  });

  it('adds months across a year end', () => {
    expect(addMonths(new Date('2026-09-15T00:00:00Z'), 6)).toBe('2027-03-15');
  });

  it('counts actions by status, flags the overdue open ones and knows which gaps are planned', () => {
    const today = new Date('2026-05-01T00:00:00Z');
    const actions = [
      { status: 'planned' as const, dueDate: '2026-04-30', gapDimension: 'standard' as const, gapId: '2.3' },
      { status: 'done' as const, dueDate: '2026-01-01', gapDimension: null, gapId: null },
      {
        status: 'in_progress' as const,
        dueDate: '2026-05-01',
        gapDimension: 'theme' as const,
        gapId: 'risk_management',
      },
    ];
    expect(planCounts(actions)).toEqual({ planned: 1, in_progress: 1, done: 1, dropped: 0 });
    expect(actions.map((a) => isOverdue(a, today))).toEqual([true, false, false]);
    expect([...plannedGapKeys(actions)]).toEqual(['standard:2.3', 'theme:risk_management']);
  });
});
