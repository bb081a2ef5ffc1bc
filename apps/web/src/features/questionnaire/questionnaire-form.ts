import {
  type AnswerProblemCode,
  answerOf,
  isEmptyAnswer,
  type Question,
  type QuestionnaireDefinition,
  type QuestionnaireProfile,
  resolveVisibility,
  type Section,
} from '@aeolus/contracts';

/**
 * What the SAQ form decides for itself, all from the engine's own visibility rules (in the contracts,
 * shared with the server): which sections and questions show, how far each section is, which answers a
 * submission must drop, and how server problems map back to questions.
 */

export type Answers = Record<string, unknown>;

export interface SectionProgress {
  section: Section;
  /** False when the section's own condition hides it (or none of its questions is for this profile). */
  shown: boolean;
  /** The questions the respondent sees now, in order. */
  questions: Question[];
  /** Visible required questions, and how many of them are answered. */
  required: number;
  answered: number;
  complete: boolean;
}

export interface QuestionnaireProgress {
  sections: SectionProgress[];
  required: number;
  answered: number;
  complete: boolean;
}

/**
 * Progress counts only what a submission requires: visible, required questions. A hidden follow-up never
 * counts, so answering "no" to a gate question can complete a section at once.
 */
export function questionnaireProgress(
  definition: QuestionnaireDefinition,
  answers: Answers,
  profile: QuestionnaireProfile,
): QuestionnaireProgress {
  const visibility = resolveVisibility(definition, answers, profile);
  const sections = definition.sections.map((section): SectionProgress => {
    const questions = section.questions.filter((q) => visibility.get(q.id) === 'visible');
    const required = questions.filter((q) => q.required);
    const answered = required.filter((q) => !isEmptyAnswer(answerOf(answers, q.id))).length;
    return {
      section,
      shown: questions.length > 0,
      questions,
      required: required.length,
      answered,
      complete: answered === required.length,
    };
  });
  const required = sections.reduce((n, s) => n + s.required, 0);
  const answered = sections.reduce((n, s) => n + s.answered, 0);
  return { sections, required, answered, complete: answered === required };
}

/**
 * Answers kept on questions that are hidden now. Autosave keeps them (flipping the gate question back
 * restores them) but a submission refuses them, so they are cleared just before submitting.
 */
export function hiddenAnswerIds(
  definition: QuestionnaireDefinition,
  answers: Answers,
  profile: QuestionnaireProfile,
): string[] {
  const visibility = resolveVisibility(definition, answers, profile);
  return Object.keys(answers).filter(
    (id) => visibility.get(id) !== 'visible' && !isEmptyAnswer(answerOf(answers, id)),
  );
}

/**
 * A multiple-choice selection after ticking or unticking one option. An exclusive option ("none of
 * these") cannot be combined: ticking it clears the others, ticking another clears it.
 */
export function toggleOption(
  options: readonly Extract<Question, { type: 'multiple_choice' }>['options'][number][],
  selected: readonly string[],
  optionId: string,
  checked: boolean,
): string[] {
  if (!checked) return selected.filter((id) => id !== optionId);
  const option = options.find((o) => o.id === optionId);
  if (!option) return [...selected];
  if (option.exclusive) return [optionId];
  const exclusive = new Set(options.filter((o) => o.exclusive).map((o) => o.id));
  const kept = selected.filter((id) => id !== optionId && !exclusive.has(id));
  // Keep the definition's order, so the stored answer does not depend on the order of clicks.
  const next = new Set([...kept, optionId]);
  return options.filter((o) => next.has(o.id)).map((o) => o.id);
}

export interface AnswerProblemView {
  code: AnswerProblemCode | 'other';
  /** The server's (English) message: shown when no translation fits. */
  message: string;
}

/**
 * The server's field problems (`details.problems`, paths `answers.<questionId>`), first one per question;
 * problems that name no question (the whole body) are returned apart.
 */
export function answerProblems(details: unknown): {
  byQuestion: Record<string, AnswerProblemView>;
  general: AnswerProblemView[];
} {
  const raw = (details as { problems?: unknown } | null | undefined)?.problems;
  const byQuestion: Record<string, AnswerProblemView> = {};
  const general: AnswerProblemView[] = [];
  if (!Array.isArray(raw)) return { byQuestion, general };
  for (const problem of raw) {
    if (typeof problem?.path !== 'string' || typeof problem?.message !== 'string') continue;
    const view: AnswerProblemView = {
      code: typeof problem.code === 'string' ? (problem.code as AnswerProblemCode) : 'other',
      message: problem.message,
    };
    const match = /^(?:body\.)?answers\.(.+)$/.exec(problem.path);
    const questionId = match?.[1];
    if (questionId === undefined) general.push(view);
    else if (!Object.hasOwn(byQuestion, questionId)) byQuestion[questionId] = view;
  }
  return { byQuestion, general };
}

/** A question's answer as a list of document ids (evidence), whatever was stored. */
export function documentIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
