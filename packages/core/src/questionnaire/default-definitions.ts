import type { QuestionnaireDefinition } from '@aeolus/contracts';
import aeoSaq from './definitions/aeo-saq.json' with { type: 'json' };
import safeMonitoring from './definitions/safe-monitoring.json' with { type: 'json' };
import { validateDefinition } from './questionnaire.definition.js';

/**
 * Definitions shipped with the platform. They are data files in `definitions/`; each is validated the
 * first time it is asked for, and a broken file fails loudly with every problem rather than serving a
 * questionnaire that cannot be answered.
 */
const SHIPPED = {
  'aeo-saq-default': aeoSaq,
  'safe-monitoring': safeMonitoring,
} as const satisfies Record<string, unknown>;
export type ShippedDefinitionId = keyof typeof SHIPPED;

const loaded = new Map<ShippedDefinitionId, QuestionnaireDefinition>();

export function getShippedDefinition(id: ShippedDefinitionId): QuestionnaireDefinition {
  const cached = loaded.get(id);
  if (cached) return cached;
  const result = validateDefinition(SHIPPED[id]);
  if (!result.ok) {
    const details = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new Error(`Shipped questionnaire definition '${id}' is invalid: ${details}`);
  }
  loaded.set(id, result.definition);
  return result.definition;
}

export function listShippedDefinitionIds(): ShippedDefinitionId[] {
  return Object.keys(SHIPPED) as ShippedDefinitionId[];
}

/** The default AEO self-assessment questionnaire: 13 SAFE AEO headings, with a proportionate SME variant. */
export function getDefaultAeoSaq(): QuestionnaireDefinition {
  return getShippedDefinition('aeo-saq-default');
}

/**
 * The SAFE implementation monitoring questionnaire: every standard of the three SAFE pillars, the monitoring
 * themes, the review's focus areas and the ten actions of the 2024 resilience resolution, tagged so that the
 * engine scores each of them (`pillar`, `standard`, `theme`, `focus`, `action` dimensions).
 */
export function getSafeMonitoringQuestionnaire(): QuestionnaireDefinition {
  return getShippedDefinition('safe-monitoring');
}
