import {
  type DefinitionProblem,
  QuestionnaireDefinition,
  type QuestionnaireVersion,
} from '@aeolus/contracts';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { canonicalJson, sha256Hex } from '../shared/crypto.js';
import { checkDefinition } from './questionnaire.definition-checks.js';

export type DefinitionValidation =
  | { ok: true; definition: QuestionnaireDefinition; problems: [] }
  | { ok: false; problems: DefinitionProblem[] };

const CONDITION_SHAPES =
  'must be a condition: {"all": […]}, {"any": […]}, {"not": …} or {"question": …} with one of equals, in, gte, lte, answered';

// zod's union messages ("Invalid input") say nothing useful to a definition author; name the expected shape.
function unionMessage(path: PropertyKey[], fallback: string): string {
  if (path.includes('showIf')) return CONDITION_SHAPES;
  if (path.includes('tags')) return 'must be a tag value or a list of tag values';
  if (path.length === 1 && path[0] === 'version') return 'must be a whole number or a version such as 1.0.0';
  return fallback;
}

function toProblems(issues: readonly z.core.$ZodIssue[]): DefinitionProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    if (issue.code === 'invalid_union' && !('discriminator' in issue && issue.discriminator)) {
      return [{ path, message: unionMessage(issue.path, issue.message) }];
    }
    return [{ path, message: issue.message }];
  });
}

/**
 * Checks a questionnaire definition in two passes: the shape (zod, from @aeolus/contracts), then the
 * cross-references (unique ids, `showIf` only on earlier questions, option and scoring coverage, tags,
 * SME variants). Every problem comes back with its JSON path; nothing stops at the first.
 */
export function validateDefinition(input: unknown): DefinitionValidation {
  const parsed = QuestionnaireDefinition.safeParse(input);
  if (!parsed.success) return { ok: false, problems: toProblems(parsed.error.issues) };
  const problems = checkDefinition(parsed.data);
  return problems.length === 0
    ? { ok: true, definition: parsed.data, problems: [] }
    : { ok: false, problems };
}

/** `validateDefinition`, throwing VALIDATION_FAILED (400) that names each bad path. */
export function parseDefinition(input: unknown): QuestionnaireDefinition {
  const result = validateDefinition(input);
  if (!result.ok) throw AppError.validation(result.problems);
  return result.definition;
}

function versionParts(version: QuestionnaireVersion): [number, number, number] {
  if (typeof version === 'number') return [version, 0, 0];
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return [major, minor, patch];
}

/** Orders versions; an integer n ranks as n.0.0, so a programme may move from 3 to 3.1.0. */
export function compareVersions(a: QuestionnaireVersion, b: QuestionnaireVersion): number {
  const [pa, pb] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** `aeo-saq-default@1.0.0`: how a response names the definition version it was given for. */
export function definitionKey(definition: Pick<QuestionnaireDefinition, 'id' | 'version'>): string {
  return `${definition.id}@${definition.version}`;
}

/**
 * SHA-256 of the definition's canonical JSON. Stored beside a response, it proves later that the
 * version it was scored against is byte-for-byte the one in storage (editing a definition never changes
 * a submitted application: a changed definition must be a new version).
 */
export function fingerprintDefinition(definition: QuestionnaireDefinition): string {
  return sha256Hex(canonicalJson(definition));
}
