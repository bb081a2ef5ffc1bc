import { type Action, PERMISSIONS, type PermissionRule } from '@aeolus/contracts';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';

/** A resource as far as authorization cares: the organisation that owns it, and who created it. */
export interface ResourceRef {
  organisationId: string | null;
  ownerUserId?: string | null;
  /** Organisations that an arrangement (e.g. an MRA) lets see this resource too. */
  sharedWith?: readonly string[];
}

export type Decision = { allowed: true } | { allowed: false; reason: 'forbidden' | 'not_found' };

/**
 * The one authorization rule set. Role (or, for an API key, scope and the creating user's role) decides
 * whether the action is allowed at all; the resource's organisation decides whether the actor may see
 * it. Another tenant's resource answers `not_found`, so that its existence does not leak.
 */
export function decide(actor: Actor, action: Action, resource?: ResourceRef): Decision {
  if (actor.kind === 'system') return { allowed: true };
  const rule: PermissionRule = PERMISSIONS[action];
  const roleOk = actor.roles.some((r) => rule.roles.includes(r));
  if (!roleOk) return { allowed: false, reason: 'forbidden' };
  if (actor.kind === 'api_key' && (rule.scope === null || !actor.scopes.includes(rule.scope))) {
    return { allowed: false, reason: 'forbidden' };
  }
  if (resource) {
    const visible =
      resource.organisationId === actor.organisationId ||
      (resource.sharedWith?.includes(actor.organisationId) ?? false);
    if (!visible) return { allowed: false, reason: 'not_found' };
  }
  return { allowed: true };
}

export function can(actor: Actor, action: Action, resource?: ResourceRef): boolean {
  return decide(actor, action, resource).allowed;
}

/** Throws FORBIDDEN (403) or NOT_FOUND (404) unless `can(actor, action, resource)`. */
export function authorize(actor: Actor, action: Action, resource?: ResourceRef, what = 'Resource'): void {
  const decision = decide(actor, action, resource);
  if (decision.allowed) return;
  if (decision.reason === 'not_found') throw AppError.notFound(what);
  throw AppError.forbidden(
    actor.kind === 'api_key'
      ? `This API key's scopes do not allow ${action}`
      : `Your role does not allow ${action}`,
  );
}

/** The organisation an actor acts for; the system actor must name one explicitly. */
export function tenantOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'An organisation must be given');
  return actor.organisationId;
}
