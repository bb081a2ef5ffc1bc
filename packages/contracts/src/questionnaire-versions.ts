import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';

/**
 * Versions of the AEO self-assessment questionnaire (SAQ) an administration offers. The platform ships a
 * default; an administration adds its own as drafts, publishes one (its programme then gives it to new
 * applications) and retires old ones. A published version is never edited: an application keeps the
 * version it was given, and the stored fingerprint proves which text its answers belong to.
 */

export const QUESTIONNAIRE_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export const QuestionnaireVersionStatus = z.enum(QUESTIONNAIRE_VERSION_STATUSES);
export type QuestionnaireVersionStatus = z.infer<typeof QuestionnaireVersionStatus>;

const Localised = z.object({ en: z.string(), fr: z.string() });

export const SaqVersionSummary = z.object({
  id: Uuid,
  /** The definition's own `id` and `version` (a response names its version as `id@version`). */
  definitionId: z.string(),
  version: z.string(),
  title: Localised,
  status: QuestionnaireVersionStatus,
  /** Shipped with the platform (shared by every administration, never edited or retired by one). */
  isShipped: z.boolean(),
  /** The version the programme gives to new applications. */
  isInUse: z.boolean(),
  /** SHA-256 of the definition's canonical JSON. */
  fingerprint: z.string(),
  sectionCount: z.int(),
  /** Questions in each variant before any condition: the full questionnaire and the SME one. */
  questionCount: z.object({ standard: z.int(), sme: z.int() }),
  /** Applications of the caller's programme (an operator: its own) that were given this version. */
  applicationCount: z.int(),
  createdAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
});
export type SaqVersionSummary = z.infer<typeof SaqVersionSummary>;

export const SaqVersionList = z.object({ items: z.array(SaqVersionSummary) });
export type SaqVersionList = z.infer<typeof SaqVersionList>;

export const SaqVersionDetail = SaqVersionSummary.extend({
  /** The definition as stored (defaults filled in); the `QuestionnaireDefinition` format. */
  definition: z.record(z.string(), z.unknown()),
  /** Question ids of each variant, in order, as the engine selects them for a profile. */
  variants: z.object({ standard: z.array(z.string()), sme: z.array(z.string()) }),
});
export type SaqVersionDetail = z.infer<typeof SaqVersionDetail>;

/**
 * A new draft, or a draft's replacement. The definition is checked by the questionnaire engine (shape,
 * then cross-references); each problem names its path, e.g. `definition.sections.2.questions.0.id`.
 */
export const SaveSaqVersion = z.strictObject({
  definition: z.unknown().refine((value) => value !== undefined, 'a questionnaire definition is required'),
});
export type SaveSaqVersion = z.infer<typeof SaveSaqVersion>;

/**
 * The same shapes for any questionnaire kind with versions (the SAFE monitoring questionnaire too). For
 * SAFE, `isInUse` is false and `applicationCount` counts the secretariat's campaigns that pinned the version.
 */
export const QuestionnaireVersionList = SaqVersionList;
export const QuestionnaireVersionDetail = SaqVersionDetail;
export const SaveQuestionnaireVersion = SaveSaqVersion;
export type QuestionnaireVersionList = SaqVersionList;
export type QuestionnaireVersionDetail = SaqVersionDetail;
export type SaveQuestionnaireVersion = SaveSaqVersion;
