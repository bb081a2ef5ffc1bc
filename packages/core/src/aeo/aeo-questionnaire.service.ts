import type { AeoApplicationQuestionnaire } from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { loadCase } from './aeo-case.js';
import { loadPinnedDefinition } from './aeo-saq.js';

/**
 * The SAQ an application answers, for the form that fills it in (operator) and the desk review that reads
 * it (administration). Always the version the application pinned: a programme moving to a newer version
 * must not change the questions under an application already started.
 */
export async function getApplicationQuestionnaire(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<AeoApplicationQuestionnaire> {
  const application = await loadCase(ctx.db, actor, {
    id: input.id,
    permission: 'aeo-application:read',
    side: 'either',
  });
  if (!application.saqDefinitionId) {
    throw new AppError(
      'NOT_FOUND',
      'The programme has no self-assessment questionnaire for this application',
    );
  }
  return {
    applicationId: application.id,
    definitionId: application.saqDefinitionId,
    variant: application.saqVariant,
    definition: await loadPinnedDefinition(ctx.db, application.saqDefinitionId),
  };
}
