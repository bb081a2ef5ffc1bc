import { describe, expect, it } from 'vitest';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/index.js';
import { compareCycles } from './comparison.js';
import { MINI_ACTIONS, MINI_SAFE } from './safe-assessment.fixtures.js';
import { type SafeScoreCard, scoreSafeAssessment } from './scoring.js';

const mini = (answers: Record<string, unknown>) =>
  scoreSafeAssessment(answers, { definition: MINI_SAFE, actions: MINI_ACTIONS });
const byId = (card: SafeScoreCard, dimension: keyof SafeScoreCard['dimensions'], id: string) =>
  card.dimensions[dimension].find((s) => s.id === id);

describe('SAFE assessment scoring: worked example', () => {
  /*
   * Answers: q_a = level 2, q_b = no, q_c = level 3, q_d = "partial".
   * Normalised scores: q_a 2/4 = 0.5 (w 3, target 3/4 = 0.75); q_b 0 (w 1, target 1);
   *                    q_c 3/4 = 0.75 (w 2, target = top = 1); q_d 0.5 (w 2, target 1).
   *
   * standard 1.1 = (3×0.5 + 1×0) / (3+1)           = 1.5/4  = 0.375 → 37.5 %, maturity 1.5
   *   target     = (3×0.75 + 1×1) / 4              = 3.25/4 = 0.8125 → 81.3 %; gap 0.4375 → 43.8 points
   * standard 1.2 = 0.75 → 75 %, target 100 %, gap 25
   * standard 2.1 = 0.5  → 50 %, target 100 %, gap 50
   * theme risk   = (3×0.5 + 2×0.75) / (3+2)        = 3/5 = 0.6 → 60 %; target (2.25 + 2)/5 = 0.85 → 85 %
   * pillar 1     = (1.5 + 0 + 1.5) / 6             = 0.5 → 50 %; target (2.25 + 1 + 2)/6 = 0.875 → 87.5 %
   * pillar 2     = 0.5 → 50 %
   * overall      = (1.5 + 0 + 1.5 + 1) / 8         = 0.5 → 50 %; target 7.25/8 = 0.90625 → 0.9063 → 90.6 %
   *
   * Question gaps, weight × (target − score): q_a 3×0.25 = 0.75; q_b 1×1 = 1; q_c 2×0.25 = 0.5;
   * q_d 2×0.5 = 1 → ranked q_b, q_d (tie kept in document order), q_a, q_c.
   * Standard/theme priorities, totalWeight × gap: 1.1 4×0.4375 = 1.75; risk 5×0.25 = 1.25;
   * 2.1 2×0.5 = 1; 1.2 2×0.25 = 0.5.
   * Actions for q_a (tags pillar 1, standard 1.1, theme risk): standard matches first, the low-effort one
   * before the high-effort one (act-three, act-one), then the theme match (act-two); act-four targets only
   * a pillar and is never recommended.
   */
  const result = mini({ q_a: 2, q_b: false, q_c: 3, q_d: 'partial' });
  const { card } = result;

  it.each([
    ['standard', '1.1', 37.5, 1.5, 81.3, 43.8, 4],
    ['standard', '1.2', 75, 3, 100, 25, 2],
    ['standard', '2.1', 50, 2, 100, 50, 2],
    ['theme', 'risk_management', 60, 2.4, 85, 25, 5],
    ['pillar', '1', 50, 2, 87.5, 37.5, 6],
    ['pillar', '2', 50, 2, 100, 50, 2],
  ] as const)(
    '%s %s scores %d %% (maturity %d) against a target of %d %%',
    (dimension, id, percent, maturity, target, gap, weight) => {
      expect(byId(card, dimension, id)).toMatchObject({
        percent,
        maturity,
        targetPercent: target,
        gapPercent: gap,
        totalWeight: weight,
      });
    },
  );

  it('scores the whole response and exposes the weights behind each standard', () => {
    expect(card.overall).toEqual({
      percent: 50,
      maturity: 2,
      targetPercent: 90.6,
      gapPercent: 40.6,
      totalWeight: 8,
      questionCount: 4,
    });
    expect(byId(card, 'standard', '1.1')?.contributions).toEqual([
      { questionId: 'q_a', weight: 3, share: 0.75, percent: 50 },
      { questionId: 'q_b', weight: 1, share: 0.25, percent: 0 },
    ]);
    expect(card.dimensions.focus).toEqual([]);
  });

  it('ranks question gaps by weight × distance, ties in document order, with recommended actions', () => {
    expect(result.gaps.map((g) => [g.rank, g.questionId, g.priority])).toEqual([
      [1, 'q_b', 1],
      [2, 'q_d', 1],
      [3, 'q_a', 0.75],
      [4, 'q_c', 0.5],
    ]);
    const qa = result.gaps.find((g) => g.questionId === 'q_a')!;
    expect(qa.recommendedActions.map((a) => [a.id, a.matchedTags])).toEqual([
      ['act-three', ['standard:1.1']],
      ['act-one', ['standard:1.1']],
      ['act-two', ['theme:risk_management']],
    ]);
    const qc = result.gaps.find((g) => g.questionId === 'q_c')!;
    expect(qc.recommendedActions[0]).toMatchObject({
      id: 'act-two',
      matchedTags: ['standard:1.2', 'theme:risk_management'],
    });
  });

  it('ranks standards and themes by total weight × gap', () => {
    expect(result.priorities.map((p) => [p.rank, p.dimension, p.id, p.priority])).toEqual([
      [1, 'standard', '1.1', 1.75],
      [2, 'theme', 'risk_management', 1.25],
      [3, 'standard', '2.1', 1],
      [4, 'standard', '1.2', 0.5],
    ]);
    expect(result.priorities[2]!.recommendedActions.map((a) => a.id)).toEqual(['act-five']);
  });

  it('limits the actions per gap', () => {
    const limited = scoreSafeAssessment(
      { q_a: 2 },
      { definition: MINI_SAFE, actions: MINI_ACTIONS, actionsPerGap: 1 },
    );
    expect(limited.gaps.every((g) => g.recommendedActions.length <= 1)).toBe(true);
  });
});

describe('SAFE assessment scoring: table of simple responses', () => {
  it.each([
    ['nothing answered counts as zero', {}, 0, 4],
    ['all at the top', { q_a: 4, q_b: true, q_c: 4, q_d: 'full' }, 100, 0],
    ['targets met exactly', { q_a: 3, q_b: true, q_c: 4, q_d: 'full' }, 90.6, 0],
    ['an invalid answer earns nothing', { q_a: 9, q_b: 'yes', q_c: 4, q_d: 'full' }, 50, 2],
  ])('%s', (_name, answers, overall, gapCount) => {
    const result = mini(answers);
    expect(result.card.overall.percent).toBe(overall);
    expect(result.gaps).toHaveLength(gapCount);
  });

  it('scores the shipped questionnaire: an empty response is 0 everywhere, with every standard a priority', () => {
    const result = scoreSafeAssessment({});
    expect(result.card.questionnaireId).toBe('safe-monitoring');
    expect(result.card.overall.percent).toBe(0);
    expect(result.card.dimensions.standard).toHaveLength(25);
    expect(result.card.dimensions.standard.every((s) => s.percent === 0)).toBe(true);
    const standards = result.priorities.filter((p) => p.dimension === 'standard');
    expect(standards).toHaveLength(25);
    expect(standards.every((p) => p.recommendedActions.length >= 2)).toBe(true);
    expect(result.gaps.every((g) => g.recommendedActions.length > 0)).toBe(true);
  });

  it('is deterministic', () => {
    const definition = getSafeMonitoringQuestionnaire();
    const answers = { p1_risk_management: 3, aeo_programme_status: 'operational', mras_signed: 4 };
    expect(scoreSafeAssessment(answers, { definition })).toEqual(
      scoreSafeAssessment({ ...answers }, { definition }),
    );
  });
});

describe('comparing review cycles', () => {
  const previous = mini({ q_a: 1, q_b: true, q_c: 3, q_d: 'partial' }).card;
  const current = mini({ q_a: 3, q_b: true, q_c: 2, q_d: 'partial' }).card;

  it('gives the delta and trend of every dimension and lists what improved and slipped', () => {
    // 1.1: before (3×0.25 + 1)/4 = 43.8 %, after (3×0.75 + 1)/4 = 81.3 % → +37.5.
    // 1.2: 75 % → 50 % → −25. 2.1: 50 % → 50 % → flat. Risk theme: (0.75+1.5)/5 = 45 % → (2.25+1)/5 = 65 %.
    // Pillar 1: (0.75+1+1.5)/6 = 54.2 % → (2.25+1+1)/6 = 70.8 % → +16.7, a smaller rise than the theme's.
    const comparison = compareCycles(previous, current);
    const row = (dimension: string, id: string) =>
      comparison.rows.find((r) => r.dimension === dimension && r.id === id);
    expect(row('standard', '1.1')).toMatchObject({ previous: 43.8, current: 81.3, delta: 37.5, trend: 'up' });
    expect(row('standard', '1.2')).toMatchObject({ previous: 75, current: 50, delta: -25, trend: 'down' });
    expect(row('standard', '2.1')).toMatchObject({ delta: 0, trend: 'flat' });
    expect(row('theme', 'risk_management')).toMatchObject({
      previous: 45,
      current: 65,
      delta: 20,
      trend: 'up',
    });
    expect(comparison.improved.map((r) => `${r.dimension}:${r.id}`)).toEqual([
      'standard:1.1',
      'theme:risk_management',
      'pillar:1',
    ]);
    expect(comparison.slipped.map((r) => `${r.dimension}:${r.id}`)).toEqual(['standard:1.2']);
    expect(comparison.overall.trend).toBe('up');
  });

  it('calls small changes flat, and values scored in one cycle only not comparable', () => {
    const comparison = compareCycles(previous, current, { flatWithin: 40 });
    expect(comparison.rows.find((r) => r.id === '1.1')?.trend).toBe('flat');
    expect(comparison.improved).toEqual([]);
    const lessScored = mini({ q_d: 'full' }).card;
    const withoutFocus = { ...lessScored, dimensions: { ...lessScored.dimensions, theme: [] } };
    const rows = compareCycles(previous, withoutFocus).rows;
    expect(rows.find((r) => r.dimension === 'theme')).toMatchObject({
      current: null,
      trend: 'not_comparable',
      delta: null,
    });
  });

  it('refuses a negative threshold, naming the field', () => {
    expect(() => compareCycles(previous, current, { flatWithin: -1 })).toThrow(/flatWithin/);
  });
});
