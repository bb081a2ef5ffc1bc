import { describe, expect, it } from 'vitest';
import { parseDefinition } from './questionnaire.definition.js';
import { indexDefinition } from './questionnaire.engine.js';
import { FIXTURE, fixtureCopy, NON_SME, SME } from './questionnaire.fixtures.js';
import { scoreResponse } from './questionnaire.report.js';
import { maxScore, scoreAnswer } from './questionnaire.scoring.js';

const question = (id: string) => indexDefinition(FIXTURE).byId.get(id)!.question;

describe('scoreAnswer and maxScore', () => {
  const cases: Array<[string, unknown, number | null]> = [
    ['audit_trail', true, 1],
    ['audit_trail', false, 0],
    ['backup', 'weekly', 0.5],
    ['controls', 3, 0.75], // maturity without a levels map: level / 4
    ['controls', 0, 0],
    ['retention', 2, 0], // bands: below 3 → 0
    ['retention', 3, 0.5], // atLeast is inclusive
    ['retention', 4.99, 0.5],
    ['retention', 5, 1], // below is exclusive
    ['seals', 'other', 0.5],
    ['seals', 'na', null], // not applicable: excluded
    ['measures', ['alarm'], 0.5],
    ['measures', ['alarm', 'cctv', 'guard'], 1], // sum capped at the top
    ['measures', ['none'], 0],
    ['carrier_list', ['7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11'], 1], // presence
  ];
  it.each(cases)('%s = %j scores %s', (id, value, expected) => {
    expect(scoreAnswer(question(id), value)).toBe(expected);
  });

  it('knows the top reachable score, and that unscored questions have none', () => {
    expect(maxScore(question('measures'))).toBe(1);
    expect(maxScore(question('seals'))).toBe(1);
    expect(maxScore(question('staff'))).toBeNull();
    expect(maxScore(question('notes'))).toBeNull();
  });

  it('scores a maturity map given on the maturity scale as level / 4', () => {
    const input = fixtureCopy();
    Object.assign(input.sections[3]!.questions[0]!, {
      scoring: { levels: { 0: 0, 1: 2, 2: 3, 3: 4, 4: 4 } },
    });
    const training = indexDefinition(parseDefinition(input)).byId.get('training')!.question;
    expect(scoreAnswer(training, 1)).toBe(0.5);
    expect(scoreAnswer(training, 3)).toBe(1);
  });
});

describe('scoreResponse — hand-computed example', () => {
  /*
   * Non-SME respondent. Weights: audit_trail 3, backup 2, controls 2, carrier_checks 2, others 1.
   *
   *   records (heading 1): audit_trail yes → 1 (w3); backup weekly → 0.5 (w2); controls level 2 → 2/4 = 0.5 (w2);
   *                        retention 4 years → band [3,5) = 0.5 (w1)
   *                        Σw = 8; Σw·s = 3 + 1 + 1 + 0.5 = 5.5; score = 5.5 / 8 = 0.6875 → 68.8 %, maturity 2.75
   *   security (heading 2): seals iso → 1 (w1); measures [alarm] → 0.5 (w1); carrier_checks no → 0 (w2);
   *                        carrier_list hidden (carrier_checks is not yes) → not scored
   *                        Σw = 4; Σw·s = 1 + 0.5 + 0 = 1.5; score = 0.375 → 37.5 %, maturity 1.5
   *   people (heading 3):  training level 3 → 0.75 (w1); score 0.75 → 75 %, maturity 3
   *   overall:             Σw = 13; Σw·s = 5.5 + 1.5 + 0.75 = 7.75; 7.75 / 13 = 0.596154 → 59.6 %, maturity 2.38
   *   theme process:       controls only → 0.5;   theme people: training only → 0.75
   *
   * Targets: the top (1) everywhere, except heading 3 which targets 50 % → training's target is 0.5.
   *   overall target = (12 × 1 + 1 × 0.5) / 13 = 0.961538; gap = 0.961538 − 0.596154 = 0.365385
   * Gaps, weight × (target − score), ranked; ties keep document order:
   *   1 carrier_checks 2 × 1 = 2 · 2 backup 2 × 0.5 = 1 · 3 controls 2 × 0.5 = 1 · 4 retention 1 × 0.5 = 0.5 ·
   *   5 measures 1 × 0.5 = 0.5 · (training 0.75 ≥ 0.5: no gap)
   */
  const answers = {
    subcontracts: true,
    staff: 40,
    audit_trail: true,
    backup: 'weekly',
    controls: 2,
    retention: 4,
    seals: 'iso',
    measures: ['alarm'],
    carrier_checks: false,
    training: 3,
    notes: 'not scored',
  };
  const report = scoreResponse(FIXTURE, answers, { profile: NON_SME });

  it('computes the overall score with its target and gap', () => {
    expect(report.overall).toEqual({
      score: 0.5962,
      percent: 59.6,
      maturity: 2.38,
      target: 0.9615,
      gap: 0.3654,
      totalWeight: 13,
      questionCount: 8,
    });
  });

  it('computes each section with the weights that explain it', () => {
    const records = report.sections.find((s) => s.id === 'records')!;
    expect(records).toMatchObject({
      score: 0.6875,
      percent: 68.8,
      maturity: 2.75,
      totalWeight: 8,
      gap: 0.3125,
    });
    expect(records.contributions).toEqual([
      { questionId: 'audit_trail', weight: 3, score: 1, share: 0.375 },
      { questionId: 'backup', weight: 2, score: 0.5, share: 0.25 },
      { questionId: 'controls', weight: 2, score: 0.5, share: 0.25 },
      { questionId: 'retention', weight: 1, score: 0.5, share: 0.125 },
    ]);
    expect(report.sections.map((s) => [s.id, s.percent])).toEqual([
      ['profile', null],
      ['records', 68.8],
      ['security', 37.5],
      ['people', 75],
    ]);
  });

  it('aggregates by every tag dimension', () => {
    const [heading, theme] = report.dimensions;
    expect(heading!.groups.map((g) => [g.id, g.score, g.maturity, g.target])).toEqual([
      ['1', 0.6875, 2.75, 1],
      ['2', 0.375, 1.5, 1],
      ['3', 0.75, 3, 0.5],
    ]);
    expect(heading!.groups[2]!.gap).toBe(0);
    expect(theme!.groups.map((g) => [g.id, g.score])).toEqual([
      ['people', 0.75],
      ['process', 0.5],
    ]);
  });

  it('ranks gaps by weight × distance to target', () => {
    expect(report.gaps.map((g) => [g.rank, g.questionId, g.distance, g.priority])).toEqual([
      [1, 'carrier_checks', 1, 2],
      [2, 'backup', 0.5, 1],
      [3, 'controls', 0.5, 1],
      [4, 'retention', 0.5, 0.5],
      [5, 'measures', 0.5, 0.5],
    ]);
    expect(report.gaps[0]).toMatchObject({ sectionId: 'security', tags: { heading: ['2'] }, answered: true });
  });

  it('lists only visible scored questions', () => {
    const ids = report.questions.map((q) => q.questionId);
    expect(ids).not.toContain('carrier_list');
    expect(ids).not.toContain('staff');
    expect(ids).toHaveLength(8);
  });
});

describe('scoreResponse — rules', () => {
  const base = { subcontracts: false, audit_trail: true, backup: 'daily', controls: 4, retention: 10 };

  it('leaves a not-applicable answer out of every average', () => {
    const report = scoreResponse(
      FIXTURE,
      { ...base, seals: 'na', measures: ['cctv', 'guard'] },
      { profile: NON_SME },
    );
    const security = report.sections.find((s) => s.id === 'security')!;
    expect(security).toMatchObject({ score: 1, totalWeight: 1, questionCount: 1 });
    expect(report.questions.find((q) => q.questionId === 'seals')).toMatchObject({
      excluded: true,
      score: null,
    });
    expect(report.gaps.map((g) => g.questionId)).not.toContain('seals');
  });

  it('counts a visible unanswered or invalid scored question as 0 and lists it as a gap', () => {
    const report = scoreResponse(FIXTURE, { ...base, training: 9 }, { profile: NON_SME });
    const training = report.questions.find((q) => q.questionId === 'training')!;
    expect(training).toMatchObject({ answered: false, score: 0 });
    expect(report.gaps.find((g) => g.questionId === 'seals')).toMatchObject({ answered: false, score: 0 });
  });

  it('scores an SME on its variant', () => {
    const answers = { ...base, controls: undefined, controls_sme: false };
    const report = scoreResponse(FIXTURE, answers, { profile: SME });
    const ids = report.sections.find((s) => s.id === 'records')!.contributions.map((c) => c.questionId);
    expect(ids).toEqual(['audit_trail', 'backup', 'controls_sme', 'retention']);
    expect(report.dimensions[1]!.groups.find((g) => g.id === 'process')!.score).toBe(0);
  });

  it('prefers a question target over a tag target, and caps targets at the reachable top', () => {
    const input = fixtureCopy();
    Object.assign(input.sections[1]!.questions[1]!.scoring!, { target: 0.5 });
    input.dimensions[0]!.values[1]!.target = 100;
    const definition = parseDefinition(input);
    const report = scoreResponse(
      definition,
      { ...base, backup: 'weekly', seals: 'iso' },
      { profile: NON_SME },
    );
    expect(report.questions.find((q) => q.questionId === 'backup')!.target).toBe(0.5);
    expect(report.gaps.map((g) => g.questionId)).not.toContain('backup');
  });

  it('scores an empty response 0 overall and leaves a section without scored questions unscored', () => {
    const report = scoreResponse(FIXTURE, { subcontracts: false }, { profile: NON_SME });
    expect(report.overall.score).toBe(0);
    expect(report.sections[0]).toMatchObject({ id: 'profile', score: null, percent: null, questionCount: 0 });
  });

  it('is deterministic', () => {
    const answers = { ...base, seals: 'other', measures: ['alarm', 'cctv'], training: 2 };
    expect(scoreResponse(FIXTURE, answers, { profile: NON_SME })).toEqual(
      scoreResponse(parseDefinition(fixtureCopy()), answers, { profile: NON_SME }),
    );
  });
});
