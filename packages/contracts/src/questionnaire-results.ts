import { z } from 'zod';

/**
 * What the questionnaire engine returns: answer-validation problems and score reports. Re-exported by
 * `questionnaire.ts`; kept apart so that the definition format reads on its own.
 */

const Localised = z.object({ en: z.string(), fr: z.string() });

/** The respondent's profile; `isSme` selects the proportionate SME variant of a questionnaire. */
export const QuestionnaireProfile = z.strictObject({ isSme: z.boolean() });
export type QuestionnaireProfile = z.infer<typeof QuestionnaireProfile>;

/** Answers keyed by question id. Values are checked against the definition by the engine, not here. */
export const Answers = z.record(z.string().max(64), z.unknown());
export type Answers = z.infer<typeof Answers>;

/** `draft` (autosave) checks only what was given; `submit` also requires every visible required answer
 * and refuses answers to hidden questions. */
export const VALIDATION_MODES = ['draft', 'submit'] as const;
export const ValidationMode = z.enum(VALIDATION_MODES);
export type ValidationMode = z.infer<typeof ValidationMode>;

export const ANSWER_PROBLEM_CODES = [
  'invalid_answers',
  'unknown_question',
  'hidden_question',
  'required',
  'invalid_type',
  'unknown_option',
  'duplicate_option',
  'exclusive_option',
  'too_few_selected',
  'too_many_selected',
  'not_integer',
  'out_of_range',
  'invalid_date',
  'too_long',
  'too_many_files',
  'duplicate_document',
  'unknown_document',
  'document_type_not_accepted',
] as const;
export const AnswerProblemCode = z.enum(ANSWER_PROBLEM_CODES);
export type AnswerProblemCode = z.infer<typeof AnswerProblemCode>;

/** Shaped like core's `FieldProblem` (path + message) so it can go straight into a 400 response. */
export const AnswerProblem = z.object({
  /** `answers.<questionId>`, or `answers` when the whole body is wrong. */
  path: z.string(),
  code: AnswerProblemCode,
  message: z.string(),
});
export type AnswerProblem = z.infer<typeof AnswerProblem>;

export const ResponseValidation = z.object({ ok: z.boolean(), problems: z.array(AnswerProblem) });
export type ResponseValidation = z.infer<typeof ResponseValidation>;

/** A problem in a questionnaire definition; `path` is the JSON path, e.g. `sections.2.questions.0.showIf`. */
export const DefinitionProblem = z.object({ path: z.string(), message: z.string() });
export type DefinitionProblem = z.infer<typeof DefinitionProblem>;

// ---------------------------------------------------------------------------------------------------------
// Score reports. Scores are fractions 0..1 of the top of the scale; `percent` is 0–100 and `maturity`
// 0–4, both derived from the same number, so a reader can follow a standard's level back to its answers.

export const ScoreContribution = z.object({
  questionId: z.string(),
  weight: z.number(),
  /** Normalised score of the answer (0..1); an unanswered visible question counts as 0. */
  score: z.number(),
  /** weight / total weight of the group: how much this answer moves the group's score. */
  share: z.number(),
});
export type ScoreContribution = z.infer<typeof ScoreContribution>;

export const ScoreAggregate = z.object({
  /** Weighted mean Σ(weight × score) / Σ weight; null when nothing in the group was scored. */
  score: z.number().nullable(),
  percent: z.number().nullable(),
  maturity: z.number().nullable(),
  /** Weighted mean of the questions' targets, and how far the score falls short of it. */
  target: z.number().nullable(),
  gap: z.number().nullable(),
  totalWeight: z.number(),
  questionCount: z.number().int(),
});
export type ScoreAggregate = z.infer<typeof ScoreAggregate>;

export const GroupScore = ScoreAggregate.extend({
  id: z.string(),
  label: Localised,
  contributions: z.array(ScoreContribution),
});
export type GroupScore = z.infer<typeof GroupScore>;

export const DimensionScore = z.object({ id: z.string(), label: Localised, groups: z.array(GroupScore) });
export type DimensionScore = z.infer<typeof DimensionScore>;

export const QuestionScore = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  answered: z.boolean(),
  /** True when the answer is "not applicable" (scored null): left out of every average. */
  excluded: z.boolean(),
  score: z.number().nullable(),
  maxScore: z.number(),
  target: z.number(),
  weight: z.number(),
  tags: z.record(z.string(), z.array(z.string())),
});
export type QuestionScore = z.infer<typeof QuestionScore>;

export const ScoreGap = z.object({
  rank: z.number().int(),
  questionId: z.string(),
  sectionId: z.string(),
  label: Localised,
  answered: z.boolean(),
  weight: z.number(),
  score: z.number(),
  target: z.number(),
  /** target − score */
  distance: z.number(),
  /** weight × distance: the ranking key. */
  priority: z.number(),
  tags: z.record(z.string(), z.array(z.string())),
});
export type ScoreGap = z.infer<typeof ScoreGap>;

export const ScoreReport = z.object({
  questionnaireId: z.string(),
  version: z.union([z.number(), z.string()]),
  profile: QuestionnaireProfile,
  overall: ScoreAggregate,
  sections: z.array(GroupScore),
  dimensions: z.array(DimensionScore),
  questions: z.array(QuestionScore),
  gaps: z.array(ScoreGap),
});
export type ScoreReport = z.infer<typeof ScoreReport>;
