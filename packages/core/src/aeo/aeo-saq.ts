import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { documents } from '../documents/documents.tables.js';
import { AppError } from '../errors.js';
import { assertValidResponse } from '../questionnaire/questionnaire.answers.js';
import { loadStoredDefinition } from '../questionnaire/questionnaire.store.js';
import type * as repo from './aeo.repository.js';

/** What evidence answers attach to: documents uploaded for this application (see documents module). */
export const APPLICATION_DOCUMENT_SUBJECT = 'aeo_application';

/** The SAQ version an application pinned (the questionnaire module's store; versions are immutable). */
export const loadPinnedDefinition = loadStoredDefinition;

/**
 * Validates SAQ answers against the version the application pinned, for the variant chosen when the
 * draft was made (SME or standard). `draft` (autosave) checks only what is given; `submit` also
 * requires every visible required question and that evidence names documents attached to this case.
 */
export async function checkAnswers(
  db: Db | Tx,
  application: repo.ApplicationRow,
  answers: Record<string, unknown>,
  mode: 'draft' | 'submit',
): Promise<void> {
  if (!application.saqDefinitionId) {
    throw new AppError('CONFLICT', 'The programme has no self-assessment questionnaire to answer');
  }
  const definition = await loadPinnedDefinition(db, application.saqDefinitionId);
  const attached = await db
    .select({ id: documents.id, mime: documents.mime })
    .from(documents)
    .where(
      and(
        eq(documents.attachedToType, APPLICATION_DOCUMENT_SUBJECT),
        eq(documents.attachedToId, application.id),
        eq(documents.organisationId, application.operatorId),
      ),
    );
  const byId = new Map(attached.map((d) => [d.id, { mediaType: d.mime }]));
  assertValidResponse(definition, answers, {
    profile: { isSme: application.saqVariant === 'sme' },
    mode,
    lookupDocument: (id) => byId.get(id),
  });
}
