import { z } from 'zod';

/**
 * The questionnaire definition format, shared by the AEO self-assessment questionnaire (SAQ) and the SAFE
 * monitoring questionnaire: one engine, one format. Definitions are data (JSON files in the repository,
 * later edited by the secretariat); every object is strict so that a misspelt field is an error, not
 * something silently ignored. Structural rules live here; cross-references (unique ids, `showIf` pointing
 * only backwards, scoring maps that cover every option …) are checked by `validateDefinition` in core.
 */

/** Both languages of the platform; every text a respondent sees exists in each. */
const localised = (max: number) =>
  z.strictObject({ en: z.string().trim().min(1).max(max), fr: z.string().trim().min(1).max(max) });
export const LocalisedText = localised(4000);
export type LocalisedText = z.infer<typeof LocalisedText>;

const ID_HINT = "must start with a lower-case letter and use only a-z, 0-9, '_' or '-'";
// No dots: question ids appear in field paths such as `answers.<questionId>`.
export const QuestionId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, ID_HINT);
export const SectionId = QuestionId;
export const OptionId = QuestionId;
export const DimensionId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'must be a camelCase or snake_case name');
export const TagValueId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'must be letters, digits, ".", "_" or "-" (e.g. "7" or "2.3")');

/** A whole number (1, 2 …) or a plain semantic version ("1.2.0"). */
export const QuestionnaireVersion = z.union([
  z.number().int().min(1).max(1_000_000),
  z
    .string()
    .regex(
      /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/,
      'must be a whole number or a version such as 1.0.0',
    ),
]);
export type QuestionnaireVersion = z.infer<typeof QuestionnaireVersion>;

/** Who sees a question: SAFE asks programmes to be proportionate for small and medium enterprises. */
export const AUDIENCES = ['all', 'sme', 'non_sme'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

/** Media types an evidence question may accept (the platform's paperless-evidence formats). */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/xml',
  'application/json',
] as const;
export const EvidenceMediaType = z.enum(EVIDENCE_MEDIA_TYPES);
export type EvidenceMediaType = z.infer<typeof EvidenceMediaType>;

/** A tag dimension, e.g. `aeoHeading` with values "1" … "13", or `pillar`, `standard`, `theme`. */
export const TagDimension = z.strictObject({
  id: DimensionId,
  label: localised(200),
  values: z
    .array(
      z.strictObject({
        id: TagValueId,
        label: localised(300),
        /** Target for every question carrying this value, in percent (0–100) of the top score. */
        target: z.number().min(0).max(100).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type TagDimension = z.infer<typeof TagDimension>;

/**
 * `{ "aeoHeading": "7" }` or `{ "theme": ["risk_management", "information_sharing"] }`; always a list
 * once parsed. A codec rather than a one-way transform, so that a parsed definition can be sent back out
 * through a response schema (the server's serializer encodes with the same schema).
 */
const TagValues = z.array(TagValueId).min(1).max(20);
export const Tags = z.record(
  DimensionId,
  z.codec(z.union([TagValueId, TagValues]), TagValues, {
    decode: (value) => (typeof value === 'string' ? [value] : value),
    encode: (value) => value,
  }),
);
export type Tags = z.infer<typeof Tags>;

export const MaturityLevel = z.strictObject({ label: localised(120), description: localised(1000) });
export type MaturityLevel = z.infer<typeof MaturityLevel>;
const FIVE_LEVELS = 'must describe exactly five levels, 0 to 4';
export const MaturityScale = z.strictObject({
  id: QuestionId,
  levels: z.array(MaturityLevel).length(5, FIVE_LEVELS),
});
export type MaturityScale = z.infer<typeof MaturityScale>;

// ---------------------------------------------------------------------------------------------------------
// Conditional visibility: a small expression language over answers to EARLIER questions.

export type ConditionValue = string | number | boolean;
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { question: string; equals: ConditionValue }
  | { question: string; in: ConditionValue[] }
  | { question: string; gte: number }
  | { question: string; lte: number }
  | { question: string; answered: boolean };

const ConditionValue = z.union([z.string().max(500), z.number(), z.boolean()]);
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1).max(50) }),
    z.strictObject({ any: z.array(Condition).min(1).max(50) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ question: QuestionId, equals: ConditionValue }),
    z.strictObject({ question: QuestionId, in: z.array(ConditionValue).min(1).max(50) }),
    z.strictObject({ question: QuestionId, gte: z.number() }),
    z.strictObject({ question: QuestionId, lte: z.number() }),
    z.strictObject({ question: QuestionId, answered: z.boolean() }),
  ]),
);

// ---------------------------------------------------------------------------------------------------------
// Scoring maps. Values are on the question's `scale`: `fraction` (0..1) or `maturity` (0..4, scored as
// level / 4). `null` means "not applicable": the answer is left out of every weighted average.

export const SCORING_SCALES = ['fraction', 'maturity'] as const;
export const ScoringScale = z.enum(SCORING_SCALES);
export type ScoringScale = z.infer<typeof ScoringScale>;
const ScoreValue = z.number().min(0).max(4).nullable();
const scoringBase = (scale: ScoringScale) => ({
  scale: ScoringScale.default(scale),
  /** Target on the same scale; when absent, a tag value's target or else the top reachable score. */
  target: z.number().min(0).max(4).optional(),
});
export const YesNoScoring = z.strictObject({ ...scoringBase('fraction'), yes: ScoreValue, no: ScoreValue });
export const ChoiceScoring = z.strictObject({
  ...scoringBase('fraction'),
  options: z.record(OptionId, ScoreValue),
});
export const MultipleChoiceScoring = ChoiceScoring.extend({
  /** `sum`: values add up, capped at the top of the scale; `max`: the best selected option counts. */
  combine: z.enum(['sum', 'max']).default('sum'),
});
export const MaturityScoring = z.strictObject({
  ...scoringBase('maturity'),
  /** Without `levels`, level n scores n / 4. */
  levels: z
    .strictObject({ '0': ScoreValue, '1': ScoreValue, '2': ScoreValue, '3': ScoreValue, '4': ScoreValue })
    .optional(),
});
/** Bands cover every number: the first has no `atLeast`, the last no `below`, each starts where the
 * previous one ends (`atLeast` inclusive, `below` exclusive). */
export const NumberScoring = z.strictObject({
  ...scoringBase('fraction'),
  bands: z
    .array(
      z.strictObject({ atLeast: z.number().optional(), below: z.number().optional(), value: ScoreValue }),
    )
    .min(1)
    .max(20),
});
/** For date, text and evidence questions: giving an answer earns `answered`. */
export const PresenceScoring = z.strictObject({
  ...scoringBase('fraction'),
  answered: z.number().min(0).max(4),
});

// ---------------------------------------------------------------------------------------------------------
// Questions

const questionBase = {
  id: QuestionId,
  label: localised(500),
  guidance: localised(4000).optional(),
  /** Required questions must be answered, when visible, before a response can be submitted. */
  required: z.boolean().default(true),
  weight: z.number().positive().max(100).default(1),
  showIf: Condition.optional(),
  /** Merged over the section's tags, dimension by dimension. */
  tags: Tags.default({}),
  audience: Audience.default('all'),
  /** On an `sme` question: the `non_sme` question it stands in for (it inherits that one's tags). */
  replaces: QuestionId.optional(),
};
const IsoDate = z.iso.date({ message: 'must be a calendar date written YYYY-MM-DD' });
export const ChoiceOption = z.strictObject({ id: OptionId, label: localised(300) });
export const MultipleChoiceOption = ChoiceOption.extend({
  /** An option such as "none of these" that cannot be combined with others. */
  exclusive: z.boolean().default(false),
});

export const YesNoQuestion = z.strictObject({
  type: z.literal('yes_no'),
  ...questionBase,
  scoring: YesNoScoring.optional(),
});
export const SingleChoiceQuestion = z.strictObject({
  type: z.literal('single_choice'),
  ...questionBase,
  options: z.array(ChoiceOption).min(1, 'must offer at least one choice').max(50),
  scoring: ChoiceScoring.optional(),
});
export const MultipleChoiceQuestion = z.strictObject({
  type: z.literal('multiple_choice'),
  ...questionBase,
  options: z.array(MultipleChoiceOption).min(1, 'must offer at least one choice').max(50),
  minSelected: z.number().int().min(1).max(50).optional(),
  maxSelected: z.number().int().min(1).max(50).optional(),
  scoring: MultipleChoiceScoring.optional(),
});
export const MaturityQuestion = z.strictObject({
  type: z.literal('maturity'),
  ...questionBase,
  /** Five described levels (0–4) inline, or `scale`: the id of a shared scale in `maturityScales`. */
  levels: z.array(MaturityLevel).length(5, FIVE_LEVELS).optional(),
  scale: QuestionId.optional(),
  scoring: MaturityScoring.optional(),
});
export const NumberQuestion = z.strictObject({
  type: z.literal('number'),
  ...questionBase,
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
  unit: localised(40).optional(),
  scoring: NumberScoring.optional(),
});
export const DateQuestion = z.strictObject({
  type: z.literal('date'),
  ...questionBase,
  min: IsoDate.optional(),
  max: IsoDate.optional(),
  scoring: PresenceScoring.optional(),
});
export const TextQuestion = z.strictObject({
  type: z.literal('text'),
  ...questionBase,
  maxLength: z.number().int().min(1).max(20_000).default(2000),
  multiline: z.boolean().default(false),
  scoring: PresenceScoring.optional(),
});
export const EvidenceQuestion = z.strictObject({
  type: z.literal('evidence'),
  ...questionBase,
  acceptedTypes: z.array(EvidenceMediaType).min(1).max(EVIDENCE_MEDIA_TYPES.length),
  maxFiles: z.number().int().min(1).max(20).default(5),
  scoring: PresenceScoring.optional(),
});

export const Question = z.discriminatedUnion('type', [
  YesNoQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  MaturityQuestion,
  NumberQuestion,
  DateQuestion,
  TextQuestion,
  EvidenceQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export const QUESTION_TYPES = [
  'yes_no',
  'single_choice',
  'multiple_choice',
  'maturity',
  'number',
  'date',
  'text',
  'evidence',
] as const satisfies readonly QuestionType[];

export const Section = z.strictObject({
  id: SectionId,
  title: localised(300),
  description: localised(4000).optional(),
  showIf: Condition.optional(),
  audience: Audience.default('all'),
  tags: Tags.default({}),
  questions: z.array(Question).min(1).max(300),
});
export type Section = z.infer<typeof Section>;

export const QuestionnaireDefinition = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and "-"'),
  version: QuestionnaireVersion,
  title: localised(300),
  description: localised(4000).optional(),
  dimensions: z.array(TagDimension).max(20).default([]),
  maturityScales: z.array(MaturityScale).max(20).default([]),
  sections: z.array(Section).min(1).max(60),
});
/** A parsed definition (defaults applied). Authors write `QuestionnaireDefinitionInput`. */
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;
export type QuestionnaireDefinitionInput = z.input<typeof QuestionnaireDefinition>;

export * from './questionnaire-results.js';
export * from './questionnaire-visibility.js';
