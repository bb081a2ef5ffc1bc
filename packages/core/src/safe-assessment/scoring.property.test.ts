import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getSafeMonitoringQuestionnaire,
  indexDefinition,
  maxScore,
  resolveVisibility,
  scoreAnswer,
} from '../questionnaire/index.js';
import { SAFE_DIMENSIONS } from './gap-actions.js';
import { answersFor, compact, validAnswer } from './safe-assessment.arbitraries.js';
import { type SafeAssessment, scoreSafeAssessment } from './scoring.js';

const definition = getSafeMonitoringQuestionnaire();
const index = indexDefinition(definition);
const scoredEntries = index.entries.filter((e) => maxScore(e.question) !== null);
const PROFILE = { isSme: false };
const RUNS = { numRuns: 150 };

function inRange(value: number | null) {
  return value === null || (value >= 0 && value <= 100);
}

function allPercents(result: SafeAssessment): Array<number | null> {
  const { card } = result;
  return [
    card.overall.percent,
    card.overall.targetPercent,
    card.overall.gapPercent,
    ...SAFE_DIMENSIONS.flatMap((d) =>
      card.dimensions[d].flatMap((s) => [
        s.percent,
        s.targetPercent,
        s.gapPercent,
        ...s.contributions.map((c) => c.percent),
      ]),
    ),
  ];
}

describe('SAFE assessment scoring properties (shipped questionnaire)', () => {
  it('keeps every score, target and gap within 0–100 and maturity within 0–4', () => {
    fc.assert(
      fc.property(answersFor(definition), (raw) => {
        const result = scoreSafeAssessment(compact(raw), { definition });
        expect(allPercents(result).every(inRange)).toBe(true);
        for (const d of SAFE_DIMENSIONS)
          for (const s of result.card.dimensions[d])
            expect(s.maturity === null || (s.maturity >= 0 && s.maturity <= 4)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never lowers any dimension containing a question when that answer is raised (visibility unchanged)', () => {
    const raise = fc
      .record({
        answers: answersFor(definition),
        at: fc.integer({ min: 0, max: scoredEntries.length - 1 }),
      })
      .chain(({ answers, at }) => {
        const entry = scoredEntries[at]!;
        return fc
          .tuple(validAnswer(entry.question), validAnswer(entry.question))
          .map(([a, b]) => ({ answers: compact(answers), entry, a, b }));
      });
    fc.assert(
      fc.property(raise, ({ answers, entry, a, b }) => {
        const { question } = entry;
        const [low, high] =
          (scoreAnswer(question, a) ?? -1) <= (scoreAnswer(question, b) ?? -1) ? [a, b] : [b, a];
        const before = { ...answers, [question.id]: low };
        const after = { ...answers, [question.id]: high };
        // A gate may reveal scored follow-ups; the invariant is about the answer itself.
        const visibility = (x: Record<string, unknown>) =>
          [...resolveVisibility(definition, x, PROFILE).values()].join();
        fc.pre(visibility(before) === visibility(after));
        const lowCard = scoreSafeAssessment(before, { definition }).card;
        const highCard = scoreSafeAssessment(after, { definition }).card;
        expect(highCard.overall.percent ?? 0).toBeGreaterThanOrEqual(lowCard.overall.percent ?? 0);
        for (const dimension of SAFE_DIMENSIONS) {
          for (const value of entry.tags[dimension] ?? []) {
            const was = lowCard.dimensions[dimension].find((s) => s.id === value)?.percent ?? 0;
            const now = highCard.dimensions[dimension].find((s) => s.id === value)?.percent ?? 0;
            expect(now, `${question.id} → ${dimension} ${value}`).toBeGreaterThanOrEqual(was);
          }
        }
      }),
      RUNS,
    );
  });

  it('ranks gaps and priorities by non-increasing priority, ties in document order, each with matching actions', () => {
    const position = new Map(index.entries.map((e) => [e.question.id, e.position]));
    fc.assert(
      fc.property(answersFor(definition), (raw) => {
        const result = scoreSafeAssessment(compact(raw), { definition });
        result.gaps.forEach((gap, i) => {
          expect(gap.rank).toBe(i + 1);
          expect(gap.distance).toBeGreaterThan(0);
          const next = result.gaps[i + 1];
          if (next) {
            expect(next.priority).toBeLessThanOrEqual(gap.priority);
            if (next.priority === gap.priority)
              expect(position.get(next.questionId)!).toBeGreaterThan(position.get(gap.questionId)!);
          }
          const gapTags = new Set(Object.entries(gap.tags).flatMap(([d, vs]) => vs.map((v) => `${d}:${v}`)));
          for (const action of gap.recommendedActions)
            expect(action.matchedTags.every((tag) => gapTags.has(tag))).toBe(true);
        });
        result.priorities.forEach((priority, i) => {
          expect(priority.rank).toBe(i + 1);
          expect(priority.gapPercent).toBeGreaterThan(0);
          if (i > 0) expect(priority.priority).toBeLessThanOrEqual(result.priorities[i - 1]!.priority);
        });
      }),
      RUNS,
    );
  });

  it('does not depend on the order in which answers are given', () => {
    fc.assert(
      fc.property(answersFor(definition), (raw) => {
        const answers = compact(raw);
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(scoreSafeAssessment(reversed, { definition })).toEqual(
          scoreSafeAssessment(answers, { definition }),
        );
      }),
      { numRuns: 40 },
    );
  });
});
