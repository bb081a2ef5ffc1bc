import type { QuestionnaireDefinition, SaqVersionDetail, SaqVersionSummary } from '@aeolus/contracts';
import { AppError } from '../errors.js';
import { validateDefinition } from './questionnaire.definition.js';
import { questionsForProfile } from './questionnaire.engine.js';
import type { DefinitionRow } from './questionnaire-versions.repository.js';

// Parsed definitions by fingerprint: content-addressed, so a draft that changes gets a new entry. Kept
// small (oldest out first): every edit of a draft adds one, and a definition can be ~100 kB.
const parsed = new Map<string, QuestionnaireDefinition>();
const CACHE_SIZE = 32;

export function parsedDefinition(row: DefinitionRow): QuestionnaireDefinition {
  const cached = parsed.get(row.fingerprint);
  if (cached) return cached;
  const result = validateDefinition(row.definition);
  // Every stored version passed the same checks when it was saved; failing now is a server fault.
  if (!result.ok)
    throw new AppError('INTERNAL', `Questionnaire definition ${row.key}@${row.version} is invalid`);
  parsed.set(row.fingerprint, result.definition);
  if (parsed.size > CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  return result.definition;
}

const variantIds = (definition: QuestionnaireDefinition, isSme: boolean) =>
  questionsForProfile(definition, { isSme }).map((e) => e.question.id);

/** What the owner's use of its versions looks like (AEO: the programme's SAQ; SAFE: campaigns pinning it). */
export interface VersionContext {
  inUseId: string | null;
  /** Pinned uses per version id: AEO applications, or SAFE campaigns. */
  applicationCounts: Map<string, number>;
}

export function toVersionSummary(row: DefinitionRow, context: VersionContext): SaqVersionSummary {
  const definition = parsedDefinition(row);
  return {
    id: row.id,
    definitionId: definition.id,
    version: row.version,
    title: definition.title,
    status: row.status,
    isShipped: row.ownerOrganisationId === null,
    isInUse: row.id === context.inUseId,
    fingerprint: row.fingerprint,
    sectionCount: definition.sections.length,
    questionCount: {
      standard: variantIds(definition, false).length,
      sme: variantIds(definition, true).length,
    },
    applicationCount: context.applicationCounts.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function toVersionDetail(row: DefinitionRow, context: VersionContext): SaqVersionDetail {
  const definition = parsedDefinition(row);
  return {
    ...toVersionSummary(row, context),
    // As stored: canonical JSON of exactly this hashes to the fingerprint.
    definition: row.definition,
    variants: { standard: variantIds(definition, false), sme: variantIds(definition, true) },
  };
}
