import type { QuestionnaireDefinition } from '@aeolus/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import { fingerprintDefinition, validateDefinition } from './questionnaire.definition.js';
import { questionnaireDefinitions } from './questionnaire.tables.js';

type DefinitionKind = (typeof questionnaireDefinitions.$inferInsert)['kind'];

/**
 * Stores a shipped definition as a published version (once; a published version is never edited) and
 * returns its id. Whatever pins this id (an AEO application, a SAFE campaign) keeps the meaning of its
 * answers when a later version ships.
 */
export async function ensurePublishedDefinition(
  tx: Tx,
  definition: QuestionnaireDefinition,
  kind: DefinitionKind,
): Promise<string> {
  const version = String(definition.version);
  const where = and(
    eq(questionnaireDefinitions.key, definition.id),
    eq(questionnaireDefinitions.version, version),
  );
  const [existing] = await tx
    .select({ id: questionnaireDefinitions.id })
    .from(questionnaireDefinitions)
    .where(where);
  if (existing) return existing.id;
  const [row] = await tx
    .insert(questionnaireDefinitions)
    .values({
      key: definition.id,
      version,
      kind,
      status: 'published',
      definition: definition as unknown as Record<string, unknown>,
      fingerprint: fingerprintDefinition(definition),
      publishedAt: new Date(),
    })
    .returning({ id: questionnaireDefinitions.id });
  return row!.id;
}

// A published definition version never changes, so its parsed form can be cached by id.
const parsed = new Map<string, QuestionnaireDefinition>();

/** Forgets the parsed versions (see clearScreeningContexts: one database per process is assumed). */
export function clearStoredDefinitions(): void {
  parsed.clear();
}

/** The stored definition version a response was given for, parsed (and cached: versions are immutable). */
export async function loadStoredDefinition(db: Db | Tx, id: string): Promise<QuestionnaireDefinition> {
  const cached = parsed.get(id);
  if (cached) return cached;
  const [row] = await db.select().from(questionnaireDefinitions).where(eq(questionnaireDefinitions.id, id));
  if (!row) throw new AppError('INTERNAL', `Questionnaire definition ${id} is missing`);
  const result = validateDefinition(row.definition);
  if (!result.ok)
    throw new AppError('INTERNAL', `Questionnaire definition ${row.key}@${row.version} is invalid`);
  parsed.set(id, result.definition);
  return result.definition;
}
