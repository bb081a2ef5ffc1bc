import type { Question, ScoringScale } from '@aeolus/contracts';

/**
 * Per-question scoring. Every answer becomes a fraction 0..1 of the top of its scale (a maturity level n
 * is n / 4), or null for "not applicable". Scoring assumes an answer that `checkAnswer` accepted.
 */

export function scaleTop(scale: ScoringScale): number {
  return scale === 'maturity' ? 4 : 1;
}

const normalise = (value: number, scale: ScoringScale) => value / scaleTop(scale);

function own<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Every value a question's scoring map can give, on its own scale (for definition checks). */
export function scoringValues(question: Question): Array<number | null> {
  switch (question.type) {
    case 'yes_no':
      return question.scoring ? [question.scoring.yes, question.scoring.no] : [];
    case 'single_choice':
    case 'multiple_choice':
      return Object.values(question.scoring?.options ?? {});
    case 'maturity':
      if (!question.scoring) return [];
      return question.scoring.levels ? Object.values(question.scoring.levels) : [0, 1, 2, 3, 4];
    case 'number':
      return question.scoring?.bands.map((band) => band.value) ?? [];
    case 'date':
    case 'text':
    case 'evidence':
      return question.scoring ? [question.scoring.answered] : [];
    default:
      return question satisfies never;
  }
}

/** The scale a question's map and target are written on (maturity levels default to `maturity`). */
export function scoringScaleOf(question: Question): ScoringScale {
  if (question.type === 'maturity' && !question.scoring?.levels) return 'maturity';
  return question.scoring?.scale ?? 'fraction';
}

/** The best normalised score any answer can reach; null when the question is not scored at all. */
export function maxScore(question: Question): number | null {
  const scale = scoringScaleOf(question);
  const values = scoringValues(question).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  if (question.type === 'multiple_choice' && question.scoring?.combine === 'sum') {
    // Exclusive options ("none of these") stand alone; the others add up to the cap.
    const map = question.scoring.options;
    const optionValue = (id: string) => own(map, id) ?? 0;
    const alone = question.options.filter((o) => o.exclusive).map((o) => optionValue(o.id));
    const combined = question.options
      .filter((o) => !o.exclusive)
      .reduce((sum, o) => sum + normalise(optionValue(o.id), scale), 0);
    return Math.max(...alone.map((v) => normalise(v, scale)), Math.min(1, combined));
  }
  return Math.max(...values.map((v) => normalise(v, scale)));
}

/**
 * The normalised score of a valid, non-empty answer, or null when the scoring map marks it not
 * applicable (e.g. "we do not load containers" on a sealing question).
 */
export function scoreAnswer(question: Question, value: unknown): number | null {
  const scale = scoringScaleOf(question);
  const norm = (v: number | null | undefined) => (v === null || v === undefined ? null : normalise(v, scale));
  switch (question.type) {
    case 'yes_no':
      return question.scoring ? norm(value === true ? question.scoring.yes : question.scoring.no) : null;
    case 'single_choice':
      return question.scoring ? norm(own(question.scoring.options, value as string)) : null;
    case 'multiple_choice': {
      const scoring = question.scoring;
      if (!scoring) return null;
      const values = (value as string[])
        .map((id) => norm(own(scoring.options, id)))
        .filter((v): v is number => v !== null);
      if (values.length === 0) return null;
      return scoring.combine === 'max'
        ? Math.max(...values)
        : Math.min(
            1,
            values.reduce((sum, v) => sum + v, 0),
          );
    }
    case 'maturity': {
      if (!question.scoring) return null;
      const levels = question.scoring.levels;
      return levels ? norm(own(levels, String(value))) : (value as number) / 4;
    }
    case 'number': {
      const n = value as number;
      const band = question.scoring?.bands.find(
        (b) => (b.atLeast === undefined || n >= b.atLeast) && (b.below === undefined || n < b.below),
      );
      return norm(band?.value);
    }
    case 'date':
    case 'text':
    case 'evidence':
      return norm(question.scoring?.answered);
    default:
      return question satisfies never;
  }
}

/** A question's own target, normalised; undefined when it leaves the target to its tags or the default. */
export function ownTarget(question: Question): number | undefined {
  const target = question.scoring?.target;
  return target === undefined ? undefined : normalise(target, scoringScaleOf(question));
}
