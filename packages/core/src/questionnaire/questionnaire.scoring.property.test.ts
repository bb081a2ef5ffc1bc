import type { Question, QuestionnaireDefinition, ScoreReport } from '@aeolus/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './questionnaire.answers.js';
import { conditionReferences, isEmptyAnswer } from './questionnaire.conditions.js';
import { validateDefinition } from './questionnaire.definition.js';
import { indexDefinition, resolveVisibility } from './questionnaire.engine.js';
import { NON_SME } from './questionnaire.fixtures.js';
import { scoreResponse } from './questionnaire.report.js';
import { scoreAnswer } from './questionnaire.scoring.js';

/**
 * Properties over RANDOM definitions (every scored question type, random weights, scoring maps with
 * "not applicable" values, tags, and conditions on earlier yes/no questions) and random answers.
 */

const t = (en: string) => ({ en, fr: `${en} (fr)` });
const value01 = fc.double({ min: 0, max: 1, noNaN: true });
const mapValue = fc.option(value01, { nil: null });

const questionSpec = fc.record({
  kind: fc.constantFrom('yes_no', 'single_choice', 'multiple_choice', 'maturity', 'number'),
  weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
  first: value01, // at least one value is a number, so every question is scorable
  values: fc.array(mapValue, { minLength: 4, maxLength: 4 }),
  identityMaturity: fc.boolean(),
  combine: fc.constantFrom('sum', 'max'),
  tags: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
  gate: fc.option(fc.boolean(), { nil: undefined }),
});
type QuestionSpec = typeof questionSpec extends fc.Arbitrary<infer T> ? T : never;

function buildQuestion(spec: QuestionSpec, id: string, gateId: string | undefined): Record<string, unknown> {
  const [v0, v1, v2, v3] = [spec.first, ...spec.values];
  const base = {
    id,
    label: t(id),
    weight: spec.weight,
    tags: { dim: spec.tags },
    ...(gateId && spec.gate !== undefined ? { showIf: { question: gateId, equals: spec.gate } } : {}),
  };
  const options = ['o1', 'o2', 'o3'].map((o) => ({ id: o, label: t(o) }));
  switch (spec.kind) {
    case 'yes_no':
      return { ...base, type: 'yes_no', scoring: { yes: v0, no: v1 } };
    case 'single_choice':
      return { ...base, type: 'single_choice', options, scoring: { options: { o1: v0, o2: v1, o3: v2 } } };
    case 'multiple_choice':
      return {
        ...base,
        type: 'multiple_choice',
        options: [...options, { id: 'none', label: t('none'), exclusive: true }],
        scoring: { combine: spec.combine, options: { o1: v0, o2: v1, o3: v2, none: v3 } },
      };
    case 'maturity':
      return {
        ...base,
        type: 'maturity',
        scale: 'generic',
        scoring: spec.identityMaturity
          ? {}
          : { scale: 'fraction', levels: { 0: v1, 1: v2, 2: v3, 3: v0, 4: v0 } },
      };
    default:
      return {
        ...base,
        type: 'number',
        min: 0,
        max: 100,
        scoring: {
          bands: [
            { below: 10, value: v1 },
            { atLeast: 10, below: 50, value: v2 },
            { atLeast: 50, value: v0 },
          ],
        },
      };
  }
}

const LEVEL = { label: t('level'), description: t('described') };
const definitionArb = fc
  .array(fc.array(questionSpec, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
  .map((sections): QuestionnaireDefinition => {
    let gateId: string | undefined;
    let n = 0;
    const input = {
      id: 'random',
      version: 1,
      title: t('random'),
      dimensions: [
        { id: 'dim', label: t('dim'), values: ['a', 'b', 'c'].map((v) => ({ id: v, label: t(v) })) },
      ],
      maturityScales: [{ id: 'generic', levels: [LEVEL, LEVEL, LEVEL, LEVEL, LEVEL] }],
      sections: sections.map((specs, s) => ({
        id: `s${s}`,
        title: t(`s${s}`),
        questions: specs.map((spec) => {
          const id = `q${n++}`;
          const question = buildQuestion(spec, id, gateId);
          if (spec.kind === 'yes_no') gateId = id;
          return question;
        }),
      })),
    };
    const result = validateDefinition(input);
    if (!result.ok)
      throw new Error(`generator built an invalid definition: ${JSON.stringify(result.problems)}`);
    return result.definition;
  });

/** A valid answer for a question, or (sometimes) junk that validation would refuse. */
function answerArb(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'yes_no':
      return fc.boolean();
    case 'single_choice':
      return fc.constantFrom(...question.options.map((o) => o.id));
    case 'multiple_choice':
      return fc.oneof(fc.subarray(['o1', 'o2', 'o3'], { minLength: 1 }), fc.constant(['none']));
    case 'maturity':
      return fc.integer({ min: 0, max: 4 });
    default:
      return fc.integer({ min: 0, max: 100 });
  }
}
const junk = fc.constantFrom('junk', -7, 99.5, [], null, { x: 1 });

const answersArb = (definition: QuestionnaireDefinition) =>
  fc.record(
    Object.fromEntries(
      indexDefinition(definition).entries.map((e) => [e.question.id, fc.oneof(answerArb(e.question), junk)]),
    ),
    { requiredKeys: [] },
  );

const scenario = definitionArb.chain((definition) =>
  fc.record({
    definition: fc.constant(definition),
    answers: answersArb(definition),
    other: answersArb(definition),
  }),
);

const within = (value: number | null, min: number, max: number) =>
  value === null || (value >= min && value <= max);

function allAggregates(report: ScoreReport) {
  return [report.overall, ...report.sections, ...report.dimensions.flatMap((d) => d.groups)];
}

describe('scoring properties', () => {
  it('keeps every score, target and gap within bounds and gaps ranked', () => {
    fc.assert(
      fc.property(scenario, ({ definition, answers }) => {
        const report = scoreResponse(definition, answers, { profile: NON_SME });
        for (const a of allAggregates(report)) {
          expect(within(a.score, 0, 1) && within(a.target, 0, 1) && within(a.gap, 0, 1)).toBe(true);
          expect(within(a.percent, 0, 100) && within(a.maturity, 0, 4)).toBe(true);
        }
        for (const q of report.questions) expect(within(q.score, 0, 1) && q.target <= q.maxScore).toBe(true);
        const priorities = report.gaps.map((g) => g.priority);
        expect(priorities.every((p, i) => p >= 0 && (i === 0 || p <= priorities[i - 1]!))).toBe(true);
        expect(report.gaps.every((g) => g.distance > 0 && g.score < g.target)).toBe(true);
      }),
    );
  });

  it('ignores answers to hidden questions entirely', () => {
    fc.assert(
      fc.property(scenario, ({ definition, answers, other }) => {
        const visibility = resolveVisibility(definition, answers, NON_SME);
        const changed: Record<string, unknown> = { ...answers };
        for (const [id, state] of visibility) if (state !== 'visible') changed[id] = other[id];
        expect(scoreResponse(definition, changed, { profile: NON_SME })).toEqual(
          scoreResponse(definition, answers, { profile: NON_SME }),
        );
      }),
    );
  });

  it('never lowers a score when one answer improves or an open question is answered', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ definition, answers, other }, pick) => {
        const index = indexDefinition(definition);
        // A gate question also changes which questions are visible; monotonicity is about an answer's own
        // score, so gates are left out (a definition that scores a gate accepts that trade-off knowingly).
        const gates = new Set(
          index.entries.flatMap((e) =>
            e.question.showIf ? conditionReferences(e.question.showIf, '').map((r) => r.questionId) : [],
          ),
        );
        const visibility = resolveVisibility(definition, answers, NON_SME);
        const candidates = index.entries.filter(
          (e) => !gates.has(e.question.id) && visibility.get(e.question.id) === 'visible',
        );
        fc.pre(candidates.length > 0);
        const { question, tags } = candidates[pick % candidates.length]!;
        const scoreOf = (value: unknown) =>
          isEmptyAnswer(value) || checkAnswer(question, value).length > 0
            ? null
            : scoreAnswer(question, value);
        const [a, b] = [answers[question.id], other[question.id]];
        const [sa, sb] = [scoreOf(a), scoreOf(b)];
        fc.pre(sa !== null && sb !== null);
        const [worse, better] = sa <= sb ? [a, b] : [b, a];
        const report = (value: unknown) =>
          scoreResponse(definition, { ...answers, [question.id]: value }, { profile: NON_SME });
        const [low, high, open] = [report(worse), report(better), report(undefined)];
        expect(high.overall.score!).toBeGreaterThanOrEqual(low.overall.score!);
        for (const value of tags.dim ?? []) {
          const group = (r: ScoreReport) => r.dimensions[0]!.groups.find((g) => g.id === value)!.score!;
          expect(group(high)).toBeGreaterThanOrEqual(group(low));
        }
        // Answering a question left open never lowers the score either (open counts as 0).
        expect(low.overall.score!).toBeGreaterThanOrEqual(open.overall.score!);
      }),
    );
  });
});
