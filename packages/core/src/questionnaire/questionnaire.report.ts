import type {
  GroupScore,
  LocalisedText,
  QuestionnaireDefinition,
  QuestionnaireProfile,
  ScoreAggregate,
  ScoreGap,
  ScoreReport,
} from '@aeolus/contracts';
import { checkAnswer, type ValidateResponseOptions } from './questionnaire.answers.js';
import { answerOf, isEmptyAnswer } from './questionnaire.conditions.js';
import { indexDefinition, type QuestionEntry, resolveVisibility } from './questionnaire.engine.js';
import { maxScore, ownTarget, scoreAnswer } from './questionnaire.scoring.js';

/**
 * Scores a response: per question, then weighted means per section, per value of every tag dimension
 * (SAFE AEO heading, pillar, standard, theme …) and overall, each with its contributions so a reader can
 * see why a group scored what it did; then the gap list ranked by weight × distance to target.
 *
 * Rules (deterministic, documented for the people being scored):
 * - only visible questions with a scoring map count; answers to hidden questions are ignored;
 * - a visible scored question without a valid answer counts as 0 (no credit for what is not declared);
 * - an answer the map scores `null` ("not applicable") is left out of every average;
 * - a question's target is its own `scoring.target`, else the highest target of its tag values, else the
 *   top reachable score — never above what the question can reach.
 */
export interface ScoreResponseOptions {
  profile: QuestionnaireProfile;
  lookupDocument?: ValidateResponseOptions['lookupDocument'];
}

interface Scored {
  entry: QuestionEntry;
  answered: boolean;
  /** null = not applicable */
  score: number | null;
  max: number;
  target: number;
  weight: number;
}
type Counted = Scored & { score: number };

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** A shortfall that rounds to 0.0000 in the report is noise, not a gap anyone could act on. */
const MIN_GAP = 0.00005;

function tagTargets(definition: QuestionnaireDefinition): Map<string, number> {
  const targets = new Map<string, number>();
  for (const dimension of definition.dimensions) {
    for (const value of dimension.values) {
      if (value.target !== undefined) targets.set(`${dimension.id}\u0000${value.id}`, value.target / 100);
    }
  }
  return targets;
}

function targetOf(entry: QuestionEntry, max: number, targets: Map<string, number>): number {
  const own = ownTarget(entry.question);
  if (own !== undefined) return Math.min(own, max);
  const fromTags = Object.entries(entry.tags).flatMap(([dimension, values]) =>
    values.map((value) => targets.get(`${dimension}\u0000${value}`)).filter((t) => t !== undefined),
  );
  return fromTags.length > 0 ? Math.min(Math.max(...fromTags), max) : max;
}

function aggregate(items: Counted[]): ScoreAggregate {
  const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
  if (items.length === 0 || totalWeight <= 0) {
    return {
      score: null,
      percent: null,
      maturity: null,
      target: null,
      gap: null,
      totalWeight: 0,
      questionCount: 0,
    };
  }
  const score = items.reduce((sum, item) => sum + item.weight * item.score, 0) / totalWeight;
  const target = items.reduce((sum, item) => sum + item.weight * item.target, 0) / totalWeight;
  return {
    score: round(score, 4),
    percent: round(score * 100, 1),
    maturity: round(score * 4, 2),
    target: round(target, 4),
    gap: round(Math.max(0, target - score), 4),
    totalWeight: round(totalWeight, 4),
    questionCount: items.length,
  };
}

function group(id: string, label: LocalisedText, items: Counted[]): GroupScore {
  const summary = aggregate(items);
  return {
    id,
    label,
    ...summary,
    contributions: items.map((item) => ({
      questionId: item.entry.question.id,
      weight: item.weight,
      score: round(item.score, 4),
      share: summary.totalWeight > 0 ? round(item.weight / summary.totalWeight, 4) : 0,
    })),
  };
}

export function scoreResponse(
  definition: QuestionnaireDefinition,
  answers: Record<string, unknown>,
  options: ScoreResponseOptions,
): ScoreReport {
  const index = indexDefinition(definition);
  const visibility = resolveVisibility(definition, answers, options.profile);
  const targets = tagTargets(definition);

  const scored: Scored[] = [];
  for (const entry of index.entries) {
    const { question } = entry;
    const max = maxScore(question);
    if (max === null || visibility.get(question.id) !== 'visible') continue;
    const value = answerOf(answers, question.id);
    const answered =
      !isEmptyAnswer(value) && checkAnswer(question, value, options.lookupDocument).length === 0;
    scored.push({
      entry,
      answered,
      score: answered ? scoreAnswer(question, value) : 0,
      max,
      target: targetOf(entry, max, targets),
      weight: question.weight,
    });
  }
  const counted = scored.filter((item): item is Counted => item.score !== null);

  const gaps: ScoreGap[] = counted
    .filter((item) => item.target - item.score >= MIN_GAP)
    .map((item) => ({ item, priority: item.weight * (item.target - item.score) }))
    // Stable sort: equal priorities keep document order, so the list is the same on every run.
    .sort((a, b) => b.priority - a.priority)
    .map(({ item, priority }, i) => ({
      rank: i + 1,
      questionId: item.entry.question.id,
      sectionId: item.entry.section.id,
      label: item.entry.question.label,
      answered: item.answered,
      weight: item.weight,
      score: round(item.score, 4),
      target: round(item.target, 4),
      distance: round(item.target - item.score, 4),
      priority: round(priority, 4),
      tags: item.entry.tags,
    }));

  return {
    questionnaireId: definition.id,
    version: definition.version,
    profile: { isSme: options.profile.isSme },
    overall: aggregate(counted),
    sections: definition.sections.map((section) =>
      group(
        section.id,
        section.title,
        counted.filter((item) => item.entry.section === section),
      ),
    ),
    dimensions: definition.dimensions.map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      groups: dimension.values.map((value) =>
        group(
          value.id,
          value.label,
          counted.filter((item) => item.entry.tags[dimension.id]?.includes(value.id)),
        ),
      ),
    })),
    questions: scored.map((item) => ({
      questionId: item.entry.question.id,
      sectionId: item.entry.section.id,
      answered: item.answered,
      excluded: item.score === null,
      score: item.score === null ? null : round(item.score, 4),
      maxScore: round(item.max, 4),
      target: round(item.target, 4),
      weight: item.weight,
      tags: item.entry.tags,
    })),
    gaps,
  };
}
